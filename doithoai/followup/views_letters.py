"""Printed answer letters: the wards' list, a ward's letters (issue, print, record delivery).

Letters carry petitioners' names and addresses: the selectors check `policies.can_read_letter`,
the PDFs are sent with `Cache-Control: private, no-store`, and nothing personal is logged or put
in a file name or message.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from doithoai.core.flash import attempt_result, post_form
from doithoai.core.jobs import document_in_background, job_offer, job_start
from doithoai.core.storage import generated_download
from doithoai.followup import policies, selectors_letters
from doithoai.followup.document_jobs import LETTERS_JOB, letters_params
from doithoai.followup.documents_letters import letter_number, letter_pdf, letters_pdf
from doithoai.followup.forms_letters import DeliveryForm
from doithoai.followup.letter_choices import LetterState
from doithoai.followup.services.letters import letter_delivery_record, letters_issue
from doithoai.petitions.hooks import contact_viewed

WARDS_PER_PAGE = 30


def _pdf(data: bytes, filename: str) -> HttpResponse:
    return generated_download(data, filename=filename, content_type="application/pdf")


@login_required
def letters_home(request: HttpRequest) -> HttpResponse:
    if not policies.letter_unit_ids(request.user):
        raise Http404
    wards = selectors_letters.letter_wards(user=request.user)
    page = Paginator(wards, WARDS_PER_PAGE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "totals": {
            "to_issue": sum(w.to_issue for w in wards),
            "pending": sum(w.pending for w in wards),
            "delivered": sum(w.delivered for w in wards),
        },
        "query": "",
    }
    return render(request, "followup/letters.html", context)


@login_required
def letters_ward(request: HttpRequest, ward_id: int) -> HttpResponse:
    ward = selectors_letters.ward_get_for_letters(user=request.user, ward_id=ward_id)
    state = request.GET.get("tinh_trang", "")
    if state not in LetterState.values:
        state = ""
    page = selectors_letters.ward_letters(
        user=request.user, ward=ward.unit, state=state, page=request.GET.get("trang")
    )
    rows = [
        {
            "letter": letter,
            "number": letter_number(letter),
            "form": DeliveryForm(prefix=f"thu-{letter.pk}")
            if policies.can_record_delivery(request.user, letter)
            else None,
        }
        for letter in page.object_list
    ]
    contact_viewed(
        user=request.user,
        petition_ids=[letter.petition_id for letter in page.object_list],
        place="letters",
    )
    context: dict[str, Any] = {
        "ward": ward,
        "page": page,
        "rows": rows,
        "state": state,
        "states": LetterState.choices,
        "query": f"tinh_trang={state}" if state else "",
        "here": request.get_full_path(),
    }
    return render(request, "followup/letters_ward.html", context)


@login_required
@require_POST
def letters_issue_view(request: HttpRequest, ward_id: int) -> HttpResponse:
    ward = selectors_letters.ward_get_for_letters(user=request.user, ward_id=ward_id)
    done, issued = attempt_result(
        request,
        lambda: letters_issue(actor=request.user, ward=ward.unit),
        _("Đã lập thư trả lời."),
    )
    if done:
        messages.info(request, _("Số thư mới lập: %(n)s.") % {"n": len(issued)})
    return redirect("followup-letters-ward", ward_id)


@login_required
@require_http_methods(["GET", "POST"])
def letters_print(request: HttpRequest, ward_id: int) -> HttpResponse:
    """GET: the PDF at once for a few letters; above DOITHOAI_DOCUMENT_BACKGROUND_ITEMS a page
    whose button POSTs here to make it as a background job (followup/document_jobs.py)."""
    ward = selectors_letters.ward_get_for_letters(user=request.user, ward_id=ward_id)
    letters = selectors_letters.letters_to_print(user=request.user, ward=ward.unit)
    if not letters:
        messages.info(request, _("Không có thư nào đang chờ chuyển."))
        return redirect("followup-letters-ward", ward_id)
    if request.method == "POST":
        job = job_start(actor=request.user, kind=LETTERS_JOB, params=letters_params(ward.unit.pk))
        return redirect("job-detail", job_id=job.pk)
    if document_in_background(len(letters)):
        back = reverse("followup-letters-ward", args=[ward_id])
        return job_offer(request, kind=LETTERS_JOB, items=len(letters), back=back)
    return _pdf(letters_pdf(letters), f"thu-tra-loi-{ward.unit.pk}.pdf")


@login_required
def letter_download(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors_letters.letter_get_for(user=request.user, letter_id=letter_id)
    return _pdf(letter_pdf(letter), f"thu-tra-loi-{letter.year}-{letter.seq:02d}.pdf")


@login_required
@require_POST
def letter_deliver(request: HttpRequest, letter_id: int) -> HttpResponse:
    letter = selectors_letters.letter_get_for(user=request.user, letter_id=letter_id)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("followup-letters-ward", args=[letter.ward_id])
    return post_form(
        request,
        DeliveryForm(request.POST, prefix=f"thu-{letter.pk}"),
        lambda data: letter_delivery_record(actor=request.user, letter=letter, **data),
        done=_("Đã ghi nhận việc chuyển thư số %(number)s.") % {"number": letter_number(letter)},
        then=redirect(back),
    )
