"""Every intake path: valid input makes one petition and one event; bad input writes nothing."""

import io

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from PIL import Image

from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward

VALID_PUBLIC = {
    "unit": "",
    "place": "Tổ 5",
    "legal_kind": "kien_nghi",
    "text": "Đường tổ 5 phường Đức Xuân xuống cấp, đề nghị thành phố sửa chữa sớm.",
    "submitter_type": "nguoi_dan",
    "submitter_name": "Lê Thị Gửi",
    "phone": "0987 654 321",
    "email": "gui@example.vn",
    "consent": "on",
    "submission_token": "tok-1",
}


@pytest.fixture
def public_data(db):
    return {**VALID_PUBLIC, "unit": str(ward().pk)}


def png_bytes(exif: bool = False) -> bytes:
    image = Image.new("RGB", (20, 20), "red")
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # Make
        image.save(out, format="JPEG", exif=data.tobytes())
    else:
        image.save(out, format="PNG")
    return out.getvalue()


def test_public_form_creates_one_petition_one_event_and_mails_the_code(
    client, public_data, counts, django_capture_on_commit_callbacks
):
    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/gui-kien-nghi/", public_data)
    assert response.status_code == 302
    petition = Petition.objects.latest("id")
    assert response["Location"] == "/kien-nghi/da-gui/"  # the code is never in a URL
    assert petition.code in client.get(response["Location"]).content.decode()
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    assert petition.channel == "web" and petition.phone == "0987654321" and petition.consent_at
    assert len(mail.outbox) == 1 and petition.code in mail.outbox[0].body
    assert mail.outbox[0].to == ["gui@example.vn"]


