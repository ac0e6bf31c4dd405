"""Event actions of the followup app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class FollowupEvents(StrEnum):
    FOLLOWUP_ASSIGNED = "followup.assigned"
    FOLLOWUP_FORWARDED = "followup.forwarded"
    ISSUE_STATE = "issue.state"
    ANSWER_DRAFTED = "answer.drafted"
    ANSWER_EDITED = "answer.edited"
    ANSWER_STATE = "answer.state"
    ANSWER_FORWARDED_REPLY = "answer.forwarded_reply"
    ANSWER_TEMPLATE_SAVED = "answer_template.saved"
    DIRECTIVE_STATE = "directive.state"
    DIRECTIVE_PROGRESS = "directive.progress"
    DIRECTIVE_EXTENSION = "directive.extension"
    FOLLOWUP_RESOLVED = "followup.resolved"
    FOLLOWUP_VERIFIED = "followup.verified"
    FOLLOWUP_NOT_VERIFIED = "followup.not_verified"
    FOLLOWUP_SETTINGS = "followup.settings"
    SUPERVISION_REMARK = "supervision.remark"
    FOLLOWUP_PETITIONER_REOPEN = "followup.petitioner_reopen"
    LETTER_ISSUED = "letter.issued"
    LETTER_DELIVERY = "letter.delivery"
