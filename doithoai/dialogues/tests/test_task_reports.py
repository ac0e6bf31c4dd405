"""Progress reports on the plan's tasks: who may report, evidence files, "my tasks"."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doithoai.core.models import Event
from doithoai.dialogues.models import Task, TaskState, TaskUpdate
from doithoai.dialogues.services import task_report
from doithoai.units.models import Organisation

from .conftest import ROLES


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def ward_task(round_) -> Task:
    """A task of the city's People's Committee for "the wards" (as the seed's third group)."""
    ubnd = Organisation.objects.get(unit=round_.unit, code="ubnd")
    return Task.objects.create(
        round=round_, group="UBND các xã, phường", organisation=ubnd, text="Thông báo hội nghị"
    )


@pytest.fixture
def dept_task(round_) -> Task:
    vhtt = Organisation.objects.get(unit=round_.unit, code="vhtt")
    return Task.objects.create(
        round=round_, group="Phòng ban", organisation=vhtt, text="Tuyên truyền"
    )


# Who may report on the city committee's task, and whose report moves the task itself.
REPORTERS = {"vanphong": True, "tinh": True, "lanhdao": True, "phuong": False}


@pytest.mark.parametrize("username", ROLES)
def test_report_per_role(ward_task, demo_user, username, media):
    user = demo_user(username)
    events = Event.objects.count()
    if username in REPORTERS:
        update = task_report(actor=user, task=ward_task, text="Đã thông báo trên loa", state="done")
        ward_task.refresh_from_db()
        moved = REPORTERS[username]
        assert ward_task.state == (TaskState.DONE if moved else TaskState.OPEN)
        assert update.state == "done"
        assert Event.objects.count() == events + (2 if moved else 1)
        if username == "phuong":
            assert update.organisation.unit.code == "01840"  # reported as the ward
    else:
        with pytest.raises(PermissionDenied):
            task_report(actor=user, task=ward_task, text="x", state="done")
        ward_task.refresh_from_db()
        assert ward_task.state == TaskState.OPEN and not TaskUpdate.objects.exists()
        assert Event.objects.count() == events


def test_ward_officer_cannot_report_on_a_department_task(dept_task, demo_user):
    with pytest.raises(PermissionDenied):
        task_report(actor=demo_user("phuong"), task=dept_task, text="x")
    assert not dept_task.updates.exists()


def test_evidence_is_checked_by_content(ward_task, demo_user, media):
    actor = demo_user("phuong")
    update = task_report(
        actor=actor, task=ward_task, text="Ảnh buổi thông báo", evidence=("anh.png", _png())
    )
    assert update.evidence_type == "image/png" and update.evidence_size > 0
    assert len(update.evidence_sha256) == 64
    for name, data in [
        ("virus.exe", b"MZ\x90\x00 not a picture"),
        ("rong.pdf", b""),
        ("hong.pdf", b"%PDF-1.4 broken without end"),
    ]:
        with pytest.raises(ValidationError):
            task_report(actor=actor, task=ward_task, text="x", evidence=(name, data))
    assert ward_task.updates.count() == 1
    with pytest.raises(ValidationError):
        task_report(actor=actor, task=ward_task, text="  ")
    with pytest.raises(ValidationError):
        task_report(actor=actor, task=ward_task, text="x", state="finished")


def test_task_page_reports_and_refuses_bad_files_with_a_message(
    client, ward_task, demo_user, media
):
    client.force_login(demo_user("phuong"))
    url = reverse("dialogue-task", args=[ward_task.pk])
    bad = io.BytesIO(b"plain text, not evidence")
    bad.name = "ghi-chu.txt"
    page = client.post(url, {"text": "Đã họp tổ", "state": "", "evidence": bad}).content.decode()
    assert "không phải ảnh (JPEG, PNG, WebP) hoặc PDF" in page
    assert not ward_task.updates.exists()
    good = io.BytesIO(_png())
    good.name = "anh.png"
    page = client.post(
        url, {"text": "Đã họp tổ", "state": "in_progress", "evidence": good}, follow=True
    ).content.decode()
    assert "Đã ghi nhận tiến độ nhiệm vụ." in page and 'data-testid="evidence-link"' in page
    update = ward_task.updates.get()
    download = client.get(reverse("dialogue-task-evidence", args=[ward_task.pk, update.pk]))
    assert (
        download.status_code == 200
        and b"".join(download.streaming_content) == update.evidence.read()
    )
    assert download["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("username", "status"),
    [("vanphong", 200), ("lanhdao", 200), ("mttq", 200), ("baochi", 404), ("chuyenvien", 404)],
)
def test_evidence_download_is_permission_checked(
    client, ward_task, demo_user, username, status, media
):
    update = task_report(
        actor=demo_user("phuong"), task=ward_task, text="Ảnh", evidence=("anh.png", _png())
    )
    client.force_login(demo_user(username))
    answer = client.get(reverse("dialogue-task-evidence", args=[ward_task.pk, update.pk]))
    assert answer.status_code == status
    client.logout()
    answer = client.get(reverse("dialogue-task-evidence", args=[ward_task.pk, update.pk]))
    assert answer.status_code == 302  # to the login page


def test_my_tasks_lists_the_wards_tasks_only(client, ward_task, dept_task, demo_user):
    client.force_login(demo_user("phuong"))
    page = client.get(reverse("dialogue-my-tasks")).content.decode()
    assert ward_task.text in page and dept_task.text not in page
    client.force_login(demo_user("chuyenvien"))
    page = client.get(reverse("dialogue-my-tasks")).content.decode()
    assert ward_task.text not in page


def test_a_reader_cannot_post_a_report(client, ward_task, demo_user):
    client.force_login(demo_user("baochi"))
    url = reverse("dialogue-task", args=[ward_task.pk])
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not ward_task.updates.exists()


def test_a_task_given_to_a_ward_is_the_wards_own(client, round_, demo_user, media):
    ward = Organisation.objects.get(unit__code="01840", code="ubnd")
    client.force_login(demo_user("vanphong"))
    page = client.get(reverse("dialogue-round", args=[round_.pk])).content.decode()
    assert f'<option value="{ward.pk}">' in page  # the wards' committees can be given tasks
    client.post(
        reverse("dialogue-task-add", args=[round_.pk]),
        {"group": "UBND phường", "organisation": ward.pk, "text": "Họp tổ dân phố"},
    )
    task = Task.objects.get(round=round_, organisation=ward)
    task_report(actor=demo_user("phuong"), task=task, text="Đã họp", state="done")
    task.refresh_from_db()
    assert task.state == TaskState.DONE  # its own task: the report moves it
