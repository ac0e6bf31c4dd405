"""The apps keep their layers (docs/adr/0009-layers.md): import-linter's contracts in
pyproject.toml pass, so `make test` fails when a lower app imports a higher one."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_the_import_contracts_are_kept():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_a_broken_layer_is_reported(tmp_path):
    """The contract bites: core importing a higher app is refused."""
    config = tmp_path / "layers.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "doithoai"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "core under accounts"\ntype = "layers"\n'
        'layers = ["doithoai.core", "doithoai.accounts"]\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "doithoai.accounts is not allowed to import doithoai.core" in result.stdout
