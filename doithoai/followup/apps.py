from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "doithoai.followup"
    label = "followup"
    verbose_name = _("Theo dõi, giám sát")

    def ready(self) -> None:
        from doithoai.core.worklist import worklist_register
        from doithoai.followup import document_jobs, document_kinds, navigation
        from doithoai.followup.selectors import published_answer_rows, published_answers_exist
        from doithoai.followup.worklist import followup_work
        from doithoai.petitions.hooks import PublicAnswers, public_answers_register

        worklist_register("followup", followup_work, order=10)
        navigation.register()
        document_kinds.register()
        document_jobs.register()
        public_answers_register(PublicAnswers(published_answers_exist, published_answer_rows))
