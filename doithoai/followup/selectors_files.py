"""Reads of the follow-up's stored files, each for a reader its policy allows (404 alike for a
missing file and one the reader may not open)."""

from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.followup import policies
from doithoai.followup.models import AnswerFile, DirectiveUpdate, IssueResolution
from doithoai.followup.selectors import directives_visible_to


def answer_file_get_for(*, user: Actor, file_id: int) -> AnswerFile:
    found = (
        AnswerFile.objects.select_related("answer__assignment__issue__round")
        .filter(pk=file_id)
        .first()
    )
    if found is None or not policies.can_open_answer_file(user, found.answer):
        raise Http404
    return found


def resolution_get_for(*, user: Actor, resolution_id: int) -> IssueResolution:
    """An issue's resolution with evidence, for whoever may see the issue's follow-up."""
    found = (
        IssueResolution.objects.select_related("issue__round")
        .filter(pk=resolution_id)
        .exclude(evidence="")
        .first()
    )
    if found is None or not policies.can_view_issue_followup(user, found.issue):
        raise Http404
    return found


def directive_update_get_for(*, user: Actor, update_id: int) -> DirectiveUpdate:
    """A progress report with evidence, for whoever may see its directive."""
    found = (
        DirectiveUpdate.objects.filter(pk=update_id, directive__in=directives_visible_to(user=user))
        .exclude(evidence="")
        .first()
    )
    if found is None:
        raise Http404
    return found
