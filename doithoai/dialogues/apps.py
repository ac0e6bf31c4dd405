from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "doithoai.dialogues"
    label = "dialogues"
    verbose_name = _("Đối thoại")

    def ready(self) -> None:
        from doithoai.core.worklist import worklist_register
        from doithoai.dialogues import document_jobs, document_kinds, navigation
        from doithoai.dialogues.worklist import dialogues_work

        worklist_register("dialogues", dialogues_work, order=30)
        navigation.register()
        document_kinds.register()
        document_jobs.register()
