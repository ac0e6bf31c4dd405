"""How well Telex / VNI leftovers are repaired (issue #18 item 1), without any model.

Every NFC petition of the shipped data (development set and authored corpora) is re-typed as if
the Vietnamese input method had been switched off: Telex ("đường" → "dduwowngf") or VNI
("d9u7o7ng2"), tone key at the end of the word, every word. The engine's folded tokens of the
re-typed text (with :func:`doithoai.core.text.repair_typing`) are compared with those of the
original: words restored, texts restored whole. Texts typed without marks ("duong") need no
repair: they fold to the same tokens already. A second check runs the repair on the original
texts: a repair must leave correct Vietnamese alone. Run:
    .venv/bin/python bench/synthesis_typing.py
"""

from __future__ import annotations

import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from doithoai.core.text import repair_typing
from doithoai.synthesis.engine.normalize import fold
from doithoai.synthesis.engine.training import load_authored, load_rows

_TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
_TELEX_SHAPES = {
    "a\u0302": "aa", "e\u0302": "ee", "o\u0302": "oo", "a\u0306": "aw", "o\u031b": "ow",
    "u\u031b": "uw", "đ": "dd",
}  # fmt: skip
_VNI_SHAPES = {
    "a\u0302": "a6", "e\u0302": "e6", "o\u0302": "o6", "a\u0306": "a8", "o\u031b": "o7",
    "u\u031b": "u7", "đ": "d9",
}  # fmt: skip


def retype(text: str, scheme: str) -> str:
    """``text`` typed with the input method off: shapes in place, the tone key at the end."""
    tones = _TELEX_TONES if scheme == "telex" else _VNI_TONES
    shapes = _TELEX_SHAPES if scheme == "telex" else _VNI_SHAPES
    out = []
    for word in text.split(" "):
        low = unicodedata.normalize("NFD", word)
        tone = ""
        for mark, key in tones.items():
            if mark in low:
                tone, low = key, low.replace(mark, "")
        upper = low[:1].isupper()
        low = low.lower()
        for shape, keys in shapes.items():
            low = low.replace(shape, keys)
        # Punctuation after a word keeps its place after the tone key.
        core = low.rstrip(".,;:!?)\"'")
        tail = low[len(core) :]
        typed = core + tone + tail
        out.append(typed[:1].upper() + typed[1:] if upper else typed)
    return " ".join(out)


def main() -> None:
    rows = [r for r in load_rows() + load_authored() if r.get("variant") == "nfc"]
    t0 = time.perf_counter()
    for scheme in ("telex", "vni"):
        words = right = texts_ok = 0
        for r in rows:
            gold = fold(r["text"]).split()
            got = fold(repair_typing(retype(r["text"], scheme))).split()
            if len(got) != len(gold):
                continue
            words += len(gold)
            right += sum(a == b for a, b in zip(gold, got, strict=True))
            texts_ok += got == gold
        print(
            f"{scheme}: {len(rows)} texts re-typed; words restored {right / words:.4f}; "
            f"texts restored whole {texts_ok / len(rows):.4f}"
        )
    changed = sum(repair_typing(r["text"]) != r["text"] for r in rows)
    print(f"correct texts changed by the repair: {changed} / {len(rows)}")
    print(f"{time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
