"""Every write of the follow-up (see docs/services.md)."""

from doithoai.followup.services.answers import (
    answer_decide,
    answer_draft,
    answer_publish,
    answer_submit,
    answer_template_save,
)
from doithoai.followup.services.assignment import (
    assignment_forward,
    forwarded_reply_record,
    issue_assign,
    petition_assign,
)
from doithoai.followup.services.bulk import issues_assign_preview, issues_assign_suggested
from doithoai.followup.services.directives import (
    directive_complete,
    directive_extension_decide,
    directive_extension_request,
    directive_progress_add,
)
from doithoai.followup.services.finishing import issue_close, issue_resolve, issue_verify
from doithoai.followup.services.settings import followup_setting_update
from doithoai.followup.services.supervision import (
    directive_verify,
    petitioner_reopen,
    supervision_remark_add,
)

__all__ = [
    "answer_decide",
    "answer_draft",
    "answer_publish",
    "answer_submit",
    "answer_template_save",
    "assignment_forward",
    "directive_complete",
    "directive_extension_decide",
    "directive_extension_request",
    "directive_progress_add",
    "directive_verify",
    "followup_setting_update",
    "forwarded_reply_record",
    "issue_assign",
    "issue_close",
    "issue_resolve",
    "issue_verify",
    "issues_assign_preview",
    "issues_assign_suggested",
    "petition_assign",
    "petitioner_reopen",
    "supervision_remark_add",
]
