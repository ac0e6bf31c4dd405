"""Event actions of the synthesis app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class SynthesisEvents(StrEnum):
    ISSUE_CREATED = "issue.created"
    ISSUE_MERGED = "issue.merged"
    ISSUE_MERGED_INTO = "issue.merged_into"
    ISSUE_SPLIT = "issue.split"
    ISSUE_EMPTIED = "issue.emptied"
    ISSUE_PETITION_LEFT = "issue.petition_left"
    PETITION_MOVED = "petition.moved"
    ISSUE_TOPIC_CONFIRMED = "issue.topic_confirmed"
    ISSUE_DEPARTMENT_SET = "issue.department_set"
    ISSUE_RENAMED = "issue.renamed"
    ISSUE_TITLE_CONFIRMED = "issue.title_confirmed"
    SYNTHESIS_REQUESTED = "synthesis.requested"
    SYNTHESIS_APPLIED = "synthesis.applied"
    MODEL_TRAINED = "model.trained"
    MODEL_ACTIVATED = "model.activated"
    SYNTHESIS_REPORT_DRAFTED = "synthesis_report.drafted"
    SYNTHESIS_REPORT_REFRESHED = "synthesis_report.refreshed"
    SYNTHESIS_REPORT_EDITED = "synthesis_report.edited"
    SYNTHESIS_REPORT_APPROVED = "synthesis_report.approved"
    SYNTHESIS_REPORT_REOPENED = "synthesis_report.reopened"
