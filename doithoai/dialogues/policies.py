"""Who may do what with a dialogue round. Documented in docs/permissions.md (dialogues).

A role reaches a round when the round's unit is in the user's area for that role; a ward officer
reaches the rounds of the units above their ward (the city's round covers its wards).
"""

from django.db.models import Q

from doithoai.accounts.models import Role
from doithoai.accounts.policies import (
    active_memberships,
    area_ids,
    has_role,
    is_administrator,
    unit_ids_with_role,
)
from doithoai.accounts.types import Actor
from doithoai.dialogues.models import Round, RoundState, Task
from doithoai.petitions import policies as petition_policies
from doithoai.petitions.models import Petition
from doithoai.units.models import Unit

READ_ROLES = (
    Role.SECRETARIAT,
    Role.LEADER,
    Role.MTTQ_OFFICER,
    Role.DEPARTMENT_OFFICER,
    Role.DEPARTMENT_HEAD,
    Role.PRESS,
)
ANSWER_ROLES = (Role.LEADER, Role.SECRETARIAT)
PUBLIC_STATES = frozenset({RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED})


def _ancestors(unit_ids: set[int]) -> set[int]:
    """The units above the given ones (a ward's district or city), found by walking parents."""
    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        parents = set(
            Unit.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        frontier = parents - found
        found |= parents
    return found


def _ward_rounds_units(user: Actor) -> set[int]:
    own = unit_ids_with_role(user, Role.WARD_OFFICER)
    return own | _ancestors(own) if own else set()


def _in(user: Actor, round_: Round, *roles: str) -> bool:
    return is_administrator(user) or round_.unit_id in area_ids(user, *roles)


def visible_rounds_q(user: Actor) -> Q | None:
    """Rounds a staff member may read; None when none."""
    if is_administrator(user):
        return Q()
    units = area_ids(user, *READ_ROLES) | _ward_rounds_units(user)
    return Q(unit_id__in=units) if units else None


def can_view(user: Actor, round_: Round) -> bool:
    return _in(user, round_, *READ_ROLES) or round_.unit_id in _ward_rounds_units(user)


def can_edit_plan(user: Actor, round_: Round) -> bool:
    return round_.unit_id in area_ids(user, Role.SECRETARIAT)


def can_transition(user: Actor, round_: Round, to_state: str) -> bool:
    """The secretariat drafts, announces and closes; only a leader approves or concludes."""
    if to_state in (RoundState.APPROVED, RoundState.CONCLUDED):
        return round_.unit_id in area_ids(user, Role.LEADER)
    return can_edit_plan(user, round_)


def can_update_task(user: Actor, round_: Round, organisation_id: int) -> bool:
    """The secretariat, or an officer of the organisation the task is given to."""
    if can_edit_plan(user, round_):
        return True
    return any(m.organisation_id == organisation_id for m in active_memberships(user))


def can_register(user: Actor, round_: Round, unit_id: int | None) -> bool:
    """The secretariat registers anyone; a ward officer registers the residents of their ward."""
    if can_edit_plan(user, round_):
        return True
    return (
        unit_id is not None
        and round_.unit_id in _ward_rounds_units(user)
        and unit_id in area_ids(user, Role.WARD_OFFICER)
    )


def can_check_in(user: Actor, round_: Round) -> bool:
    return can_edit_plan(user, round_)


def can_run_conference(user: Actor, round_: Round) -> bool:
    """Agenda and speakers: the chair and the secretariat."""
    return round_.unit_id in area_ids(user, *ANSWER_ROLES)


def can_answer(user: Actor, round_: Round) -> bool:
    """Answers and directives: only the chair (leader) and the secretariat."""
    return round_.unit_id in area_ids(user, *ANSWER_ROLES)


def can_ask_press_question(user: Actor, round_: Round) -> bool:
    return has_role(user, Role.PRESS) and round_.unit_id in area_ids(user, Role.PRESS)


def is_public(round_: Round) -> bool:
    return round_.state in PUBLIC_STATES


def can_invite(user: Actor, round_: Round) -> bool:
    """Whether the user may add invitees at all (the secretariat, or a ward officer of the area)."""
    return can_edit_plan(user, round_) or round_.unit_id in _ward_rounds_units(user)


def invitation_units(user: Actor, round_: Round) -> set[int] | None:
    """Whose invitations the user prints: None for every invitee (the secretariat of the round),
    else the ward units of a ward officer (possibly empty: nobody)."""
    if can_edit_plan(user, round_):
        return None
    if round_.unit_id not in _ward_rounds_units(user):
        return set()
    return set(unit_ids_with_role(user, Role.WARD_OFFICER))


def can_create_round(user: Actor, unit_id: int) -> bool:
    """The secretariat opens rounds for units in its area."""
    return unit_id in area_ids(user, Role.SECRETARIAT)


def _task_orgs(user: Actor) -> tuple[set[int], set[int]]:
    """The user's organisations, and the organisations directly above them (a ward's People's
    Committee is under the city's: the city's tasks for "the wards" reach it)."""
    own = {m.organisation_id for m in active_memberships(user)}
    above = {
        m.organisation.parent_id
        for m in active_memberships(user)
        if m.organisation.parent_id is not None
    }
    return own, above


def task_reporting_organisation_id(user: Actor, task: Task) -> int | None:
    """The organisation on whose behalf the user reports on `task`: the task's own organisation,
    or the user's organisation under it; None when neither."""
    for m in active_memberships(user):
        if m.organisation_id == task.organisation_id:
            return int(m.organisation_id)
    for m in active_memberships(user):
        if m.organisation.parent_id == task.organisation_id:
            return int(m.organisation_id)
    return None


def can_report_task(user: Actor, task: Task) -> bool:
    """Progress and evidence: an officer of the task's organisation or of one under it (a ward's
    committee under the city's), or the secretariat of the round."""
    if task.round.state == RoundState.DRAFT and not can_edit_plan(user, task.round):
        return False
    return can_edit_plan(user, task.round) or task_reporting_organisation_id(user, task) is not None


def can_see_all_task_updates(user: Actor, task: Task) -> bool:
    """The secretariat, leaders and the MTTQ see every report; anyone else who reads the round
    sees the reports of the task's organisation and of their own organisations."""
    return _in(user, task.round, Role.SECRETARIAT, Role.LEADER, Role.MTTQ_OFFICER)


def task_orgs_q(user: Actor) -> Q | None:
    """Tasks given to the user's organisations or to the organisation directly above one."""
    own, above = _task_orgs(user)
    if not own:
        return None
    return Q(organisation_id__in=own | above)


def can_edit_conclusion(user: Actor, round_: Round) -> bool:
    """The conclusion notice's texts: the secretariat drafts them, the leader (chair) edits."""
    return round_.unit_id in area_ids(user, *ANSWER_ROLES)


def can_approve_conclusion(user: Actor, round_: Round) -> bool:
    """Only the leader approves the conclusion notice (or withdraws the approval)."""
    return round_.unit_id in area_ids(user, Role.LEADER)


def speaker_name_hidden(user: Actor, petition: Petition | None) -> bool:
    """A statement that became a denunciation or a confidential petition: the speaker's name is
    the petitioner's identity, shown only to roles that may see it (Law on Denunciation 2018
    Art. 9; petitions.policies.can_see_personal_data)."""
    if petition is None:
        return False
    secret = petition.confidential or petition_policies.is_secret_kind(petition.legal_kind)
    return secret and not petition_policies.can_see_personal_data(user, petition)
