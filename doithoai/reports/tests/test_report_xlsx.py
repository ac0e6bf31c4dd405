"""Every table exported to xlsx, written to a real file and opened back with openpyxl."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from doithoai.core.models import Event
from doithoai.reports.events import ReportEvents
from doithoai.reports.selectors import DIMENSIONS
from doithoai.reports.tests.factories import SECRET_NAME, issue_and_directive, known_dataset

PERIOD = {"tu": "2031-01-01", "den": "2031-12-31"}


def sheet_rows(content, tmp_path, name):
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(content)
    workbook = load_workbook(path, read_only=True)
    return [list(r) for r in workbook.active.iter_rows(values_only=True)]


@pytest.mark.django_db
@pytest.mark.parametrize("table", [*DIMENSIONS, "issues", "directives"])
def test_each_table_reads_back(client, demo_user, tmp_path, table):
    known_dataset()
    issue_and_directive()
    client.force_login(demo_user("vanphong"))
    response = client.get(reverse("reports-export"), {"bang": table, **PERIOD})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = sheet_rows(response.content, tmp_path, table)
    flat = " ".join(str(c) for row in rows for c in row if c is not None)
    assert SECRET_NAME not in flat and "0912345678" not in flat
    if table in DIMENSIONS:
        page = client.get(reverse("reports-dashboard"), {"theo": table, **PERIOD})
        shown = [[r.label, r.total] for r in page.context["rows"]]
        assert [row[:2] for row in rows[1:-1]] == shown
        assert rows[-1][:2] == ["Tổng cộng", 2]
        assert rows[0][1] == "Tổng số"
    elif table == "directives":
        assert rows == [
            ["Cơ quan thực hiện", "Số chỉ đạo", "Đã hoàn thành", "Quá hạn"],
            ["Phòng Quản lý đô thị", 1, 0, rows[1][3]],
        ]
    else:
        assert dict(rows[1:])["Đã giao"] >= 1
    event = Event.objects.filter(action=ReportEvents.REPORTS_EXPORTED).latest("id")
    assert event.after["table"] == table


@pytest.mark.django_db
def test_unknown_table_is_404(client, demo_user):
    client.force_login(demo_user("vanphong"))
    assert client.get(reverse("reports-export"), {"bang": "submitter_name"}).status_code == 404


def test_workbook_bytes_open_in_memory_too():
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["a", 1])
    out = io.BytesIO()
    wb.save(out)
    assert load_workbook(io.BytesIO(out.getvalue())).active["B1"].value == 1
