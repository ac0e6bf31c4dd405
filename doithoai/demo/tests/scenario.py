"""One petition carried through a whole round in a real browser, on the full demo: the public
form, synthesis, the agenda, bulk assignment, draft → head → leader → publication, the
petitioner's lookup and reopen, a second answer, resolution, MTTQ verification and closing.

`walk_round(page)` is the scenario; the browser test runs it on both databases."""

import re
from typing import Any

from playwright.sync_api import expect

from conftest import log_in
from doithoai.demo.round2 import second_round
from doithoai.dialogues.models import AgendaItem
from doithoai.followup.models import Answer
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState

TEXT = (
    "Đoạn vỉa hè đường Nguyễn Văn Tố gần chợ phường Đức Xuân bị các hộ kinh doanh lấn chiếm bày "
    "hàng hóa, người đi bộ phải đi xuống lòng đường rất nguy hiểm, đề nghị kiểm tra xử lý."
)
TITLE = "Lấn chiếm vỉa hè đường Nguyễn Văn Tố, phường Đức Xuân"
FIRST_ANSWER = (
    "Phòng Quản lý đô thị đã phối hợp với UBND phường Đức Xuân kiểm tra, nhắc nhở các hộ kinh "
    "doanh trên đường Nguyễn Văn Tố không bày hàng hóa trên vỉa hè."
)
SECOND_ANSWER = (
    "Phòng Quản lý đô thị đã lập biên bản, xử phạt các trường hợp tái phạm và giao tổ công tác "
    "của phường kiểm tra hằng ngày đoạn vỉa hè đường Nguyễn Văn Tố."
)
NAME, PHONE = "Hà Thị Nguyệt", "0968123456"


def _submit_from_the_public_form(page: Any) -> str:
    page.context.clear_cookies()
    page.goto("/")
    page.get_by_role("link", name="Gửi kiến nghị, phản ánh").first.click()
    page.get_by_label("Phường, xã nơi xảy ra vụ việc").select_option(label="Phường Đức Xuân")
    page.get_by_label("Thôn, tổ dân phố").fill("Tổ 5")
    page.get_by_label("Nội dung kiến nghị, phản ánh").fill(TEXT)
    page.get_by_label("Họ và tên").fill(NAME)
    page.get_by_label("Số điện thoại").fill(PHONE)
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Gửi kiến nghị").click()
    page.wait_for_url("**/da-gui/")
    round_ = second_round()
    assert round_ is not None
    assert round_.title in page.get_by_test_id("round-note").inner_text()
    return page.get_by_test_id("code").inner_text().strip()


def _synthesise_and_review(page: Any, round_id: int, petition: Petition) -> Issue:
    log_in(page, "vanphong")
    page.goto(f"/staff/tong-hop/{round_id}/")
    page.get_by_role("button", name="Chạy tổng hợp, phân loại").click()
    # Immediate in tests; with a worker the status line refreshes itself until the run is done.
    expect(page.get_by_test_id("run-state")).to_have_text("Hoàn thành", timeout=90_000)
    petition.refresh_from_db()
    issue = petition.issue_link.issue
    assert issue.round_id == round_id
    page.goto(f"/staff/tong-hop/{round_id}/?view=issues&q=nguyen van to")
    row = page.get_by_test_id(f"issue-{issue.pk}")
    row.get_by_label("Lĩnh vực").select_option(value="do_thi")
    row.get_by_role("button", name="Xác nhận lĩnh vực").click()
    row = page.get_by_test_id(f"issue-{issue.pk}")
    row.get_by_test_id("topic-confirmed").wait_for()
    row.get_by_label("Tiêu đề").fill(TITLE)
    row.get_by_role("button", name="Lưu và xác nhận tiêu đề").click()
    page.get_by_test_id(f"issue-{issue.pk}").get_by_test_id("title-confirmed").wait_for()
    issue.refresh_from_db()
    assert (issue.title, issue.title_confirmed, issue.topic_confirmed) == (TITLE, True, True)
    return issue


def _put_on_the_agenda(page: Any, round_id: int, issue: Issue) -> None:
    page.goto(f"/staff/doi-thoai/{round_id}/chuong-trinh/")
    page.get_by_role("button", name="Lập chương trình đề xuất").click()
    builder = page.locator("#agenda-builder")
    expect(builder).to_contain_text("Báo cáo")
    page.get_by_label("Tìm vấn đề (từ khóa hoặc số #)").fill(f"#{issue.pk}")
    page.get_by_role("button", name="Tìm").click()
    results = page.get_by_test_id("issue-results")
    expect(results).to_contain_text(f"#{issue.pk}")
    add = results.get_by_role("button", name=f"Thêm vấn đề #{issue.pk}")
    if add.count():
        add.click()
    expect(page.locator("#agenda-items")).to_contain_text(TITLE)
    assert AgendaItem.objects.filter(round_id=round_id, issue=issue).exists()


