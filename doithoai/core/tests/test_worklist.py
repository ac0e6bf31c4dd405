"""'Việc đang chờ bạn' on the staff home: the registry (core), the lines dialogues, synthesis and
petitions register (follow-up's own lines: followup/tests/test_worklist.py), the empty state, the
query budget, and in a browser on the full demo each working role finds its work."""

import datetime
import re

import pytest
from django.utils import timezone

from doithoai.core import worklist
from doithoai.core.worklist import WorkItem, worklist_for, worklist_register
from doithoai.dialogues.models import PressQuestion, Round, RoundState, Task, TaskState
from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.petitions.tests.factories import ward as ward_unit
from doithoai.synthesis.models import Issue

ROLES = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "baochi", "quantri"]
EMPTY = "Không có việc nào đang chờ."


@pytest.fixture
def demo_round(db):
    return Round.objects.get(unit__code="058")


def _by_url(user):
    return {item.url: item.count for item in worklist_for(user)}


def _work_html(client, user):
    client.force_login(user)
    response = client.get("/staff/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('data-testid="worklist"')
    return html[start : html.index("</section>", start)]


# --- the registry ------------------------------------------------------------------------


def test_registry_keeps_lines_with_work_in_the_providers_order(monkeypatch, demo_user):
    monkeypatch.setattr(worklist, "_SOURCES", {})
    worklist_register("late", lambda user: [WorkItem("muộn", 2, "/b/")], order=50)
    worklist_register(
        "early", lambda user: [WorkItem("không có", 0, "/x/"), WorkItem("sớm", 1, "/a/")], order=5
    )
    assert [(i.label, i.count, i.url) for i in worklist_for(demo_user("vanphong"))] == [
        ("sớm", 1, "/a/"),
        ("muộn", 2, "/b/"),
    ]
    worklist_register("late", lambda user: [], order=50)  # the same key replaces
    assert [i.url for i in worklist_for(demo_user("vanphong"))] == ["/a/"]


def test_anonymous_has_no_work_and_the_staff_home_needs_login(client):
    from django.contrib.auth.models import AnonymousUser

    assert worklist_for(AnonymousUser()) == []
    assert client.get("/staff/").status_code == 302


def test_every_app_registered_its_provider():
    assert {"followup", "synthesis", "dialogues", "petitions"} <= set(worklist._SOURCES)


# --- the page ----------------------------------------------------------------------------


def test_role_without_work_sees_the_empty_state(client, demo_user):
    html = _work_html(client, demo_user("chuyenvien"))
    assert "Việc đang chờ bạn" in html and EMPTY in html
    assert 'data-testid="work-item"' not in html


def test_page_shows_count_label_and_link(client, demo_user):
    user = demo_user("phuong")
    [tasks] = [i for i in worklist_for(user) if i.url == "/staff/doi-thoai/nhiem-vu/cua-toi/"]
    html = _work_html(client, user)
    assert EMPTY not in html
    assert (
        f'<a href="/staff/doi-thoai/nhiem-vu/cua-toi/"><strong data-testid="work-count">'
        f"{tasks.count}</strong> {tasks.label}</a>" in html
    )


@pytest.mark.parametrize("name", ROLES)
def test_staff_home_query_budget(client, demo_user, name, django_assert_max_num_queries):
    user = demo_user(name)
    client.force_login(user)
    client.get("/staff/")  # the process's caches (unit tree, areas) filled once
    with django_assert_max_num_queries(16):
        response = client.get("/staff/")
    assert response.status_code == 200


# --- dialogues: plan tasks, a round to conclude, the press ------------------------------


def test_open_plan_tasks_are_counted_until_done(demo_user, demo_round):
    from doithoai.dialogues.selectors import tasks_of

    ward = demo_user("phuong")
    mine = tasks_of(user=ward)
    open_count = mine.filter(state__in=[TaskState.OPEN, TaskState.IN_PROGRESS]).count()
    assert open_count > 0
    assert _by_url(ward)["/staff/doi-thoai/nhiem-vu/cua-toi/"] == open_count
    Task.objects.filter(pk__in=mine.values("pk")).update(state=TaskState.DONE)
    assert "/staff/doi-thoai/nhiem-vu/cua-toi/" not in _by_url(ward)
    assert "/staff/doi-thoai/nhiem-vu/cua-toi/" not in _by_url(demo_user("baochi"))


def test_leader_sees_a_held_round_to_conclude(demo_user, demo_round):
    leader = demo_user("lanhdao")
    conclude = f"/staff/doi-thoai/{demo_round.pk}/ket-luan/"
    assert conclude not in _by_url(leader)
    Round.objects.filter(pk=demo_round.pk).update(state=RoundState.HELD)
    assert _by_url(leader)[conclude] == 1
    for name in ("vanphong", "mttq", "truongphong"):  # only a leader concludes
        assert conclude not in _by_url(demo_user(name)), name


def test_press_sees_announced_rounds_and_its_unanswered_questions(demo_user, demo_round):
    press = demo_user("baochi")
    public = f"/doi-thoai/{demo_round.pk}/"
    assert _by_url(press) == {public: 1}
    question = PressQuestion.objects.create(
        round=demo_round, asked_by=press, outlet="Báo Bắc Kạn", question="Khi nào sửa đường?"
    )
    assert _by_url(press) == {public: 1, f"/staff/doi-thoai/{demo_round.pk}/hoi-nghi/": 1}
    question.answer = "Trong quý IV."
    question.save()
    Round.objects.filter(pk=demo_round.pk).update(state=RoundState.HELD)
    assert _by_url(press) == {}
    assert public not in _by_url(demo_user("vanphong"))


# --- synthesis: issues to review on the board of a collecting round --------------------


def test_review_line_counts_unconfirmed_issues_of_a_collecting_round(demo_user, demo_round):
    board = f"/staff/tong-hop/{demo_round.pk}/?view=issues&review=1"
    kw = {"round": demo_round, "unit": demo_round.unit}
    Issue.objects.create(title="Chưa xác nhận", **kw)
    Issue.objects.create(title="Lĩnh vực chưa xác nhận", title_confirmed=True, **kw)
    Issue.objects.create(title="Đã xác nhận", title_confirmed=True, topic_confirmed=True, **kw)
    for name in ("vanphong", "mttq"):
        assert _by_url(demo_user(name))[board] == 2, name
    for name in ("lanhdao", "chuyenvien", "phuong", "baochi"):  # they do not review
        assert board not in _by_url(demo_user(name)), name
    Round.objects.filter(pk=demo_round.pk).update(state=RoundState.HELD)  # no longer collecting
    assert board not in _by_url(demo_user("vanphong"))


# --- petitions: a ward's petitions of the week ------------------------------------------


def test_ward_officer_counts_petitions_received_this_week(demo_user):
    ward = demo_user("phuong")
    today = timezone.localdate()
    since = today - datetime.timedelta(days=6)
    url = f"/staff/kien-nghi/?date_from={since.isoformat()}"
    before = _by_url(ward).get(url, 0)
    PetitionFactory(received_on=today)
    PetitionFactory(received_on=since)
    PetitionFactory(received_on=today - datetime.timedelta(days=7))  # older than a week
    PetitionFactory(received_on=today, unit=ward_unit("01843"))  # Phùng Chí Kiên
    assert _by_url(ward)[url] == before + 2
    for name in ("vanphong", "chuyenvien", "lanhdao"):  # not ward officers
        assert url not in _by_url(demo_user(name)), name


# --- in a browser, on the full demo ------------------------------------------------------

# Each role: a work line and, on the page it links to, the rows that list that work.
BROWSER_ROLES = {
    "truongphong": ("ds=cho-duyet", '[data-testid^="answer-row-"]'),
    "lanhdao": ("ds=lanh-dao-duyet", '[data-testid^="answer-row-"]'),
    "mttq": ("ds=xac-nhan", '[data-testid^="verify-"]'),
    "chuyenvien": ("ds=viec", '[data-testid^="assignment-"]'),
    "phuong": ("nhiem-vu/cua-toi", '[data-testid="my-task"]'),
}


@pytest.mark.browser
def test_each_working_role_finds_its_work_on_the_full_demo(page):
    from conftest import log_in
    from doithoai.demo.full import load_full_demo

    load_full_demo()
    for name, (href_part, rows) in BROWSER_ROLES.items():
        log_in(page, name)
        panel = page.get_by_role("region", name="Việc đang chờ bạn")
        line = panel.locator(f'a[href*="{href_part}"]').first
        count = int(line.get_by_test_id("work-count").inner_text())
        assert count > 0, name
        line.click()
        page.wait_for_url(re.compile(re.escape(href_part)))
        assert page.locator(rows).count() >= min(count, 1), name
        if href_part.startswith("ds=") and name != "chuyenvien":
            # the tab counts the same list the line counted
            tab = page.get_by_test_id(f"tab-{href_part[3:]}").inner_text()
            assert tab.endswith(f"({count})"), (name, tab)
