"""The city's second round, open for petitions now: planned, approved and announced with dates
relative to today (intake closes in ten days, the conference in about three weeks), its tasks
under way in the departments and wards, petitions in from several channels (some with photos),
a preliminary synthesis run and a few petitions that came in after it. Idempotent.

Everything goes through the services the pages call."""

import datetime
from typing import Any

from django.utils import timezone

from doithoai.accounts.models import User
from doithoai.demo import round2_data as data
from doithoai.demo.life2016 import synthesise
from doithoai.demo.people import CITY_CODE, city
from doithoai.demo.petitions import HCM
from doithoai.demo.photos import demo_photo
from doithoai.dialogues import services as dialogues
from doithoai.dialogues.models import Round, RoundState, TaskState
from doithoai.petitions.choices import Channel
from doithoai.petitions.models import Topic
from doithoai.petitions.services import PetitionInput, petition_submit
from doithoai.synthesis.services_report import synthesis_report_draft
from doithoai.units.models import Organisation, Scheme, Unit

DOCUMENT_NUMBER = "41/KH-UBND"
FAMILY = ["Nguyễn", "Hoàng", "Nông", "Lường", "Triệu", "Hà", "Đàm", "Ma", "Bế", "Lục"]
GIVEN = ["Văn Toàn", "Thị Hiền", "Văn Khải", "Thị Yến", "Đức Long", "Thị Mơ", "Văn Đông"]


def second_round() -> Round | None:
    return Round.objects.filter(unit=city(), document_number=DOCUMENT_NUMBER).first()


def _users() -> dict[str, User]:
    return {
        u.username: u
        for u in User.objects.filter(
            username__in=["vanphong", "lanhdao", "mttq", "phuong", "baochi"]
        )
    }


def _plan(round_: Round, users: dict[str, User], today: datetime.date) -> None:
    starts = datetime.datetime.combine(
        today + datetime.timedelta(days=24), datetime.time(8, 0), tzinfo=HCM
    )
    dialogues.round_update_plan(
        actor=users["vanphong"],
        round_=round_,
        changes={
            "document_number": DOCUMENT_NUMBER,
            "issued_on": today - datetime.timedelta(days=16),
            "starts_at": starts,
            "venue": "Hội trường lớn tầng 1, trụ sở Thành ủy - HĐND - UBND thành phố",
            "intake_deadline": today + datetime.timedelta(days=10),
            "purposes": data.PURPOSES,
            "participants": data.PARTICIPANTS,
            "content": data.CONTENT.format(year=starts.year),
            "forms": data.FORMS,
            "open_seats": 30,
            "invitation_number": "43/GM-UBND",
        },
    )
    topics = {t.code: t for t in Topic.objects.filter(code__in=[c for c, _ in data.FOCUS])}
    for code, label in data.FOCUS:
        dialogues.focus_topic_add(
            actor=users["vanphong"], round_=round_, topic=topics.get(code), label=label
        )
    for name, title, role in data.CHAIRS:
        dialogues.chair_add(
            actor=users["vanphong"], round_=round_, name=name, position_title=title, role=role
        )


def _tasks(round_: Round, users: dict[str, User], today: datetime.date) -> None:
    city_orgs = {o.code: o for o in Organisation.objects.filter(unit=round_.unit)}
    wards = {
        o.unit.code: o
        for o in Organisation.objects.filter(unit__parent=round_.unit, code="ubnd").select_related(
            "unit"
        )
    }
    for group, where, text, due_in, state in data.TASKS:
        organisation = wards[where[5:]] if where.startswith("ward:") else city_orgs[where]
        task = dialogues.task_create(
            actor=users["vanphong"],
            round_=round_,
            group=group,
            organisation=organisation,
            text=text,
            due_on=today + datetime.timedelta(days=due_in),
        )
        # The ward officer of Đức Xuân reports on the ward's tasks; the secretariat on the others.
        actor = users["phuong"] if where == "ward:01840" else users["vanphong"]
        if state in (TaskState.IN_PROGRESS, TaskState.DONE):
            photo = demo_photo("thong-bao") if where == "ward:01840" else None
            dialogues.task_report(
                actor=actor,
                task=task,
                text=data.TASK_REPORTS[state],
                state=state,
                evidence=(photo.name, photo.data) if photo else None,
            )


