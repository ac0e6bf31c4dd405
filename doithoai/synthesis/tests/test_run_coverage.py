"""A run covers every petition of its round (late ones too) or of a unit outside every round,
sets each issue's area, and keeps officers' decisions, confirmed titles included."""

from collections import Counter

from doithoai.core.privacy import title_findings
from doithoai.petitions import hooks
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis import services
from doithoai.synthesis.models import Issue, IssueMembership, SynthesisRun
from doithoai.synthesis.runs import synthesis_run_execute, synthesis_run_request


def test_late_petitions_are_grouped_and_decisions_kept(demo_round, demo_user, rerun):
    late = list(Petition.objects.filter(round=demo_round).order_by("-id")[:3])
    Petition.objects.filter(pk__in=[p.pk for p in late]).update(round=None)
    rerun()
    assert not IssueMembership.objects.filter(petition__in=late).exists()
    officer = demo_user("vanphong")
    issues = list(Issue.objects.filter(round=demo_round).order_by("id")[:3])
    services.issue_title_set(
        actor=officer, issue=issues[0], title="Tiêu đề do cán bộ xác nhận", confirm=True
    )
    services.issues_title_confirm(actor=officer, issues=[issues[1]])
    kept_title = Issue.objects.get(pk=issues[1].pk).title
    topic = Topic.objects.get(code="khac")
    services.issues_topic_confirm(actor=officer, issues=[issues[2]], topic=topic)
    Petition.objects.filter(pk__in=[p.pk for p in late]).update(round=demo_round)

    run = rerun()

    assert run.total == 560
    assert IssueMembership.objects.filter(petition__in=late).count() == 3
    first, second, third = (Issue.objects.get(pk=i.pk) for i in issues)
    assert first.title == "Tiêu đề do cán bộ xác nhận" and first.title_confirmed
    assert second.title == kept_title and second.title_confirmed
    assert third.topic == topic and third.topic_confirmed


def test_every_issue_gets_the_area_most_of_its_petitions_come_from(synthesized):
    issues = Issue.objects.filter(round=synthesized)
    assert not issues.filter(area__isnull=True).exists()
    assert set(issues.values_list("unit_id", flat=True)) == {synthesized.unit_id}
    for issue in issues.filter(memberships__isnull=False).distinct()[:40]:
        units = Counter(issue.memberships.values_list("petition__unit_id", flat=True))
        top = max(units.values())
        assert units[issue.area_id] == top


def test_generated_titles_are_fit_for_the_public(synthesized):
    titles = list(Issue.objects.filter(round=synthesized).values_list("title", flat=True))
    assert len(titles) > 300
    assert [t for t in titles if title_findings(t)] == []
    assert not any(t.lower().startswith(("tôi ", "kính gửi")) for t in titles)


def test_a_run_groups_petitions_outside_every_round(
    demo_round, demo_user, django_capture_on_commit_callbacks
):
    outside = list(Petition.objects.filter(round=demo_round).order_by("id")[:30])
    Petition.objects.filter(pk__in=[p.pk for p in outside]).update(round=None)
    with django_capture_on_commit_callbacks(execute=True):
        run = synthesis_run_request(actor=demo_user("vanphong"), unit=demo_round.unit)
    run.refresh_from_db()
    assert run.state == "done" and run.round is None and run.total == 30
    issues = Issue.objects.filter(round__isnull=True, unit=demo_round.unit)
    assert IssueMembership.objects.filter(petition__in=outside, issue__in=issues).count() == 30
    assert not issues.filter(area__isnull=True).exists()
    assert not Issue.objects.filter(round=demo_round).exists()  # the round's board is untouched


def test_outside_rounds_run_permissions(demo_round, demo_user):
    import pytest
    from django.core.exceptions import PermissionDenied

    for username in ("lanhdao", "phuong", "chuyenvien"):
        with pytest.raises(PermissionDenied):
            synthesis_run_request(actor=demo_user(username), unit=demo_round.unit)
    assert not SynthesisRun.objects.exists()


def test_a_petition_moved_out_of_its_round_leaves_its_issue(synthesized, demo_user):
    link = IssueMembership.objects.filter(issue__round=synthesized).select_related("petition")
    link = next(m for m in link if m.issue.memberships.count() == 1)
    petition, issue_id = link.petition, link.issue_id
    Petition.objects.filter(pk=petition.pk).update(round=None)
    hooks.round_changed(
        petition=petition,
        old_round_id=synthesized.pk,
        new_round_id=None,
        actor=demo_user("vanphong"),
    )
    assert not IssueMembership.objects.filter(petition=petition).exists()
    assert not Issue.objects.filter(pk=issue_id).exists()


def test_rerun_request_twice_is_refused(demo_round, demo_user):
    import pytest
    from django.core.exceptions import ValidationError

    SynthesisRun.objects.create(round=demo_round, unit=demo_round.unit, state="running")
    with pytest.raises(ValidationError):
        synthesis_run_request(actor=demo_user("vanphong"), round_=demo_round)
    assert synthesis_run_execute  # the module's entry point exists for the worker
