"""Speed of every registered official document of the demo round, as DOCX and as PDF.

For each kind in `core.document_kinds.BUILDERS` (plan, invitation, minutes, conclusion notice,
results report, the Front's synthesis report, …) the script builds the document from the
database and renders it, several times per format, as a download does (build + render), and
reports the median, the first (cold) run, the size and the PDF's page count. A kind whose builder
is not installed, or fails, is recorded as such. A synthetic conclusion notice of 500 rows
(the renderer alone) is measured too, for comparison with earlier recordings.

Needs a database with the full demo:

    export DATABASE_URL=sqlite:////tmp/doc-bench.sqlite3
    .venv/bin/doithoai migrate -v0 && .venv/bin/doithoai demo
    .venv/bin/python bench/document_speed.py [--runs 3] [--kinds plan conclusion] [--out DIR]

Exit status 1 when a median misses its target (PDF < 3 s, DOCX < 1 s) or a kind is not ready.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
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
    DocumentUnavailable,
    builder_for,
    kind_label,
)
from doithoai.core.rendering import (  # noqa: E402
    OfficialDocument,
    render_docx,
    render_pdf,
)
from doithoai.core.rendering.samples import sample_conclusion_notice  # noqa: E402
from doithoai.dialogues.models import Round  # noqa: E402

TARGETS_S = {"docx": 1.0, "pdf": 3.0}


@dataclass
class Measure:
    kind: str
    label: str
    status: str = "ok"
    build_s: list[float] = field(default_factory=list)
    runs: dict[str, list[float]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    pages: int | None = None

    def median(self, fmt: str) -> float:
        return statistics.median(self.runs[fmt])

    def meets(self) -> bool:
        return self.status == "ok" and all(self.median(fmt) < TARGETS_S[fmt] for fmt in TARGETS_S)


def demo_round(round_id: int | None) -> Round:
    from doithoai.demo.petitions import ROUND_TITLE

    qs = Round.objects.select_related("unit", "organisation")
    found = qs.filter(pk=round_id).first() if round_id else qs.filter(title=ROUND_TITLE).first()
    if found is None:
        sys.exit("No demo round in this database: run `doithoai demo` first (see the docstring).")
    return found


def measure(
    kind: str, build: Callable[[], OfficialDocument], runs: int, out: Path | None
) -> Measure:
    result = Measure(kind, kind_label(kind))
    renderers = {"docx": render_docx, "pdf": render_pdf}
    for fmt, render in renderers.items():
        result.runs[fmt] = []
        for _ in range(runs):
            start = time.perf_counter()
            doc = build()
            built = time.perf_counter()
            data = render(doc)
            result.runs[fmt].append(time.perf_counter() - start)
            result.build_s.append(built - start)
        result.sizes[fmt] = len(data)
        if fmt == "pdf":
            result.pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        if out:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"{kind}.{fmt}").write_bytes(data)
    return result


def line(m: Measure) -> str:
    if m.status != "ok":
        return f"| {m.label} (`{m.kind}`) | {m.status} | | | | |"
    cells = []
    for fmt in ("docx", "pdf"):
        runs = ", ".join(f"{t:.2f}" for t in m.runs[fmt])
        verdict = "ok" if m.median(fmt) < TARGETS_S[fmt] else "TOO SLOW"
        cells.append(f"{m.median(fmt):.2f} s ({runs}) {verdict}")
    build = statistics.median(m.build_s)
    sizes = f"{m.sizes['docx'] / 1024:.0f} / {m.sizes['pdf'] / 1024:.0f} KiB"
    name = f"{m.label} (`{m.kind}`)"
    return f"| {name} | {cells[0]} | {cells[1]} | {m.pages} | {build:.2f} s | {sizes} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--round", dest="round_id", type=int, help="default: the demo round")
    parser.add_argument("--kinds", nargs="*", help="default: every registered kind")
    parser.add_argument("--sample-issues", type=int, default=500, help="0: skip the sample")
    parser.add_argument("--out", type=Path, help="also write each kind's DOCX and PDF here")
    parser.add_argument("--results", type=Path, help="write the table to this file")
    args = parser.parse_args(argv)

    round_ = demo_round(args.round_id)
    load_before = os.getloadavg()
    started = time.perf_counter()
    measures = []
    for kind in args.kinds or list(BUILDERS):
        print(f"{kind} …", flush=True)
        try:
            builder = builder_for(kind)
        except DocumentUnavailable as error:
            measures.append(Measure(kind, kind_label(kind), status=f"not ready: {error}"))
            continue
        try:
            measures.append(measure(kind, lambda b=builder: b(round_), args.runs, args.out))
        except Exception as error:  # a builder in progress: record it, measure the others
            traceback.print_exc()
            status = f"not ready: {type(error).__name__}: {error}"
            measures.append(Measure(kind, kind_label(kind), status=status[:200]))
    if args.sample_issues:
        sample = sample_conclusion_notice(args.sample_issues)
        m = measure("sample", lambda: sample, args.runs, args.out)
        m.label = f"Sample notice, {args.sample_issues} table rows (renderer alone)"
        measures.append(m)
    load_after = os.getloadavg()

    header = [
        f"Documents of the demo round “{round_.title}” (id {round_.pk}), "
        f"{timezone.now():%Y-%m-%d %H:%M} UTC",
        f"build + render per run, median of {args.runs} runs (first run cold); "
        f"targets: DOCX < {TARGETS_S['docx']:.0f} s, PDF < {TARGETS_S['pdf']:.0f} s",
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average "
        f"{load_before[0]:.1f} before, {load_after[0]:.1f} after; "
        f"total {time.perf_counter() - started:.0f} s",
        "",
        "| Document | DOCX median (runs) | PDF median (runs) | PDF pages | build "
        "| size DOCX / PDF |",
        "|---|---|---|---|---|---|",
    ]
    text = "\n".join(header + [line(m) for m in measures]) + "\n"
    print(text)
    if args.results:
        args.results.write_text(text)
        print(f"written to {args.results}")
    demo = [m for m in measures if m.kind != "sample"]
    return 0 if all(m.meets() for m in demo) else 1


if __name__ == "__main__":
    sys.exit(main())
