"""Printed answer letters: issue them for a ward, record how each one reached its petitioner.

Events carry the letter's number, state and method only — never the petitioner's name, address
or the officer's free-text note (letters are personal data: never in logs or public texts).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.followup import policies
from doithoai.followup.events import FollowupEvents
from doithoai.followup.letter_choices import LETTER_TRANSITIONS, METHOD_STATE, DeliveryMethod
from doithoai.followup.models import AnswerLetter
from doithoai.followup.selectors_letters import latest_published_answer, letter_candidates
from doithoai.petitions import policies as petition_policies
from doithoai.units.models import Organisation, Unit

NOTE_MAX = 300


def _next_numbers(organisation_id: int, year: int) -> int:
    """The last number the organisation gave a letter this year, with the organisation's row
    locked so that two officers issuing at once do not take the same number."""
    Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    last = AnswerLetter.objects.filter(organisation_id=organisation_id, year=year).aggregate(
        n=Max("seq")
    )["n"]
    return int(last or 0)


@transaction.atomic
def letters_issue(
    *, actor: Actor, ward: Unit, on: datetime.date | None = None
) -> list[AnswerLetter]:
    """Issue a numbered letter for each petition of `ward` that needs one (see
    `selectors_letters.letter_candidates`): the ward officer of the ward or the secretariat."""
    if not policies.can_handle_letters(actor, ward.pk):
        raise PermissionDenied(_("Bạn không có quyền lập thư trả lời của địa bàn này."))
    petitions = list(letter_candidates().filter(unit=ward).select_related("round__organisation"))
    petitions = [p for p in petitions if petition_policies.can_see_personal_data(actor, p)]
    if not petitions:
        raise ValidationError(_("Không có kiến nghị nào cần lập thư trả lời."))
    issued_on = on or timezone.localdate()
    last: dict[int, int] = {}
    created = []
    for petition in petitions:
        answer = latest_published_answer(petition)
        if answer is None or petition.round is None:
            continue
        organisation_id = petition.round.organisation_id
        if organisation_id not in last:
            last[organisation_id] = _next_numbers(organisation_id, issued_on.year)
        last[organisation_id] += 1
        letter = AnswerLetter.objects.create(
            petition=petition,
            answer=answer,
            ward=ward,
            organisation_id=organisation_id,
            year=issued_on.year,
            seq=last[organisation_id],
            issued_on=issued_on,
            issued_by=acting_user(actor),
        )
        event_record(
            actor=actor,
            obj=letter,
            action=FollowupEvents.LETTER_ISSUED,
            after={"seq": letter.seq, "year": letter.year},
        )
        created.append(letter)
    return created


def _check_delivery(
    letter: AnswerLetter, method: str, delivered_on: datetime.date | None, note: str
) -> None:
    errors = []
    if method not in DeliveryMethod.values:
        errors.append(_("Chọn hình thức chuyển thư."))
    if delivered_on is None:
        errors.append(_("Nhập ngày chuyển thư."))
    elif delivered_on > timezone.localdate():
        errors.append(_("Ngày chuyển thư không được sau ngày hôm nay."))
    elif delivered_on < letter.issued_on:
        errors.append(
            _("Ngày chuyển thư không được trước ngày ban hành thư (%(date)s).")
            % {"date": letter.issued_on.strftime("%d/%m/%Y")}
        )
    if len(note) > NOTE_MAX:
        errors.append(_("Ghi chú dài quá %(n)s ký tự.") % {"n": NOTE_MAX})
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def letter_delivery_record(
    *,
    actor: Actor,
    letter: AnswerLetter,
    method: str,
    delivered_on: datetime.date | None,
    note: str = "",
) -> AnswerLetter:
    """Record how a letter reached its petitioner (handed over, by post…), or that it did not
    (refused; not found — then it is carried again): the ward officer or the secretariat."""
    if not policies.can_read_letter(actor, letter):
        raise PermissionDenied(_("Bạn không có quyền ghi nhận việc chuyển thư này."))
    locked = AnswerLetter.objects.select_for_update().select_related("petition").get(pk=letter.pk)
    if not policies.can_record_delivery(actor, locked):
        raise ValidationError(_("Thư này đã được ghi nhận chuyển xong, không ghi nhận lại."))
    note = (note or "").strip()
    _check_delivery(locked, method, delivered_on, note)
    to_state = METHOD_STATE[method]
    locked.method = method
    locked.delivered_on = delivered_on
    locked.delivery_note = note
    locked.recorded_by = acting_user(actor)
    locked.recorded_at = timezone.now()
    transition(
        locked,
        to_state,
        actor=actor,
        table=LETTER_TRANSITIONS,
        action=FollowupEvents.LETTER_DELIVERY,
        fields=["method", "delivered_on", "delivery_note", "recorded_by", "recorded_at"],
        after={
            "method": method,
            "delivered_on": delivered_on.isoformat() if delivered_on else "",
        },
    )
    return locked
