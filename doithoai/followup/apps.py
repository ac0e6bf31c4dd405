from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "doithoai.followup"
    label = "followup"
    verbose_name = "Theo dõi, giám sát"

    def ready(self) -> None:
        from doithoai.core.worklist import worklist_register
        from doithoai.followup.worklist import followup_work

        worklist_register("followup", followup_work, order=10)
