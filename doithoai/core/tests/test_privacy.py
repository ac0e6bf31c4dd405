import pytest

from doithoai.core.privacy import is_public_safe, personal_data_findings, title_findings


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hộ ông Nguyễn Văn Hùng có tranh chấp đất", "name"),
        ("đề nghị bà Lường Thị Mai trả lời", "name"),
        ("liên hệ 0912 345 678 để biết thêm", "phone"),
        ("gọi +84912345678", "phone"),
        ("gửi về hoa.nguyen@example.vn", "email"),
        ("CCCD 012345678901", "id_number"),
        ("nhà tôi số 215 bị nứt", "house_number"),
        ("số nhà 12 tổ 3", "house_number"),
        ("số 12 đường Trường Chinh ngập nước", "house_number"),
    ],
)
def test_personal_data_is_found(text: str, kind: str) -> None:
    assert kind in {f.kind for f in personal_data_findings(text)}
    assert not is_public_safe(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lấn chiếm vỉa hè đường Nguyễn Văn Tố, phường Đức Xuân",
        "bà con tổ 3 phản ánh rác thải",
        "đề nghị ông Chủ tịch UBND thành phố chỉ đạo",
        "thực hiện theo Nghị định số 30/2020/NĐ-CP",
        "Đường Trường Chinh ngập úng khi mưa lớn, tổ 7 phường Đức Xuân",
    ],
)
def test_public_words_pass(text: str) -> None:
    assert personal_data_findings(text) == []


def test_titles_refuse_the_first_person() -> None:
    assert [f.kind for f in title_findings("Chúng tôi đề nghị làm đường")] == ["first_person"]
    assert title_findings("Đề nghị làm đường tổ 5, phường Sông Cầu") == []


def test_a_finding_explains_itself_in_vietnamese() -> None:
    (finding,) = personal_data_findings("gọi 0912345678")
    assert "số điện thoại" in finding.message
    assert "0912345678" in finding.message
