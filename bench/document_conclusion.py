"""The conclusion notice (TB) of a dialogue round with N issues, built from the database by
`doithoai.dialogues.documents.build_conclusion` and rendered to DOCX and PDF.

Unlike `document_speed.py` (the renderer on a synthetic document), this measures the whole path a
secretariat uses: the queries of the builder (issues, statements, directives) plus rendering.
It creates a throwaway SQLite database in memory with one round, N issues, a statement with an
answer for each and a directive for each.

    .venv/bin/python bench/document_conclusion.py [--issues 500] [--runs 3] [--out DIR]

Exit status 1 when a median misses its target (DOCX < 3 s, PDF < 15 s).
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
os.environ["DATABASE_URL"] = "sqlite://:memory:"

import django

django.setup()

TARGETS_S = {"docx": 3.0, "pdf": 15.0}
TOPICS = [
    "chậm chi trả bồi thường, giải phóng mặt bằng",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "lấn chiếm vỉa hè, lòng đường khu vực chợ",
    "thoát nước, ngập úng khu dân cư",
    "điều chỉnh quy hoạch chi tiết khu đô thị",
    "hỗ trợ hộ kinh doanh sau di dời chợ",
]


def make_round(issues: int):  # type: ignore[no-untyped-def]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from doithoai.dialogues.models import Directive, Round, Statement
    from doithoai.synthesis.models import Issue
    from doithoai.units.models import Organisation, Scheme, Unit

    province = Unit.objects.create(
        scheme=Scheme.LEGACY_2004, code="06", kind="province", name="Tỉnh Bắc Kạn"
    )
    city = Unit.objects.create(
        scheme=Scheme.LEGACY_2004,
        code="058",
        kind="provincial_city",
        name="Thành phố Bắc Kạn",
        parent=province,
    )
    ubnd = Organisation.objects.create(
        unit=city, kind="ubnd", code="ubnd", name="Ủy ban nhân dân thành phố Bắc Kạn"
    )
    depts = [
        Organisation.objects.create(unit=city, kind="phong_ban", code=f"p{n}", name=name)
        for n, name in enumerate(
            [
                "Phòng Tài nguyên và Môi trường",
                "Phòng Quản lý đô thị",
                "Ban Bồi thường, giải phóng mặt bằng",
            ]
        )
    ]
    round_ = Round.objects.create(
        unit=city,
        organisation=ubnd,
        title="Tiếp xúc, đối thoại trực tiếp của Lãnh đạo thành phố với Nhân dân năm 2016",
        starts_at=datetime.datetime(2016, 9, 23, 1, 0, tzinfo=datetime.UTC),
        venue="Hội trường lớn tầng 1, trụ sở Thành ủy - HĐND - UBND thành phố",
        conclusion_number="12/TB-UBND",
        conclusion_on=datetime.date(2016, 10, 3),
        state="held",
    )
    made = Issue.objects.bulk_create(
        Issue(
            round=round_,
            title=f"Kiến nghị về {TOPICS[n % len(TOPICS)]} (vấn đề số {n + 1})",
            department=depts[n % 3],
        )
        for n in range(issues)
    )
    directives = Directive.objects.bulk_create(
        Directive(
            round=round_,
            issue=issue,
            text=f"Giao {depts[n % 3].name} chủ trì, rà soát và giải quyết dứt điểm.",
            assignee=depts[n % 3],
            deadline=datetime.date(2016, 10, 1) + datetime.timedelta(days=n % 90),
        )
        for n, issue in enumerate(made)
    )
    Statement.objects.bulk_create(
        Statement(
            round=round_,
            speaker_name=f"Đại biểu {n + 1}",
            issue=issue,
            text="Đề nghị thành phố xem xét, giải quyết.",
            answer="Thành phố đã tiếp thu; nội dung được rà soát theo quy định hiện hành.",
            directive=directives[n],
        )
        for n, issue in enumerate(made)
    )
    return round_


def main(argv: list[str] | None = None) -> int:
    import pypdf

    from doithoai.core.rendering import render_docx, render_pdf
    from doithoai.dialogues.documents import build_conclusion

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--issues", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    round_ = make_round(args.issues)
    print(
        f"Conclusion notice of a round with {args.issues} issues (build + render), "
        f"median of {args.runs}"
    )
    print(f"Python {platform.python_version()} on {platform.machine()}")
    start = time.perf_counter()
    build_conclusion(round_)
    print(f"build only (queries + document model): {time.perf_counter() - start:.2f} s")
    ok = True
    for kind, render in (("docx", render_docx), ("pdf", render_pdf)):
        timings, output = [], b""
        for _ in range(args.runs):
            start = time.perf_counter()
            output = render(build_conclusion(round_))
            timings.append(time.perf_counter() - start)
        median = statistics.median(timings)
        pages = f", {len(pypdf.PdfReader(io.BytesIO(output)).pages)} pages" if kind == "pdf" else ""
        verdict = "ok" if median < TARGETS_S[kind] else "TOO SLOW"
        ok = ok and median < TARGETS_S[kind]
        runs = ", ".join(f"{t:.2f}" for t in timings)
        print(
            f"{kind.upper():5} median {median:.2f} s (runs {runs}; "
            f"{len(output) // 1024} KiB{pages}) "
            f"target < {TARGETS_S[kind]:.0f} s: {verdict}"
        )
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"conclusion.{kind}").write_bytes(output)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
