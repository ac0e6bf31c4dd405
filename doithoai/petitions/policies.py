"""Who may see and do what with petitions — the one place these decisions are made.

Levels: a role held in an organisation reaches that organisation's unit, its tree and its
predecessor units (`units.selectors.unit_covered_ids`).
"""

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from django.db.models import Q

from doithoai.accounts.models import Role
from doithoai.accounts.policies import (
    active_memberships,
    area_ids,
    is_administrator,
    roles_of,
)
from doithoai.accounts.types import Actor
from doithoai.petitions.choices import Channel, LegalKind, PetitionState
from doithoai.petitions.models import Petition
from doithoai.units.models import Unit

AREA_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.MTTQ_OFFICER, Role.WARD_OFFICER)
INTAKE_ROLES = (Role.SECRETARIAT, Role.MTTQ_OFFICER, Role.WARD_OFFICER)
TRIAGE_ROLES = (Role.SECRETARIAT, Role.LEADER)
DEPARTMENT_ROLES = (Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_HEAD)
# Law on Denunciation 2018, Art. 9: the denouncer's identity is kept secret.
DENOUNCER_IDENTITY_ROLES = frozenset({Role.SECRETARIAT, Role.LEADER})


def _area(user: Actor, *roles: str) -> set[int]:
    return area_ids(user, *roles)


@dataclass(frozen=True)
class PetitionScope:
    """The petitions a user may list and open: every one (`everything`), else those of the
    `units` of their area and those assigned to their `departments`. The one place this is
    decided; `visible_petitions_q`, `visible_unit_ids` and `can_view` read it."""

    everything: bool = False
    units: AbstractSet[int] = frozenset()
    departments: frozenset[int] = frozenset()


def petition_scope(user: Actor) -> PetitionScope:
    if is_administrator(user):
        return PetitionScope(everything=True)
    return PetitionScope(
        units=_area(user, *AREA_ROLES),  # the user's cached set, not a copy: read per row
        departments=frozenset(
            m.organisation_id for m in active_memberships(user) if m.role in DEPARTMENT_ROLES
        ),
    )


def visible_petitions_q(user: Actor) -> Q | None:
    """A filter of the petitions `user` may list and open; None means none at all."""
    scope = petition_scope(user)
    if scope.everything:
        return Q()
    parts = []
    if scope.units:
        parts.append(Q(unit_id__any_of=scope.units))
    if scope.departments:
        parts.append(Q(assigned_to_id__in=sorted(scope.departments)))
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def visible_unit_ids(user: Actor) -> set[int] | None:
    """The units outside which `user` sees no petition (empty: none at all), or None when what
    they see is not bounded by units (administrators, departments): the units of the same
    `petition_scope` as `visible_petitions_q`. Selectors use it to choose a query plan, never to
    grant access."""
    scope = petition_scope(user)
    if scope.everything or scope.departments:
        return None
    return set(scope.units)


def can_view(user: Actor, petition: Petition) -> bool:
    scope = petition_scope(user)
    return (
        scope.everything
        or petition.unit_id in scope.units
        or petition.assigned_to_id in scope.departments
    )


def can_see_personal_data(user: Actor, petition: Petition) -> bool:
    """Name, phone, email, address and tax code of the petitioner."""
    if not can_view(user, petition):
        return False
    roles = roles_of(user)
    if petition.legal_kind == LegalKind.TO_CAO:
        return bool(roles & DENOUNCER_IDENTITY_ROLES) and petition.unit_id in _area(
            user, *DENOUNCER_IDENTITY_ROLES
        )
    if is_administrator(user):
        return False  # administrators run the system; they do not read petitioners' data
    if petition.unit_id in _area(user, *AREA_ROLES):
        return True
    # Departments see contact data to answer, unless the petitioner asked for confidentiality.
    return not petition.confidential


def personal_data_q(user: Actor) -> Q | None:
    """`can_see_personal_data` as a filter, for a list that shows petitioners (the answer
    letters of a ward): None means none at all."""
    visible = visible_petitions_q(user)
    if visible is None:
        return None
    denunciation = Q(legal_kind=LegalKind.TO_CAO)
    allowed = Q(pk__in=[])
    denouncer_area = _area(user, *DENOUNCER_IDENTITY_ROLES)
    if denouncer_area:
        allowed |= denunciation & Q(unit_id__any_of=denouncer_area)
    if not is_administrator(user):
        area = _area(user, *AREA_ROLES)
        own = Q(unit_id__any_of=area) if area else Q(pk__in=[])
        allowed |= ~denunciation & (own | Q(confidential=False))
    return visible & allowed


def can_enter_for(user: Actor, unit: Unit, channel: str = "") -> bool:
    """Enter or import petitions collected in `unit`. A statement at the conference is recorded
    by whoever answers there: the leader (chair) as well as the intake roles."""
    roles = (*INTAKE_ROLES, Role.LEADER) if channel == Channel.CONFERENCE else INTAKE_ROLES
    return unit.pk in _area(user, *roles)


def can_transition(user: Actor, petition: Petition, to_state: str) -> bool:
    if not can_view(user, petition):
        return False
    if to_state in (PetitionState.ACCEPTED, PetitionState.NOT_ACCEPTED, PetitionState.RECEIVED):
        return petition.unit_id in _area(user, *TRIAGE_ROLES)
    return False


def can_set_topic(user: Actor, petition: Petition) -> bool:
    return petition.unit_id in _area(user, Role.SECRETARIAT, Role.MTTQ_OFFICER)


def can_set_round(user: Actor, petition: Petition) -> bool:
    """Move a petition to another round or out of every round: the secretariat of its area,
    which runs the rounds, and administrators (who fix what was filed in the wrong round)."""
    if is_administrator(user):
        return True
    return petition.unit_id in _area(user, Role.SECRETARIAT)


def can_export(user: Actor) -> bool:
    return bool(_area(user, *AREA_ROLES))


def can_manage_topics(user: Actor) -> bool:
    return is_administrator(user) or Role.SECRETARIAT in roles_of(user)


def is_secret_kind(legal_kind: str) -> bool:
    """A denunciation is always handled as confidential."""
    return legal_kind == LegalKind.TO_CAO


def area_of(user: Actor) -> set[int]:
    """Units whose petitions the user works on (lists, triage, reports)."""
    return _area(user, *AREA_ROLES)


def entry_area(user: Actor) -> set[int]:
    """Units for which the user may enter or import petitions on the staff form (the intake
    roles; a leader records only conference statements, on the conference page)."""
    return _area(user, *INTAKE_ROLES)
