from django.contrib import admin

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
    """The audit of what was sent to whom; read-only."""

    list_display = ["created_at", "channel", "template_key", "to", "state", "attempts"]
    list_filter = ["state", "channel", "template_key"]
    readonly_fields = [f.name for f in Message._meta.fields]
    inlines = [AttemptInline]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
