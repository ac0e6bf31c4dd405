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
