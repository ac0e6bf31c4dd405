"""Forms of the dialogue pages: parsing only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.dialogues.models import ChairRole, ParticipantGroup, TaskState
from doithoai.petitions.models import Topic


class InviteeForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    group = forms.ChoiceField(label=_("Thành phần"), choices=ParticipantGroup.choices)
    title = forms.CharField(label=_("Chức danh, đơn vị"), max_length=200, required=False)
    unit = forms.IntegerField(label=_("Địa bàn"), required=False, widget=forms.HiddenInput)


class PublicRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Người phát biểu"), max_length=150)


class StatementForm(forms.Form):
    speaker = forms.IntegerField(required=False, widget=forms.HiddenInput)
    speaker_name = forms.CharField(label=_("Người phát biểu"), max_length=150, required=False)
    issue = forms.IntegerField(label=_("Vấn đề"), required=False)
    issue_pick = forms.IntegerField(required=False)
    new_petition = forms.BooleanField(label=_("Ghi nhận là kiến nghị mới"), required=False)
    text = forms.CharField(label=_("Nội dung phát biểu"), widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(
        label=_("Trả lời tại hội nghị"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    answered_by = forms.IntegerField(label=_("Cơ quan trả lời"), required=False)
    directive_text = forms.CharField(
        label=_("Chỉ đạo"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    directive_assignee = forms.IntegerField(label=_("Cơ quan thực hiện"), required=False)
    directive_deadline = forms.DateField(
        label=_("Thời hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PressQuestionForm(forms.Form):
    question = forms.CharField(label=_("Câu hỏi"), widget=forms.Textarea(attrs={"rows": 3}))
    outlet = forms.CharField(label=_("Cơ quan báo chí"), max_length=200, required=False)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 2}))


class AgendaItemForm(forms.Form):
    position = forms.IntegerField(label=_("Thứ tự"), min_value=1, required=False)
    minutes = forms.IntegerField(label=_("Phút"), min_value=1, max_value=240, required=False)
    title = forms.CharField(label=_("Nội dung"), max_length=300, required=False)

    def clean_title(self) -> str | None:
        return self.cleaned_data["title"].strip() or None


class AgendaAddForm(forms.Form):
    issue = forms.IntegerField(label=_("Vấn đề"), required=False)
    title = forms.CharField(label=_("Nội dung khác"), max_length=300, required=False)
    minutes = forms.IntegerField(label=_("Phút"), min_value=1, max_value=240, required=False)


class AgendaSettingsForm(forms.Form):
    duration_minutes = forms.IntegerField(
        label=_("Thời lượng hội nghị (phút)"), min_value=15, max_value=720
    )
    minutes_per_issue = forms.IntegerField(
        label=_("Thời lượng mỗi vấn đề (phút)"), min_value=1, max_value=120
    )


class FocusTopicForm(forms.Form):
    topic = forms.IntegerField(label=_("Lĩnh vực"), required=False)
    label = forms.CharField(label=_("Nội dung trọng tâm"), max_length=200, required=False)

    def clean_topic(self) -> Topic | None:
        """The chosen topic of the list; none when none is chosen or it is no longer active."""
        pk = self.cleaned_data["topic"]
        return Topic.objects.filter(pk=pk, active=True).first() if pk else None


class ChairForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position_title = forms.CharField(label=_("Chức vụ"), max_length=300)
    role = forms.ChoiceField(label=_("Vai trò"), choices=ChairRole.choices)


class TaskReportForm(forms.Form):
    text = forms.CharField(
        label=_("Tiến độ thực hiện"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    state = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Không đổi")), *TaskState.choices],
    )


class MinutesForm(forms.Form):
    started_at = forms.DateTimeField(
        label=_("Bắt đầu"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    ended_at = forms.DateTimeField(
        label=_("Kết thúc"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    chair_name = forms.CharField(label=_("Chủ tọa"), max_length=150, required=False)
    secretary_name = forms.CharField(label=_("Thư ký"), max_length=150, required=False)


class PlanForm(forms.Form):
    title = forms.CharField(label=_("Tên kỳ đối thoại"), max_length=300)
    document_number = forms.CharField(
        label=_("Số, ký hiệu kế hoạch"), max_length=50, required=False
    )
    issued_on = forms.DateField(
        label=_("Ngày ban hành"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    starts_at = forms.DateTimeField(
        label=_("Thời gian hội nghị"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    venue = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    online_link = forms.URLField(label=_("Đường dẫn trực tuyến"), required=False)
    intake_deadline = forms.DateField(
        label=_("Hạn gửi kiến nghị"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    purposes = forms.CharField(label=_("Mục đích, yêu cầu"), required=False, widget=forms.Textarea)
    participants = forms.CharField(label=_("Đối tượng"), required=False, widget=forms.Textarea)
    content = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea)
    open_seats = forms.IntegerField(label=_("Số chỗ cho người dân đăng ký"), min_value=0)
    invitation_number = forms.CharField(label=_("Số giấy mời"), max_length=50, required=False)
    minutes_number = forms.CharField(label=_("Số biên bản"), max_length=50, required=False)
    conclusion_number = forms.CharField(
        label=_("Số thông báo kết luận"), max_length=50, required=False
    )
    conclusion_on = forms.DateField(
        label=_("Ngày thông báo kết luận"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Last: the field named like the module shadows it for the lines below it.
    forms = forms.CharField(label=_("Hình thức"), required=False, widget=forms.Textarea)


class TaskForm(forms.Form):
    group = forms.CharField(label=_("Nhóm nhiệm vụ"), max_length=300)
    organisation = forms.IntegerField(label=_("Cơ quan thực hiện"))
    text = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(
        label=_("Thời hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
