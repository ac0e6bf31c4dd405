"""The officer's assignment page (petitions, attachments, petitioners where allowed), a returned
draft edited in place, the guarded publish step and the per-organisation settings page."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from doithoai.core.events import events_for
from doithoai.followup import services
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import Answer, FollowupSetting
from doithoai.followup.tests.conftest import ROLES, approve_all
from doithoai.petitions.models import Attachment, Petition

PERSONAL = "Ông Nguyễn Văn An, số điện thoại 0912345678, đã được hỗ trợ sửa nhà."


def _assignment(issue, users, qldt):
    return services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)


def _approved(issue, users, qldt, text="Đã sửa xong đoạn đường tổ 5 trong tháng 10."):
    a = _assignment(issue, users, qldt)
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=text)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    return approve_all(users, answer)


def test_officer_sees_petitions_attachments_and_petitioners(make_issue, users, qldt, client):
    issue = make_issue(n=25)
    secret = Petition.objects.filter(issue_link__issue=issue).order_by("received_on", "id").first()
    secret.confidential, secret.submitter_name = True, "Người Giữ Kín"
    secret.save()
    attachment = Attachment(
        petition=secret, original_name="anh.png", content_type="image/png", size=4, sha256="x"
    )
    attachment.file.save("anh.png", ContentFile(b"\x89PNG"), save=True)
    a = _assignment(issue, users, qldt)
    client.force_login(users["chuyenvien"])
    html = client.get(f"/staff/theo-doi/giao/{a.pk}/").content.decode()
    assert "Kiến nghị của vấn đề (25)" in html and "Trang 1/2" in html
    assert secret.code in html and "Người Giữ Kín" not in html  # confidential: no petitioner
    assert "Trần Văn Bí Mật" in html and "0912345678" in html  # others: the contact to answer
    assert f"/staff/theo-doi/tep/{attachment.pk}/" in html
    r = client.get(f"/staff/theo-doi/tep/{attachment.pk}/")
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"\x89PNG"
    assert "Trang 2/2" in client.get(f"/staff/theo-doi/giao/{a.pk}/?trang=2").content.decode()
    client.force_login(users["baochi"])
    assert client.get(f"/staff/theo-doi/tep/{attachment.pk}/").status_code == 404
    assert client.get("/staff/theo-doi/tep/999999/").status_code == 404


def test_a_returned_draft_is_edited_in_place_and_its_history_kept(issue, users, qldt, client):
    a = _assignment(issue, users, qldt)
    first = "Bản thảo đầu tiên chưa đủ ý."
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=first)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    services.answer_decide(
        actor=users["truongphong"], answer=answer, approve=False, remark="Bổ sung thời hạn"
    )
    client.force_login(users["chuyenvien"])
    page = f"/staff/theo-doi/giao/{a.pk}/"
    html = client.get(page).content.decode()
    assert "Sửa dự thảo trả lời" in html and first in html and "Bổ sung thời hạn" in html
    client.post(page, {"text": "Bản thảo sửa: hoàn thành trước 30/11/2016."})
    assert Answer.objects.filter(assignment=a).count() == 1  # the same draft, edited
    answer.refresh_from_db()
    assert answer.state == "returned" and answer.text.startswith("Bản thảo sửa")
    client.post(f"/staff/theo-doi/tra-loi/{answer.pk}/trinh/")
    answer.refresh_from_db()
    assert answer.state == "submitted"
    edited = [e for e in events_for(answer) if e.action == FollowupEvents.ANSWER_EDITED]
    assert edited[0].before["text"] == first and edited[0].before["state"] == "returned"
    states = [
        e.after["state"] for e in events_for(answer) if e.action == FollowupEvents.ANSWER_STATE
    ]
    assert states == ["submitted", "returned", "submitted"]


def test_publication_refuses_personal_data_with_the_findings(issue, users, qldt, client):
    answer = _approved(issue, users, qldt, text=PERSONAL)
    with pytest.raises(ValidationError) as error:
        services.answer_publish(actor=users["vanphong"], answer=answer)
    assert "0912345678" in str(error.value) and "số điện thoại" in str(error.value)
    answer.refresh_from_db()
    assert answer.state == "approved" and answer.published_at is None
    client.force_login(users["vanphong"])
    html = client.get(f"/staff/theo-doi/tra-loi/{answer.pk}/cong-khai/").content.decode()
    assert "Chưa thể công khai" in html and "0912345678" in html
    client.post(f"/staff/theo-doi/tra-loi/{answer.pk}/cong-khai/", {"confirmed": "1"})
    answer.refresh_from_db()
    assert answer.state == "approved"


def test_publication_waits_for_a_confirmed_title_which_the_publisher_may_edit(
    make_issue, users, qldt, client
):
    issue = make_issue(title="Hộ ông Lê Văn Tám tổ 5 có đường hỏng", confirmed=False)
    answer = _approved(issue, users, qldt)
    with pytest.raises(ValidationError):
        services.answer_publish(actor=users["vanphong"], answer=answer)
    client.force_login(users["vanphong"])
    url = f"/staff/theo-doi/tra-loi/{answer.pk}/cong-khai/"
    assert 'data-testid="publish-title-input"' in client.get(url).content.decode()
    client.post(url, {"title": "Đường tổ 5 hỏng", "confirmed": ""})  # not confirmed: nothing
    client.post(url, {"title": issue.title, "confirmed": "1"})  # a name in the title: refused
    answer.refresh_from_db()
    issue.refresh_from_db()
    assert answer.state == "approved" and not issue.title_confirmed
    r = client.post(url, {"title": "Đường tổ 5 phường Đức Xuân hỏng", "confirmed": "1"})
    assert r.status_code == 302
    answer.refresh_from_db()
    issue.refresh_from_db()
    assert answer.state == "published"
    assert issue.title_confirmed and issue.title == "Đường tổ 5 phường Đức Xuân hỏng"


@pytest.mark.parametrize("role", ROLES)
def test_settings_page_per_role(role, users, client, demo_round):
    organisation = demo_round.organisation
    client.force_login(users[role])
    r = client.get("/staff/theo-doi/cau-hinh/")
    post = client.post(
        "/staff/theo-doi/cau-hinh/",
        {"organisation": organisation.pk, "mttq_verification_required": "on", "reminder_days": 3},
    )
    if role in ("vanphong", "quantri"):
        assert r.status_code == 200 and organisation.name in r.content.decode()
        setting = FollowupSetting.objects.get(organisation=organisation)
        assert not setting.leader_approval_required and setting.reminder_days == 3
        assert post.status_code == 302
    else:
        assert r.status_code == 404 and post.status_code == 404
        assert not FollowupSetting.objects.filter(organisation=organisation).exists()


def test_settings_bad_input_writes_nothing(users, client, demo_round):
    client.force_login(users["vanphong"])
    url = "/staff/theo-doi/cau-hinh/"
    client.post(url, {"organisation": demo_round.organisation.pk, "reminder_days": "99"})
    client.post(url, {"organisation": "abc", "reminder_days": "1"})
    assert not FollowupSetting.objects.exists()
