"""Vietnamese typed in the legacy 8-bit encodings, read back as Unicode.

Many ward offices still keep files typed with TCVN3 (ABC, fonts `.VnTime`, `.VnArial`…) or
VNI-Windows (fonts `VNI-Times`…): the characters stored are Latin-1 letters that only those fonts
draw as Vietnamese, so "Phường Đức Xuân" reads "Ph­êng §øc Xu©n" (TCVN3) or "Phöôøng Ñöùc
Xuaân" (VNI). `convert` turns such text into Unicode — only when it is clearly legacy text: it
holds only ASCII and Latin-1, among them characters that Vietnamese Unicode never uses; the
conversion leaves none of them; and it yields more well-formed Vietnamese syllables than the text
had (and than the other encoding would give). A font name is a strong hint and is used when given.

The tables are built from the encodings' layouts (facts of TCVN 5712:1993 and of the VNI fonts),
tone by tone, rather than written out character by character.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Encoding = Literal["tcvn3", "vni"]
LABELS: dict[str, str] = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}

# Tones as combining marks, in the order used below: none, grave, acute, hook, tilde, dot.
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")


def _toned(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


# TCVN3: one byte per lowercase letter; order of each run: grave, hook, tilde, acute, dot.
_TCVN3_RUNS = {
    "a": "µ¶·¸¹",
    "ă": "»¼½¾Æ",
    "â": "ÇÈÉÊË",
    "e": "ÌÎÏÐÑ",
    "ê": "ÒÓÔÕÖ",
    "i": "×ØÜÝÞ",
    "o": "ßáâãä",
    "ô": "åæçèé",
    "ơ": "êëìíî",
    "u": "ïñòóô",
    "ư": "õö÷øù",
    "y": "úûüýþ",
}
_TCVN3_RUN_TONES = (1, 3, 4, 2, 5)  # grave, hook, tilde, acute, dot
_TCVN3_PLAIN = {
    "¨": "ă",
    "©": "â",
    "ª": "ê",
    "«": "ô",
    "¬": "ơ",
    "\u00ad": "ư",
    "®": "đ",
    "¡": "Ă",
    "¢": "Â",
    "£": "Ê",
    "¤": "Ô",
    "¥": "Ơ",
    "¦": "Ư",
    "§": "Đ",
}


def _tcvn3_table() -> dict[str, str]:
    table = dict(_TCVN3_PLAIN)
    for base, run in _TCVN3_RUNS.items():
        for code, tone in zip(run, _TCVN3_RUN_TONES, strict=True):
            table[code] = _toned(base, tone)
    return table


TCVN3 = _tcvn3_table()
_TCVN3_TRANSLATION = str.maketrans(TCVN3)

# VNI-Windows: a base letter followed by marks; marks for tones in the order acute, grave, hook,
# tilde, dot. The breve takes its own hook and tilde; i and y have single letters for some tones.
_VNI_TONE_MARKS = {"ù": 2, "ø": 1, "û": 3, "õ": 4, "ï": 5}
_VNI_CIRCUMFLEX_TONES = {"â": 0, "á": 2, "à": 1, "å": 3, "ã": 4, "ä": 5}
_VNI_BREVE_TONES = {"ê": 0, "é": 2, "è": 1, "ú": 3, "ü": 4, "ë": 5}
_VNI_I = {"í": 2, "ì": 1, "æ": 3, "ó": 4, "ò": 5}


def _vni_pairs() -> dict[str, str]:
    """Every VNI sequence (one or two characters) → its Unicode letter, lowercase and upper."""
    lower: dict[str, str] = {"ñ": "đ", "ô": "ơ", "ö": "ư", "î": "ỵ"}
    for base in "aeouy":
        for mark, tone in _VNI_TONE_MARKS.items():
            lower[base + mark] = _toned(base, tone)
    for letter, source in (("ơ", "ô"), ("ư", "ö")):
        for mark, tone in _VNI_TONE_MARKS.items():
            lower[source + mark] = _toned(letter, tone)
    for base, roofed in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for mark, tone in _VNI_CIRCUMFLEX_TONES.items():
            lower[base + mark] = _toned(roofed, tone)
    for mark, tone in _VNI_BREVE_TONES.items():
        lower["a" + mark] = _toned("ă", tone)
    for mark, tone in _VNI_I.items():
        lower[mark] = _toned("i", tone)
    pairs = dict(lower)
    for source, target in lower.items():
        pairs[source.upper()] = target.upper()
        if len(source) == 2:  # "Aâ": a capital base with a lowercase mark (Title Case words)
            pairs[source[0].upper() + source[1]] = target.upper()
    return pairs


VNI = _vni_pairs()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

# Latin-1 characters that Vietnamese written in Unicode never contains: their presence is what
# makes a text a candidate for conversion.
_UNICODE_VIETNAMESE = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
MARKERS = frozenset(chr(c) for c in range(0xA1, 0x100)) - _UNICODE_VIETNAMESE
# Words as a legacy text spells them: letters and the Latin-1 symbols that stand for letters.
_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00bf\u00d7\u00f7])+")
_TONE_MARKS = frozenset(_TONES[1:])
# Without a font to go by, a text needs a character Unicode Vietnamese never has ("ø", "©")
# before a conversion is tried; one such character in "Café ½" is then refused by the syllables.
MIN_MARKERS_UNHINTED = 1
_FONT_HINTS: tuple[tuple[str, Encoding], ...] = ((".vn", "tcvn3"), ("vni", "vni"))


@dataclass(frozen=True)
class Converted:
    text: str
    encoding: Encoding | None  # None: left as it was


def decode(text: str, encoding: Encoding, *, capitals: bool = False) -> str:
    """`text` read in `encoding` (no detection). `capitals`: the TCVN3 capital fonts (`.VnTimeH`)
    draw lowercase codes as capitals."""
    if encoding == "tcvn3":
        result = text.translate(_TCVN3_TRANSLATION)
        return result.upper() if capitals else result
    return _VNI_PATTERN.sub(lambda m: VNI[m.group(0)], text)


# A Vietnamese syllable without its tone: onset, then a nucleus that may take a final consonant,
# or one that ends in a glide and takes none.
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_CLOSED = "(?:uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|[aăâeêioôơuưy])"
_OPEN = (
    "(?:iêu|yêu|ươu|ươi|uôi|oai|oay|oeo|uây|uya|uyu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu)"
)
_SYLLABLE = re.compile(f"{_ONSET}(?:{_CLOSED}(?:ng|nh|ch|[cmnpt])?|{_OPEN})")


def _plausible(word: str) -> bool:
    """A Vietnamese syllable: at most one tone, and letters in the order syllables allow."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for ch in decomposed if ch in _TONE_MARKS) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(toneless) is not None


