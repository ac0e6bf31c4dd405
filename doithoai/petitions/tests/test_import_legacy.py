"""Ward sheets typed in TCVN3 (.VnTime) or VNI-Windows (VNI-Times) import as Unicode, through the
reader, the import page and the command, and the preview says what was converted."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import Workbook
from openpyxl.styles import Font

from doithoai.core.tests.test_legacy_text import to_tcvn3, to_vni
from doithoai.petitions.importing import read_table
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward

TITLE = ["ủy ban nhân dân phường đức xuân", "danh sách kiến nghị của cử tri"]
HEADER = ["STT", "Nội dung kiến nghị", "Họ và tên", "Tổ dân phố", "Ngày tiếp nhận"]
ROWS = [
    ["Đề nghị sửa đường ngõ 12 tổ 5 bị xuống cấp, đi lại khó khăn.", "Hoàng Văn Kiên", "Tổ 5"],
    ["Đèn chiếu sáng khu vực chợ bị hỏng nhiều tháng, đề nghị thay mới.", "Nông Thị Huệ", "Tổ 8"],
]
SIGNATURE = ["người lập biểu", "chủ tịch"]


def legacy_sheet(encoding: str) -> bytes:
    """Title rows in the capital font, the table in the text font, a signature block below."""
    encode, text_font, caps_font = {
        "tcvn3": (to_tcvn3, ".VnTime", ".VnTimeH"),
        "vni": (to_vni, "VNI-Times", "VNI-Times"),
    }[encoding]
    book = Workbook()
    sheet = book.active
    for line in TITLE:
        title = line if encoding == "tcvn3" else line.upper()  # .VnTimeH draws these as capitals
        sheet.append([encode(title)])
        sheet.cell(sheet.max_row, 1).font = Font(name=caps_font, bold=True)
    sheet.append([])
    sheet.append([encode(h) for h in HEADER])
    for n, (text, name, group) in enumerate(ROWS, start=1):
        sheet.append([n, encode(text), encode(name), encode(group), "05/09/2016"])
    sheet.append([])
    sheet.append([None, encode(SIGNATURE[0]), None, encode(SIGNATURE[1])])
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            if isinstance(cell.value, str):
                cell.font = Font(name=text_font)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("encoding", "label"), [("tcvn3", "TCVN3"), ("vni", "VNI")])
def test_the_reader_finds_the_header_and_converts_every_cell(encoding, label):
    data = legacy_sheet(encoding)
    assert "Nội dung".encode() not in data  # the file really holds legacy text
    table = read_table(data, "phuong.xlsx")
    assert table.header_row == 4
    assert [row.cells["text"] for row in table.rows] == [r[0] for r in ROWS]
    assert [row.cells["submitter_name"] for row in table.rows] == [r[1] for r in ROWS]
    assert any(label in w and "sang Unicode" in w for w in table.warnings), table.warnings


def test_a_legacy_csv_that_is_not_utf8_is_read_too():
    lines = [";".join(HEADER)]
    lines += [f"{n};{text};{name};{group};05/09/2016" for n, (text, name, group) in enumerate(ROWS)]
    table = read_table(to_tcvn3("\n".join(lines)).encode("latin-1"), "phuong.csv")
    assert [row.cells["text"] for row in table.rows] == [r[0] for r in ROWS]
    assert any("TCVN3" in w for w in table.warnings)


def test_a_signature_block_without_a_total_row_ends_the_table():
    table = read_table(legacy_sheet("tcvn3"), "phuong.xlsx")
    assert len(table.rows) == len(ROWS)


def test_the_import_page_previews_converted_text_and_imports_it(client, demo_user, counts):
    client.force_login(demo_user("phuong"))
    upload = io.BytesIO(legacy_sheet("tcvn3"))
    upload.name = "phuong.xlsx"
    before = counts()
    response = client.post(
        "/staff/kien-nghi/nhap/",
        {"unit": ward().pk, "channel": "phuong_xa", "file": upload, "action": "preview"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and counts() == before
    assert "TCVN3 (ABC)" in page and ROWS[0][0] in page
    commit = {"unit": ward().pk, "channel": "phuong_xa", "sha": response.context["sha"]}
    assert client.post("/staff/kien-nghi/nhap/", {**commit, "action": "commit"}).status_code == 302
    assert Petition.objects.filter(text=ROWS[1][0]).count() == 1


def test_the_command_imports_a_vni_sheet_as_unicode(tmp_path: Path, db, counts):
    path = tmp_path / "phuong-vni.xlsx"
    path.write_bytes(legacy_sheet("vni"))
    out = io.StringIO()
    call_command("import_petitions", str(path), "--unit", "01840", stdout=out)
    assert "VNI-Windows" in out.getvalue() and f"Đã nhập {len(ROWS)} kiến nghị" in out.getvalue()
    assert Petition.objects.filter(text=ROWS[0][0], submitter_name=ROWS[0][1]).count() == 1


def test_text_pasted_from_a_legacy_file_reaches_the_api_as_unicode(client, demo_user):
    import json

    from doithoai.accounts.services import api_token_create

    user = demo_user("phuong")
    key = api_token_create(actor=user, user=user, name="test")[1]
    body = {
        "text": to_tcvn3(ROWS[0][0]),
        "unit_id": ward().pk,
        "channel": "phuong_xa",
        "submitter_name": to_vni("Hoàng Văn Kiên"),
        "place": "Tổ 5",  # Unicode stays as it is
    }
    response = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 201, response.content
    petition = Petition.objects.get(pk=response.json()["id"])
    assert (petition.text, petition.submitter_name, petition.place) == (
        ROWS[0][0],
        "Hoàng Văn Kiên",
        "Tổ 5",
    )
