"""Place mentions in petition text: residential areas (tổ, thôn, khóm, ấp...) and roads/objects
(đường, ngõ, hẻm, kênh, quốc lộ...). Keys are folded so spelling variants agree."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .lexicon import trie_pattern
from .normalize import fold, fold_keep_case
from .vectorize import Encoded

_AREA = {
    "to dan pho": "to",
    "to": "to",
    "khu pho": "to",
    "khom": "to",
    "khu vuc": "to",  # khu vực (Cần Thơ's wards)
    "thon": "thon",
    "ap": "thon",
    "ban": "thon",
    "xom": "thon",
    "buon": "thon",
    "phum": "thon",  # phum (Khmer hamlet, South)
    "lang": "thon",
}
_ROAD = {
    "duong": "duong",
    "pho": "duong",
    "ngo": "ngo",
    "ngach": "ngo",
    "hem": "ngo",
    "kiet": "ngo",
    "kenh": "kenh",
    "rach": "kenh",
    "quoc lo": "ql",
    "tinh lo": "ql",
    "ql": "ql",
    "cau": "cau",
    "cho": "cho",
}
_KEYWORDS = sorted({**_AREA, **_ROAD}, key=len, reverse=True)
_NAME = r"(?:[A-Z][a-zA-Z]*)(?:\s+[A-Z][a-zA-Z]*){0,2}"
_KEYWORD = r"(?i:" + trie_pattern(_KEYWORDS) + ")"  # longest keyword first, as a trie
_PATTERN = re.compile(
    r"(?<![A-Za-z])(?<!thanh )(?<!Thanh )(" + _KEYWORD + r")\s+(?:(?i:so)\s+)?"
    r"(\d+[A-Za-z]?(?![\d/]))?(" + _NAME + r")?"
)
_LETTERS = re.compile(r"[^\W\d_]")
_UPPER = re.compile(r"[A-Z]")
_ASCII_LETTERS = string.ascii_letters.encode()
_ASCII_UPPER = string.ascii_uppercase.encode()
# Capitalised words that follow a place keyword but are not names.
_NOT_NAMES = {"xa", "phuong", "thanh", "ubnd", "uy", "de", "toi", "khu", "nha", "ca"}


@dataclass(frozen=True)
class Places:
    areas: frozenset[str]
    roads: frozenset[str]


def _shouting(plain: str) -> bool:
    """More than half of the letters are capitals (names cannot be told apart)."""
    if plain.isascii():  # count with bytes.translate instead of a list of matches
        raw = plain.encode()
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    else:
        letters, upper = len(_LETTERS.findall(plain)), len(_UPPER.findall(plain))
    return upper > 0.5 * max(1, letters)


def extract(text: str, plain: str | None = None) -> Places:
    """Area and road keys mentioned in ``text`` (e.g. ``to:7``, ``thon:na ri``, ``ql:3``);
    ``plain`` may pass ``fold_keep_case(text)`` when the caller has it already."""
    areas: set[str] = set()
    roads: set[str] = set()
    plain = fold_keep_case(text) if plain is None else plain
    shouting: bool | None = None
    for keyword, number, name in _PATTERN.findall(plain):
        kw = keyword.lower()
        kind = _AREA.get(kw) or _ROAD[kw]
        if number:
            value = number.lower()
        elif name:
            if shouting is None:
                shouting = _shouting(plain)
            if shouting or name.split()[0].lower() in _NOT_NAMES:
                continue
            value = fold(name)
        else:
            continue
        (areas if kw in _AREA else roads).add(f"{kind}:{value}")
    return Places(frozenset(areas), frozenset(roads))


def with_given(places: Places, given: str | None) -> Places:
    """Add the caller's place field (``tổ 7``, ``thôn Nà Rì``) to the extracted areas."""
    if not given:
        return places
    return Places(places.areas | {_given_key(given)}, places.roads)


@lru_cache(maxsize=65536)
def _given_key(given: str) -> str:
    found = extract(given if given[:1].isupper() else given[:1].upper() + given[1:])
    return next(iter(found.areas), None) or f"given:{fold(given)}"


