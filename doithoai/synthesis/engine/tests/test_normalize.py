import unicodedata

from doithoai.synthesis.engine.normalize import canonical_tone, clean, fold, tokens


def test_fold_nfd_unaccented_and_caps_agree():
    nfc = "Đường Hòa Bình bị hỏng nặng"
    assert fold(unicodedata.normalize("NFD", nfc)) == fold(nfc)
    assert fold("DUONG HOA BINH BI HONG NANG") == fold(nfc) == "duong hoa binh bi hong nang"


def test_old_tone_placement():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert canonical_tone("thuỷ lợi, khoẻ, hoà") == "thủy lợi, khỏe, hòa"
    assert canonical_tone("quý") == "quý"  # qu + y is not an open uy syllable
    assert canonical_tone("hoàn thành") == "hoàn thành"
    assert canonical_tone("hoặc hoà") == "hoặc hòa"  # ă keeps its dot below
    assert clean(unicodedata.normalize("NFD", "Thuý")) == "Thúy"


def test_spacing_and_punctuation():
    assert clean("kết  hợp ,  triển khai!!!") == "kết hợp, triển khai!"


def test_abbreviations():
    expected = ["khong", "duoc", "uy", "ban", "nhan", "dan", "thanh", "pho", "xu", "ly"]
    assert tokens("ko đc UBND TP xử lý") == expected
    assert "khong" in tokens("k ai sửa")
