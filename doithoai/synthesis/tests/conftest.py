import pytest

from doithoai.dialogues.models import Round
from doithoai.synthesis.models import Issue
from doithoai.synthesis.runs import synthesis_run_execute, synthesis_run_request


@pytest.fixture
def demo_round(db):
    return Round.objects.get(unit__code="058")


@pytest.fixture
def synthesized(demo_round, demo_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = synthesis_run_request(actor=demo_user("vanphong"), round_=demo_round)
    run.refresh_from_db()
    assert run.state == "done", run.error
    return demo_round


@pytest.fixture
def rerun(demo_round, demo_user):
    def again():
        from doithoai.synthesis.models import SynthesisRun

        run = SynthesisRun.objects.create(round=demo_round, started_by=demo_user("vanphong"))
        return synthesis_run_execute(run_id=run.pk)

    return again


@pytest.fixture
def two_issues(synthesized):
    issues = list(Issue.objects.filter(round=synthesized).order_by("id")[:2])
    return issues


@pytest.fixture
def make_issue(demo_round):
    """An issue of the demo round made directly (as a run would), with `n` fresh petitions."""
    from doithoai.core.text import fold
    from doithoai.petitions.models import Petition, Topic
    from doithoai.synthesis.models import IssueMembership

    free = iter(
        Petition.objects.filter(round=demo_round, issue_link__isnull=True)
        .order_by("id")
        .values_list("pk", flat=True)
    )

    def make(title="Đèn chiếu sáng công cộng, phường Đức Xuân", topic="do_thi", n=1, **fields):
        pids = [next(free) for _ in range(n)]
        area = fields.pop("area", None) or Petition.objects.get(pk=pids[0]).unit
        issue = Issue.objects.create(
            round=demo_round,
            unit=demo_round.unit,
            area=area,
            title=title,
            title_folded=fold(title),
            topic=Topic.objects.get(code=topic) if topic else None,
            topic_confidence=fields.pop("confidence", 0.9),
            **fields,
        )
        IssueMembership.objects.bulk_create(
            [IssueMembership(petition_id=p, issue=issue) for p in pids]
        )
        return issue

    return make
