"""Every interface string has an English translation that is in use (not a fuzzy guess)."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries() -> list[str]:
    blocks = PO.read_text(encoding="utf-8").split("\n\n")
    return [b for b in blocks if "\nmsgid " in "\n" + b and not b.lstrip().startswith("#~")]


def _joined(block: str, key: str) -> str:
    """The text of `key` ("msgid", "msgstr", "msgstr[0]"), continuation lines included."""
    lines = block.splitlines()
    out, on = [], False
    for line in lines:
        if line.startswith(key + " "):
            out.append(line[len(key) + 1 :].strip('"'))
            on = True
        elif on and line.startswith('"'):
            out.append(line.strip('"'))
        else:
            on = False
    return "".join(out)


def test_every_string_is_translated_and_none_is_fuzzy():
    problems = []
    for block in _entries():
        msgid = _joined(block, "msgid")
        if not msgid:
            continue  # the header
        if re.search(r"^#,.*\bfuzzy\b", block, re.MULTILINE):
            problems.append(f"fuzzy: {msgid}")
        plural = "msgid_plural" in block
        msgstr = _joined(block, "msgstr[0]" if plural else "msgstr")
        if not msgstr:
            problems.append(f"untranslated: {msgid}")
    assert problems == []
