"""An issue the conference refers to (an agenda item) is never deleted from under it: a re-run
keeps it empty, a merge refuses it as a source and changes nothing."""

import pytest
from django.core.exceptions import ValidationError

from doithoai.dialogues.models import AgendaItem
from doithoai.synthesis import services
from doithoai.synthesis.models import Issue, IssueMembership


def _on_agenda(issue: Issue) -> AgendaItem:
    return AgendaItem.objects.create(round=issue.round, issue=issue, title=issue.title, position=1)


def test_a_rerun_keeps_an_emptied_issue_that_is_on_the_agenda(synthesized, rerun):
    issue = Issue.objects.filter(round=synthesized).order_by("id").first()
    _on_agenda(issue)
    empty = Issue.objects.create(round=synthesized, unit=synthesized.unit, title="Vấn đề trống")
    _on_agenda(empty)
    free = Issue.objects.create(round=synthesized, unit=synthesized.unit, title="Không ai dùng")

    run = rerun()

    assert run.state == "done", run.error
    assert Issue.objects.filter(pk=empty.pk).exists()
    assert not Issue.objects.filter(pk=free.pk).exists()


def test_a_merge_refuses_a_source_on_the_agenda_and_changes_nothing(synthesized, demo_user):
    target, source = Issue.objects.filter(round=synthesized, state="open").order_by("id")[:2]
    _on_agenda(source)
    before = sorted(IssueMembership.objects.filter(issue=source).values_list("pk", flat=True))

    with pytest.raises(ValidationError, match="chương trình hội nghị"):
        services.issue_merge(actor=demo_user("vanphong"), target=target, sources=[source])

    assert (
        sorted(IssueMembership.objects.filter(issue=source).values_list("pk", flat=True)) == before
    )
    assert Issue.objects.filter(pk=source.pk).exists()
