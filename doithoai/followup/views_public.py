"""The petitioner says the answer did not solve the problem (tracking code; rate-limited)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from doithoai.core import ratelimit
from doithoai.core.flash import add_form_errors
from doithoai.followup.forms import PetitionerReopenForm
from doithoai.followup.services import petitioner_reopen
from doithoai.petitions.selectors import petition_public_lookup

RATE_PER_HOUR = 5


def petitioner_feedback(request: HttpRequest) -> HttpResponse:
    # No code from the query string: URLs end up in logs (the lookup page posts it here).
    form = PetitionerReopenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not ratelimit.hit("petitioner-reopen", request, limit=RATE_PER_HOUR):
            form.add_error(None, _("Bạn đã gửi quá nhiều phản hồi. Vui lòng thử lại sau."))
            return render(request, "followup/feedback.html", {"form": form}, status=429)
        if form.is_valid() and not form.cleaned_data["website"]:
            petition = petition_public_lookup(code=form.cleaned_data["ma"])
            if petition is None:
                form.add_error("ma", _("Không tìm thấy kiến nghị với mã này."))
            else:
                try:
                    petitioner_reopen(petition=petition, reason=form.cleaned_data["reason"])
                except ValidationError as error:
                    add_form_errors(form, error)
                else:
                    return render(request, "followup/feedback.html", {"done": True})
        status = 400
    return render(request, "followup/feedback.html", {"form": form}, status=status)
