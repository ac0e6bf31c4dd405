"""Vietnamese text keys: stored text is NFC; search keys fold case, marks and tone placement."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_COMBINING = re.compile("[\u0300-\u036f]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower-case, strip every diacritic (đ→d), collapse spaces: 'Hoà Bình' → 'hoa binh'.

    Old and new tone placement (hoà/hòa) fold to the same key because all marks go.
    """
    decomposed = unicodedata.normalize("NFD", (text or "").lower())
    # Vietnamese marks are all in the combining block; other scripts' marks are looked up.
    stripped = _COMBINING.sub("", decomposed).replace("đ", "d")
    if not stripped.isascii():
        stripped = "".join(c for c in stripped if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", stripped).strip()
