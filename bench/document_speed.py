"""Speed of the official document renderer on a large conclusion notice.

Renders a THÔNG BÁO kết luận listing N issues (title, answer, directive, assignee, deadline)
to DOCX and to PDF several times and reports the median of each.

    .venv/bin/python bench/document_speed.py [--issues 500] [--runs 3] [--out DIR]

Exit status 1 when a median misses its target (DOCX < 3 s, PDF < 15 s).
"""

from __future__ import annotations

import argparse
import io
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdf

from doithoai.documents.rendering import OfficialDocument, render_docx, render_pdf
from doithoai.documents.rendering.samples import sample_conclusion_notice

TARGETS_S = {"docx": 3.0, "pdf": 15.0}


def time_runs(render: Callable[[OfficialDocument], bytes], doc: OfficialDocument, runs: int):
    timings, output = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        output = render(doc)
        timings.append(time.perf_counter() - start)
    return timings, output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, help="also write notice.docx and notice.pdf here")
    args = parser.parse_args(argv)

    doc = sample_conclusion_notice(args.issues)
    print(f"Conclusion notice with {args.issues} issues, median of {args.runs} runs")
    print(f"Python {platform.python_version()} on {platform.machine()}")
    ok = True
    for kind, render in (("docx", render_docx), ("pdf", render_pdf)):
        timings, output = time_runs(render, doc, args.runs)
        median = statistics.median(timings)
        target = TARGETS_S[kind]
        extra = ""
        if kind == "pdf":
            extra = f", {len(pypdf.PdfReader(io.BytesIO(output)).pages)} pages"
        verdict = "ok" if median < target else "TOO SLOW"
        ok = ok and median < target
        runs = ", ".join(f"{t:.2f}" for t in timings)
        print(
            f"{kind.upper():4} median {median:6.2f} s (runs {runs}; target < {target:.0f} s) "
            f"{len(output) / 1024:.0f} KiB{extra} -> {verdict}"
        )
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"notice.{kind}").write_bytes(output)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
