from django import forms
from django.utils.translation import gettext_lazy as _

from doithoai.petitions.models import Topic


class TopicForm(forms.Form):
    topic = forms.ModelChoiceField(
        queryset=Topic.objects.filter(active=True), to_field_name="code", label=_("Lĩnh vực")
    )


class MergeForm(forms.Form):
    target = forms.IntegerField(label=_("Gộp vào vấn đề"))
    sources = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Các vấn đề được gộp"))

    def __init__(self, *args: object, issue_ids: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["sources"].choices = [(i, i) for i in issue_ids]  # type: ignore[attr-defined]


class PetitionsForm(forms.Form):
    petitions = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Kiến nghị"))
    title = forms.CharField(max_length=300, required=False, label=_("Tiêu đề vấn đề mới"))

    def __init__(self, *args: object, petition_ids: list[int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["petitions"].choices = [(i, i) for i in petition_ids]  # type: ignore[attr-defined]


class MoveForm(forms.Form):
    issue = forms.IntegerField(label=_("Chuyển sang vấn đề"))
