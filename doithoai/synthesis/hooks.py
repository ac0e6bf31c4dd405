"""What synthesis does when another app changes a petition it has grouped (registered in
`SynthesisConfig.ready()`)."""

from typing import Any

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import Issue, IssueMembership, IssueState
from doithoai.synthesis.services import delete_empty_issues


def petition_round_changed(
    *, petition: Any, old_round_id: int | None, new_round_id: int | None, actor: Actor
) -> None:
    """A petition moved to another round or out of every round leaves its issue (of the old
    board); the next run of its new board groups it. An open issue left empty goes away."""
    link = IssueMembership.objects.filter(petition_id=petition.pk).select_related("issue").first()
    if link is None:
        return
    issue = link.issue
    link.delete()
    event_record(
        actor=actor,
        obj=issue,
        action=SynthesisEvents.ISSUE_PETITION_LEFT,
        after={"petition": petition.code, "round": new_round_id},
    )
    if issue.state == IssueState.OPEN and not issue.memberships.exists():
        delete_empty_issues(Issue.objects.filter(pk=issue.pk))
