"""Who may issue a round's documents and read the issued files. See docs/permissions.md.

- Issuing (and reissuing) a document of the People's Committee's round: the secretariat (which
  prepares and registers outgoing documents) and the leader (who signs) of the round's own unit —
  not an officer of a higher level whose area covers it (a province does not number a city's
  documents), and not an administrator.
- Issuing the Fatherland Front's synthesis report (a kind whose issuer is the Front): an MTTQ
  officer of the round's unit — the Front's own report, not the committee's.
- Reading the register and downloading issued files: whoever may read the round (as for the
  drafts on the round page), except the press, who read only what is published.
"""

from doithoai.accounts.models import Role
from doithoai.accounts.policies import is_administrator, roles_of, unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.core.document_kinds import ISSUERS
from doithoai.dialogues import policies as dialogue_policies
from doithoai.dialogues.models import Round
from doithoai.units.models import OrganisationKind

ISSUE_ROLES: dict[str, tuple[str, ...]] = {
    OrganisationKind.FATHERLAND_FRONT: (Role.MTTQ_OFFICER,),
}
DEFAULT_ISSUE_ROLES = (Role.SECRETARIAT, Role.LEADER)


def issue_roles(kind: str) -> tuple[str, ...]:
    issuer = ISSUERS.get(kind)
    return ISSUE_ROLES.get(issuer, DEFAULT_ISSUE_ROLES) if issuer else DEFAULT_ISSUE_ROLES


def can_issue(user: Actor, round_: Round, kind: str) -> bool:
    """Issue or reissue `kind` for the round."""
    return round_.unit_id in unit_ids_with_role(user, *issue_roles(kind))


def reads_register(user: Actor) -> bool:
    """Staff other than the press (who read only what is published)."""
    return is_administrator(user) or bool(roles_of(user) - {Role.PRESS})


def can_read_issued(user: Actor, round_: Round) -> bool:
    """See a round's issued documents and download their files."""
    return reads_register(user) and dialogue_policies.can_view(user, round_)
