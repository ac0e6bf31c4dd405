from django.contrib import admin

from doithoai.followup.models import AnswerTemplate, FollowupSetting, Holiday, TimeLimit


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin[Holiday]):
    list_display = ["date", "kind", "name", "confirmed", "source"]
    list_filter = ["kind", "confirmed"]
    date_hierarchy = "date"


@admin.register(TimeLimit)
class TimeLimitAdmin(admin.ModelAdmin[TimeLimit]):
    list_display = ["key", "working_days", "confirmed", "basis"]


@admin.register(FollowupSetting)
class FollowupSettingAdmin(admin.ModelAdmin[FollowupSetting]):
    list_display = ["organisation", "leader_approval_required", "reminder_days"]


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin[AnswerTemplate]):
    list_display = ["title", "organisation", "topic"]
