"""The whole follow-up flow per role: assign → draft → approve (→ leader) → publish → resolve."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.core.events import events_for
from doithoai.followup import services
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import FollowupSetting
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.petitions.models import Petition
from doithoai.petitions.selectors import petition_public_status


def _answered(issue, users, qldt, *, text="Đã sửa xong đoạn đường tổ 5 trong tháng 10."):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=text)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    return a, answer


def test_assign_notifies_department_and_petitioners(
    issue, users, qldt, tnmt, outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        a = services.issue_assign(
            actor=users["vanphong"], issue=issue, lead=qldt, cooperating=[tnmt, qldt]
        )
    issue.refresh_from_db()
    assert issue.state == "assigned" and issue.department == qldt
    assert list(a.cooperating.all()) == [tnmt]
    # staff of the lead department and both petitioners were told
    recipients = sorted(m.to[0] for m in outbox)
    assert "chuyenvien@demo.doithoai.local" in recipients
    assert "truongphong@demo.doithoai.local" in recipients
    assert recipients.count("bimat@example.vn") == 2


def test_short_answer_is_refused(issue, users, qldt):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    with pytest.raises(ValidationError):
        services.answer_draft(actor=users["chuyenvien"], assignment=a, text="Ngắn")
    assert not a.answers.exists()


def test_full_flow_publishes_and_notifies(
    issue, users, qldt, outbox, django_capture_on_commit_callbacks
):
    _a, answer = _answered(issue, users, qldt)
    with django_capture_on_commit_callbacks(execute=True):
        approve_all(users, answer)
    assert answer.state == "approved" and answer.approved_by == users["lanhdao"]
    petition = Petition.objects.filter(issue_link__issue=issue).first()
    assert petition_public_status(code=petition.code).answers == []  # approved: not yet public
    outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_publish(actor=users["vanphong"], answer=answer)
    issue.refresh_from_db()
    assert issue.state == "answered"
    answers = petition_public_status(code=petition.code).answers
    assert [a["text"] for a in answers] == [answer.text] and answers[0]["published_at"]
    assert len(outbox) == 2 and "Đã sửa xong" in outbox[0].body
    assert "/tra-cuu/phan-hoi/" in outbox[0].body and "?ma=" not in outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)
    issue.refresh_from_db()
    assert issue.state == "resolved"
    assert not Petition.objects.filter(issue_link__issue=issue, resolved_at__isnull=True).exists()
    actions = [e.action for e in events_for(issue)]
    assert (
        actions.count(FollowupEvents.ISSUE_STATE) == 3
        and FollowupEvents.FOLLOWUP_ASSIGNED in actions
    )
    assert FollowupEvents.FOLLOWUP_RESOLVED in actions


def test_head_returns_with_a_remark_and_the_officer_resubmits(issue, users, qldt):
    a, answer = _answered(issue, users, qldt)
    with pytest.raises(ValidationError):
        services.answer_decide(actor=users["truongphong"], answer=answer, approve=False)
    services.answer_decide(
        actor=users["truongphong"], answer=answer, approve=False, remark="Bổ sung ảnh hiện trường"
    )
    answer.refresh_from_db()
    assert answer.state == "returned" and answer.remark == "Bổ sung ảnh hiện trường"
    services.answer_draft(
        actor=users["chuyenvien"],
        assignment=a,
        text="Đã sửa xong, kèm ảnh hiện trường.",
        answer=answer,
    )
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    answer.refresh_from_db()
    assert answer.state == "submitted"


def test_leader_approval_by_default(issue, users, qldt, demo_round):
    assert not FollowupSetting.objects.filter(organisation=demo_round.organisation).exists()
    _a, answer = _answered(issue, users, qldt)
    services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
    answer.refresh_from_db()
    assert answer.state == "head_approved"
    with pytest.raises(PermissionDenied):
        services.answer_publish(actor=users["vanphong"], answer=answer)
    services.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
    answer.refresh_from_db()
    assert answer.state == "approved"
    services.answer_publish(actor=users["vanphong"], answer=answer)


def test_forward_to_the_competent_body(issue, users):
    with pytest.raises(ValidationError):
        services.assignment_forward(
            actor=users["vanphong"], issue=issue, to_body="Sở GTVT", reason=" "
        )
    a = services.assignment_forward(
        actor=users["vanphong"], issue=issue, to_body="Sở Giao thông vận tải", reason="Quốc lộ 3"
    )
    assert a.state == "forwarded" and a.time_limit_key == "transfer"
    assert set(
        Petition.objects.filter(issue_link__issue=issue).values_list("forwarded_to", flat=True)
    ) == {"Sở Giao thông vận tải"}
    reply = services.forwarded_reply_record(
        actor=users["vanphong"], assignment=a, text="Sở GTVT sẽ sửa Quốc lộ 3 trong quý IV."
    )
    services.answer_publish(actor=users["vanphong"], answer=reply)
    issue.refresh_from_db()
    assert issue.state == "answered"


def test_answer_template_is_saved_for_the_department(users, qldt, tnmt):
    t = services.answer_template_save(
        actor=users["chuyenvien"],
        title="Sửa đường",
        text="Phòng đã giao đơn vị sửa chữa.",
        organisation=qldt,
    )
    assert t.organisation == qldt
    with pytest.raises(PermissionDenied):
        services.answer_template_save(
            actor=users["chuyenvien"], title="X", text="Không phải phòng mình.", organisation=tnmt
        )


def test_petition_outside_an_issue_can_be_assigned(users, qldt, demo_round):
    from doithoai.petitions.tests.factories import PetitionFactory

    p = PetitionFactory(round=demo_round, state="accepted")
    a = services.petition_assign(actor=users["vanphong"], petition=p, lead=qldt)
    p.refresh_from_db()
    assert p.assigned_to == qldt and p.due_on == a.due_on


def test_head_approval_suffices_where_the_unit_switched_leader_approval_off(
    issue, users, qldt, demo_round
):
    services.followup_setting_update(
        actor=users["vanphong"],
        organisation=demo_round.organisation,
        leader_approval_required=False,
        mttq_verification_required=True,
        reminder_days=2,
    )
    _a, answer = _answered(issue, users, qldt)
    services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
    answer.refresh_from_db()
    assert answer.state == "approved"
