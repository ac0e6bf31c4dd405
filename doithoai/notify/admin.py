from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doithoai.notify.models import DeliveryAttempt, Message, MessageTemplate


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin[MessageTemplate]):
    list_display = ["key", "description", "subject"]


class AttemptInline(admin.TabularInline[DeliveryAttempt, Message]):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ["at", "ok", "error"]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    """The audit of what was sent to whom; read-only. A petitioner's address is personal data
    that administrators do not read (Law 91/2025/QH15): a message to a petitioner shows its
    petition's number instead; a message to staff shows the staff account."""

    list_display = ["created_at", "channel", "template_key", "recipient", "state", "attempts"]
    list_filter = ["state", "channel", "template_key"]
    readonly_fields = ["recipient", *(f.name for f in Message._meta.fields if f.name != "to")]
    exclude = ["to"]
    inlines = [AttemptInline]

    @admin.display(description=_("người nhận"))
    def recipient(self, obj: Message) -> str:
        if obj.petition_id is not None or obj.user_id is None:
            return str(_("Người gửi kiến nghị #%(id)s")) % {"id": obj.petition_id or "—"}
        return obj.to

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
