"""The Front's synthesis report: drafted from the synthesis, edited, approved (locked) and
reopened by the MTTQ of the round's level; every other role is refused and nothing changes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.accounts.models import Membership, Role, User
from doithoai.core.events import events_for
from doithoai.core.models import Event
from doithoai.synthesis import policies
from doithoai.synthesis.documents import synthesis_report_issue_problem
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import ReportState, SynthesisReport, SynthesisReportTheme
from doithoai.synthesis.selectors_report import report_facts
from doithoai.synthesis.services_report import (
    synthesis_report_approve,
    synthesis_report_draft,
    synthesis_report_refresh,
    synthesis_report_theme_set,
    synthesis_report_unapprove,
    synthesis_report_update,
)
from doithoai.units.models import Organisation

OTHER_ROLES = ["vanphong", "lanhdao", "phuong", "chuyenvien", "truongphong", "baochi", "quantri"]


@pytest.fixture
def ward_mttq(db, demo_round):
    """An MTTQ officer of one ward of the city (the Front of a lower level)."""
    org = Organisation.objects.filter(unit__parent=demo_round.unit, code="mttq").first()
    user = User.objects.create_user(username="mttq-phuong", password="x")
    Membership.objects.create(user=user, organisation=org, role=Role.MTTQ_OFFICER)
    return user


@pytest.fixture
def issues(make_issue):
    return [
        make_issue(title="Đèn chiếu sáng ngõ tối", topic="do_thi", n=3, title_confirmed=True),
        make_issue(title="Rác thải tồn đọng ven suối", topic="moi_truong", n=2),
        make_issue(title="Gia đình ông Nguyễn Văn An xin cấp sổ đỏ", topic="dat_dai", n=1),
    ]


def _texts(report):
    return {
        "opening": report.opening,
        "proposals": report.proposals,
        "report_date": report.report_date,
    }


def test_draft_counts_themes_and_keeps_names_out(demo_round, demo_user, issues):
    report = synthesis_report_draft(actor=demo_user("mttq"), round_=demo_round)
    facts = report_facts(demo_round)
    assert facts.total == 560 and facts.grouped == 6 and facts.issues == 3
    assert sum(r.petitions for r in facts.by_channel) == 560
    assert sum(r.petitions for r in facts.by_ward) == 560
    assert sum(r.petitions for r in facts.by_topic) == 560
    assert [t.petitions for t in facts.themes] == [3, 2, 1]
    titles = [i.title for t in facts.themes for i in t.issues]
    assert "Đèn chiếu sáng ngõ tối" in titles
    assert not any("Nguyễn Văn An" in t for t in titles)  # the personal title is replaced
    assert report.state == ReportState.DRAFT
    assert "560 ý kiến, kiến nghị" in report.opening
    assert report.themes.count() == 3
    assert not any("Nguyễn" in t.summary for t in report.themes.all())
    assert [e.action for e in events_for(report)] == [SynthesisEvents.SYNTHESIS_REPORT_DRAFTED]
    with pytest.raises(ValidationError):
        synthesis_report_draft(actor=demo_user("mttq"), round_=demo_round)


def test_draft_needs_a_synthesis(demo_round, demo_user):
    with pytest.raises(ValidationError, match="chạy tổng hợp"):
        synthesis_report_draft(actor=demo_user("mttq"), round_=demo_round)
    assert not SynthesisReport.objects.exists()


def test_edit_approve_lock_and_reopen(demo_round, demo_user, issues):
    mttq = demo_user("mttq")
    report = synthesis_report_draft(actor=mttq, round_=demo_round)
    key = report.themes.order_by("id").first().key
    synthesis_report_update(
        actor=mttq,
        report=report,
        opening="Ban Thường trực báo cáo như sau:",
        proposals="- Đề nghị giải quyết dứt điểm.",
        report_date=datetime.date(2016, 9, 8),
        signer_title="Phó Chủ tịch",
        signer_name="Hà Văn Quang",
        summaries={key: "Cử tri phản ánh thiếu đèn chiếu sáng."},
    )
    report.refresh_from_db()
    theme = report.themes.get(key=key)
    assert report.opening == "Ban Thường trực báo cáo như sau:" and theme.edited
    assert report.signer_name == "Hà Văn Quang"
    assert synthesis_report_issue_problem(demo_round) == "Mặt trận chưa duyệt báo cáo tổng hợp."

    synthesis_report_approve(actor=mttq, report=report)
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED and report.approved_by == mttq
    assert synthesis_report_issue_problem(demo_round) is None
    before = _texts(report)
    with pytest.raises(ValidationError, match="bỏ duyệt"):
        synthesis_report_update(actor=mttq, report=report, **{**before, "opening": "Khác"})
    with pytest.raises(ValidationError):
        synthesis_report_theme_set(actor=mttq, report=report, key=key, summary="Khác")
    with pytest.raises(ValidationError):
        synthesis_report_refresh(actor=mttq, report=report)
    report.refresh_from_db()
    assert _texts(report) == before
    assert report.themes.get(key=key).summary == "Cử tri phản ánh thiếu đèn chiếu sáng."

    synthesis_report_unapprove(actor=mttq, report=report, reason="Bổ sung số liệu")
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT and report.approved_by is None
    actions = [e.action for e in events_for(report)]
    assert actions == [
        SynthesisEvents.SYNTHESIS_REPORT_DRAFTED,
        SynthesisEvents.SYNTHESIS_REPORT_EDITED,
        SynthesisEvents.SYNTHESIS_REPORT_APPROVED,
        SynthesisEvents.SYNTHESIS_REPORT_REOPENED,
    ]
    assert events_for(report).last().reason == "Bổ sung số liệu"


def test_personal_data_in_any_text_is_refused_and_nothing_saved(demo_round, demo_user, issues):
    mttq = demo_user("mttq")
    report = synthesis_report_draft(actor=mttq, round_=demo_round)
    key = report.themes.order_by("id").first().key
    before = _texts(report)
    for changes in (
        {"opening": "Theo phản ánh của ông Trần Văn Bình, số điện thoại 0912345678."},
        {"proposals": "- Liên hệ bà Hoàng Thị Mai qua mai@example.com."},
        {"summaries": {key: "Cử tri (ông Lường Văn Tư) phản ánh."}},
    ):
        with pytest.raises(ValidationError, match="thông tin cá nhân"):
            synthesis_report_update(actor=mttq, report=report, **{**before, **changes})
    with pytest.raises(ValidationError, match="thông tin cá nhân"):
        synthesis_report_theme_set(
            actor=mttq, report=report, key=key, summary="Gọi 0987654321 để biết thêm."
        )
    report.refresh_from_db()
    assert _texts(report) == before
    assert not report.themes.filter(edited=True).exists()
    assert not Event.objects.filter(action=SynthesisEvents.SYNTHESIS_REPORT_EDITED).exists()


def test_refresh_keeps_edited_summaries_and_follows_the_synthesis(
    demo_round, demo_user, issues, make_issue
):
    mttq = demo_user("mttq")
    report = synthesis_report_draft(actor=mttq, round_=demo_round)
    rows = list(report.themes.order_by("id"))
    synthesis_report_theme_set(actor=mttq, report=report, key=rows[0].key, summary="Đã sửa tay.")
    issues[2].delete()  # its theme disappears
    make_issue(title="Giá trông giữ xe tại chợ", topic="kinh_doanh", n=4)
    synthesis_report_refresh(actor=mttq, report=report)
    keys = set(report.themes.values_list("key", flat=True))
    assert keys == {t.key for t in report_facts(demo_round).themes}
    assert report.themes.get(key=rows[0].key).summary == "Đã sửa tay."
    assert len(keys) == 3


@pytest.mark.parametrize("username", OTHER_ROLES)
def test_only_the_front_of_the_level_writes(demo_round, demo_user, issues, username):
    user = demo_user(username)
    with pytest.raises(PermissionDenied):
        synthesis_report_draft(actor=user, round_=demo_round)
    assert not SynthesisReport.objects.exists()
    report = synthesis_report_draft(actor=demo_user("mttq"), round_=demo_round)
    before = _texts(report)
    with pytest.raises(PermissionDenied):
        synthesis_report_update(actor=user, report=report, **{**before, "opening": "Khác"})
    with pytest.raises(PermissionDenied):
        synthesis_report_approve(actor=user, report=report)
    report.refresh_from_db()
    assert _texts(report) == before and report.state == ReportState.DRAFT
    synthesis_report_approve(actor=demo_user("mttq"), report=report)
    with pytest.raises(PermissionDenied):
        synthesis_report_unapprove(actor=user, report=report)
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED
    assert Event.objects.filter(actor=user, action__startswith="synthesis_report.").count() == 0


def test_ward_front_cannot_write_the_city_report(demo_round, demo_user, issues, ward_mttq):
    with pytest.raises(PermissionDenied):
        synthesis_report_draft(actor=ward_mttq, round_=demo_round)
    assert not SynthesisReport.objects.exists()
    assert not SynthesisReportTheme.objects.exists()


@pytest.mark.parametrize(
    ("username", "reads", "writes"),
    [
        ("mttq", True, True),
        ("vanphong", True, False),
        ("lanhdao", True, False),
        ("tinh", True, False),  # today's provincial office: its area includes the 2016 city
        ("phuong", False, False),
        ("chuyenvien", False, False),
        ("truongphong", False, False),
        ("baochi", False, False),
        ("quantri", False, False),
    ],
)
def test_policy_matrix(demo_round, demo_user, username, reads, writes):
    user = demo_user(username)
    assert policies.can_view_report(user, demo_round) is reads
    assert policies.can_edit_report(user, demo_round) is writes


def test_issue_problem_without_report(demo_round):
    assert synthesis_report_issue_problem(demo_round) == "Mặt trận chưa lập báo cáo tổng hợp."
