"""Vietnamese text keys: stored text is NFC; search keys fold case, marks and tone placement."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower-case, strip every diacritic (đ→d), collapse spaces: 'Hoà Bình' → 'hoa binh'.

    Old and new tone placement (hoà/hòa) fold to the same key because all marks go.
    """
    decomposed = unicodedata.normalize("NFD", (text or "").lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    stripped = stripped.replace("đ", "d")
    return _SPACES.sub(" ", stripped).strip()
