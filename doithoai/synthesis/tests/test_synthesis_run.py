"""Running synthesis on a round, and officers' decisions surviving a re-run."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis import services
from doithoai.synthesis.models import Issue, IssueMembership, Suggestion


def members(issue):
    return set(IssueMembership.objects.filter(issue=issue).values_list("petition_id", flat=True))


def test_run_groups_every_petition_and_stores_suggestions(synthesized):
    petitions = Petition.objects.filter(round=synthesized)
    assert (
        IssueMembership.objects.filter(petition__in=petitions).count() == petitions.count() == 560
    )
    assert (
        Suggestion.objects.filter(petition__in=petitions).exclude(model_version="").count() == 560
    )
    issues = Issue.objects.filter(round=synthesized)
    assert 300 < issues.count() < 560
    grouped = issues.filter(memberships__isnull=False).distinct()
    assert all(i.topic_id and i.title for i in grouped[:50])
    assert set(petitions.values_list("state", flat=True)) == {"grouped"}


def test_rerun_without_decisions_is_stable(synthesized, rerun):
    before = {frozenset(members(i)) for i in Issue.objects.filter(round=synthesized)}
    rerun()
    after = {frozenset(members(i)) for i in Issue.objects.filter(round=synthesized)}
    assert before == after


def test_merge_split_move_and_topic_survive_a_rerun(synthesized, demo_user, rerun):
    officer = demo_user("vanphong")
    issues = list(Issue.objects.filter(round=synthesized).order_by("id"))
    a, b, c, d = issues[0], issues[1], issues[2], issues[3]
    merged = services.issue_merge(actor=officer, target=a, sources=[b])
    merged_members = members(merged)
    moved_petition = Petition.objects.get(pk=next(iter(members(c))))
    services.petition_move(actor=officer, petition=moved_petition, to_issue=d)
    d_members = members(d)
    topic = Topic.objects.get(code="khac")
    services.issue_set_topic(actor=officer, issue=d, topic=topic)
    big = next(i for i in Issue.objects.filter(round=synthesized) if len(members(i)) >= 3)
    split_ids = sorted(members(big))[:1]
    new = services.issue_split(actor=officer, issue=big, petition_ids=split_ids, title="Tách riêng")
    big_members, new_members = members(big), members(new)

    rerun()

    assert members(Issue.objects.get(pk=merged.pk)) == merged_members
    assert not Issue.objects.filter(pk=b.pk).exists()
    assert members(Issue.objects.get(pk=d.pk)) == d_members and moved_petition.pk in d_members
    assert Issue.objects.get(pk=d.pk).topic == topic and Issue.objects.get(pk=d.pk).topic_confirmed
    assert members(Issue.objects.get(pk=big.pk)) == big_members
    assert members(Issue.objects.get(pk=new.pk)) == new_members == set(split_ids)


def test_create_issue_by_hand_and_validation(synthesized, demo_user):
    officer = demo_user("mttq")
    ids = list(Petition.objects.filter(round=synthesized).values_list("pk", flat=True)[:2])
    issue = services.issue_create(
        actor=officer, round_=synthesized, title="Vấn đề do cán bộ lập", petition_ids=ids
    )
    assert members(issue) == set(ids) and issue.locked
    with pytest.raises(ValidationError):
        services.issue_create(actor=officer, round_=synthesized, title="x", petition_ids=ids)
    with pytest.raises(ValidationError):
        services.issue_split(actor=officer, issue=issue, petition_ids=ids)


ROLES = {
    "vanphong": True,
    "mttq": True,
    "lanhdao": False,
    "phuong": False,
    "chuyenvien": False,
    "truongphong": False,
    "baochi": False,
}


@pytest.mark.parametrize(("username", "allowed"), ROLES.items())
def test_review_permissions_per_role(two_issues, demo_user, username, allowed):
    a, b = two_issues
    snapshot = (members(a), members(b), Issue.objects.count())
    if allowed:
        services.issue_merge(actor=demo_user(username), target=a, sources=[b])
        assert members(a) == snapshot[0] | snapshot[1]
    else:
        with pytest.raises(PermissionDenied):
            services.issue_merge(actor=demo_user(username), target=a, sources=[b])
        assert (members(a), members(b), Issue.objects.count()) == snapshot


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("vanphong", 200),
        ("mttq", 200),
        ("lanhdao", 200),
        ("phuong", 404),
        ("chuyenvien", 404),
        ("baochi", 404),
    ],
)
def test_board_page_per_role(client, demo_round, demo_user, username, status):
    client.force_login(demo_user(username))
    assert client.get(f"/staff/tong-hop/{demo_round.pk}/").status_code == status


def test_board_lists_issues_with_counts_within_a_query_budget(
    client, synthesized, demo_user, django_assert_max_num_queries
):
    client.force_login(demo_user("vanphong"))
    with django_assert_max_num_queries(16):
        response = client.get(f"/staff/tong-hop/{synthesized.pk}/?view=issues")
    body = response.content.decode()
    assert response.status_code == 200 and body.count('data-testid="count"') == 25
    assert "Xác nhận lĩnh vực" in body
