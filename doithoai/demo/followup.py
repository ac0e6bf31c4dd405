"""Follow-up demo: a few issues of the 2016 round assigned to Phòng Quản lý đô thị, answered,
approved and published, so that the public board and the lookup page show results. Idempotent.

The step needs issues: when the round has none it runs synthesis first, except under the test
settings (immediate tasks), where other apps' tests expect the reference round unsynthesised.
"""

from typing import Any

from django.conf import settings

from doithoai.accounts.models import User
from doithoai.demo.petitions import demo_round
from doithoai.followup.models import Assignment
from doithoai.synthesis.models import Issue, SynthesisRun
from doithoai.units.models import Organisation

ANSWERS = [
    "Phòng Quản lý đô thị đã kiểm tra hiện trường, giao đơn vị quản lý hạ tầng khắc phục trong "
    "tháng 10/2016; kết quả được thông báo đến tổ dân phố.",
    "Nội dung kiến nghị đã được đưa vào kế hoạch chỉnh trang đô thị năm 2017; trong thời gian "
    "chờ triển khai, UBND phường phối hợp kiểm tra, xử lý các vi phạm.",
    "UBND thành phố đã chỉ đạo rà soát; việc thu gom rác thải được tăng lên hằng ngày từ "
    "ngày 15/10/2016.",
]


def _synthesise(round_: Any) -> None:
    if "Immediate" in settings.TASKS["default"]["BACKEND"]:
        return
    from doithoai.synthesis.runs import synthesis_run_execute

    run = SynthesisRun.objects.create(
        round=round_, started_by=User.objects.get(username="vanphong")
    )
    synthesis_run_execute(run_id=run.pk)


def demo_followup(out: Any) -> None:
    from doithoai.followup.services import (
        answer_decide,
        answer_draft,
        answer_publish,
        answer_submit,
        issue_assign,
    )

    round_ = demo_round()
    if not Issue.objects.filter(round=round_).exists():
        _synthesise(round_)
    issues = list(
        Issue.objects.filter(round=round_, memberships__isnull=False).distinct().order_by("id")[:3]
    )
    if not issues or Assignment.objects.filter(issue__round=round_).exists():
        return
    users = {
        u.username: u
        for u in User.objects.filter(username__in=["vanphong", "chuyenvien", "truongphong"])
    }
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    for issue, text in zip(issues, ANSWERS, strict=False):
        assignment = issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
        answer = answer_draft(actor=users["chuyenvien"], assignment=assignment, text=text)
        answer_submit(actor=users["chuyenvien"], answer=answer)
        answer_decide(actor=users["truongphong"], answer=answer, approve=True)
        answer_publish(actor=users["vanphong"], answer=answer)
    out.write(f"Follow-up: {len(issues)} issues assigned, answered and published.\n")
