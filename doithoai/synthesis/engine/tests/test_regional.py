"""Text from anywhere: Telex/VNI leftovers repaired, regional words mapped to one form."""

from doithoai.core.text import repair_typing, search_key
from doithoai.synthesis.engine import lexicon
from doithoai.synthesis.engine.normalize import tokens
from doithoai.synthesis.engine.places import extract
from doithoai.synthesis.engine.regional import canonical, canonical_phrase


def test_telex_leftovers_are_repaired():
    assert repair_typing("dduwowngf bij ngaapj") == "đường bị ngập"
    assert repair_typing("Ddeef nghij phuwowngf naoj vets coongs") == "Đề nghị phường nạo vét cống"
    assert repair_typing("khoong cos nuwowcs sachj") == "không có nước sạch"
    assert repair_typing("ddieenj bij cusp") == "điện bị cúp"  # tone key before the final p


def test_vni_leftovers_are_repaired():
    assert repair_typing("nha2 va8n ho1a") == "nhà văn hóa"
    assert repair_typing("d9u7o7ng2 bi5 hu7 ho3ng") == "đường bị hư hỏng"
    assert repair_typing("xu7o3ng xa3 nu7o71c tha3i") == "xưởng xả nước thải"
    assert repair_typing("to6i o73 to63 7, y1 kie61n") == "tôi ở tổ 7, ý kiến"


def test_plain_text_and_codes_are_left_alone():
    for text in [
        "Đường Hòa Bình bị hỏng",
        "duong hoa binh bi hong",  # typed without marks: nothing to repair
        "xe bus, cars, Facebook, zalo",  # English words ending in s are not tone keys
        "QL1A, khu A1, lô B2, tổ 3, ngõ 25/3",
        "xoong nồi",
    ]:
        assert repair_typing(text) == text
    # A loanword in a Telex text stays as it is.
    assert repair_typing("bình gas nhaf tooi") == "bình gas nhà tôi"


def test_search_key_folds_the_repaired_text():
    assert search_key("dduwowngf Hoaf Bifnh") == "duong hoa binh" == search_key("Đường Hòa Bình")
    assert search_key("duong hoa binh") == "duong hoa binh"


def test_engine_tokens_read_leftovers_and_unmarked_text_alike():
    assert tokens("dduwowngf bij ngaapj") == tokens("đường bị ngập") == tokens("duong bi ngap")


def test_regional_words_map_to_one_form():
    assert canonical(["hem", "25", "bi", "ngap"]) == ["ngo", "25", "bi", "ngap"]
    assert canonical(["cup", "dien", "ca", "ngay"]) == ["mat", "dien", "ca", "ngay"]
    assert canonical(["nuoi", "lon", "gay", "mui"]) == ["nuoi", "heo", "gay", "mui"]
    assert canonical(["kiet", "42", "tran", "phu"])[0] == "ngo"
    assert canonical(["khom", "4", "ap", "3"]) == ["to", "4", "thon", "3"]
    one_stop = ["trung", "tam", "phuc", "vu", "hanh", "chinh", "cong"]
    assert canonical(one_stop) == ["bo", "phan", "mot", "cua"]
    # Ambiguous folded words stay outside their context.
    for phrase in [
        "cay lon",
        "kiet suc",
        "ap dung",
        "dien ap 220",
        "cham soc",
        "buon ban",
        "ban hang",
    ]:
        assert canonical(phrase.split()) == phrase.split()


def test_tokens_apply_the_regional_mapping():
    assert tokens("Hẻm 25 bị cúp điện") == tokens("Ngõ 25 bị mất điện")
    assert tokens("Trại heo xả thải") == tokens("trại lợn xả thải")


def test_lexicon_phrases_follow_the_mapping():
    assert canonical_phrase("cup dien") == "mat dien"
    # A do_thi phrase written with a southern word still counts after the mapping.
    counts = lexicon.topic_counts(tokens("Hẻm nhỏ bị cúp điện cả ngày"))
    assert counts[lexicon.TOPICS.index("dien_nuoc")] > 0


def test_places_of_every_region():
    assert "thon:soc tien" in extract("Bà con phum Sóc Tiên đề nghị").areas
    assert "to:2" in extract("Người dân khu vực 2 phường Ninh Kiều").areas
    assert extract("kiệt 42 Phan Đình Phùng").roads == extract("hẻm 42 Phan Đình Phùng").roads
