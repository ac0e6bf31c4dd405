"""Vocabularies of the follow-up and the one table of allowed moves per state machine."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.dialogues.models import DirectiveState
from doithoai.synthesis.models import IssueState


class HolidayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Ngày nghỉ lễ, Tết")
    COMPENSATORY = "compensatory", _("Ngày nghỉ bù")
    WORKING_WEEKEND = "working_weekend", _("Ngày làm bù (thứ Bảy, Chủ nhật đi làm)")


class AssignmentState(models.TextChoices):
    ACTIVE = "active", _("Đang giải quyết")
    FORWARDED = "forwarded", _("Đã chuyển cơ quan có thẩm quyền")
    CLOSED = "closed", _("Đã kết thúc")


class AnswerState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Chờ lãnh đạo phòng duyệt")
    HEAD_APPROVED = "head_approved", _("Chờ lãnh đạo UBND duyệt")
    RETURNED = "returned", _("Trả lại để sửa")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã gửi và công khai")


ANSWER_TRANSITIONS: dict[str, frozenset[str]] = {
    AnswerState.DRAFT: frozenset({AnswerState.SUBMITTED}),
    AnswerState.RETURNED: frozenset({AnswerState.SUBMITTED}),
    AnswerState.SUBMITTED: frozenset(
        {AnswerState.RETURNED, AnswerState.HEAD_APPROVED, AnswerState.APPROVED}
    ),
    AnswerState.HEAD_APPROVED: frozenset({AnswerState.RETURNED, AnswerState.APPROVED}),
    AnswerState.APPROVED: frozenset({AnswerState.PUBLISHED}),
    AnswerState.PUBLISHED: frozenset(),
}

# Issue states are owned by synthesis; only followup services move them, along this table.
ISSUE_TRANSITIONS: dict[str, frozenset[str]] = {
    IssueState.OPEN: frozenset({IssueState.ASSIGNED}),
    IssueState.ASSIGNED: frozenset({IssueState.ASSIGNED, IssueState.ANSWERED}),
    IssueState.ANSWERED: frozenset(
        {IssueState.IN_PROGRESS, IssueState.RESOLVED, IssueState.ASSIGNED}
    ),
    IssueState.IN_PROGRESS: frozenset({IssueState.RESOLVED, IssueState.ASSIGNED}),
    IssueState.RESOLVED: frozenset({IssueState.CLOSED, IssueState.ASSIGNED}),
    IssueState.CLOSED: frozenset({IssueState.ASSIGNED}),
}

DIRECTIVE_TRANSITIONS: dict[str, frozenset[str]] = {
    DirectiveState.OPEN: frozenset(
        {DirectiveState.IN_PROGRESS, DirectiveState.EXTENSION_REQUESTED, DirectiveState.DONE}
    ),
    DirectiveState.IN_PROGRESS: frozenset(
        {DirectiveState.IN_PROGRESS, DirectiveState.EXTENSION_REQUESTED, DirectiveState.DONE}
    ),
    DirectiveState.EXTENSION_REQUESTED: frozenset({DirectiveState.IN_PROGRESS}),
    DirectiveState.DONE: frozenset({DirectiveState.VERIFIED, DirectiveState.REOPENED}),
    DirectiveState.REOPENED: frozenset(
        {DirectiveState.IN_PROGRESS, DirectiveState.EXTENSION_REQUESTED, DirectiveState.DONE}
    ),
    DirectiveState.VERIFIED: frozenset(),
}

# States in which an issue or directive is no longer late, whatever its deadline.
ISSUE_SETTLED = frozenset({IssueState.ANSWERED, IssueState.RESOLVED, IssueState.CLOSED})
DIRECTIVE_SETTLED = frozenset({DirectiveState.DONE, DirectiveState.VERIFIED})


class ExtensionState(models.TextChoices):
    PENDING = "pending", _("Chờ quyết định")
    APPROVED = "approved", _("Đồng ý gia hạn")
    REFUSED = "refused", _("Không đồng ý")


class RemarkKind(models.TextChoices):
    REMARK = "remark", _("Ý kiến giám sát")
    VERIFIED = "verified", _("Xác nhận đã giải quyết")
    REOPENED = "reopened", _("Đề nghị mở lại")
    PETITIONER = "petitioner", _("Người gửi cho biết chưa được giải quyết")


# Key of the time limit of a transfer to the competent body (besides the legal kinds).
TRANSFER_KEY = "transfer"
