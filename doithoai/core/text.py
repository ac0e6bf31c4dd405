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


# --- Telex / VNI leftovers -------------------------------------------------------------------
# Words typed with a Vietnamese input method switched off keep its keystrokes: Telex
# "dduwowngf" / VNI "d9u7o7ng2" for "đường", "nha2 va8n ho1a" for "nhà văn hóa". repair_typing
# turns such words back into marked Unicode. A word is changed only when it is not itself a
# plain Vietnamese syllable and the result is one; a word whose only keystroke is a final
# Telex tone letter (cas → cá) is changed only when the same text has a surer leftover
# (doubled letters, w, or a VNI digit), so English words (bus, cars) are left alone.

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "uyê|uyu|uya|uay|uây|oai|oay|oeo|oao|iêu|yêu|ươi|ươu|uôi|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_SYLLABLE = re.compile(r"(?:" + _ONSETS + r")?(" + _NUCLEI + r"|oo)(ngh?|nh|ch|c|m|n|p|t)?")
_TONE_MARKS = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_VNI_SHAPES = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"}}
_WORDS = re.compile(r"[A-Za-z0-9]+")
_LETTER_DIGIT = re.compile(r"[a-z][1-9]")
_SURE = re.compile(r"(?i)dd|aa|ee|oo|aw|ow|uw|w|[a-z][1-9]")
_MARKED_VOWELS = "ăâêôơư"
# Loanwords that would read as Telex (gas → gá): left alone.
_LOANWORDS = frozenset(["gas", "bar", "bus", "pass", "boss", "fax", "tax", "box", "mix", "max"])


def _plain_syllable(word: str) -> bool:
    m = _SYLLABLE.fullmatch(word)
    return m is not None and not (m.group(1) == "oo" and not m.group(2))


def _place_tone(word: str, tone: str) -> str:
    """Put ``tone`` on the vowel that carries it in new-style spelling; '' if no vowel."""
    m = _SYLLABLE.fullmatch(word)
    if not m:
        return ""
    start = m.start(1)
    nucleus, coda = m.group(1), m.group(2)
    if nucleus == "oo":
        pos = start + 1
    elif any(c in _MARKED_VOWELS for c in nucleus):
        # ươ carries the tone on ơ; otherwise on the (first) marked vowel.
        pos = start + max(i for i, c in enumerate(nucleus) if c in _MARKED_VOWELS)
        if nucleus.startswith("ươ"):
            pos = start + 1
    elif len(nucleus) == 1:
        pos = start
    elif len(nucleus) == 3 or coda:
        pos = start + 1
    else:
        pos = start
    return unicodedata.normalize("NFC", word[: pos + 1] + tone + word[pos + 1 :])


def _telex_tone(low: str) -> tuple[str, str]:
    """(combining tone, word without its tone key): the key ends the word (cas) or stands
    right after the vowels, before the final consonants (cusp)."""
    if low[-1] in _TONE_MARKS and any(c in "aeiouy" for c in low[:-1]):
        return _TONE_MARKS[low[-1]], low[:-1]
    m = re.fullmatch(r"(.*[aeiouyw])([sfrxj])([cmnghpt]+)", low)
    if m:
        return _TONE_MARKS[m.group(2)], m.group(1) + m.group(3)
    return "", low


def _telex_shapes(base: str) -> str:
    """Telex letter shapes: dd → đ, aa/ee/oo → â/ê/ô, w after a, o, u (or alone) → ă, ơ, ư."""
    out: list[str] = []
    for c in base:
        if c == "d" and out == ["d"]:
            out[0] = "đ"
        elif c in "aeo" and out and out[-1] == c:
            out[-1] = {"a": "â", "e": "ê", "o": "ô"}[c]
        elif c == "w":
            k = next((k for k in range(len(out) - 1, -1, -1) if out[k] in "aou"), -1)
            if k < 0:
                out.append("ư")
            elif out[k] == "o":
                out[k] = "ơ"
                if k and out[k - 1] == "u":
                    out[k - 1] = "ư"
            elif out[k] == "u":
                out[k] = "ư"
                if k + 1 < len(out) and out[k + 1] == "o":
                    out[k + 1] = "ơ"
            else:
                out[k] = "ă"
        else:
            out.append(c)
    return "".join(out)


def _repair_word(word: str, sure_text: bool) -> str | None:
    """Marked Unicode for one ASCII word typed with Telex or VNI keystrokes, else None."""
    low = word.lower()
    if low in _LOANWORDS:
        return None
    if len(low) < 2 or (_plain_syllable(low) and not (sure_text and "oo" in low)):
        return None
    tone = ""
    if any(c.isdigit() for c in low):  # VNI: digits after the letters they change
        # One letter and a digit (A1, B2: block and lot codes) only where surer leftovers are.
        if low[0].isdigit() or sum(c.isalpha() for c in low) < (1 if sure_text else 2):
            return None
        out: list[str] = []
        for c in low:
            if c in _VNI_TONES:
                tone = _VNI_TONES[c]
            elif c in _VNI_SHAPES:
                for k in range(len(out) - 1, -1, -1):
                    if out[k] in _VNI_SHAPES[c]:
                        out[k] = _VNI_SHAPES[c][out[k]]
                        break
                else:
                    return None
            elif c == "9":
                if "d" not in out:
                    return None
                out[out.index("d")] = "đ"
            elif c.isdigit():
                return None
            else:
                out.append(c)
        base = "".join(out).replace("uơ", "ươ").replace("ưo", "ươ")
    else:
        tone, base = _telex_tone(low)
        shaped = _telex_shapes(base)
        if shaped == base and not (tone and sure_text):
            return None
        base = shaped
    if not _plain_syllable(base):
        return None
    result = _place_tone(base, tone) if tone else base
    if not result:
        return None
    if word[:1].isupper():
        result = result[:1].upper() + result[1:]
    return result


def _maybe_typed(text: str) -> bool:
    """Cheap test for a Telex or VNI keystroke anywhere (most texts have none)."""
    low = text.lower()
    return (
        "w" in low
        or "dd" in low
        or "aa" in low
        or "ee" in low
        or "oo" in low
        or _LETTER_DIGIT.search(low) is not None
    )


def repair_typing(text: str) -> str:
    """Words left as Telex or VNI keystrokes turned back into Vietnamese: 'dduwowngf' → 'đường',
    'nha2 va8n ho1a' → 'nhà văn hóa'. Text without such leftovers comes back unchanged."""
    if not text or not _maybe_typed(text):
        return text or ""
    sure = False
    for m in _WORDS.finditer(text):
        w = m.group(0)
        if _SURE.search(w) and _repair_word(w, False):
            sure = True
            break
    if not sure:
        return text

    def sub(m: re.Match[str]) -> str:
        return _repair_word(m.group(0), True) or m.group(0)

    return _WORDS.sub(sub, text)


def search_key(text: str) -> str:
    """:func:`fold` of :func:`repair_typing`: the key for text that may hold Telex/VNI leftovers."""
    return fold(repair_typing(text))
