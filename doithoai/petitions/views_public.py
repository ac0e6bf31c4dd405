"""Public pages: the petition form, its receipt, and lookup by tracking code. No personal data.

The tracking code is the petitioner's secret: it never travels in a URL (which servers and
proxies write to their logs). The receipt reads it from the visitor's session, the lookup from a
POST body."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from doithoai.core import ratelimit
from doithoai.core.flash import add_form_errors
from doithoai.petitions.attachments import MAX_FILE_BYTES, check_uploads
from doithoai.petitions.choices import Channel
from doithoai.petitions.forms import LookupForm, PublicPetitionForm
from doithoai.petitions.selectors import petition_public_status
from doithoai.petitions.services import petition_submit
from doithoai.petitions.views_helpers import read_uploads
from doithoai.units.selectors import participating_units

RECEIPT_CODE = "petition_receipt_code"


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
                add_form_errors(form, error)
            else:
                request.session[RECEIPT_CODE] = result.petition.code
                return redirect("petition-receipt")
    context = {"form": form, "token": request.POST.get("submission_token") or uuid.uuid4().hex}
    return render(
        request, "petitions/public_form.html", context, status=400 if form.errors else 200
    )


def petition_receipt(request: HttpRequest) -> HttpResponse:
    """The receipt of the petition this visitor just sent (its code kept in their session)."""
    code = request.session.get(RECEIPT_CODE)
    status = petition_public_status(code=code) if isinstance(code, str) else None
    if status is None:
        return redirect("petition-lookup")
    return render(request, "petitions/receipt.html", {"status": status})


def petition_lookup(request: HttpRequest) -> HttpResponse:
    """The form on GET (a code in the query string is ignored), the petition's status on POST."""
    form = LookupForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and not ratelimit.hit(
        "petition-lookup", request, limit=settings.DOITHOAI_LOOKUP_RATE_PER_HOUR
    ):
        form.add_error(None, _("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau."))
        return render(request, "petitions/lookup.html", context, status=429)
    if form.is_valid():
        status = petition_public_status(code=form.cleaned_data["ma"])
        if status is None:
            context["not_found"] = True
        else:
            context["status"] = status
    return render(
        request, "petitions/lookup.html", context, status=404 if context.get("not_found") else 200
    )