def _score(text: str, original: str | None = None) -> int:
    """Well-formed syllables, less the words a conversion changed into ill-formed ones (which a
    wrong guess makes of ordinary words: "Café" read as TCVN3 is "Cafộ")."""
    words = _WORD.findall(text)
    before = _WORD.findall(original) if original is not None else words
    if len(before) != len(words):
        before = words
    return sum(
        1 if _plausible(word) else -1 if word != old else 0
        for word, old in zip(words, before, strict=True)
    )


def font_encoding(font: str | None) -> Encoding | None:
    name = (font or "").strip().lower()
    return next((enc for prefix, enc in _FONT_HINTS if name.startswith(prefix)), None)


def convert(text: str, *, font: str | None = None) -> Converted:
    """`text` in Unicode if it is clearly TCVN3 or VNI text (see the module's docstring)."""
    if not text or max(map(ord, text)) > 0xFF:  # legacy text is ASCII and Latin-1 only
        return Converted(text, None)
    hinted = font_encoding(font)
    # VNI's marks are mostly letters Unicode Vietnamese uses too (â, ø…): a font is needed to
    # try text without a character that Unicode Vietnamese never has.
    if hinted is None and sum(1 for ch in text if ch in MARKERS) < MIN_MARKERS_UNHINTED:
        return Converted(text, None)
    capitals = hinted == "tcvn3" and (font or "").strip().lower().endswith("h")
    best: Converted = Converted(text, None)
    best_score = _score(text)
    candidates: tuple[Encoding, ...] = (hinted,) if hinted else ("tcvn3", "vni")
    for encoding in candidates:
        result = decode(text, encoding, capitals=capitals)
        if any(ch in MARKERS for ch in result):
            continue
        score = _score(result, text)
        if score > best_score:
            best, best_score = Converted(result, encoding), score
    return best
