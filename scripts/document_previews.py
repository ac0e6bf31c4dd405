"""Page 1 of each official document of the demo round, as a PNG in docs/documents/.

Builds every registered kind (core.document_kinds.BUILDERS) for the demo round, renders its PDF and
turns page 1 into a greyscale PNG with `pdftoppm` (Debian's poppler-utils), then rewrites
docs/documents/README.md listing them. Needs a database with the full demo:

    export DATABASE_URL=sqlite:////tmp/doc-previews.sqlite3
    .venv/bin/doithoai migrate -v0 && .venv/bin/doithoai demo
    .venv/bin/python scripts/document_previews.py [--dpi 72] [--round ID]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

import pypdf  # noqa: E402
from django.utils import timezone  # noqa: E402

from doithoai.core.document_kinds import (  # noqa: E402
    BUILDERS,
    FILE_STEMS,
    DocumentUnavailable,
    document_render,
    kind_label,
)
from doithoai.dialogues.models import Round  # noqa: E402

OUT = ROOT / "docs" / "documents"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=72)
    parser.add_argument("--round", dest="round_id", type=int, help="default: the demo round")
    args = parser.parse_args(argv)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    from doithoai.demo.petitions import ROUND_TITLE

    rounds = Round.objects.select_related("unit", "organisation")
    if args.round_id:
        round_ = rounds.filter(pk=args.round_id).first()
    else:
        round_ = rounds.filter(title=ROUND_TITLE).first()
    if round_ is None:
        sys.exit("No demo round in this database: run `doithoai demo` first.")
    OUT.mkdir(parents=True, exist_ok=True)
    rows, missing, made = [], [], set()
    for kind in BUILDERS:
        try:
            pdf = document_render(round_, kind, "pdf")
        except DocumentUnavailable as error:
            missing.append(f"- {kind_label(kind)} (`{kind}`): {error}")
            continue
        except Exception as error:  # a builder still being written: list it, go on
            missing.append(f"- {kind_label(kind)} (`{kind}`): {type(error).__name__}")
            continue
        name = FILE_STEMS.get(kind, kind)
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "doc.pdf"
            source.write_bytes(pdf)
            command = [pdftoppm, "-png", "-gray", "-r", str(args.dpi), "-f", "1", "-l", "1"]
            command += ["-singlefile", str(source), str(OUT / name)]
            subprocess.run(command, check=True)  # noqa: S603 - fixed program, our own files
        made.add(f"{name}.png")
        pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
        rows.append(f"| {kind_label(kind)} | `{kind}` | {pages} | ![{name}]({name}.png) |")
        print(f"{OUT / name}.png ({pages} pages)")
    readme = [
        "# Official documents of the demo round — page 1 of each PDF",
        "",
        f"The demo round “{round_.title}”, as drafts (unissued previews), rendered on "
        f"{timezone.localdate():%Y-%m-%d} at {args.dpi} dpi. Regenerate with "
        "`scripts/document_previews.py` (its docstring has the commands; needs `pdftoppm`).",
        "",
        "| Document | kind | PDF pages | page 1 |",
        "|---|---|---|---|",
        *rows,
    ]
    others = sorted(p.name for p in OUT.glob("*.png") if p.name not in made)
    if others:
        readme += ["", "Also here, made outside this script (see `git log` of each file):"]
        readme += [f"- ![{name}]({name}) `{name}`" for name in others]
    if missing:
        readme += ["", "Not rendered (builder not ready when the previews were made):", *missing]
    (OUT / "README.md").write_text("\n".join(readme) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
