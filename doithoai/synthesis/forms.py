from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.petitions.models import Topic

BULK_ACTIONS = ("topic_confirm", "topic_set", "merge", "title_confirm")


class TopicForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(active=True), to_field_name="code", label=_("Lĩnh vực")
    )


class TitleForm(forms.Form):
    title = forms.CharField(max_length=300, label=_("Tiêu đề"))
    confirm = forms.BooleanField(required=False, label=_("Xác nhận tiêu đề"))


class BulkForm(forms.Form):
    issue = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Vấn đề"))
    action = forms.ChoiceField(choices=[(a, a) for a in BULK_ACTIONS])
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(active=True),
        to_field_name="code",
        required=False,
        label=_("Lĩnh vực"),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        data = self.data.getlist("issue") if hasattr(self.data, "getlist") else []
        # Any whole number is a choice here; the selector keeps only the board's issues.
        self.fields["issue"].choices = [(v, v) for v in data if str(v).isdigit()]  # type: ignore[attr-defined]


class PetitionsForm(forms.Form):
    petitions = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Kiến nghị"))
    title = forms.CharField(max_length=300, required=False, label=_("Tiêu đề vấn đề mới"))

    def __init__(self, *args: object, petition_ids: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["petitions"].choices = [(i, i) for i in petition_ids]  # type: ignore[attr-defined]


class MoveForm(forms.Form):
    issue = forms.IntegerField(label=_("Chuyển sang vấn đề"))
