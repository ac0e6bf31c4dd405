from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "doithoai.petitions"
    label = "petitions"
    verbose_name = _("Kiến nghị, phản ánh")

    def ready(self) -> None:
        from doithoai.core.worklist import worklist_register
        from doithoai.petitions import export_jobs, navigation
        from doithoai.petitions.worklist import petitions_work

        worklist_register("petitions", petitions_work, order=40)
        navigation.register()
        export_jobs.register()
