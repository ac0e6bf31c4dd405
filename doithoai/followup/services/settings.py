"""Per-organisation follow-up settings, kept by the secretariat of its level or an administrator."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.followup import policies
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import FollowupSetting
from doithoai.units.models import Organisation

FIELDS = ("leader_approval_required", "mttq_verification_required", "reminder_days")


@transaction.atomic
def followup_setting_update(
    *,
    actor: Actor,
    organisation: Organisation,
    leader_approval_required: bool,
    mttq_verification_required: bool,
    reminder_days: int,
) -> FollowupSetting:
    """Does the leader approve answers, does the MTTQ verify before an issue closes, and how many
    working days before a deadline reminders go out."""
    if not policies.can_manage_settings(actor, organisation):
        raise PermissionDenied(_("Bạn không có quyền thay đổi cấu hình của cơ quan này."))
    if not 0 <= reminder_days <= 30:
        raise ValidationError({"reminder_days": _("Số ngày nhắc trước hạn phải từ 0 đến 30.")})
    setting, _created = FollowupSetting.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    before = {f: getattr(setting, f) for f in FIELDS}
    setting.leader_approval_required = leader_approval_required
    setting.mttq_verification_required = mttq_verification_required
    setting.reminder_days = reminder_days
    setting.save(update_fields=list(FIELDS))
    event_record(
        actor=actor,
        obj=organisation,
        action=FollowupEvents.FOLLOWUP_SETTINGS,
        before=before,
        after={f: getattr(setting, f) for f in FIELDS},
    )
    return setting
