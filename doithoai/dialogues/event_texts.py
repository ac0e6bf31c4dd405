"""What the dialogues app's events say in a history (core.events.event_describe)."""

from django.utils.translation import gettext_lazy as _

from doithoai.core.events import EventText, choice_label, said
from doithoai.dialogues.models import InviteeState, RoundState, SpeakerState, TaskState

TEXTS: dict[str, EventText] = {
    "round.create": said(
        _("%(who)s đã lập kỳ đối thoại “%(title)s”"), title=lambda e: e.after["title"]
    ),
    "round.transition": said(
        _("%(who)s đã chuyển kỳ đối thoại sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(RoundState, e.after["state"]),
    ),
    "round.plan_update": said(_("%(who)s đã sửa kế hoạch")),
    "task.create": said(_("%(who)s đã giao nhiệm vụ trong kế hoạch")),
    "task.transition": said(
        _("%(who)s đã chuyển nhiệm vụ sang trạng thái “%(state)s”"),
        state=lambda e: choice_label(TaskState, e.after["state"]),
    ),
    "task.update": said(_("%(who)s đã báo cáo tiến độ nhiệm vụ")),
    "task.report": said(_("%(who)s đã báo cáo kết quả thực hiện nhiệm vụ")),
    "task.remind": said(_("%(who)s đã nhắc hạn thực hiện nhiệm vụ")),
    "focus.add": said(
        _("%(who)s đã thêm nội dung trọng tâm “%(label)s”"), label=lambda e: e.after["label"]
    ),
    "focus.update": said(_("%(who)s đã sửa nội dung trọng tâm")),
    "focus.remove": said(_("%(who)s đã bỏ một nội dung trọng tâm")),
    "focus.move": said(_("%(who)s đã đổi thứ tự nội dung trọng tâm")),
    "chair.add": said(_("%(who)s đã thêm người chủ trì hội nghị")),
    "chair.update": said(_("%(who)s đã sửa thông tin người chủ trì")),
    "chair.remove": said(_("%(who)s đã bỏ một người chủ trì")),
    "chair.move": said(_("%(who)s đã đổi thứ tự người chủ trì")),
    "invitee.add": said(_("%(who)s đã thêm đại biểu vào danh sách mời")),
    "invitee.register_public": said(_("Người dân đã đăng ký tham dự hội nghị")),
    "invitee.transition": said(
        _("%(who)s đã ghi nhận đại biểu: “%(state)s”"),
        state=lambda e: choice_label(InviteeState, e.after["state"]),
    ),
    "agenda.build": said(
        _("%(who)s đã lập chương trình hội nghị (%(n)s mục)"), n=lambda e: e.after["added"]
    ),
    "agenda.settings": said(_("%(who)s đã đặt thời lượng hội nghị")),
    "agenda.add": said(_("%(who)s đã thêm một mục vào chương trình")),
    "agenda.remove": said(_("%(who)s đã bỏ một mục khỏi chương trình")),
    "agenda.move": said(_("%(who)s đã đổi thứ tự chương trình")),
    "agenda.update": said(_("%(who)s đã sửa một mục của chương trình")),
    "agenda.open": said(_("%(who)s đã mở thảo luận mục này")),
    "speaker.request": said(_("%(who)s đã ghi tên người đăng ký phát biểu")),
    "speaker.transition": said(
        _("%(who)s đã ghi nhận lượt phát biểu: “%(state)s”"),
        state=lambda e: choice_label(SpeakerState, e.after["state"]),
    ),
    "speaker.move": said(_("%(who)s đã đổi thứ tự phát biểu")),
    "statement.record": said(_("%(who)s đã ghi ý kiến phát biểu tại hội nghị")),
    "statement.answer": said(_("%(who)s đã ghi nội dung trả lời tại hội nghị")),
    "directive.create": said(_("%(who)s đã ghi chỉ đạo")),
    "press_question.submit": said(_("%(who)s đã gửi câu hỏi của báo chí")),
    "press_question.answer": said(_("%(who)s đã ghi trả lời câu hỏi của báo chí")),
    "minutes.update": said(_("%(who)s đã sửa biên bản hội nghị")),
    "conclusion_notice.update": said(_("%(who)s đã sửa thông báo kết luận")),
    "conclusion_notice.approve": said(_("%(who)s đã duyệt thông báo kết luận")),
    "conclusion_notice.unapprove": said(_("%(who)s đã hủy duyệt thông báo kết luận để sửa")),
}