def _actor_for(petition: data.DemoPetition, users: dict[str, User]) -> User | None:
    if petition.channel == Channel.WEB:
        return None  # the public form
    if petition.channel == Channel.MTTQ:
        return users["mttq"]
    if petition.channel == Channel.WARD and petition.ward == data.DUC_XUAN:
        return users["phuong"]
    return users["vanphong"]


def _submit(round_: Round, petitions: list[data.DemoPetition], users: dict[str, User]) -> int:
    """Send `petitions` through their channels; returns how many joined `round_`."""
    wards = {
        u.code: u for u in Unit.objects.filter(scheme=Scheme.LEGACY_2004, parent__code=CITY_CODE)
    }
    today = timezone.localdate()
    count = 0
    for n, item in enumerate(petitions):
        anonymous = item.submitter_type == "an_danh"
        name = "" if anonymous else f"{FAMILY[n % len(FAMILY)]} {GIVEN[n % len(GIVEN)]}"
        files = [demo_photo(item.photo, "PNG" if n % 3 == 0 else "JPEG")] if item.photo else []
        result = petition_submit(
            actor=_actor_for(item, users),
            data=PetitionInput(
                text=item.text,
                unit=wards[item.ward],
                channel=item.channel,
                place=item.place,
                round_id=None,  # the rule every channel applies attaches it to this round
                submitter_type=item.submitter_type,
                anonymous=anonymous,
                submitter_name=name,
                phone="" if anonymous else f"0912{n:06d}",
                email=f"nguoigui{n}@example.com" if item.email else "",
                notify_email=item.email,
                consent=True,
                on_behalf_of={"to_truong": "Tổ trưởng", "truong_thon": "Trưởng thôn"}.get(
                    item.submitter_type, ""
                ),
                received_on=today - datetime.timedelta(days=item.days_ago),
            ),
            files=files,
        )
        count += result.petition.round_id == round_.pk
    return count


def _invitees(round_: Round, users: dict[str, User]) -> None:
    duc_xuan = Unit.objects.get(scheme=Scheme.LEGACY_2004, code=data.DUC_XUAN)
    for name, group, title in data.INVITEES:
        dialogues.invitee_add(
            actor=users["phuong"], round_=round_, name=name, group=group, unit=duc_xuan, title=title
        )
    for name in data.PUBLIC_REGISTRATIONS:
        dialogues.invitee_register_public(round_=round_, name=name, unit=duc_xuan)


def demo_second_round(out: Any) -> Round:
    """The second round of the city, announced and collecting petitions."""
    found = second_round()
    if found is not None:
        return found
    users = _users()
    today = timezone.localdate()
    ubnd = Organisation.objects.get(unit=city(), code="ubnd")
    round_ = dialogues.round_create(
        actor=users["vanphong"],
        organisation=ubnd,
        title=(
            "Tiếp xúc, đối thoại trực tiếp của Lãnh đạo thành phố Bắc Kạn với các hộ kinh doanh "
            f"và Nhân dân năm {today.year}"
        ),
    )
    _plan(round_, users, today)
    dialogues.round_transition(actor=users["lanhdao"], round_=round_, to_state=RoundState.APPROVED)
    dialogues.round_transition(
        actor=users["vanphong"], round_=round_, to_state=RoundState.ANNOUNCED
    )
    _tasks(round_, users, today)
    _invitees(round_, users)
    count = _submit(round_, data.PETITIONS, users)
    synthesise(round_, users["vanphong"])
    synthesis_report_draft(actor=users["mttq"], round_=round_)  # the Front's draft, not approved
    count += _submit(round_, data.LATE_PETITIONS, users)
    dialogues.press_question_submit(
        actor=users["baochi"],
        round_=round_,
        outlet="Báo Bắc Kạn",
        question=(
            "Những kiến nghị của kỳ đối thoại trước về thu gom rác thải đã được giải quyết đến "
            "đâu, và kỳ này thành phố tiếp nhận kiến nghị qua những kênh nào?"
        ),
    )
    out.write(f"Second round: announced, {count} petitions joined it so far.\n")
    return round_
