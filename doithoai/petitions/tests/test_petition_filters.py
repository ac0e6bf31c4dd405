"""One filter definition for the staff list, its XLSX export and the API: the same filters read
from the page's form and from the API's query select the same petitions, and the export records
them."""

import io

import pytest
from django.http import QueryDict
from openpyxl import load_workbook

from doithoai.core.models import Event
from doithoai.petitions.choices import Channel, LegalKind
from doithoai.petitions.filters import NO_ROUND, PetitionFilters
from doithoai.petitions.forms import FilterForm
from doithoai.petitions.selectors import petition_list_visible_to
from doithoai.petitions.tests.factories import PetitionFactory, ward

PAGE = {
    "q": "cống thoát nước",
    "round": NO_ROUND,
    "channel": Channel.HOTLINE,
    "legal_kind": LegalKind.PHAN_ANH,
    "date_from": "2016-01-01",
    "sort": "old",
}
API = {
    "q": "cống thoát nước",
    "no_round": "true",
    "channel": Channel.HOTLINE,
    "legal_kind": LegalKind.PHAN_ANH,
    "date_from": "2016-01-01",
    "oldest_first": "true",
}


@pytest.fixture
def petitions(db):
    text = "Phản ánh cống thoát nước tổ 4 bị tắc, nước tràn ra đường."
    kw = {"round": None, "channel": Channel.HOTLINE, "legal_kind": LegalKind.PHAN_ANH}
    return {
        "match": [PetitionFactory(text=text, **kw), PetitionFactory(text=text, **kw)],
        "other_channel": PetitionFactory(text=text, **{**kw, "channel": Channel.WEB}),
        "other_words": PetitionFactory(text="Đèn đường tổ 4 không sáng.", **kw),
        "other_kind": PetitionFactory(text=text, **{**kw, "legal_kind": LegalKind.KIEN_NGHI}),
        "elsewhere": PetitionFactory(text=text, unit=ward("01852"), **kw),
    }


def test_the_form_and_the_api_query_read_the_same_filters(db):
    form = FilterForm(QueryDict(mutable=True) | PAGE, units=[], rounds=[])
    assert form.is_valid(), form.errors
    from_page = PetitionFilters.from_form(form.cleaned_data)
    from_api = PetitionFilters.model_validate(API)
    assert from_page == from_api
    assert from_page.used() == {
        "q": "cống thoát nước",
        "no_round": "True",
        "channel": Channel.HOTLINE,
        "legal_kind": LegalKind.PHAN_ANH,
        "date_from": "2016-01-01",
        "oldest_first": "True",
    }
    assert PetitionFilters.from_form(None) == PetitionFilters()


def test_page_export_and_api_select_the_same_petitions(client, demo_user, petitions):
    user = demo_user("phuong")  # Đức Xuân only: the petition elsewhere is not theirs
    client.force_login(user)
    expected = {p.code for p in petitions["match"]}

    page = client.get("/staff/kien-nghi/", PAGE)
    assert {row.code for row in page.context["rows"]} == expected

    api = client.get("/api/v1/petitions", API)
    assert api.status_code == 200, api.content
    assert {item["code"] for item in api.json()["items"]} == expected

    export = client.get("/staff/kien-nghi/xuat.xlsx", PAGE)
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    codes = {row[0].value for row in sheet.iter_rows(min_row=2)}
    assert codes == expected
    event = Event.objects.filter(action="petitions.exported").latest("id")
    assert event.after["rows"] == len(expected)
    assert event.after["filters"] == PetitionFilters.model_validate(API).used()

    selected = petition_list_visible_to(user=user, filters=PetitionFilters.model_validate(API))
    assert {p.code for p in selected.items} == expected
    assert [p.created_at for p in selected.items] == sorted(p.created_at for p in selected.items)
