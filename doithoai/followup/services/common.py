"""Helpers shared by the follow-up services: the issue state machine and notifications."""

import datetime
from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.models import Membership, Role, User
from doithoai.accounts.types import Actor
from doithoai.core.states import transition
from doithoai.followup.choices import ISSUE_TRANSITIONS
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import Assignment, FollowupSetting
from doithoai.followup.policies import assignment_unit_id, issue_unit_id
from doithoai.notify.services import message_to_petitioner
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue
from doithoai.synthesis.selectors import issue_is_public
from doithoai.units.models import Organisation, OrganisationKind


def today() -> datetime.date:
    return timezone.localdate()


def issue_petitions(issue: Issue) -> QuerySet[Petition]:
    return Petition.objects.filter(issue_link__issue=issue)


def subject_petitions(assignment: Assignment) -> QuerySet[Petition]:
    if assignment.issue is not None:
        return issue_petitions(assignment.issue)
    return Petition.objects.filter(pk=assignment.petition_id or 0)


def main_legal_kind(petitions: QuerySet[Petition]) -> str:
    kinds = Counter(petitions.values_list("legal_kind", flat=True))
    return kinds.most_common(1)[0][0] if kinds else str(LegalKind.KIEN_NGHI)


def move_issue(*, actor: Actor, issue: Issue, to_state: str, reason: str = "") -> None:
    """The one place an issue changes state (synthesis owns the field, followup moves it)."""
    transition(
        issue,
        to_state,
        actor=actor,
        table=ISSUE_TRANSITIONS,
        action=FollowupEvents.ISSUE_STATE,
        fields=["updated_at"],
        reason=reason,
    )


def staff_of(organisation_id: int | None, *roles: str) -> QuerySet[User]:
    if organisation_id is None:
        return User.objects.none()
    return User.objects.filter(
        pk__in=Membership.objects.filter(
            organisation_id=organisation_id, role__in=roles, active=True
        ).values("user_id"),
        is_active=True,
    )


def staff_in_unit(unit_id: int | None, *roles: str) -> QuerySet[User]:
    if unit_id is None:
        return User.objects.none()
    return User.objects.filter(
        pk__in=Membership.objects.filter(
            organisation__unit_id=unit_id, role__in=roles, active=True
        ).values("user_id"),
        is_active=True,
    )


def department_staff(organisation_id: int | None) -> QuerySet[User]:
    return staff_of(organisation_id, Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_HEAD)


def title_of(assignment: Assignment) -> str:
    if assignment.issue is not None:
        return str(assignment.issue.title)
    code = assignment.petition.code if assignment.petition is not None else ""
    return _("Kiến nghị %(code)s") % {"code": code}


def notify_petitioners(
    *, actor: Actor, petitions: QuerySet[Petition], key: str, context: dict[str, Any]
) -> None:
    for petition in petitions.exclude(email="", phone=""):
        message_to_petitioner(actor=actor, petition=petition, key=key, context=context)


def issuing_organisation_id(assignment: Assignment) -> int | None:
    """The organisation in whose name the answer goes out: the round's issuing organisation, or
    the People's Committee of the petition's unit for work outside every round."""
    subject: Any = assignment.issue or assignment.petition
    round_ = getattr(subject, "round", None)
    if round_ is not None:
        return int(round_.organisation_id)
    return _committee_of(assignment_unit_id(assignment))


def setting_for(assignment: Assignment) -> FollowupSetting | None:
    organisation_id = issuing_organisation_id(assignment)
    if organisation_id is None:
        return None
    return FollowupSetting.objects.filter(organisation_id=organisation_id).first()


def _committee_of(unit_id: int | None) -> int | None:
    if unit_id is None:
        return None
    found = (
        Organisation.objects.filter(unit_id=unit_id, kind=OrganisationKind.PEOPLES_COMMITTEE)
        .values_list("pk", flat=True)
        .first()
    )
    return int(found) if found is not None else None


def issue_setting(issue: Issue) -> FollowupSetting | None:
    organisation_id = (
        issue.round.organisation_id
        if issue.round is not None
        else _committee_of(issue_unit_id(issue))
    )
    return FollowupSetting.objects.filter(organisation_id=organisation_id or 0).first()


def issue_title_confirmed(issue: Issue) -> bool:
    """A person confirmed the issue's title as fit for the public (synthesis' rule)."""
    return issue_is_public(issue)
