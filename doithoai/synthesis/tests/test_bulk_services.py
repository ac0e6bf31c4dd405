"""Bulk decisions on issues (confirm topics, set a topic, merge, confirm titles) and titles fit
for the public, with permissions per role: a denied change changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.core.models import Event
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis import services
from doithoai.synthesis.models import Issue, IssueMembership, IssueState

REVIEWERS = {"vanphong": True, "mttq": True, "lanhdao": False, "phuong": False, "chuyenvien": False}


def state(issues):
    rows = Issue.objects.filter(pk__in=[i.pk for i in issues]).order_by("pk")
    return [
        (i.pk, i.topic_id, i.topic_confirmed, i.title, i.title_confirmed) for i in rows
    ], sorted(IssueMembership.objects.filter(issue__in=rows).values_list("petition_id", "issue_id"))


@pytest.mark.parametrize(("username", "allowed"), REVIEWERS.items())
def test_bulk_confirm_topics_per_role(make_issue, demo_user, username, allowed):
    issues = [make_issue(topic="do_thi", n=2), make_issue(topic="dat_dai")]
    before, events = state(issues), Event.objects.count()
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.issues_topic_confirm(actor=demo_user(username), issues=issues)
        assert state(issues) == before and Event.objects.count() == events
        return
    services.issues_topic_confirm(actor=demo_user(username), issues=issues)
    assert all(i.topic_confirmed for i in Issue.objects.filter(pk__in=[i.pk for i in issues]))
    petitions = Petition.objects.filter(issue_link__issue=issues[0])
    assert set(petitions.values_list("topic__code", flat=True)) == {"do_thi"}
    assert Event.objects.count() == events + 2


def test_bulk_set_topic_moves_petitions_topics_in_few_queries(
    make_issue, demo_user, django_assert_max_num_queries
):
    issues = [make_issue(topic="do_thi", n=2) for _ in range(10)]
    officer = demo_user("vanphong")
    topic = Topic.objects.get(code="moi_truong")
    services.issues_topic_confirm(actor=officer, issues=issues[:1], topic=topic)  # warm caches
    with django_assert_max_num_queries(5):
        services.issues_topic_confirm(actor=officer, issues=issues, topic=topic)
    rows = Issue.objects.filter(pk__in=[i.pk for i in issues])
    assert {(i.topic_id, i.topic_confirmed) for i in rows} == {(topic.pk, True)}
    assert set(
        Petition.objects.filter(issue_link__issue__in=rows).values_list("topic_id", flat=True)
    ) == {topic.pk}


@pytest.mark.parametrize(("username", "allowed"), REVIEWERS.items())
def test_bulk_merge_per_role(make_issue, demo_user, username, allowed):
    small, big, other = make_issue(n=1), make_issue(n=3), make_issue(n=2)
    before = state([small, big, other])
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.issues_merge(actor=demo_user(username), issues=[small, big, other])
        assert state([small, big, other]) == before
        return
    target = services.issues_merge(actor=demo_user(username), issues=[small, big, other])
    assert target.pk == big.pk and target.memberships.count() == 6
    assert not Issue.objects.filter(pk__in=[small.pk, other.pk]).exists()
    assert set(target.memberships.values_list("pinned", flat=True)) == {True}


def test_merge_refuses_an_assigned_source(make_issue, demo_user):
    open_, assigned = make_issue(n=1), make_issue(n=1, state=IssueState.ASSIGNED)
    target = services.issues_merge(actor=demo_user("vanphong"), issues=[open_, assigned])
    assert target.pk == assigned.pk  # the assigned issue keeps its assignment, the open joins it
    a, b = make_issue(state=IssueState.ASSIGNED), make_issue(state=IssueState.ASSIGNED)
    with pytest.raises(ValidationError):
        services.issues_merge(actor=demo_user("vanphong"), issues=[a, b])
    assert Issue.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


@pytest.mark.parametrize(("username", "allowed"), REVIEWERS.items())
def test_bulk_confirm_titles_per_role(make_issue, demo_user, username, allowed):
    issues = [make_issue(), make_issue(title="Ngập úng và thoát nước, phường Sông Cầu")]
    before = state(issues)
    if not allowed:
        with pytest.raises(PermissionDenied):
            services.issues_title_confirm(actor=demo_user(username), issues=issues)
        assert state(issues) == before
        return
    services.issues_title_confirm(actor=demo_user(username), issues=issues)
    assert all(i.title_confirmed for i in Issue.objects.filter(pk__in=[i.pk for i in issues]))


def test_a_title_with_personal_data_is_never_confirmed(make_issue, demo_user):
    officer = demo_user("vanphong")
    clean = make_issue()
    bad = make_issue(title="Nhà tôi số 215 bị ngập, gọi 0912345678")
    with pytest.raises(ValidationError) as refused:
        services.issues_title_confirm(actor=officer, issues=[clean, bad])
    text = " ".join(refused.value.messages)
    assert f"#{bad.pk}" in text and "số điện thoại" in text and "số nhà" in text
    assert not Issue.objects.filter(pk__in=[clean.pk, bad.pk], title_confirmed=True).exists()
    with pytest.raises(ValidationError) as edit:
        services.issue_title_set(
            actor=officer, issue=clean, title="Hộ ông Nguyễn Văn An lấn chiếm vỉa hè", confirm=True
        )
    assert "tên người sau danh xưng" in " ".join(edit.value.messages)
    clean.refresh_from_db()
    assert clean.title == "Đèn chiếu sáng công cộng, phường Đức Xuân" and not clean.title_confirmed


def test_editing_a_title_resets_its_confirmation_unless_confirmed_at_once(make_issue, demo_user):
    officer = demo_user("mttq")
    issue = make_issue(title_confirmed=True)
    services.issue_title_set(actor=officer, issue=issue, title="Lấn chiếm vỉa hè đường Kon Tum")
    issue.refresh_from_db()
    assert issue.title == "Lấn chiếm vỉa hè đường Kon Tum" and not issue.title_confirmed
    assert issue.title_folded == "lan chiem via he duong kon tum"
    services.issue_title_set(
        actor=officer, issue=issue, title="Lấn chiếm vỉa hè đường Kon Tum, tổ 6", confirm=True
    )
    issue.refresh_from_db()
    assert issue.title_confirmed
    with pytest.raises(PermissionDenied):
        services.issue_title_set(actor=demo_user("lanhdao"), issue=issue, title="Khác hẳn")
    issue.refresh_from_db()
    assert issue.title == "Lấn chiếm vỉa hè đường Kon Tum, tổ 6" and issue.title_confirmed
