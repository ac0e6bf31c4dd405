"""What the dialogues app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, choice_label, said
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import InviteeState, RoundState, SpeakerState, TaskState

TEXTS: dict[str, EventText] = {
    DialogueEvents.ROUND_CREATE: said(
        _("%(who)s đã lập kỳ đối thoại “%(title)s”"), title=lambda e: e.after["title"]
    ),
    DialogueEvents.ROUND_TRANSITION: said(
        _("%(who)s đã chuyển kỳ đối thoại sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(RoundState, e.after["state"]),
    ),
    DialogueEvents.ROUND_PLAN_UPDATE: said(_("%(who)s đã sửa kế hoạch")),
    DialogueEvents.TASK_CREATE: said(_("%(who)s đã giao nhiệm vụ trong kế hoạch")),
    DialogueEvents.TASK_TRANSITION: said(
        _("%(who)s đã chuyển nhiệm vụ sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(TaskState, e.after["state"]),
    ),
    DialogueEvents.TASK_UPDATE: said(_("%(who)s đã báo cáo tiến độ nhiệm vụ")),
    DialogueEvents.TASK_REPORT: said(_("%(who)s đã báo cáo kết quả thực hiện nhiệm vụ")),
    DialogueEvents.TASK_REMIND: said(_("%(who)s đã nhắc hạn thực hiện nhiệm vụ")),
    DialogueEvents.FOCUS_ADD: said(
        _("%(who)s đã thêm nội dung trọng tâm “%(label)s”"), label=lambda e: e.after["label"]
    ),
    DialogueEvents.FOCUS_UPDATE: said(_("%(who)s đã sửa nội dung trọng tâm")),
    DialogueEvents.FOCUS_REMOVE: said(_("%(who)s đã bỏ một nội dung trọng tâm")),
    DialogueEvents.FOCUS_MOVE: said(_("%(who)s đã đổi thứ tự nội dung trọng tâm")),
    DialogueEvents.CHAIR_ADD: said(_("%(who)s đã thêm người chủ trì hội nghị")),
    DialogueEvents.CHAIR_UPDATE: said(_("%(who)s đã sửa thông tin người chủ trì")),
    DialogueEvents.CHAIR_REMOVE: said(_("%(who)s đã bỏ một người chủ trì")),
    DialogueEvents.CHAIR_MOVE: said(_("%(who)s đã đổi thứ tự người chủ trì")),
    DialogueEvents.INVITEE_ADD: said(_("%(who)s đã thêm đại biểu vào danh sách mời")),
    DialogueEvents.INVITEE_REGISTER_PUBLIC: said(_("Người dân đã đăng ký tham dự hội nghị")),
    DialogueEvents.INVITEE_TRANSITION: said(
        _("%(who)s đã ghi nhận đại biểu: “%(state)s”"),
        state=lambda e: choice_label(InviteeState, e.after["state"]),
    ),
    DialogueEvents.AGENDA_BUILD: said(
        _("%(who)s đã lập chương trình hội nghị (%(n)s mục)"), n=lambda e: e.after["added"]
    ),
    DialogueEvents.AGENDA_SETTINGS: said(_("%(who)s đã đặt thời lượng hội nghị")),
    DialogueEvents.AGENDA_ADD: said(_("%(who)s đã thêm một mục vào chương trình")),
    DialogueEvents.AGENDA_REMOVE: said(_("%(who)s đã bỏ một mục khỏi chương trình")),
    DialogueEvents.AGENDA_MOVE: said(_("%(who)s đã đổi thứ tự chương trình")),
    DialogueEvents.AGENDA_UPDATE: said(_("%(who)s đã sửa một mục của chương trình")),
    DialogueEvents.AGENDA_OPEN: said(_("%(who)s đã mở thảo luận mục này")),
    DialogueEvents.SPEAKER_REQUEST: said(_("%(who)s đã ghi tên người đăng ký phát biểu")),
    DialogueEvents.SPEAKER_TRANSITION: said(
        _("%(who)s đã ghi nhận lượt phát biểu: “%(state)s”"),
        state=lambda e: choice_label(SpeakerState, e.after["state"]),
    ),
    DialogueEvents.SPEAKER_MOVE: said(_("%(who)s đã đổi thứ tự phát biểu")),
    DialogueEvents.STATEMENT_RECORD: said(_("%(who)s đã ghi ý kiến phát biểu tại hội nghị")),
    DialogueEvents.STATEMENT_ANSWER: said(_("%(who)s đã ghi nội dung trả lời tại hội nghị")),
    DialogueEvents.DIRECTIVE_CREATE: said(_("%(who)s đã ghi chỉ đạo")),
    DialogueEvents.PRESS_QUESTION_SUBMIT: said(_("%(who)s đã gửi câu hỏi của báo chí")),
    DialogueEvents.PRESS_QUESTION_ANSWER: said(_("%(who)s đã ghi trả lời câu hỏi của báo chí")),
    DialogueEvents.MINUTES_UPDATE: said(_("%(who)s đã sửa biên bản hội nghị")),
    DialogueEvents.CONCLUSION_NOTICE_UPDATE: said(_("%(who)s đã sửa thông báo kết luận")),
    DialogueEvents.CONCLUSION_NOTICE_APPROVE: said(_("%(who)s đã duyệt thông báo kết luận")),
    DialogueEvents.CONCLUSION_NOTICE_UNAPPROVE: said(
        _("%(who)s đã hủy duyệt thông báo kết luận để sửa")
    ),
}
