"""TCVN3 (ABC) and VNI-Windows text read back as Unicode, and Unicode text left alone."""

import json
import unicodedata
from pathlib import Path

import pytest

from doithoai.core.legacy_text import TCVN3, VNI, convert, decode

DEV_SET = Path(__file__).parents[2] / "synthesis" / "engine" / "data" / "petitions-dev.jsonl"
ALL_LETTERS = "aăâeêioôơuưy"


def toned_letters() -> list[str]:
    return [
        unicodedata.normalize("NFC", base + tone)
        for base in ALL_LETTERS
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    ]


def to_tcvn3(text: str) -> str:
    back = {v: k for k, v in TCVN3.items()}
    return "".join(back.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    back: dict[str, str] = {}
    for source, target in VNI.items():
        if source[1:].islower() or len(source) == 1:  # "Aâ" and "AÂ" both mean Â: keep one
            back.setdefault(target, source)
    return "".join(back.get(ch, ch) for ch in text)


@pytest.mark.parametrize(
    ("legacy", "unicode", "encoding"),
    [
        # Samples as they read in old files and public examples of each encoding.
        ("Ph\u00adêng §øc Xu©n", "Phường Đức Xuân", "tcvn3"),
        ("Hoµng V¨n Kiªn", "Hoàng Văn Kiên", "tcvn3"),
        ("Ninh B×nh, B¶o Th¾ng, B¸t X¸t", "Ninh Bình, Bảo Thắng, Bát Xát", "tcvn3"),
        (
            "Ng\u00adêi d©n ph¶n ¸nh t×nh tr¹ng ngËp óng",
            "Người dân phản ánh tình trạng ngập úng",
            "tcvn3",
        ),
        ("Phöôøng Ñöùc Xuaân", "Phường Đức Xuân", "vni"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn", "vni"),
        ("PHÖÔØNG ÑÖÙC XUAÂN", "PHƯỜNG ĐỨC XUÂN", "vni"),
        ("naïn ngaäp uùng keânh raïch", "nạn ngập úng kênh rạch", "vni"),
    ],
)
def test_known_legacy_samples_become_unicode(legacy, unicode, encoding):
    result = convert(legacy)
    assert (result.text, result.encoding) == (unicode, encoding)


def test_every_lowercase_letter_and_plain_capital_round_trips_through_tcvn3():
    letters = [*toned_letters(), "đ", "Đ", "Ă", "Â", "Ê", "Ô", "Ơ", "Ư"]
    for letter in letters:
        assert decode(to_tcvn3(letter), "tcvn3") == letter, letter
    assert len(set(TCVN3)) == len(TCVN3) == 67 + 7  # 67 lowercase letters, 7 capitals


def test_every_letter_in_both_cases_round_trips_through_vni():
    for letter in [*toned_letters(), "đ"]:
        for form in (letter, letter.upper()):
            assert decode(to_vni(form), "vni") == form, form


def test_capital_fonts_of_tcvn3_turn_codes_into_capitals():
    assert convert("ph\u00adêng ®øc xu©n", font=".VnTimeH").text == "PHƯỜNG ĐỨC XUÂN"


def test_a_font_name_lets_a_single_odd_letter_count():
    assert (
        convert("Xu©n", font=".VnTime") == ("Xuân", "tcvn3")
        or convert("Xu©n", font=".VnTime").text == "Xuân"
    )
    assert convert("Xuaân", font="VNI-Times").text == "Xuân"
    assert convert("Xuaân").encoding is None  # no impossible character and no font: left alone


@pytest.mark.parametrize(
    "text",
    ["Café ½ price", "Nhiet do 30°C, ½ so ho", "STT", "", "Hà Nội", "Đường ®iÖn mixed", "naïve"],
)
def test_text_that_is_not_clearly_legacy_is_left_as_it_was(text):
    result = convert(text)
    assert (result.text, result.encoding) == (text, None)


def test_no_petition_of_the_labelled_set_is_touched():
    texts = [json.loads(line)["text"] for line in DEV_SET.read_text(encoding="utf-8").splitlines()]
    assert len(texts) > 300
    for text in texts:
        assert convert(text).encoding is None, text[:60]
        assert convert(text, font=".VnTime").encoding is None, text[:60]
        assert convert(text, font="VNI-Times").encoding is None, text[:60]
