"""Spreadsheet import through the page and the command: preview, all-or-nothing, no duplicates."""

import io
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from doithoai.petitions.models import ImportBatch, Petition
from doithoai.petitions.tests.factories import ward


def ward_file(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["UBND PHƯỜNG ĐỨC XUÂN"])
    sheet.append(["DANH SÁCH KIẾN NGHỊ"])
    sheet.append(
        ["STT", "Nội dung kiến nghị", "Họ và tên", "SĐT", "Tổ/thôn", "Ngày tiếp nhận", "Phường/xã"]
    )
    for i, row in enumerate(rows, 1):
        sheet.append([i, *row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    [
        "Đề nghị sửa đèn đường tổ 8 bị hỏng lâu ngày.",
        "Lý Văn Một",
        "0912000111",
        "Tổ 8",
        "01/09/2016",
        "Đức Xuân",
    ],
    ["Cong thoat nuoc to 9 bi tac, de nghi nao vet.", "Ma Thi Hai", "", "Tổ 9", "02/09/2016", ""],
]


def upload(client, data: bytes, **extra):
    f = io.BytesIO(data)
    f.name = "phuong.xlsx"
    return client.post(
        "/staff/kien-nghi/nhap/",
        {"unit": ward().pk, "channel": "phuong_xa", "file": f, "action": "preview", **extra},
    )


def test_preview_writes_nothing_then_commit_writes_every_row_once(client, demo_user, counts):
    client.force_login(demo_user("phuong"))
    before = counts()
    response = upload(client, ward_file(GOOD))
    assert response.status_code == 200 and counts() == before
    sha = response.context["sha"]
    commit = {"unit": ward().pk, "channel": "phuong_xa", "sha": sha, "action": "commit"}
    assert client.post("/staff/kien-nghi/nhap/", commit).status_code == 302
    assert counts()[0] == before[0] + 2
    made = Petition.objects.filter(text__startswith="Đề nghị sửa đèn đường tổ 8").get()
    assert (
        made.submitter_name == "Lý Văn Một"
        and str(made.received_on) == "2016-09-01"
        and made.place == "Tổ 8"
    )
    assert made.channel == "phuong_xa" and made.collected_by.username == "phuong"
    again = client.post("/staff/kien-nghi/nhap/", commit)
    assert again.status_code == 400 and "đã được nhập" in again.content.decode()
    assert counts()[0] == before[0] + 2 and ImportBatch.objects.count() == 1


def test_one_bad_row_imports_no_row_and_names_the_row(client, demo_user, counts):
    client.force_login(demo_user("phuong"))
    rows = [*GOOD, ["Ngắn", "X", "12ab", "", "31/02/2016", "Sông Cầu"]]
    before = counts()
    response = upload(client, ward_file(rows))
    body = response.content.decode()
    assert response.status_code == 400
    assert "<td>6</td>" in body  # the bad row is Excel row 6 (two title rows, one header)
    assert "31/02/2016" in body and "không thuộc địa bàn" in body
    commit = {
        "unit": ward().pk,
        "channel": "phuong_xa",
        "sha": response.context["sha"],
        "action": "commit",
    }
    client.post("/staff/kien-nghi/nhap/", commit)
    assert counts() == before


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\x89PNG\r\n\x1a\nnot a sheet", "không phải bảng tính"),
        (b"PK\x03\x04broken zip", "bảng tính"),
        ("Họ tên,SĐT\nA,1\n".encode(), "Không tìm thấy dòng tiêu đề"),
    ],
)
def test_broken_files_get_a_vietnamese_message(client, demo_user, counts, payload, message):
    client.force_login(demo_user("phuong"))
    before = counts()
    response = upload(client, payload)
    assert response.status_code == 400 and message in response.content.decode()
    assert counts() == before


def test_template_downloads_and_reads_back(client, demo_user):
    from openpyxl import load_workbook

    client.force_login(demo_user("phuong"))
    response = client.get("/staff/kien-nghi/nhap/mau.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    headers = [c.value for c in book.worksheets[0][1]]
    assert any("Nội dung" in str(h) for h in headers) and "Hướng dẫn" in book.sheetnames
    filled = io.BytesIO()
    book.worksheets[0].append(["1", "Đề nghị lắp camera ngã tư tổ 3 để đảm bảo an ninh."])
    book.save(filled)
    preview = upload(client, filled.getvalue())
    assert preview.status_code == 200 and preview.context["preview"].ok


def test_command_dry_run_then_import(tmp_path: Path, db, counts):
    path = tmp_path / "ward.xlsx"
    path.write_bytes(ward_file(GOOD))
    before = counts()
    out = io.StringIO()
    call_command(
        "import_petitions",
        str(path),
        "--unit",
        "01840",
        "--channel",
        "mttq",
        "--dry-run",
        stdout=out,
    )
    assert "2 dòng hợp lệ" in out.getvalue() and counts() == before
    call_command("import_petitions", str(path), "--unit", "01840", "--channel", "mttq", stdout=out)
    assert counts()[0] == before[0] + 2
    with pytest.raises(CommandError, match="đã được nhập"):
        call_command(
            "import_petitions", str(path), "--unit", "01840", "--channel", "mttq", stdout=out
        )
    assert counts()[0] == before[0] + 2


def test_command_reports_row_errors_and_exits_nonzero(tmp_path: Path, db, counts):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(ward_file([*GOOD, ["Ngắn", "", "", "", "", ""]]))
    before = counts()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 dòng có lỗi"):
        call_command("import_petitions", str(path), "--unit", "01840", stderr=err)
    assert "dòng 6" in err.getvalue() and counts() == before


def test_console_script_accepts_the_dashed_name():
    script = Path(sys.executable).parent / "doithoai"
    out = subprocess.run(
        [str(script), "import-petitions", "--help"], capture_output=True, text=True, check=True
    )
    assert "--dry-run" in out.stdout
