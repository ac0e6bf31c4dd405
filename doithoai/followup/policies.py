"""Who may do what in the follow-up — documented in docs/permissions.md (Follow-up).

"Area" is `accounts.policies.area_ids`: the units of the user's organisations, their trees and
predecessor units. A department reaches what is assigned to it (lead or co-operating).
"""

from doithoai.accounts.models import Role
from doithoai.accounts.policies import active_memberships, area_ids, is_administrator
from doithoai.accounts.types import Actor
from doithoai.dialogues.models import Directive, DirectiveState
from doithoai.followup.choices import (
    ANSWER_TRANSITIONS,
    DIRECTIVE_TRANSITIONS,
    ISSUE_STEPS,
    AnswerState,
    AssignmentState,
    IssueStep,
)
from doithoai.followup.letter_choices import LETTER_TRANSITIONS
from doithoai.followup.models import Answer, AnswerLetter, Assignment
from doithoai.petitions import policies as petition_policies
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState
from doithoai.synthesis.selectors import issue_is_public
from doithoai.units.models import Organisation

DEPARTMENT_ROLES = (Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_HEAD)
OVERSIGHT_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.MTTQ_OFFICER)


def issue_unit_id(issue: Issue) -> int | None:
    """The issue's unit: its own `unit` (synthesis), else its round's, else its petitions'."""
    if issue.unit_id is not None:
        return int(issue.unit_id)
    if issue.round is not None:
        return int(issue.round.unit_id)
    first = issue.memberships.select_related("petition").first()
    return int(first.petition.unit_id) if first else None


def assignment_unit_id(assignment: Assignment) -> int | None:
    if assignment.issue is not None:
        return issue_unit_id(assignment.issue)
    return int(assignment.petition.unit_id) if assignment.petition is not None else None


def _in_area(user: Actor, unit_id: int | None, *roles: str) -> bool:
    return unit_id is not None and unit_id in area_ids(user, *roles)


def department_ids(user: Actor, *roles: str) -> set[int]:
    wanted = roles or DEPARTMENT_ROLES
    return {m.organisation_id for m in active_memberships(user) if m.role in wanted}


def _cooperating_ids(assignment: Assignment) -> set[int]:
    return set(assignment.cooperating.values_list("pk", flat=True))


# --- seeing -------------------------------------------------------------------------------


def can_view_assignment(user: Actor, assignment: Assignment) -> bool:
    if is_administrator(user) or _in_area(user, assignment_unit_id(assignment), *OVERSIGHT_ROLES):
        return True
    mine = department_ids(user)
    return assignment.lead_id in mine or bool(mine & _cooperating_ids(assignment))


def can_view_issue_followup(user: Actor, issue: Issue) -> bool:
    if is_administrator(user) or _in_area(user, issue_unit_id(issue), *OVERSIGHT_ROLES):
        return True
    mine = department_ids(user)
    return bool(mine) and (
        Assignment.objects.filter(issue=issue, lead_id__in=mine).exists()
        or Assignment.objects.filter(issue=issue, cooperating__in=mine).exists()
    )


# --- secretariat --------------------------------------------------------------------------


def can_assign(user: Actor, issue: Issue) -> bool:
    """Assign, re-assign or forward an issue: the secretariat of its area."""
    return issue.state != IssueState.CLOSED and _in_area(
        user, issue_unit_id(issue), Role.SECRETARIAT
    )


def can_assign_petition(user: Actor, petition: Petition | None) -> bool:
    return petition is not None and _in_area(user, petition.unit_id, Role.SECRETARIAT)


def can_publish(user: Actor, answer: Answer) -> bool:
    return answer.state == AnswerState.APPROVED and _in_area(
        user, assignment_unit_id(answer.assignment), Role.SECRETARIAT
    )


def can_resolve(user: Actor, issue: Issue) -> bool:
    """Record an answered issue as resolved: the secretariat of its area or its lead department
    (after an assignment `Issue.department` is the lead)."""
    if issue.state not in ISSUE_STEPS[IssueStep.RESOLVE][0]:
        return False
    return _in_area(user, issue_unit_id(issue), Role.SECRETARIAT) or (
        issue.department_id is not None and issue.department_id in department_ids(user)
    )


def can_close(user: Actor, issue: Issue) -> bool:
    """Close a resolved issue (the service checks verification and informing): the secretariat."""
    return issue.state in ISSUE_STEPS[IssueStep.CLOSE][0] and _in_area(
        user, issue_unit_id(issue), Role.SECRETARIAT
    )


def can_bulk_assign(user: Actor) -> bool:
    """Reach the bulk assignment at all; each issue is still checked with `can_assign`."""
    return bool(area_ids(user, Role.SECRETARIAT))


def can_manage_settings(user: Actor, organisation: Organisation) -> bool:
    """Follow-up settings of an issuing organisation: administrators, or its level's secretariat."""
    return is_administrator(user) or organisation.unit_id in area_ids(user, Role.SECRETARIAT)


