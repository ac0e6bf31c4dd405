"""Text normalisation for Vietnamese petitions.

Cheap to import (standard library only). Three levels are offered:

* :func:`clean` - NFC, new-style tone placement, tidy spacing and punctuation (for display);
* :func:`fold` - lowercase, no diacritics, đ→d (for comparison and database search keys);
* :func:`tokens` - folded word tokens with common abbreviations expanded (for the models).
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from doithoai.core.text import repair_typing

from .regional import canonical

__all__ = ["ABBREVIATIONS", "canonical_tone", "clean", "fold", "fold_keep_case", "tokens"]

# Parts that the quality bench can switch off for its ablation (comma list in the environment
# variable, read once at import): "typing" (Telex/VNI leftovers), "regional" (regional words).
ABLATED = frozenset(os.environ.get("DOITHOAI_SYNTHESIS_ABLATE", "").split(","))
REPAIR_TYPING = "typing" not in ABLATED
REGIONAL = "regional" not in ABLATED

# Folded abbreviation -> folded expansion. Applied to whole tokens only.
ABBREVIATIONS: dict[str, str] = {
    "ko": "khong",
    "k": "khong",
    "kg": "khong",
    "hok": "khong",
    "dc": "duoc",
    "đc": "duoc",
    "r": "roi",
    "ng": "nguoi",
    "j": "gi",
    "vs": "voi",
    "bn": "bao nhieu",
    "ntn": "nhu the nao",
    "mn": "moi nguoi",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "tp": "thanh pho",
    "tx": "thi xa",
    "tt": "thi tran",
    "p": "phuong",
    "q": "quan",
    "ql": "quoc lo",
    "tl": "tinh lo",
    "tdp": "to dan pho",
    "gcn": "giay chung nhan",
    "gcnqsdd": "giay chung nhan quyen su dung dat",
    "qsdd": "quyen su dung dat",
    "gpxd": "giay phep xay dung",
    "gpmb": "giai phong mat bang",
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
    "csgt": "canh sat giao thong",
    "ttdt": "trat tu do thi",
    "vsmt": "ve sinh moi truong",
    "kdc": "khu dan cu",
    "tdc": "tai dinh cu",
}

# Old-style tone placement in open syllables (hoà, khoẻ, thuỷ) -> new style (hòa, khỏe, thủy).
# A vowel carrying a second mark is left alone (the dot below of "hoặc" stays on the ă).
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below
_OLD_TONE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([" + _TONES + r"])(?![^\W\d_]|[\u0300-\u036f])",
)
_OLD_TONE_HINT = re.compile(r"[oOuU][aAeEyY][" + _TONES + r"]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")
_REPEATED_PUNCT = re.compile(r"([!?.,])\1+")
_WORD = re.compile(r"[^\W_]+")


def canonical_tone(text: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the new-style position; returns NFC."""
    decomposed = unicodedata.normalize("NFD", text)
    # In NFD the tone follows its base letter; only open syllables (no final letter) move.
    if _OLD_TONE_HINT.search(decomposed):  # cheap test first: most texts have none
        decomposed = _OLD_TONE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", decomposed)


def clean(text: str) -> str:
    """NFC text with new-style tones, single spaces and no runs of punctuation."""
    text = canonical_tone(text)
    text = _REPEATED_PUNCT.sub(r"\1", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return " ".join(text.split())  # str.split and regex \s agree on what is a space


def fold_keep_case(text: str) -> str:
    """Strip every diacritic and map đ→d, keeping letter case."""
    if text.isascii():
        return text
    stripped = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return stripped.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Search key: lowercase, no diacritics, đ→d, single spaces (hoà, Hòa, HOA → hoa)."""
    return " ".join(fold_keep_case(text).lower().split())


@lru_cache(maxsize=4096)
def _expand(token: str) -> tuple[str, ...]:
    return tuple(ABBREVIATIONS.get(token, token).split())


def tokens(text: str, plain: str | None = None) -> list[str]:
    """Folded word tokens with abbreviations expanded (``ko đc`` → ``khong duoc``), words left
    as Telex/VNI keystrokes repaired (``dduwowngf`` → ``duong``) and regional variants mapped
    to one form (:mod:`.regional`: ``hem`` → ``ngo``, ``cup dien`` → ``mat dien``).

    ``plain`` may pass ``fold_keep_case(text)`` when the caller has it already."""
    out: list[str] = []
    if REPAIR_TYPING:
        repaired = repair_typing(text)
        if repaired != text:
            text, plain = repaired, None
    folded = (fold_keep_case(text) if plain is None else plain).lower()
    for tok in _WORD.findall(folded):
        if tok in ABBREVIATIONS:
            out.extend(_expand(tok))
        else:
            out.append(tok)
    return canonical(out) if REGIONAL else out
