from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "doithoai.followup"
    label = "followup"
    verbose_name = "Theo dõi, giám sát"
