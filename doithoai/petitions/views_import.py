"""Spreadsheet import pages: upload → preview with every row's errors → commit all or nothing."""

import hashlib
import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doithoai.petitions import policies
from doithoai.petitions.choices import Channel
from doithoai.petitions.importing import MAX_BYTES, build_template
from doithoai.petitions.services import petitions_import
from doithoai.units.models import Unit
from doithoai.units.selectors import participating_units_within

IMPORT_CHANNELS = [
    (c.value, c.label) for c in (Channel.IMPORT, Channel.WARD, Channel.MTTQ, Channel.VILLAGE_HEAD)
]


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=gettext_lazy("Phường, xã (khi tệp không có cột này)")
    )
    channel = forms.ChoiceField(choices=IMPORT_CHANNELS, label=gettext_lazy("Nguồn"))
    file = forms.FileField(label=gettext_lazy("Tệp Excel (.xlsx) hoặc CSV"), required=False)
    sha = forms.CharField(required=False, widget=forms.HiddenInput)


def _stash(user_id: int, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    folder = Path(settings.MEDIA_ROOT) / "imports" / str(user_id)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / digest).write_bytes(data)
    return digest


def _unstash(user_id: int, digest: str) -> bytes | None:
    if not re.fullmatch(r"[0-9a-f]{64}", digest or ""):
        return None
    path = Path(settings.MEDIA_ROOT) / "imports" / str(user_id) / digest
    return path.read_bytes() if path.exists() else None


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        build_template(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-kien-nghi.xlsx"'
    return response


@login_required
def import_petitions(request: HttpRequest) -> HttpResponse:
    units = participating_units_within(policies.entry_area(request.user))
    if not units.exists():
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    form.fields["unit"].queryset = units  # type: ignore[attr-defined]
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload is not None and upload.size > MAX_BYTES:
            form.add_error(
                "file", _("Tệp quá lớn (tối đa %(mb)d MB).") % {"mb": MAX_BYTES // 2**20}
            )
            return render(request, "petitions/import.html", context, status=400)
        data = (
            upload.read()
            if upload is not None
            else _unstash(int(request.user.pk or 0), form.cleaned_data["sha"])
        )
        if data is None:
            form.add_error("file", _("Hãy chọn tệp bảng tính."))
            return render(request, "petitions/import.html", context, status=400)
        commit = request.POST.get("action") == "commit"
        preview = petitions_import(
            actor=request.user,
            data=data,
            filename=getattr(upload, "name", "") or "import.xlsx",
            unit=form.cleaned_data["unit"],
            channel=form.cleaned_data["channel"],
            commit=commit,
        )
        if preview.batch is not None and not preview.already_imported:
            messages.success(request, _("Đã nhập %(n)d kiến nghị.") % {"n": preview.batch.rows})
            for group in preview.rounds:
                messages.info(
                    request, _("%(n)d kiến nghị: %(note)s") % {"n": group.rows, "note": group.note}
                )
            return redirect("petition-list")
        sha = _stash(int(request.user.pk or 0), data)
        context.update(
            {
                "preview": preview,
                "sha": sha,
                "unit_id": form.cleaned_data["unit"].pk,
                "channel": form.cleaned_data["channel"],
            }
        )
        return render(
            request,
            "petitions/import.html",
            context,
            status=200 if preview.ok and not preview.already_imported else 400,
        )
    return render(request, "petitions/import.html", context)
