"""The board's pages and actions: htmx answers swap a part in place, plain posts come back to the
same filtered page and anchor; query counts are pinned at demo size."""

import pytest

from doithoai.synthesis.models import Issue

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def officer_client(client, demo_user):
    client.force_login(demo_user("vanphong"))
    return client


BUDGET = 17


def test_themes_page_and_issues_page_query_budget(
    officer_client, demo_round, make_issue, django_assert_max_num_queries
):
    for k in range(30):
        make_issue(topic=("do_thi", "dat_dai", "moi_truong")[k % 3], n=2)
    url = f"/staff/tong-hop/{demo_round.pk}/"
    # Counted warm: the user's roles and area, kept by the process between requests.
    officer_client.get(url)
    with django_assert_max_num_queries(BUDGET):
        themes = officer_client.get(url)
    with django_assert_max_num_queries(BUDGET):
        issues = officer_client.get(url + "?view=issues&topic=do_thi")
    assert themes.status_code == issues.status_code == 200
    body = themes.content.decode()
    assert "Quản lý đô thị — " in body and 'name="issue"' in body
    assert issues.content.decode().count('data-testid="count"') == 10


def test_filter_request_from_htmx_answers_only_the_body(officer_client, demo_round, make_issue):
    make_issue(topic="dat_dai")
    response = officer_client.get(
        f"/staff/tong-hop/{demo_round.pk}/?part=body&topic=dat_dai", **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="board-body"' in body and "<html" not in body


def test_bulk_confirm_in_place_and_without_js(
    officer_client, demo_round, make_issue, django_assert_max_num_queries
):
    issues = [make_issue(topic="do_thi") for _ in range(6)]
    here = f"/staff/tong-hop/{demo_round.pk}/?view=issues&topic=do_thi&page=1"
    data = {"issue": [i.pk for i in issues[:3]], "action": "topic_confirm", "next": here}
    with django_assert_max_num_queries(30):
        response = officer_client.post("/staff/van-de/hang-loat/", data, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and 'id="board-body"' in body
    assert "Đã xác nhận lĩnh vực của 3 vấn đề." in body
    assert body.count('data-testid="topic-confirmed"') == 3
    data = {"issue": [i.pk for i in issues[3:]], "action": "title_confirm", "next": here}
    response = officer_client.post("/staff/van-de/hang-loat/", data)
    assert response.status_code == 302 and response["Location"] == here
    assert (
        Issue.objects.filter(pk__in=[i.pk for i in issues[3:]], title_confirmed=True).count() == 3
    )


def test_bulk_refuses_a_foreign_next_and_a_denied_role(client, demo_user, demo_round, make_issue):
    issue = make_issue()
    client.force_login(demo_user("vanphong"))
    data = {"issue": [issue.pk], "action": "title_confirm", "next": "https://evil.example/"}
    response = client.post("/staff/van-de/hang-loat/", data)
    assert response["Location"] == f"/staff/tong-hop/{demo_round.pk}/"
    client.force_login(demo_user("lanhdao"))
    issue2 = make_issue()
    response = client.post(
        "/staff/van-de/hang-loat/", {"issue": [issue2.pk], "action": "title_confirm"}
    )
    assert response.status_code == 302
    issue2.refresh_from_db()
    assert not issue2.title_confirmed
    client.force_login(demo_user("phuong"))
    response = client.post(
        "/staff/van-de/hang-loat/", {"issue": [issue2.pk], "action": "title_confirm"}
    )
    assert response.status_code == 404


def test_single_issue_title_edit_swaps_its_row(officer_client, make_issue):
    issue = make_issue()
    url = f"/staff/van-de/{issue.pk}/tieu-de/"
    response = officer_client.post(
        url, {"title": "Nhà tôi bị ngập, gọi 0912345678", "confirm": "1"}, **HTMX
    )
    body = response.content.decode()
    assert f'id="issue-{issue.pk}"' in body and "số điện thoại" in body
    issue.refresh_from_db()
    assert issue.title == "Đèn chiếu sáng công cộng, phường Đức Xuân"
    response = officer_client.post(url, {"title": issue.title, "confirm": "1"}, **HTMX)
    assert 'data-testid="title-confirmed"' in response.content.decode()
    response = officer_client.post(url, {"title": "Đèn chiếu sáng hỏng đường Kon Tum"})
    assert response.status_code == 302 and response["Location"].endswith(f"#issue-{issue.pk}")
    issue.refresh_from_db()
    assert issue.title == "Đèn chiếu sáng hỏng đường Kon Tum" and not issue.title_confirmed


def test_petitions_load_on_demand(officer_client, make_issue, demo_user, client):
    issue = make_issue(n=3)
    response = officer_client.get(f"/staff/van-de/{issue.pk}/kien-nghi/", **HTMX)
    body = response.content.decode()
    assert body.count('data-testid="petition-') == 3 and "<html" not in body
    page = officer_client.get(f"/staff/van-de/{issue.pk}/kien-nghi/")
    assert "<html" in page.content.decode()


def test_index_links_the_outside_rounds_board(officer_client, demo_round):
    body = officer_client.get("/staff/tong-hop/").content.decode()
    assert "Kiến nghị ngoài kỳ đối thoại — " in body
    assert officer_client.get(f"/staff/tong-hop/ngoai-ky/{demo_round.unit_id}/").status_code == 200


@pytest.mark.parametrize(("username", "status"), [("lanhdao", 200), ("phuong", 404)])
def test_outside_rounds_board_per_role(client, demo_user, demo_round, username, status):
    client.force_login(demo_user(username))
    assert client.get(f"/staff/tong-hop/ngoai-ky/{demo_round.unit_id}/").status_code == status


def test_bulk_without_a_selection_says_so_in_place(officer_client, demo_round):
    here = f"/staff/tong-hop/{demo_round.pk}/?view=issues"
    response = officer_client.post(
        "/staff/van-de/hang-loat/", {"action": "merge", "next": here}, **HTMX
    )
    assert response.status_code == 200
    assert "Hãy chọn ít nhất một vấn đề và một thao tác." in response.content.decode()


def test_a_whole_theme_gets_another_topic_in_place(officer_client, demo_round, make_issue):
    area = make_issue(topic="do_thi").area
    issues = [make_issue(topic="do_thi", area=area) for _ in range(2)]
    issues.append(Issue.objects.exclude(pk__in=[i.pk for i in issues]).get(area=area))
    page = officer_client.get(f"/staff/tong-hop/{demo_round.pk}/").content.decode()
    assert "Gộp cả chủ đề làm một" in page and "Đặt lĩnh vực" in page
    data = {
        "issue": [i.pk for i in issues],
        "action": "topic_set",
        "topic": "moi_truong",
        "next": f"/staff/tong-hop/{demo_round.pk}/",
    }
    body = officer_client.post("/staff/van-de/hang-loat/", data, **HTMX).content.decode()
    assert "Đã đặt lĩnh vực “Môi trường” cho 3 vấn đề." in body
    assert set(
        Issue.objects.filter(pk__in=[i.pk for i in issues]).values_list("topic__code", flat=True)
    ) == {"moi_truong"}