def _assign_in_bulk(page: Any, round_id: int, issue: Issue) -> str:
    page.goto(f"/staff/tong-hop/{round_id}/?view=issues&q=nguyen van to")
    page.get_by_label(f"Chọn vấn đề #{issue.pk}").check()
    page.get_by_role("button", name="Giao cơ quan đề xuất").click()
    page.get_by_test_id("bulk-confirm").click()
    page.wait_for_load_state()
    assignment = issue.assignments.get()
    assert assignment.lead.code == "qldt"
    return f"/staff/theo-doi/giao/{assignment.pk}/"


def _answer_and_publish(page: Any, assignment_url: str, text: str) -> None:
    log_in(page, "chuyenvien")
    page.goto(assignment_url)
    assert TEXT[:40] in page.get_by_test_id("petitions").inner_text()
    page.locator("textarea[name=text]").fill(text)
    page.get_by_test_id("save-draft").click()
    page.get_by_test_id("submit-answer").click()
    log_in(page, "truongphong")
    page.goto("/staff/theo-doi/?ds=duyet")
    page.get_by_role("link", name=re.compile(re.escape(TITLE))).first.click()
    page.get_by_test_id("approve").click()
    log_in(page, "lanhdao")
    page.goto(assignment_url)
    page.get_by_test_id("approve").click()
    log_in(page, "vanphong")
    page.goto(assignment_url)
    page.get_by_test_id("publish").click()
    page.get_by_test_id("publish-confirm").check()
    page.get_by_test_id("publish-submit").click()
    page.wait_for_load_state()
    latest = Answer.objects.filter(text=text).latest("id")
    expect(page.get_by_test_id(f"answer-{latest.pk}").get_by_test_id("answer-state")).to_have_text(
        "Đã gửi và công khai"
    )


def _look_up_and_reopen(page: Any, code: str) -> None:
    page.context.clear_cookies()
    page.goto("/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(code)
    page.get_by_role("button", name="Tra cứu").click()
    assert FIRST_ANSWER in page.content()
    assert NAME not in page.content() and PHONE not in page.content()
    page.get_by_test_id("reopen-form").wait_for()  # on the lookup's answer: the code is posted
    page.locator("textarea[name=reason]").fill(
        "Hàng quán vẫn bày trên vỉa hè vào buổi tối, chưa được giải quyết."
    )
    page.get_by_role("button", name=re.compile("Gửi")).click()
    page.get_by_test_id("done").wait_for()


def walk_round(page: Any) -> None:
    round_ = second_round()
    assert round_ is not None and round_.petitions.count() > 0
    code = _submit_from_the_public_form(page)
    petition = Petition.objects.get(code=code)
    assert petition.round_id == round_.pk

    issue = _synthesise_and_review(page, round_.pk, petition)
    _put_on_the_agenda(page, round_.pk, issue)
    assignment_url = _assign_in_bulk(page, round_.pk, issue)
    _answer_and_publish(page, assignment_url, FIRST_ANSWER)
    issue.refresh_from_db()
    assert issue.state == IssueState.ANSWERED

    _look_up_and_reopen(page, code)
    issue.refresh_from_db()
    assert issue.state == IssueState.ASSIGNED

    _answer_and_publish(page, assignment_url, SECOND_ANSWER)
    page.goto(assignment_url)
    page.locator("textarea[name=note]").fill(
        "Đã lập biên bản, xử phạt và bố trí kiểm tra hằng ngày; vỉa hè đã thông thoáng."
    )
    page.get_by_test_id("resolve").click()
    page.wait_for_load_state()
    issue.refresh_from_db()
    assert issue.state == IssueState.RESOLVED

    log_in(page, "mttq")
    page.goto("/staff/theo-doi/?ds=xac-nhan")
    page.get_by_test_id(f"remark-{issue.pk}").fill("Đã kiểm tra thực tế, vỉa hè thông thoáng.")
    page.get_by_test_id(f"verified-{issue.pk}").click()
    page.wait_for_load_state()
    issue.refresh_from_db()
    assert issue.state == IssueState.CLOSED

    page.context.clear_cookies()
    page.goto(f"/ket-qua/{round_.pk}/?q=nguyen van to")
    board = page.content()
    assert TITLE in board and SECOND_ANSWER in board
    assert NAME not in board and PHONE not in board
