"""Printed answer letters: one per petitioner of the ward who gave no e-mail (never anonymous or
a denunciation), numbered; delivery recorded with its method and date; each step only by the
ward's officer or the secretariat — a refused step changes nothing; no personal data in events."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from doithoai.core.events import events_for
from doithoai.core.models import Event
from doithoai.core.rendering import render_docx
from doithoai.followup.documents_letters import build_letter, letter_number, letters_pdf
from doithoai.followup.events import FollowupEvents
from doithoai.followup.letter_choices import DeliveryMethod, LetterState
from doithoai.followup.models import AnswerLetter
from doithoai.followup.selectors_letters import letter_candidates, letter_wards
from doithoai.followup.services.letters import letter_delivery_record, letters_issue
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.synthesis.models import IssueMembership

DUC_XUAN = "01840"
SONG_CAU = "01837"
ANSWER = "Phòng Quản lý đô thị đã sửa xong đoạn đường tổ 5 trong tháng 10."
NAMES = ["Lý Thị Ngân", "Hà Văn Sơn", "Ma Thị Hồng"]
DENIED = ["lanhdao", "mttq", "chuyenvien", "truongphong", "baochi", "quantri"]


@pytest.fixture
def answered(make_issue, publish):
    """An answered issue of Đức Xuân: three petitioners without e-mail, one with an e-mail, an
    anonymous one and a denunciation; and an answered issue of another ward."""
    issue = make_issue(n=0)
    for name in NAMES:
        p = PetitionFactory(
            round=issue.round,
            state="grouped",
            email="",
            submitter_name=name,
            submitter_address="",
            place="Tổ 5",
        )
        IssueMembership.objects.create(petition=p, issue=issue)
    extra = {
        "with_email": PetitionFactory(round=issue.round, state="grouped"),
        "anonymous": PetitionFactory(
            round=issue.round, state="grouped", email="", anonymous=True, submitter_name=""
        ),
        "denouncer": PetitionFactory(
            round=issue.round, state="grouped", email="", legal_kind="to_cao"
        ),
    }
    for p in extra.values():
        IssueMembership.objects.create(petition=p, issue=issue)
    publish(issue, ANSWER)
    other = make_issue(n=1, title="Chiếu sáng khu chợ Sông Cầu", email="", unit=ward(SONG_CAU))
    publish(other, ANSWER)
    return issue, other, extra


def _snapshot():
    return list(
        AnswerLetter.objects.order_by("id").values_list(
            "id", "state", "method", "delivered_on", "delivery_note"
        )
    )


def test_one_letter_per_petitioner_without_email_of_the_ward(answered, users):
    _issue, _other, extra = answered
    duc_xuan = ward(DUC_XUAN)
    assert letter_candidates().filter(unit=duc_xuan).count() == 3
    letters = letters_issue(actor=users["phuong"], ward=duc_xuan)
    assert sorted(letter.petition.submitter_name for letter in letters) == sorted(NAMES)
    assert [letter.seq for letter in letters] == [1, 2, 3]
    assert {letter.answer.text for letter in letters} == {ANSWER}
    assert not AnswerLetter.objects.filter(petition__in=extra.values()).exists()
    assert not letter_candidates().filter(unit=duc_xuan).exists()
    # Issuing again finds nothing to do and changes nothing.
    with pytest.raises(ValidationError):
        letters_issue(actor=users["phuong"], ward=duc_xuan)
    assert AnswerLetter.objects.count() == 3
    # The secretariat issues the other ward's; numbers go on for the organisation and year.
    more = letters_issue(actor=users["vanphong"], ward=ward(SONG_CAU))
    assert [letter.seq for letter in more] == [4]
    assert letter_number(more[0]) == "04/UBND-VP"


@pytest.mark.parametrize("role", DENIED)
def test_other_roles_may_not_issue_letters(answered, users, role):
    with pytest.raises(PermissionDenied):
        letters_issue(actor=users[role], ward=ward(DUC_XUAN))
    assert AnswerLetter.objects.count() == 0


def test_a_ward_officer_issues_only_for_their_ward(answered, users):
    with pytest.raises(PermissionDenied):
        letters_issue(actor=users["phuong"], ward=ward(SONG_CAU))
    assert AnswerLetter.objects.count() == 0
    assert [w.unit.code for w in letter_wards(user=users["phuong"])] == [DUC_XUAN]
    assert {w.unit.code for w in letter_wards(user=users["vanphong"])} >= {DUC_XUAN, SONG_CAU}
    assert letter_wards(user=users["quantri"]) == []


def test_the_letter_reads_back_in_the_state_format(answered, users):
    letter = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))[0]
    doc = build_letter(letter)
    word = Document(io.BytesIO(render_docx(doc)))
    texts = [p.text for p in word.paragraphs] + [
        p.text for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs
    ]
    joined = "\n".join(texts)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in joined
    assert "Số: 01/UBND-VP" in texts
    assert doc.place_date in texts and doc.place_date.startswith("Bắc Kạn, ngày ")
    assert "V/v trả lời kiến nghị của công dân" in joined
    assert f"Kính gửi: Ông (Bà) {letter.petition.submitter_name}" in texts
    assert letter.petition.code in joined and ANSWER in joined
    assert "TM. ỦY BAN NHÂN DÂN" in joined and "CHỦ TỊCH" in joined
    assert "- UBND phường Đức Xuân (để chuyển);" in texts


def test_the_ward_pdf_holds_every_letter_to_deliver(answered, users):
    letters = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    reader = PdfReader(io.BytesIO(letters_pdf(letters)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("Kính gửi: Ông (Bà)") == 3
    assert len(reader.pages) >= 3
    for letter in letters:
        assert letter.petition.submitter_name in text and letter.petition.code in text
        assert f"Số: {letter_number(letter)}" in text
    # Each letter begins on a page of its own, under the national title.
    starts = [i for i, page in enumerate(reader.pages) if "Kính gửi" in page.extract_text()]
    assert len(starts) == 3
    for i in starts:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in reader.pages[i].extract_text()


def test_delivery_is_recorded_once_with_its_method_and_date(answered, users):
    first, second, _third = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    today = timezone.localdate()
    letter_delivery_record(
        actor=users["phuong"], letter=first, method=DeliveryMethod.HANDED, delivered_on=today
    )
    first.refresh_from_db()
    assert (first.state, first.method, first.delivered_on) == (
        LetterState.DELIVERED,
        DeliveryMethod.HANDED,
        today,
    )
    assert first.recorded_by == users["phuong"]
    assert [e.action for e in events_for(first)] == [
        FollowupEvents.LETTER_ISSUED,
        FollowupEvents.LETTER_DELIVERY,
    ]
    before = _snapshot()
    with pytest.raises(ValidationError):
        letter_delivery_record(
            actor=users["vanphong"], letter=first, method=DeliveryMethod.POST, delivered_on=today
        )
    assert _snapshot() == before
    # Not found: carried again, then handed over by the secretariat's post.
    letter_delivery_record(
        actor=users["phuong"],
        letter=second,
        method=DeliveryMethod.NOT_FOUND,
        delivered_on=today,
        note="Đi làm ăn xa",
    )
    second.refresh_from_db()
    assert second.state == LetterState.NOT_FOUND
    letter_delivery_record(
        actor=users["vanphong"], letter=second, method=DeliveryMethod.POST, delivered_on=today
    )
    second.refresh_from_db()
    assert second.state == LetterState.DELIVERED


@pytest.mark.parametrize(
    ("method", "days"),
    [("", 0), ("bogus", 0), (DeliveryMethod.HANDED, 1), (DeliveryMethod.HANDED, -40)],
)
def test_bad_delivery_input_is_refused_and_changes_nothing(answered, users, method, days):
    letter = letters_issue(
        actor=users["phuong"],
        ward=ward(DUC_XUAN),
        on=timezone.localdate() - datetime.timedelta(days=30),
    )[0]
    before = _snapshot()
    with pytest.raises(ValidationError) as error:
        letter_delivery_record(
            actor=users["phuong"],
            letter=letter,
            method=method,
            delivered_on=timezone.localdate() + datetime.timedelta(days=days),
        )
    assert all(message and "Error" not in message for message in error.value.messages)
    assert _snapshot() == before


@pytest.mark.parametrize("role", DENIED)
def test_other_roles_may_not_record_a_delivery(answered, users, role):
    letter = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))[0]
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        letter_delivery_record(
            actor=users[role],
            letter=letter,
            method=DeliveryMethod.HANDED,
            delivered_on=timezone.localdate(),
        )
    assert _snapshot() == before


def test_events_carry_no_personal_data(answered, users):
    letters = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    letter_delivery_record(
        actor=users["phuong"],
        letter=letters[0],
        method=DeliveryMethod.REFUSED,
        delivered_on=timezone.localdate(),
        note=f"Ông {NAMES[0]} không nhận",
    )
    stored = " ".join(
        f"{e.before} {e.after} {e.reason}"
        for e in Event.objects.filter(action__startswith="letter.")
    )
    for letter in letters:
        assert letter.petition.submitter_name not in stored
        assert letter.petition.phone not in stored and letter.petition.code not in stored


def test_pages_per_role(answered, users, client):
    letters = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    duc_xuan = ward(DUC_XUAN)
    client.force_login(users["phuong"])
    home = client.get("/staff/thu-tra-loi/")
    assert home.status_code == 200 and "Đức Xuân" in home.content.decode()
    page = client.get(f"/staff/thu-tra-loi/dia-ban/{duc_xuan.pk}/").content.decode()
    for name in NAMES:
        assert name in page
    assert client.get(f"/staff/thu-tra-loi/dia-ban/{ward(SONG_CAU).pk}/").status_code == 404
    pdf = client.get(f"/staff/thu-tra-loi/dia-ban/{duc_xuan.pk}/thu-cho-chuyen.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "no-store" in pdf["Cache-Control"]
    assert NAMES[0] not in pdf["Content-Disposition"]
    # A delivery from the page; a bad date is a message, not an error page.
    url = f"/staff/thu-tra-loi/{letters[0].pk}/chuyen/"
    prefix = f"thu-{letters[0].pk}"
    bad = client.post(url, {f"{prefix}-method": "handed", f"{prefix}-delivered_on": "hôm qua"})
    assert bad.status_code == 302
    assert AnswerLetter.objects.get(pk=letters[0].pk).state == LetterState.TO_DELIVER
    done = client.post(
        url,
        {
            f"{prefix}-method": "handed",
            f"{prefix}-delivered_on": timezone.localdate().isoformat(),
            "next": "https://evil.example/",
        },
    )
    assert done.status_code == 302 and done["Location"].startswith("/staff/thu-tra-loi/")
    assert AnswerLetter.objects.get(pk=letters[0].pk).state == LetterState.DELIVERED
    for role in ("lanhdao", "mttq", "chuyenvien", "quantri"):
        client.force_login(users[role])
        assert client.get("/staff/thu-tra-loi/").status_code == 404
        assert client.get(f"/staff/thu-tra-loi/dia-ban/{duc_xuan.pk}/").status_code == 404
        assert client.get(f"/staff/thu-tra-loi/{letters[1].pk}/tai.pdf").status_code == 404
        before = _snapshot()
        client.post(
            f"/staff/thu-tra-loi/{letters[1].pk}/chuyen/",
            {
                f"thu-{letters[1].pk}-method": "handed",
                f"thu-{letters[1].pk}-delivered_on": timezone.localdate().isoformat(),
            },
        )
        assert _snapshot() == before


def test_the_ward_list_of_letters_logs_whose_contact_details_it_showed(answered, users, client):
    from doithoai.dataprotection.models import ContactView, ViewPlace

    letters = letters_issue(actor=users["phuong"], ward=ward(DUC_XUAN))
    client.force_login(users["phuong"])
    assert client.get(f"/staff/thu-tra-loi/dia-ban/{ward(DUC_XUAN).pk}/").status_code == 200
    logged = ContactView.objects.filter(user=users["phuong"], place=ViewPlace.LETTERS)
    assert sorted(logged.values_list("petition_id", flat=True)) == sorted(
        letter.petition_id for letter in letters
    )
