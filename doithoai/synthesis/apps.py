from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesisConfig(AppConfig):
    name = "doithoai.synthesis"
    label = "synthesis"
    verbose_name = _("Tổng hợp, phân loại")

    def ready(self) -> None:
        from doithoai.core.worklist import worklist_register
        from doithoai.petitions.hooks import on_round_changed
        from doithoai.synthesis import document_kinds, navigation
        from doithoai.synthesis.hooks import petition_round_changed
        from doithoai.synthesis.worklist import synthesis_work

        on_round_changed(petition_round_changed)
        worklist_register("synthesis", synthesis_work, order=20)
        navigation.register()
        document_kinds.register()
