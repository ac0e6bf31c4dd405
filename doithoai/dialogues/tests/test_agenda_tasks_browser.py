"""In a browser: the agenda builder updates in place; a ward officer reports on a task with
evidence."""

import io

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.dialogues.models import AgendaItem, Round, Task, TaskUpdate
from doithoai.petitions.models import Topic
from doithoai.synthesis.models import Issue
from doithoai.units.models import Organisation


def _round() -> Round:
    return Round.objects.get(unit__code="058", title__startswith="Tiếp xúc")


@pytest.mark.browser
def test_agenda_builder_proposes_then_staff_remove_reorder_and_add(page):
    round_ = _round()
    gpmb = Topic.objects.get(code="gpmb")
    Issue.objects.bulk_create(
        Issue(round=round_, title=f"Vấn đề thường số {n}", topic=None) for n in range(60)
    )
    key = Issue.objects.create(round=round_, title="Chậm bồi thường đường Trường Chinh", topic=gpmb)
    hidden = Issue.objects.create(round=round_, title="Sạt lở taluy đường tránh phía Nam")
    Round.objects.filter(pk=round_.pk).update(duration_minutes=90, minutes_per_issue=10)

    log_in(page, "vanphong")
    page.goto(f"/staff/doi-thoai/{round_.pk}/chuong-trinh/")
    page.get_by_role("button", name="Lập chương trình đề xuất").click()
    items = page.get_by_test_id("agenda-item")
    expect(items).to_have_count(8)  # 2 opening reports (30 min) + 6 issues (60 min)
    expect(items.nth(2)).to_contain_text(key.title)  # the focus topic leads the issues
    expect(page.get_by_test_id("agenda-total")).to_contain_text("90 / 90")

    url = page.url
    items.nth(3).get_by_role("button", name="Bỏ").click()
    expect(items).to_have_count(7)
    expect(page.locator("#agenda-builder .messages")).to_contain_text("Đã bỏ khỏi chương trình")
    items.nth(2).get_by_role("button", name="Đưa mục 3 xuống").click()
    expect(items.nth(3)).to_contain_text(key.title)
    assert page.url == url  # in place, no reload

    search = page.get_by_label("Tìm vấn đề (từ khóa hoặc số #)")
    search.fill("sat lo taluy")
    search.press("Enter")  # the form's submit trigger, whatever became of the typing's delay
    results = page.get_by_test_id("issue-results")
    expect(results).to_contain_text(hidden.title)
    results.get_by_role("button", name=f"Thêm vấn đề #{hidden.pk}").click()
    expect(items).to_have_count(8)
    expect(items.last).to_contain_text(hidden.title)
    expect(page.get_by_test_id("agenda-total")).to_contain_text("90 / 90")

    page.get_by_role("button", name="Lập lại chương trình đề xuất").click()
    expect(page.get_by_role("heading", name="Lập lại chương trình đề xuất?")).to_be_visible()
    page.get_by_role("button", name="Xác nhận lập lại").click()
    expect(page.get_by_test_id("agenda-item").last).to_be_visible()
    issues = set(AgendaItem.objects.filter(round=round_).values_list("issue_id", flat=True))
    assert hidden.pk in issues and key.pk in issues  # manual changes kept


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 16), (30, 120, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.browser
def test_ward_officer_reports_on_a_task_with_evidence(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    round_ = _round()
    task = Task.objects.create(
        round=round_,
        group="UBND các xã, phường",
        organisation=Organisation.objects.get(unit=round_.unit, code="ubnd"),
        text="Mời tổ trưởng, trưởng thôn tham dự hội nghị",
    )
    log_in(page, "phuong")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/staff/doi-thoai/nhiem-vu/cua-toi/")
    page.get_by_role("link", name=task.text).click()
    page.get_by_label("Tiến độ thực hiện").fill("Đã mời 12 tổ trưởng")
    page.get_by_label("Phần việc của đơn vị bạn").select_option("in_progress")
    page.get_by_label("Minh chứng", exact=False).set_input_files(
        files=[{"name": "ghi-chu.txt", "mimeType": "text/plain", "buffer": b"not evidence"}]
    )
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("không phải ảnh (JPEG, PNG, WebP) hoặc PDF")
    assert not TaskUpdate.objects.filter(task=task).exists()

    page.get_by_label("Tiến độ thực hiện").fill("Đã mời 12 tổ trưởng")
    page.get_by_label("Minh chứng", exact=False).set_input_files(
        files=[{"name": "danh-sach.png", "mimeType": "image/png", "buffer": _png()}]
    )
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận tiến độ nhiệm vụ.")
    expect(page.get_by_test_id("task-update").first).to_contain_text("Đã mời 12 tổ trưởng")
    with page.expect_download() as download:
        page.get_by_test_id("evidence-link").click()
    assert download.value.suggested_filename == "danh-sach.png"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    update = TaskUpdate.objects.get(task=task)
    assert update.organisation.unit.code == "01840" and update.evidence_type == "image/png"