def can_open_petition_file(user: Actor, petition: Petition, issue: Issue | None) -> bool:
    """A petition's attachment: whoever may see the petition, or the issue's follow-up."""
    if petition_policies.can_view(user, petition):
        return True
    return issue is not None and can_view_issue_followup(user, issue)


def can_open_answer_file(user: Actor, answer: Answer) -> bool:
    """A file attached to an answer: whoever may see its assignment; anyone once the answer is
    published about an issue whose title is public (never one about a single petition)."""
    assignment = answer.assignment
    issue = assignment.issue
    if answer.state == AnswerState.PUBLISHED and issue is not None and issue_is_public(issue):
        return True
    return bool(getattr(user, "is_authenticated", False)) and can_view_assignment(user, assignment)


# --- departments --------------------------------------------------------------------------


def can_draft(user: Actor, assignment: Assignment) -> bool:
    """Draft or edit an answer: an officer or head of the lead department, while it is active."""
    return assignment.state == AssignmentState.ACTIVE and assignment.lead_id in department_ids(user)


def can_edit_answer(user: Actor, answer: Answer) -> bool:
    return answer.state in (AnswerState.DRAFT, AnswerState.RETURNED) and can_draft(
        user, answer.assignment
    )


def can_head_decide(user: Actor, answer: Answer) -> bool:
    """Approve or return a submitted answer: the head of the lead department."""
    return answer.state == AnswerState.SUBMITTED and answer.assignment.lead_id in department_ids(
        user, Role.DEPARTMENT_HEAD
    )


def can_leader_decide(user: Actor, answer: Answer) -> bool:
    return answer.state == AnswerState.HEAD_APPROVED and _in_area(
        user, assignment_unit_id(answer.assignment), Role.LEADER
    )


def can_move_answer(user: Actor, answer: Answer, to_state: str) -> bool:
    if not ANSWER_TRANSITIONS.allows(answer.state, to_state):
        return False
    if to_state == AnswerState.SUBMITTED:
        return can_edit_answer(user, answer)
    if to_state == AnswerState.PUBLISHED:
        return can_publish(user, answer)
    return can_head_decide(user, answer) or can_leader_decide(user, answer)


def can_report_progress(user: Actor, directive: Directive) -> bool:
    """Progress, evidence, completion and extension requests: the assignee department."""
    return (
        directive.assignee_id in department_ids(user)
        and bool(DIRECTIVE_TRANSITIONS.get(directive.state))
        and directive.state != DirectiveState.DONE
    )


def can_decide_extension(user: Actor, directive: Directive) -> bool:
    return directive.state == DirectiveState.EXTENSION_REQUESTED and _in_area(
        user, directive.round.unit_id, Role.LEADER
    )


def can_view_directive(user: Actor, directive: Directive) -> bool:
    return (
        is_administrator(user)
        or _in_area(user, directive.round.unit_id, *OVERSIGHT_ROLES)
        or directive.assignee_id in department_ids(user)
    )


# --- MTTQ ---------------------------------------------------------------------------------


def can_supervise(user: Actor, unit_id: int | None) -> bool:
    """See the supervision board and write remarks: the MTTQ of the level."""
    return _in_area(user, unit_id, Role.MTTQ_OFFICER)


def can_verify_issue(user: Actor, issue: Issue) -> bool:
    return issue.state in ISSUE_STEPS[IssueStep.VERIFY][0] and can_supervise(
        user, issue_unit_id(issue)
    )


def can_verify_directive(user: Actor, directive: Directive) -> bool:
    return directive.state == DirectiveState.DONE and can_supervise(user, directive.round.unit_id)


def supervised_unit_ids(user: Actor) -> set[int]:
    return area_ids(user, Role.MTTQ_OFFICER)


# --- answer letters (printed for petitioners without e-mail, carried by the ward) ----------

LETTER_ROLES = (Role.WARD_OFFICER, Role.SECRETARIAT)


def letter_unit_ids(user: Actor) -> set[int]:
    """Units whose answer letters the user prints and records: a ward officer's ward, the
    secretariat's area. Administrators are not included: they do not read petitioners' data."""
    return area_ids(user, *LETTER_ROLES)


def can_handle_letters(user: Actor, unit_id: int | None) -> bool:
    """Issue, print and record the delivery of the answer letters of a ward."""
    return _in_area(user, unit_id, *LETTER_ROLES)


def can_read_letter(user: Actor, letter: AnswerLetter) -> bool:
    """A letter carries the petitioner's name and address: the ward's letter roles, and only
    where the petition policies show that petitioner's personal data."""
    return can_handle_letters(user, letter.ward_id) and petition_policies.can_see_personal_data(
        user, letter.petition
    )


def can_record_delivery(user: Actor, letter: AnswerLetter) -> bool:
    """Record how a letter reached (or did not reach) its petitioner, while it is not finished."""
    return bool(LETTER_TRANSITIONS.get(letter.state)) and can_read_letter(user, letter)
