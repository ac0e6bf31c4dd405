"""The docs list every setting read from the environment and every service."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _docs_text() -> str:
    return "\n".join(
        p.read_text() for p in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    )


def test_every_environment_setting_is_documented():
    names = set()
    for path in (ROOT / "config").rglob("*.py"):
        names |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', path.read_text()))
    assert names, "settings read no environment variable: the scan is broken"
    readme = (ROOT / "README.md").read_text()
    assert sorted(n for n in names if f"`{n}`" not in readme) == []


def _services() -> set[str]:
    """Public keyword-only functions of services modules: the `<entity>_<verb>(*, ...)` shape."""
    paths = [*(ROOT / "doithoai").rglob("services.py"), *(ROOT / "doithoai").rglob("services/*.py")]
    return {
        node.name
        for path in paths
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and node.args.kwonlyargs
        and not node.args.args
    }


def test_every_service_is_documented():
    services = _services()
    assert "unit_add_local" in services
    docs = _docs_text()
    assert sorted(s for s in services if f"`{s}`" not in docs) == []
