"""clean_row: normalisation and the Vietnamese message of each kind of bad value."""

import datetime
import unicodedata

import pytest

from doithoai.petitions.importing import RawRow, clean_row

from .helpers import naive

TODAY = datetime.date(2024, 6, 1)
TEXT = "Đề nghị sửa đường ngõ 12 trước mùa mưa."


def clean(**cells):
    return clean_row(RawRow(row_number=7, cells={"text": TEXT, **cells}), today=TODAY)


def test_defaults_fill_every_column():
    row = clean()
    assert row.row_number == 7
    assert row.errors == []
    assert row.values == {
        "text": TEXT,
        "received_on": None,
        "legal_kind": "kien_nghi",
        "topic": "",
        "unit": "",
        "place": "",
        "address": "",
        "submitter_name": "",
        "phone": "",
        "email": "",
        "submitter_address": "",
        "business_name": "",
        "tax_code": "",
        "submitter_type": "nguoi_dan",
        "anonymous": False,
        "confidential": False,
        "on_behalf_of": "",
        "note": "",
    }


def test_strings_are_nfc_and_single_spaced():
    decomposed = unicodedata.normalize("NFD", "  Hoà   Bình\u200b ")
    row = clean(submitter_name=decomposed, note="Dòng 1  \r\n\r\n\r\n  Dòng 2", place=5.0)
    assert row.values["submitter_name"] == "Hoà Bình"
    assert row.values["note"] == "Dòng 1\n\nDòng 2"
    assert row.values["place"] == "5"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (naive(2024, 3, 5, 10, 30), datetime.date(2024, 3, 5)),
        (datetime.date(2024, 3, 5), datetime.date(2024, 3, 5)),
        ("05/03/2024", datetime.date(2024, 3, 5)),
        ("5/3/2024", datetime.date(2024, 3, 5)),
        ("5.3.24", datetime.date(2024, 3, 5)),
        ("2024-03-05", datetime.date(2024, 3, 5)),
        ("2024-03-05 00:00:00", datetime.date(2024, 3, 5)),
        (45356, datetime.date(2024, 3, 5)),  # an Excel serial number
    ],
)
def test_dates(value, expected):
    row = clean(received_on=value)
    assert (row.values["received_on"], row.errors) == (expected, [])


def test_bad_and_future_dates():
    assert clean(received_on="31/02/2016").errors == [
        "Ngày tiếp nhận '31/02/2016' không hợp lệ (dd/mm/yyyy)."
    ]
    assert clean(received_on="hôm qua").errors == [
        "Ngày tiếp nhận 'hôm qua' không hợp lệ (dd/mm/yyyy)."
    ]
    assert clean(received_on="02/06/2024").errors == ["Ngày tiếp nhận 02/06/2024 ở tương lai."]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("84912345678", "0912345678"),
        (912345678, "0912345678"),
        ("0203 3871 234", "02033871234"),
    ],
)
def test_phones(value, expected):
    row = clean(phone=value)
    assert (row.values["phone"], row.errors) == (expected, [])


def test_bad_phone():
    row = clean(phone="12345")
    assert row.errors == ["Số điện thoại '12345' không hợp lệ (9–11 chữ số)."]
    assert row.values["phone"] == ""


def test_text_required_and_lengths():
    assert clean(text=None).errors == ["Nội dung kiến nghị không được để trống."]
    assert clean(text="Hỏng đèn").errors == ["Nội dung kiến nghị quá ngắn (8 ký tự, tối thiểu 10)."]
    assert clean(text="a" * 5001).errors == [
        "Nội dung kiến nghị quá dài (5001 ký tự, tối đa 5000)."
    ]
    assert clean(text="a" * 5000).errors == []


def test_email_and_tax_code():
    row = clean(email="An@Example.VN", tax_code="0101234567-001")
    assert (row.values["email"], row.values["tax_code"], row.errors) == (
        "an@example.vn",
        "0101234567001",
        [],
    )
    assert clean(tax_code=101234567).values["tax_code"] == "0101234567"
    bad = clean(email="an@", tax_code="12345")
    assert bad.errors == [
        "Email 'an@' không hợp lệ.",
        "Mã số thuế '12345' không hợp lệ (10 hoặc 13 chữ số).",
    ]


@pytest.mark.parametrize("value", ["x", "X", "có", "Co", "1", "true", True, 1])
def test_yes_values(value):
    row = clean(anonymous=value, confidential=value)
    assert (row.values["anonymous"], row.values["confidential"], row.errors) == (True, True, [])
    assert row.values["submitter_type"] == "an_danh"


def test_bad_boolean():
    assert clean(confidential="có lẽ").errors == [
        "Đề nghị giữ bí mật 'có lẽ' không hợp lệ (ghi 'x' hoặc 'Có', hoặc để trống)."
    ]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Phản ánh", "phan_anh"),
        ("KIEN NGHI", "kien_nghi"),
        ("Đề xuất", "de_xuat"),
        ("khiếu nại", "khieu_nai"),
        ("Tố cáo", "to_cao"),
        ("PAKN về quy định hành chính", "pakn_tthc"),
        ("pakn_tthc", "pakn_tthc"),
    ],
)
def test_legal_kinds(value, code):
    assert clean(legal_kind=value).values["legal_kind"] == code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Người dân", "nguoi_dan"),
        ("Hộ kinh doanh", "ho_kinh_doanh"),
        ("Tổ trưởng", "to_truong"),
        ("Tổ trưởng tổ dân phố", "to_truong"),
        ("Trưởng thôn", "truong_thon"),
        ("Phóng viên", "phong_vien"),
        ("Ẩn danh", "an_danh"),
    ],
)
def test_submitter_types(value, code):
    assert clean(submitter_type=value).values["submitter_type"] == code


def test_unknown_vocabulary():
    row = clean(legal_kind="Khen ngợi", submitter_type="Người ngoài hành tinh")
    assert row.errors == [
        "Loại kiến nghị 'Khen ngợi' không hợp lệ; chọn một trong: Phản ánh, Kiến nghị, "
        "Đề xuất, Khiếu nại, Tố cáo, PAKN về quy định hành chính.",
        "Người kiến nghị là 'Người ngoài hành tinh' không hợp lệ; chọn một trong: Người dân, "
        "Hộ kinh doanh, Tổ trưởng tổ dân phố, Trưởng thôn, Phóng viên, Ẩn danh.",
    ]


def test_topic_and_unit_stay_raw_and_long_values_are_refused():
    row = clean(topic="Giao thông", unit="19360", submitter_name="A" * 151)
    assert (row.values["topic"], row.values["unit"]) == ("Giao thông", "19360")
    assert row.errors == ["Họ và tên người kiến nghị quá dài (tối đa 150 ký tự)."]
