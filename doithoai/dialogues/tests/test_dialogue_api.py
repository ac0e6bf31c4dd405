"""The dialogues API: a screen follows the conference; the policies apply."""

import datetime

import pytest

from doithoai.dialogues.services import agenda_build, speaker_request


@pytest.fixture
def api(client, demo_user):
    def login(username):
        client.force_login(demo_user(username))
        return client

    return login


def test_rounds_and_agenda_for_mttq_who_reads_everything(api, round_, issues, demo_user):
    agenda_build(actor=demo_user("vanphong"), round_=round_)
    c = api("mttq")
    rounds = c.get("/api/v1/dialogues/rounds").json()
    assert round_.pk in [r["id"] for r in rounds]
    agenda = c.get(f"/api/v1/dialogues/rounds/{round_.pk}/agenda").json()
    assert len(agenda) == len(issues) + 2 and agenda[0]["position"] == 1  # + 2 opening reports
    assert c.get(f"/api/v1/dialogues/rounds/{round_.pk}/statements").status_code == 200


def test_speakers_and_statements_flow(api, round_, issues):
    c = api("lanhdao")
    made = c.post(
        f"/api/v1/dialogues/rounds/{round_.pk}/speakers",
        {"name": "Bế Văn Lợi"},
        content_type="application/json",
    )
    assert made.status_code == 201
    sid = made.json()["id"]
    started = c.post(
        f"/api/v1/dialogues/rounds/{round_.pk}/speakers/{sid}/state",
        {"state": "speaking"},
        content_type="application/json",
    )
    assert started.json()["state"] == "speaking"
    body = {
        "text": "Đề nghị đẩy nhanh bồi thường.",
        "speaker_id": sid,
        "issue_id": issues[1].pk,
        "answer": "Sẽ chi trả trong tháng 10.",
        "answered_by": "qldt",
        "directive_text": "Giao Ban GPMB hoàn thành chi trả.",
        "directive_assignee": "gpmb",
        "directive_deadline": "2016-10-31",
    }
    st = c.post(
        f"/api/v1/dialogues/rounds/{round_.pk}/statements", body, content_type="application/json"
    )
    assert st.status_code == 201, st.content
    out = st.json()
    assert out["speaker_name"] == "Bế Văn Lợi" and out["directive_deadline"] == "2016-10-31"
    assert out["directive_assignee"] == "Ban Bồi thường, giải phóng mặt bằng"
    listed = c.get(f"/api/v1/dialogues/rounds/{round_.pk}/statements").json()
    assert [s["id"] for s in listed] == [out["id"]]


def test_press_and_mttq_cannot_record(api, round_, demo_user):
    for username in ("baochi", "mttq"):
        c = api(username)
        r = c.post(
            f"/api/v1/dialogues/rounds/{round_.pk}/statements",
            {"text": "x", "speaker_name": "A"},
            content_type="application/json",
        )
        assert r.status_code == 403
        assert r["Content-Type"].startswith("application/problem+json")
    assert not round_.statements.exists()


def test_anonymous_gets_401_and_a_missing_round_404(client, api, round_, demo_user):
    speaker_request(actor=demo_user("vanphong"), round_=round_, name="A")
    assert client.get(f"/api/v1/dialogues/rounds/{round_.pk}/speakers").status_code == 401
    c = api("vanphong")
    assert c.get("/api/v1/dialogues/rounds/999999/speakers").status_code == 404
    assert [s["name"] for s in c.get(f"/api/v1/dialogues/rounds/{round_.pk}/speakers").json()] == [
        "A"
    ]


def test_statement_list_query_count_does_not_grow(
    api, round_, issues, demo_user, django_assert_max_num_queries
):
    from doithoai.dialogues.services import statement_record
    from doithoai.units.models import Organisation

    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    for n in range(6):
        statement_record(
            actor=demo_user("vanphong"),
            round_=round_,
            speaker_name=f"Đại biểu {n}",
            issue=issues[n % 3],
            text="Ý kiến",
            answer="Trả lời",
            answered_by=qldt,
            directive_text="Giao xử lý",
            directive_assignee=qldt,
            directive_deadline=datetime.date(2016, 10, 30),
        )
    c = api("mttq")
    with django_assert_max_num_queries(12):
        rows = c.get(f"/api/v1/dialogues/rounds/{round_.pk}/statements").json()
    assert len(rows) == 6


def test_staff_home_links_to_the_rounds(client, demo_user):
    client.force_login(demo_user("vanphong"))
    assert "/staff/doi-thoai/" in client.get("/staff/").content.decode()