def relation(a: Places, b: Places) -> tuple[float, float]:
    """(shared, conflict): any common key; same kind mentioned by both with no common key."""
    shared = bool(a.areas & b.areas) or bool(a.roads & b.roads)
    conflict = False
    for x, y in ((a.areas, b.areas), (a.roads, b.roads)):
        if x and y and not x & y:
            kinds_x = {k.split(":", 1)[0] for k in x}
            kinds_y = {k.split(":", 1)[0] for k in y}
            conflict = conflict or bool(kinds_x & kinds_y)
    return float(shared), float(conflict and not shared)


# Function words and petition boilerplate that say nothing about the concern itself.
STOPWORDS = frozenset(
    [
        "ai",
        "anh",
        "ba",
        "ban",
        "bao",
        "biet",
        "cac",
        "can",
        "cho",
        "chung",
        "co",
        "con",
        "cu",
        "cua",
        "cung",
        "da",
        "dan",
        "dang",
        "de",
        "den",
        "dinh",
        "do",
        "duoc",
        "duoi",
        "gi",
        "gia",
        "giai",
        "gio",
        "gui",
        "hai",
        "hien",
        "ho",
        "hoi",
        "huong",
        "khi",
        "khong",
        "khu",
        "kia",
        "kien",
        "kinh",
        "la",
        "lai",
        "len",
        "ma",
        "mot",
        "nam",
        "nao",
        "nay",
        "nen",
        "neu",
        "ngay",
        "nghi",
        "ngoai",
        "nguoi",
        "nha",
        "nhan",
        "nhieu",
        "nhung",
        "nua",
        "o",
        "phan",
        "pho",
        "phuong",
        "qua",
        "quyet",
        "ra",
        "rat",
        "roi",
        "sao",
        "se",
        "som",
        "ta",
        "tai",
        "thang",
        "thanh",
        "the",
        "thi",
        "thon",
        "thua",
        "to",
        "toi",
        "tren",
        "tri",
        "trong",
        "tu",
        "uy",
        "va",
        "van",
        "vao",
        "vi",
        "voi",
        "xa",
        "xem",
        "xet",
        "xin",
        "xuong",
    ]
)


def content_tokens(tokens: list[str], unit: str, places: Places) -> list[str]:
    """Tokens about the concern: no stopwords, no words of the unit or of place names."""
    drop = set(STOPWORDS) | set(unit.split())
    for key in places.areas:
        drop.update(key.split(":", 1)[1].split())
    return [t for t in tokens if t not in drop and not t.isdigit()]


def content_mask(enc: Encoded, units: Sequence[str], places: Sequence[Places]) -> np.ndarray:
    """Token mask equal to :func:`content_tokens` for every document of ``enc``."""
    names = list(enc.index)
    drop_word = np.asarray([t in STOPWORDS or t.isdigit() for t in names], dtype=bool)
    keep = ~drop_word[enc.ids] if len(enc.ids) else np.zeros(0, dtype=bool)
    # Documents of one unit naming the same areas drop the same words: one row per such
    # signature in a (signature × dropped word) table, looked up for every token at once.
    signature: dict[tuple[str, frozenset[str]], int] = {}
    doc_signature = np.asarray(
        [
            signature.setdefault((u, pl.areas), len(signature))
            for u, pl in zip(units, places, strict=True)
        ],
        dtype=np.int64,
    )
    get = enc.index.get
    dropped = [
        {k for w in _name_words(unit, areas) if (k := get(w)) is not None}
        for unit, areas in signature
    ]
    column = {k: c for c, k in enumerate(sorted(set().union(*dropped)))}
    if not column or not len(enc.ids):
        return keep
    table = np.zeros((len(signature), len(column)), dtype=bool)
    for g, ids in enumerate(dropped):
        table[g, [column[k] for k in ids]] = True
    word_column = np.full(enc.n_tokens, -1, dtype=np.int64)
    word_column[list(column)] = list(column.values())
    cols = word_column[enc.ids]
    named = cols >= 0
    keep[named] &= ~table[doc_signature[enc.doc[named]], cols[named]]
    return keep


def _name_words(unit: str, areas: frozenset[str]) -> list[str]:
    return unit.split() + [w for key in areas for w in key.split(":", 1)[1].split()]