def test_public_form_retry_with_same_token_creates_nothing_new(client, public_data, counts):
    client.post("/gui-kien-nghi/", public_data)
    before = counts()
    response = client.post("/gui-kien-nghi/", public_data)
    assert response.status_code == 302 and counts() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": ""}, "Trường này là bắt buộc"),
        ({"text": "ngắn"}, "ít nhất 10 ký tự"),
        ({"text": "x" * 5001}, "5000"),
        ({"unit": "999999999"}, "Lựa chọn không hợp lệ"),
        ({"consent": ""}, "đồng ý với thông báo xử lý dữ liệu"),
        ({"phone": "12ab"}, "Số điện thoại không hợp lệ"),
        ({"email": "not-an-email"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"submitter_name": ""}, "nhập họ tên, hoặc chọn gửi ẩn danh"),
        ({"legal_kind": "bogus"}, "Lựa chọn không hợp lệ"),
    ],
)
def test_public_form_bad_input_gets_a_message_and_writes_nothing(
    client, public_data, counts, change, message
):
    before = counts()
    response = client.post("/gui-kien-nghi/", {**public_data, **change}, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content or message in __import__("html").unescape(content)
    assert counts() == before


def test_messages_switch_to_english(client, public_data):
    client.cookies["django_language"] = "en"
    response = client.post("/gui-kien-nghi/", {**public_data, "text": "ngắn"})
    assert "at least 10 characters" in response.content.decode()


def test_anonymous_submission_drops_contact_data(client, public_data):
    client.post("/gui-kien-nghi/", {**public_data, "anonymous": "on", "submission_token": "anon"})
    petition = Petition.objects.latest("id")
    assert petition.anonymous and petition.submitter_type == "an_danh"
    assert (petition.submitter_name, petition.phone, petition.email) == ("", "", "")


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("virus.pdf", b"MZ\x90\x00 not a pdf at all", "không phải ảnh"),
        ("photo.jpg", b"<?php echo 1; ?>", "không phải ảnh"),
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "bị hỏng"),
        ("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10) + b"%%EOF", "quá lớn"),
    ],
)
def test_disguised_or_oversized_uploads_are_refused(
    client, public_data, counts, name, payload, message
):
    before = counts()
    upload = io.BytesIO(payload)
    upload.name = name
    response = client.post("/gui-kien-nghi/", {**public_data, "files": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert counts() == before


def test_image_upload_is_stored_without_metadata(client, public_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = io.BytesIO(png_bytes(exif=True))
    upload.name = "street.jpg"
    response = client.post("/gui-kien-nghi/", {**public_data, "files": upload})
    assert response.status_code == 302
    attachment = Petition.objects.latest("id").attachments.get()
    stored = attachment.file.read()
    assert b"SecretCam" in upload.getvalue() and b"SecretCam" not in stored
    assert Image.open(io.BytesIO(stored)).getexif().get(0x010F) is None
    assert attachment.content_type == "image/jpeg"


def test_public_form_is_rate_limited(client, public_data, settings, counts):
    from django.core.cache import cache

    cache.clear()
    settings.DOITHOAI_PUBLIC_RATE_PER_HOUR = 2
    for i in range(2):
        assert (
            client.post("/gui-kien-nghi/", {**public_data, "submission_token": f"r{i}"}).status_code
            == 302
        )
    before = counts()
    response = client.post("/gui-kien-nghi/", {**public_data, "submission_token": "r3"})
    assert response.status_code == 429 and "quá nhiều" in response.content.decode()
    assert counts() == before
    cache.clear()


def test_staff_entry_records_who_entered_it(client, demo_user, counts):
    client.force_login(demo_user("phuong"))
    before = counts()
    response = client.post(
        "/staff/kien-nghi/moi/",
        {
            "unit": ward().pk,
            "channel": "truong_thon",
            "legal_kind": "kien_nghi",
            "submitter_type": "to_truong",
            "text": "Tổ 3 đề nghị lắp thêm đèn chiếu sáng ngõ 12.",
            "submitter_name": "Hà Văn Tổ",
            "on_behalf_of": "Tổ trưởng tổ 3",
            "received_on": "2016-09-01",
            "submission_token": "s1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    petition = Petition.objects.latest("id")
    assert petition.collected_by.username == "phuong" and petition.channel == "truong_thon"
    assert petition.on_behalf_of == "Tổ trưởng tổ 3" and str(petition.received_on) == "2016-09-01"
    assert counts()[:2] == (before[0] + 1, before[1] + 1)


def test_ward_officer_cannot_enter_for_another_ward(client, demo_user, counts):
    client.force_login(demo_user("phuong"))
    before = counts()
    response = client.post(
        "/staff/kien-nghi/moi/",
        {
            "unit": ward("01837").pk,
            "channel": "phuong_xa",
            "legal_kind": "kien_nghi",
            "submitter_type": "nguoi_dan",
            "text": "Nội dung kiến nghị của phường khác.",
            "submission_token": "s2",
        },
    )
    assert response.status_code == 400 and counts() == before


def test_press_cannot_open_staff_entry(client, demo_user):
    client.force_login(demo_user("baochi"))
    assert client.get("/staff/kien-nghi/moi/").status_code == 403


def test_a_taken_tracking_code_is_drawn_again_without_losing_the_petition(db, monkeypatch, counts):
    _draw_a_taken_code_twice(monkeypatch, counts)


def test_outside_a_transaction_a_taken_code_is_drawn_again_too(
    committed_reference_data, monkeypatch, counts
):
    """With no transaction open (a request), a taken code rolls back that try's transaction
    alone, and the next draw succeeds."""
    from django.db import connection

    assert not connection.in_atomic_block
    _draw_a_taken_code_twice(monkeypatch, counts)


def _draw_a_taken_code_twice(monkeypatch, counts):
    from itertools import chain, count

    from doithoai.petitions import codes
    from doithoai.petitions.services import PetitionInput, petition_submit
    from doithoai.petitions.tests.factories import PetitionFactory

    taken = PetitionFactory().code
    drawn = chain([taken, taken, "FRE-SH0-CODE"], (f"NXT-{n:03d}-CODE" for n in count()))
    monkeypatch.setattr(codes, "new_code", lambda: next(drawn))
    before = counts()

    def data():  # a new request body each time, as a client's retry would send
        return PetitionInput(
            text="Đề nghị lắp đèn chiếu sáng ngõ 12 tổ 3.",
            unit=ward().pk,
            channel="web",
            submitter_name="Lê Văn Thử",
            consent=True,
        )

    result = petition_submit(actor=None, data=data(), idempotency_key="k-1", client="test")
    assert result.created and result.petition.code == "FRE-SH0-CODE"
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    again = petition_submit(actor=None, data=data(), idempotency_key="k-1", client="test")
    assert not again.created and again.petition.pk == result.petition.pk
    assert counts()[:2] == (before[0] + 1, before[1] + 1)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's test database is shared memory, whose locks fail instead of waiting",
)
def test_concurrent_retries_with_one_key_write_one_petition(
    committed_reference_data, monkeypatch, counts
):
    """Two requests with the same key at once (a client retrying before the first answered):
    the second's key waits for the first's transaction, fails when it commits, and answers with
    the first petition; nothing of the second is left."""
    import threading
    import time

    from doithoai.petitions.models import IdempotencyKey
    from doithoai.petitions.services import PetitionInput, petition_submit

    unit_id = ward().pk
    save = IdempotencyKey.save
    first = threading.Lock()

    def slow_save(self, *args, **kwargs):
        save(self, *args, **kwargs)
        if first.acquire(blocking=False):
            time.sleep(0.5)  # the winner holds its transaction open while the other tries

    monkeypatch.setattr(IdempotencyKey, "save", slow_save)
    before = counts()
    start = threading.Barrier(2)
    results, errors = [], []

    def submit():
        try:
            start.wait()
            data = PetitionInput(
                text="Đề nghị lắp đèn chiếu sáng ngõ 12 tổ 3.",
                unit=unit_id,
                channel="web",
                submitter_name="Lê Văn Thử",
                consent=True,
            )
            results.append(
                petition_submit(actor=None, data=data, idempotency_key="k-race", client="test")
            )
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == [] and len(results) == 2
    assert sorted(r.created for r in results) == [False, True]
    assert results[0].petition.pk == results[1].petition.pk
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    assert IdempotencyKey.objects.filter(key="k-race").count() == 1


@pytest.mark.parametrize("field", ["text", "submitter_name", "place", "address", "topic"])
def test_a_nul_character_is_refused_on_every_channel_and_writes_nothing(db, counts, field):
    """PostgreSQL cannot store NUL: the intake service refuses it for every channel (the import
    and Open311 included) before anything is written."""
    from django.core.exceptions import ValidationError

    from doithoai.petitions.services import PetitionInput, petition_submit

    values = {
        "text": "Đề nghị lắp đèn chiếu sáng ngõ 12 tổ 3.",
        "submitter_name": "Lê Văn Thử",
        "place": "Tổ 3",
        "address": "Ngõ 12",
        "topic": "giao_thong",
    }
    values[field] = values[field][:4] + "\x00" + values[field][4:]
    before = counts()
    with pytest.raises(ValidationError) as refused:
        petition_submit(
            actor=None,
            data=PetitionInput(unit=ward().pk, channel="web", consent=True, **values),
        )
    assert "NUL" in refused.value.message_dict[field][0]
    assert counts() == before


@pytest.mark.parametrize(
    ("username", "status"),
    [("phuong", 200), ("vanphong", 200), ("mttq", 200), ("lanhdao", 403), ("quantri", 403)],
)
def test_the_staff_entry_form_and_import_open_only_for_intake_roles(
    client, demo_user, username, status
):
    """The leader records statements on the conference page and the administrator enters
    nothing: both were offered a form that refused on saving."""
    user = demo_user(username)
    client.force_login(user)
    for name in ("petition-new-staff", "petition-import"):
        assert client.get(reverse(name)).status_code == status, name
    links = client.get(reverse("petition-list")).content.decode()
    assert (reverse("petition-new-staff") in links) == (status == 200)
