"""Public pages: the petition form, its receipt, and lookup by tracking code. No personal data."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core import ratelimit
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.choices import Channel
from doithoai.petitions.forms import LookupForm, PublicPetitionForm
from doithoai.petitions.selectors import petition_public_status
from doithoai.petitions.services import petition_submit
from doithoai.petitions.views_helpers import add_errors, read_uploads
from doithoai.units.selectors import participating_units


def petition_new_public(request: HttpRequest) -> HttpResponse:
    form = PublicPetitionForm(request.POST or None, units=participating_units())
    if request.method == "POST":
        if not ratelimit.hit(
            "public-petition", request, limit=settings.DOITHOAI_PUBLIC_RATE_PER_HOUR
        ):
            form.add_error(
                None, _("Bạn đã gửi quá nhiều kiến nghị trong một giờ. Vui lòng thử lại sau.")
            )
            return render(
                request, "petitions/public_form.html", {"form": form, "token": ""}, status=429
            )
        if form.is_valid() and not form.cleaned_data["website"]:
            try:
                files = check_uploads(read_uploads(request, MAX_FILE_BYTES))
                result = petition_submit(
                    actor=None,
                    data=form.to_input(Channel.WEB),
                    files=files,
                    idempotency_key=request.POST.get("submission_token", "")[:64],
                    client=f"web:{ratelimit.client_address(request)}",
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("petition-receipt", code=result.petition.code)
    context = {"form": form, "token": request.POST.get("submission_token") or uuid.uuid4().hex}
    return render(
        request, "petitions/public_form.html", context, status=400 if form.errors else 200
    )


def petition_receipt(request: HttpRequest, code: str) -> HttpResponse:
    status = petition_public_status(code=code)
    if status is None:
        return render(
            request, "petitions/lookup.html", {"form": LookupForm(), "not_found": True}, status=404
        )
    return render(request, "petitions/receipt.html", {"status": status})


def petition_lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET or None)
    context: dict[str, object] = {"form": form}
    if form.is_valid():
        status = petition_public_status(code=form.cleaned_data["ma"])
        if status is None:
            context["not_found"] = True
        else:
            context["status"] = status
    return render(
        request, "petitions/lookup.html", context, status=404 if context.get("not_found") else 200
    )
