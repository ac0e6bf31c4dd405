"""The report page per role: the Front edits and approves, the secretariat and the leader read,
everyone else gets 404 — on the page, its actions and its files (the round's generic document
URL for this kind included)."""

import pytest

from doithoai.synthesis.models import ReportState, SynthesisReport
from doithoai.synthesis.services_report import synthesis_report_approve, synthesis_report_draft

HTMX = {"HTTP_HX_REQUEST": "true"}
DENIED = ["phuong", "chuyenvien", "truongphong", "baochi", "quantri"]


@pytest.fixture
def drafted(demo_round, demo_user, make_issue):
    make_issue(title="Đèn chiếu sáng ngõ tối", topic="do_thi", n=3)
    make_issue(title="Rác thải tồn đọng ven suối", topic="moi_truong", n=2)
    return synthesis_report_draft(actor=demo_user("mttq"), round_=demo_round)


def _url(round_, tail=""):
    return f"/staff/tong-hop/{round_.pk}/bao-cao/{tail}"


def test_front_drafts_from_the_page(client, demo_user, demo_round, make_issue):
    make_issue(topic="do_thi", n=2)
    client.force_login(demo_user("mttq"))
    page = client.get(_url(demo_round))
    assert page.status_code == 200 and 'data-testid="report-draft"' in page.content.decode()
    response = client.post(_url(demo_round, "lap/"))
    assert response.status_code == 302
    assert SynthesisReport.objects.get(round=demo_round).state == ReportState.DRAFT


def test_front_edits_texts_and_a_theme_in_place(client, demo_user, demo_round, drafted):
    client.force_login(demo_user("mttq"))
    data = {
        "report_date": "2016-09-08",
        "opening": "Ban Thường trực báo cáo như sau:",
        "proposals": "- Đề nghị giải quyết.",
        "signer_title": "Chủ tịch",
        "signer_name": "Hà Văn Quang",
    }
    assert client.post(_url(demo_round), data).status_code == 302
    drafted.refresh_from_db()
    assert drafted.opening == "Ban Thường trực báo cáo như sau:"
    bad = client.post(_url(demo_round), {**data, "opening": "Gọi ông Trần Văn Bình 0912345678"})
    assert bad.status_code == 200 and "thông tin cá nhân" in bad.content.decode()
    drafted.refresh_from_db()
    assert drafted.opening == "Ban Thường trực báo cáo như sau:"

    key = drafted.themes.order_by("id").first().key
    response = client.post(_url(demo_round, f"nhom/{key}/"), {"summary": "Tóm tắt mới."}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f'id="theme-{key}"' in body and "Tóm tắt mới." in body and "Đã lưu" in body
    refused = client.post(
        _url(demo_round, f"nhom/{key}/"), {"summary": "Liên hệ a@example.com"}, **HTMX
    )
    assert refused.status_code == 200 and "thông tin cá nhân" in refused.content.decode()
    assert "Liên hệ a@example.com" in refused.content.decode()  # kept in the box to correct
    assert drafted.themes.get(key=key).summary == "Tóm tắt mới."


def test_approve_locks_the_page_and_unapprove_opens_it(client, demo_user, demo_round, drafted):
    client.force_login(demo_user("mttq"))
    assert client.post(_url(demo_round, "duyet/")).status_code == 302
    drafted.refresh_from_db()
    assert drafted.state == ReportState.APPROVED
    body = client.get(_url(demo_round)).content.decode()
    assert 'data-testid="report-form"' not in body and 'data-testid="report-unapprove"' in body
    assert client.post(_url(demo_round), {"opening": "Khác"}).status_code == 404
    client.post(_url(demo_round, "bo-duyet/"), {"reason": "Bổ sung"})
    drafted.refresh_from_db()
    assert drafted.state == ReportState.DRAFT
    assert "bỏ duyệt báo cáo tổng hợp" in client.get(_url(demo_round)).content.decode()


@pytest.mark.parametrize("username", ["vanphong", "lanhdao"])
def test_secretariat_and_leader_read_only(client, demo_user, demo_round, drafted, username):
    client.force_login(demo_user(username))
    page = client.get(_url(demo_round))
    body = page.content.decode()
    assert page.status_code == 200 and "Đèn chiếu sáng ngõ tối" in body
    assert 'data-testid="report-form"' not in body and 'data-testid="report-approve"' not in body
    for tail in ("duyet/", "cap-nhat/", "bo-duyet/"):
        assert client.post(_url(demo_round, tail)).status_code == 404
    assert client.post(_url(demo_round), {"opening": "Khác"}).status_code == 404
    drafted.refresh_from_db()
    assert drafted.state == ReportState.DRAFT and drafted.opening != "Khác"
    assert client.get(_url(demo_round, "van-ban.docx")).status_code == 200


@pytest.mark.parametrize("username", DENIED)
def test_others_get_404_everywhere(client, demo_user, demo_round, drafted, username):
    client.force_login(demo_user(username))
    for url in (
        _url(demo_round),
        _url(demo_round, "van-ban.pdf"),
        f"/staff/doi-thoai/{demo_round.pk}/van-ban/synthesis.docx",
    ):
        assert client.get(url).status_code == 404, url
    for tail in ("lap/", "duyet/", "cap-nhat/", "bo-duyet/", f"nhom/{drafted.themes.first().key}/"):
        assert client.post(_url(demo_round, tail), {"summary": "x"}).status_code == 404
    drafted.refresh_from_db()
    assert drafted.state == ReportState.DRAFT


def test_links_from_the_board_and_the_round_page(client, demo_user, demo_round, drafted):
    client.force_login(demo_user("vanphong"))
    for url in (f"/staff/tong-hop/{demo_round.pk}/", f"/staff/doi-thoai/{demo_round.pk}/"):
        body = client.get(url).content.decode()
        assert f'href="{_url(demo_round)}"' in body, url
    client.force_login(demo_user("phuong"))
    body = client.get(f"/staff/doi-thoai/{demo_round.pk}/").content.decode()
    assert 'data-testid="synthesis-report-link"' not in body


def test_generic_document_url_serves_the_front_report(client, demo_user, demo_round, drafted):
    synthesis_report_approve(actor=demo_user("mttq"), report=drafted)
    client.force_login(demo_user("mttq"))
    response = client.get(f"/staff/doi-thoai/{demo_round.pk}/van-ban/synthesis.docx")
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_the_report_file_uses_the_administrators_replacement_page(
    client, demo_user, demo_round, drafted, replacement_page
):
    from doithoai.core.rendering.tests.readback import pdf_text

    client.force_login(demo_user("mttq"))
    response = client.get(_url(demo_round, "van-ban.pdf"))
    assert response.status_code == 200 and replacement_page in pdf_text(response.content)
