"""Who may handle personal-data duties: the data-protection officer (Role.DATA_PROTECTION_OFFICER)
of an organisation, for the petitions and requests of that organisation's area. Administrators run
the system and do not read petitioners' data; no other role reaches these pages (404).
Documented in docs/permissions.md ("Personal data")."""

from django.db.models import Q

from doithoai.accounts.models import Role
from doithoai.accounts.policies import active_memberships, area_ids, unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.dataprotection.models import DataSubjectRequest
from doithoai.petitions.models import Petition


def dpo_area(user: Actor) -> set[int]:
    """Units whose petitions the officer handles (their organisations' units and trees)."""
    return area_ids(user, Role.DATA_PROTECTION_OFFICER)


def is_dpo(user: Actor) -> bool:
    return bool(unit_ids_with_role(user, Role.DATA_PROTECTION_OFFICER))


def visible_requests_q(user: Actor) -> Q | None:
    """Requests received by an organisation in the officer's area; None: none at all."""
    area = dpo_area(user)
    if not area:
        return None
    return Q(organisation__unit_id__in=area)


def can_handle_request(user: Actor, request: DataSubjectRequest) -> bool:
    return request.organisation.unit_id in dpo_area(user)


def can_receive_for(user: Actor, organisation_id: int) -> bool:
    """Record a request received by an organisation where the user is the officer."""
    return any(
        m.role == Role.DATA_PROTECTION_OFFICER and m.organisation_id == organisation_id
        for m in active_memberships(user)
    )


def can_act_on_petition(user: Actor, petition: Petition) -> bool:
    """Export, correct, anonymise or stop notices for a petition of the officer's area, when
    carrying out a data subject's request."""
    return petition.unit_id in dpo_area(user)


def can_read_view_log(user: Actor) -> bool:
    return is_dpo(user)


def can_run_retention(user: Actor) -> bool:
    return is_dpo(user)
