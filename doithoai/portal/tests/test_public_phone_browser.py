"""The public face in a browser: the home page announces a round and leads to its notice and the
petition form; every public page fits a 390 px phone screen, the results table becomes cards,
landmarks are there and every form field has a label."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from doithoai.accounts.models import User
from doithoai.demo.petitions import ROUND_TITLE
from doithoai.dialogues.models import Round, RoundState
from doithoai.followup import services
from doithoai.followup.choices import AnswerState
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

PHONE = {"width": 390, "height": 844}
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden' && el.offsetParent !== null
                && !el.closest('[aria-hidden="true"]'))
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.name || el.id || el.outerHTML.slice(0, 60))"""


def _announced(demo: Round) -> Round:
    Round.objects.exclude(pk=demo.pk).filter(state=RoundState.ANNOUNCED).update(
        state=RoundState.DRAFT
    )
    return Round.objects.create(
        unit=demo.unit,
        organisation=demo.organisation,
        title="Đối thoại trực tiếp của Lãnh đạo phường với Nhân dân năm 2026",
        starts_at=timezone.now() + datetime.timedelta(days=20),
        venue="Hội trường UBND phường Đức Xuân, số 1 đường Trường Chinh",
        intake_deadline=timezone.localdate() + datetime.timedelta(days=10),
        open_seats=30,
        state=RoundState.ANNOUNCED,
    )


def _published_issue(demo: Round) -> tuple[Issue, str]:
    users = {u.username: u for u in User.objects.all()}
    qldt = Organisation.objects.get(unit=demo.unit, code="qldt")
    petitions = list(Petition.objects.filter(round=demo).exclude(submitter_name="")[:2])
    issue = Issue.objects.create(
        round=demo,
        unit=demo.unit,
        title="Ngập úng kéo dài trên đường Trường Chinh, phường Đức Xuân, mỗi khi mưa lớn",
        title_confirmed=True,
    )
    for petition in petitions:
        IssueMembership.objects.create(petition=petition, issue=issue)
    assignment = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(
        actor=users["chuyenvien"],
        assignment=assignment,
        text="Phòng Quản lý đô thị đã nạo vét toàn bộ tuyến cống thoát nước dọc đường "
        "Trường Chinh (tổ 1 đến tổ 9) trong tháng 10/2016 và sẽ kiểm tra lại sau mùa mưa.",
    )
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
    answer.refresh_from_db()
    if answer.state == AnswerState.HEAD_APPROVED:
        services.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
        answer.refresh_from_db()
    services.answer_publish(actor=users["vanphong"], answer=answer)
    return issue, petitions[0].code


@pytest.mark.browser
def test_home_announces_the_round_and_leads_to_its_notice_and_the_form(page):
    demo = Round.objects.get(title=ROUND_TITLE)
    announced = _announced(demo)
    page.goto("/")
    card = page.get_by_test_id(f"announced-{announced.pk}")
    expect(card.get_by_role("heading", name=announced.title)).to_be_visible()
    expect(card).to_contain_text("Hội trường UBND phường Đức Xuân")
    expect(card.get_by_test_id("deadline")).to_have_text(
        announced.intake_deadline.strftime("%d/%m/%Y")
    )
    card.get_by_role("link", name="Bản thông báo để in").click()
    page.wait_for_url(re.compile(rf"/doi-thoai/{announced.pk}/thong-bao/"))
    expect(page.locator("body")).to_contain_text(announced.title)
    page.go_back()
    page.get_by_test_id(f"announced-{announced.pk}").get_by_role(
        "link", name="Gửi kiến nghị trực tuyến"
    ).click()
    page.wait_for_url(re.compile(r"/gui-kien-nghi/"))


@pytest.mark.browser
def test_every_public_page_fits_a_phone_and_the_board_becomes_cards(page):
    demo = Round.objects.get(title=ROUND_TITLE)
    announced = _announced(demo)
    issue, code = _published_issue(demo)
    page.set_viewport_size(PHONE)
    urls = [
        "/",
        reverse("portal-results"),
        reverse("portal-board", args=[demo.pk]),
        reverse("portal-issue", args=[demo.pk, issue.pk]),
        reverse("dialogue-public", args=[announced.pk]),
        reverse("dialogue-notice", args=[announced.pk]),
        reverse("dialogue-public", args=[demo.pk]),
        reverse("petition-new-public"),
        reverse("petition-lookup"),
        reverse("followup-feedback"),
        "/khong-co-trang-nay/",
    ]
    too_wide, unlabelled, no_main = {}, {}, []
    for url in urls:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width
        if url != reverse("dialogue-notice", args=[announced.pk]):  # a sheet to print
            if (
                page.locator("main").count() != 1
                or page.locator("header[role=banner]").count() != 1
            ):
                no_main.append(url)
            missing = page.evaluate(UNLABELLED)
            if missing:
                unlabelled[url] = missing
    # The lookup's answer (the code is posted, never in a URL), with its reopen form.
    page.goto(reverse("petition-lookup"))
    page.get_by_label("Mã tra cứu").fill(code)
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_test_id("reopen-form").wait_for()
    if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
        too_wide["lookup answer"] = page.evaluate("document.documentElement.scrollWidth")
    if page.evaluate(UNLABELLED):
        unlabelled["lookup answer"] = page.evaluate(UNLABELLED)
    assert too_wide == {}
    assert no_main == []
    assert unlabelled == {}

    page.goto(reverse("portal-board", args=[demo.pk]))
    row = page.get_by_test_id(f"issue-{issue.pk}")
    assert row.evaluate("el => getComputedStyle(el).display") == "block"
    assert row.evaluate("el => el.getBoundingClientRect().right") <= PHONE["width"]
    expect(row).to_contain_text("Phòng Quản lý đô thị đã nạo vét")
    row.get_by_role("link", name=issue.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(issue.title)

    page.set_viewport_size({"width": 1280, "height": 800})  # a desktop keeps the table
    page.goto(reverse("portal-board", args=[demo.pk]))
    row = page.get_by_test_id(f"issue-{issue.pk}")
    assert row.evaluate("el => getComputedStyle(el).display") == "table-row"
