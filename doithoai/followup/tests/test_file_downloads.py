"""Downloads of stored files (issue 15, item 5): each through its permission-checked view, as an
attachment never sniffed or cached; a reader who may not see it gets the same 404 as for a file
that does not exist, and learns nothing of it."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from doithoai.dialogues.models import Directive
from doithoai.followup import services
from doithoai.followup.tests.conftest import approve_all
from doithoai.petitions.attachments import check_upload
from doithoai.petitions.models import Attachment, Petition
from doithoai.synthesis.models import Issue


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(out, format="PNG")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STAFF_OF_THE_ISSUE = ["vanphong", "lanhdao", "mttq", "chuyenvien", "truongphong", "quantri"]
OUTSIDERS = ["baochi", "phuong"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _is_a_safe_download(response, *, body: bytes, filename: str, content_type: str) -> None:
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == body
    assert response["Content-Disposition"].startswith("attachment")
    assert f'filename="{filename}"' in response["Content-Disposition"]
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def _denied(response, *secrets: str) -> None:
    assert response.status_code == 404
    body = response.content.decode(errors="replace")
    assert all(secret not in body for secret in secrets)


@pytest.fixture
def draft_with_file(issue, users, qldt):
    assignment = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(
        actor=users["chuyenvien"],
        assignment=assignment,
        text="Đã sửa xong đoạn đường tổ 5 trong tháng 10.",
        files=[check_upload("bien-ban.html", PDF)],
    )
    return answer, answer.files.get()


@pytest.mark.parametrize("role", STAFF_OF_THE_ISSUE + OUTSIDERS)
def test_an_answers_file_is_for_the_staff_of_its_assignment(client, users, draft_with_file, role):
    _answer, file = draft_with_file
    client.force_login(users[role])
    response = client.get(reverse("followup-answer-file", args=[file.pk]))
    if role in STAFF_OF_THE_ISSUE:
        _is_a_safe_download(
            response, body=PDF, filename="bien-ban.pdf", content_type="application/pdf"
        )
    else:
        _denied(response, "bien-ban")


def test_an_answers_file_is_public_once_published_about_a_public_issue(
    client, users, draft_with_file
):
    answer, file = draft_with_file
    url = reverse("followup-answer-file", args=[file.pk])
    _denied(client.get(url), "bien-ban")  # a draft: no one outside
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    approve_all(users, answer)
    services.answer_publish(actor=users["vanphong"], answer=answer)
    _is_a_safe_download(
        client.get(url), body=PDF, filename="bien-ban.pdf", content_type="application/pdf"
    )
    Issue.objects.filter(pk=answer.assignment.issue_id).update(title_confirmed=False)
    _denied(client.get(url), "bien-ban")
    assert client.get(reverse("followup-answer-file", args=[file.pk + 1000])).status_code == 404


def test_resolution_evidence_is_for_the_staff_of_the_issue(client, users, publish, issue):
    publish(issue)
    resolution = services.issue_resolve(
        actor=users["vanphong"],
        issue=issue,
        note="Đã sửa xong mặt đường, nghiệm thu ngày 20/10/2016.",
        evidence=check_upload("nghiem-thu.png", png_bytes()),
    )
    url = reverse("followup-resolution-evidence", args=[resolution.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(users["chuyenvien"])
    stored = resolution.evidence.open("rb").read()
    _is_a_safe_download(
        client.get(url), body=stored, filename="nghiem-thu.png", content_type="image/png"
    )
    assignment = issue.assignments.get()
    page = client.get(reverse("followup-assignment", args=[assignment.pk])).content.decode()
    assert url in page and "/media/" not in page
    client.force_login(users["baochi"])
    _denied(client.get(url), "nghiem-thu")


def test_directive_progress_evidence_is_for_those_who_see_the_directive(
    client, users, demo_round, qldt, issue
):
    directive = Directive.objects.create(
        round=demo_round,
        issue=issue,
        text="Sửa đường tổ 5",
        assignee=qldt,
        deadline=datetime.date(2026, 12, 31),
    )
    update = services.directive_progress_add(
        actor=users["chuyenvien"],
        directive=directive,
        text="Đã khảo sát, lập dự toán",
        percent=30,
        evidence=check_upload("du-toan.pdf", PDF),
    )
    url = reverse("followup-update-evidence", args=[update.pk])
    client.force_login(users["truongphong"])
    _is_a_safe_download(
        client.get(url), body=PDF, filename="du-toan.pdf", content_type="application/pdf"
    )
    page = client.get(reverse("followup-directive", args=[directive.pk])).content.decode()
    assert url in page and "/media/" not in page
    client.force_login(users["baochi"])
    _denied(client.get(url), "du-toan")


def test_staff_open_a_petitions_photo_from_the_petition_and_issue_pages(
    client, users, make_issue, qldt
):
    issue = make_issue(n=1)
    petition = Petition.objects.get(issue_link__issue=issue)
    photo = check_upload("o-ga.png", png_bytes())
    attachment = Attachment(
        petition=petition,
        original_name=photo.name,
        content_type=photo.content_type,
        size=len(photo.data),
        sha256=photo.sha256,
    )
    attachment.file.save(photo.name, ContentFile(photo.data), save=True)
    url = reverse("followup-attachment", args=[attachment.pk])
    assignment = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    client.force_login(users["chuyenvien"])
    page = client.get(reverse("followup-assignment", args=[assignment.pk])).content.decode()
    assert f'<img src="{url}"' in page and "/media/" not in page
    client.force_login(users["vanphong"])
    page = client.get(reverse("petition-detail", args=[petition.pk])).content.decode()
    assert f'<img src="{url}"' in page and f'href="{url}"' in page
    _is_a_safe_download(
        client.get(url), body=photo.data, filename="o-ga.png", content_type="image/png"
    )
    client.force_login(users["baochi"])
    _denied(client.get(url), "o-ga")
    client.logout()
    assert client.get(url).status_code == 302


def test_the_assignment_page_logs_the_petitioners_it_showed(client, users, publish, issue):
    from doithoai.dataprotection.models import ContactView, ViewPlace

    publish(issue)
    assignment = issue.assignments.get()
    client.force_login(users["vanphong"])
    page = client.get(reverse("followup-assignment", args=[assignment.pk])).content.decode()
    shown = {
        m.petition_id
        for m in issue.memberships.select_related("petition")
        if m.petition.phone and m.petition.phone in page
    }
    assert shown
    logged = ContactView.objects.filter(user=users["vanphong"], place=ViewPlace.FOLLOWUP)
    assert set(logged.values_list("petition_id", flat=True)) == shown
    client.force_login(users["baochi"])  # the press may not open it: nothing more is logged
    client.get(reverse("followup-assignment", args=[assignment.pk]))
    assert ContactView.objects.count() == len(shown)
