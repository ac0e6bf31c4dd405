"""Finishing an issue: resolved (note, evidence), verified or not by the MTTQ, closed — each
step only from its allowed states and by its roles; a refused step changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.core.events import events_for
from doithoai.followup import services
from doithoai.followup.choices import ISSUE_STEPS, ISSUE_TRANSITIONS
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import FollowupSetting, IssueResolution
from doithoai.followup.services.finishing import close_problems
from doithoai.followup.tests.conftest import RESOLVED_NOTE, ROLES
from doithoai.petitions.attachments import CheckedFile
from doithoai.petitions.models import Petition

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def answered(issue, publish):
    publish(issue)
    issue.refresh_from_db()
    assert issue.state == "answered"
    return issue


@pytest.fixture
def resolved(answered, users):
    services.issue_resolve(actor=users["chuyenvien"], issue=answered, note=RESOLVED_NOTE)
    answered.refresh_from_db()
    return answered


def _snap(issue):
    issue.refresh_from_db()
    return (
        issue.state,
        IssueResolution.objects.filter(issue=issue).count(),
        list(IssueResolution.objects.filter(issue=issue).values_list("verification", flat=True)),
    )


def test_every_step_follows_the_transition_table():
    for _step, (starts, target) in ISSUE_STEPS.items():
        for start in starts:
            assert target == start or target in ISSUE_TRANSITIONS[start]


def test_resolve_records_note_evidence_and_tells_petitioners(
    answered, users, outbox, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.issue_resolve(actor=users["chuyenvien"], issue=answered, note="xong")
    assert _snap(answered)[:2] == ("answered", 0)
    evidence = CheckedFile(name="hien-truong.png", content_type="image/png", data=PNG)
    with django_capture_on_commit_callbacks(execute=True):
        resolution = services.issue_resolve(
            actor=users["chuyenvien"], issue=answered, note=RESOLVED_NOTE, evidence=evidence
        )
    answered.refresh_from_db()
    assert answered.state == "resolved"
    assert resolution.informed_at is not None and resolution.evidence_name == "hien-truong.png"
    assert not Petition.objects.filter(issue_link__issue=answered, resolved_at=None).exists()
    assert len(outbox) == 2  # both petitioners have an e-mail address
    assert FollowupEvents.FOLLOWUP_RESOLVED in [e.action for e in events_for(answered)]


@pytest.mark.parametrize("role", ROLES)
def test_resolve_roles(role, answered, users):
    allowed = role in {"vanphong", "chuyenvien", "truongphong"}
    before = _snap(answered)
    if allowed:
        services.issue_resolve(actor=users[role], issue=answered, note=RESOLVED_NOTE)
        assert _snap(answered)[0] == "resolved"
    else:
        with pytest.raises(PermissionDenied):
            services.issue_resolve(actor=users[role], issue=answered, note=RESOLVED_NOTE)
        assert _snap(answered) == before


def test_resolve_only_from_answered_or_in_progress(issue, users, qldt):
    services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    with pytest.raises(PermissionDenied):
        services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)
    assert _snap(issue)[:2] == ("assigned", 0)


@pytest.mark.parametrize("role", ROLES)
def test_verify_roles(role, resolved, users):
    before = _snap(resolved)
    if role == "mttq":
        services.issue_verify(actor=users[role], issue=resolved, agree=True, reason="Đã kiểm tra")
        assert _snap(resolved) == ("closed", 1, ["verified"])
    else:
        with pytest.raises(PermissionDenied):
            services.issue_verify(actor=users[role], issue=resolved, agree=True)
        assert _snap(resolved) == before


def test_not_verified_needs_a_remark_and_sends_the_issue_back(resolved, users):
    with pytest.raises(ValidationError):
        services.issue_verify(actor=users["mttq"], issue=resolved, agree=False, reason=" ")
    assert _snap(resolved) == ("resolved", 1, [""])
    services.issue_verify(
        actor=users["mttq"], issue=resolved, agree=False, reason="Mặt đường vẫn còn ổ gà"
    )
    assert _snap(resolved) == ("assigned", 1, ["not_verified"])
    resolution = IssueResolution.objects.get(issue=resolved)
    assert resolution.verification_remark == "Mặt đường vẫn còn ổ gà"
    assert resolution.verified_by == users["mttq"]
    assert FollowupEvents.FOLLOWUP_NOT_VERIFIED in [e.action for e in events_for(resolved)]


def test_close_waits_for_the_mttq_where_required(resolved, users, demo_round):
    assert close_problems(resolved) == ["Mặt trận Tổ quốc chưa xác nhận kết quả giải quyết."]
    with pytest.raises(ValidationError):
        services.issue_close(actor=users["vanphong"], issue=resolved)
    assert _snap(resolved)[0] == "resolved"
    for role in ROLES:
        if role != "vanphong":
            with pytest.raises(PermissionDenied):
                services.issue_close(actor=users[role], issue=resolved)
    FollowupSetting.objects.create(
        organisation=demo_round.organisation, mttq_verification_required=False
    )
    assert close_problems(resolved) == []
    services.issue_close(actor=users["vanphong"], issue=resolved, reason="Hoàn thành")
    assert _snap(resolved)[0] == "closed"
    with pytest.raises(PermissionDenied):  # not twice
        services.issue_close(actor=users["vanphong"], issue=resolved)


def test_finish_in_pages(answered, users, client):
    assignment = answered.assignments.first()
    page = f"/staff/theo-doi/giao/{assignment.pk}/"
    client.force_login(users["chuyenvien"])
    assert 'data-testid="resolve"' in client.get(page).content.decode()
    r = client.post(
        f"/staff/theo-doi/van-de/{answered.pk}/da-giai-quyet/", {"note": "ngắn", "next": page}
    )
    assert r.status_code == 302 and _snap(answered)[0] == "answered"
    client.post(
        f"/staff/theo-doi/van-de/{answered.pk}/da-giai-quyet/",
        {"note": RESOLVED_NOTE, "next": page},
    )
    assert _snap(answered)[0] == "resolved"
    client.force_login(users["vanphong"])
    html = client.get(page).content.decode()
    assert "Mặt trận Tổ quốc chưa xác nhận" in html and 'data-testid="close"' in html
    client.force_login(users["mttq"])
    queue = client.get("/staff/theo-doi/?ds=xac-nhan").content.decode()
    assert f'data-testid="verify-{answered.pk}"' in queue and RESOLVED_NOTE in queue
    client.post(f"/staff/theo-doi/van-de/{answered.pk}/xac-nhan/", {"verdict": "verified"})
    assert _snap(answered)[0] == "closed"
    client.force_login(users["baochi"])
    assert client.post(f"/staff/theo-doi/van-de/{answered.pk}/ket-thuc/").status_code == 404
