"""Generate realistic synthetic Vietnamese petitions from the development set's texts.

Each synthetic petition takes a dev petition, moves it to a generated unit and place (northern
tổ/thôn or southern khóm/ấp, with hẻm/kênh objects), perturbs figures, and sometimes changes the
encoding (no diacritics, NFD, ALL CAPS) like real intake. About 30% of petitions repeat a concern
already in the batch: another member of the same dev duplicate group (independent wording) at the
same unit and place, so grouping is exercised at scale. Units hold ~150 petitions each, as in a
national batch. Usage: python bench/generate_petitions.py N out.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from doithoai.synthesis.engine.normalize import fold_keep_case
from doithoai.synthesis.engine.training import load_rows

SYLLABLES = [
    "An",
    "Bình",
    "Hòa",
    "Phú",
    "Tân",
    "Long",
    "Thạnh",
    "Mỹ",
    "Hưng",
    "Lợi",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Xuân",
    "Thủy",
    "Sơn",
    "Hà",
    "Trung",
    "Phước",
    "Thới",
    "Khánh",
    "Vĩnh",
    "Hiệp",
    "Đức",
    "Quang",
    "Minh",
    "Thành",
    "Lộc",
    "Nà",
    "Khuổi",
    "Bản",
    "Phiêng",
    "Cốc",
]
NORTH_AREA, SOUTH_AREA = ("tổ", "thôn"), ("khóm", "ấp")
DUPLICATE_SHARE = 0.3  # share of petitions repeating an earlier concern (paraphrase)
OBJECTS = ("hẻm {n}", "kênh {name}", "đường {name}", "ngõ {n}")
_PLACE = re.compile(r"\b(tổ|thôn|Tổ|Thôn)\s+(\d+|(?:[A-ZĐ]\w*)(?:\s+[A-ZĐ]\w*)?)")
_UNIT = re.compile(r"\b(phường|xã|Phường|Xã)\s+(?:[A-ZĐ]\w*)(?:\s+[A-ZĐ]\w*){0,3}")


def name(rng: random.Random) -> str:
    return " ".join(rng.sample(SYLLABLES, 2))


def variant(text: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return fold_keep_case(text)
    if roll < 0.17:
        return unicodedata.normalize("NFD", text)
    if roll < 0.2:
        return text.upper()
    return text


def generate(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    rows = load_rows()
    n_units = max(1, n // 150)
    units = []
    for u in range(n_units):
        south = u % 3 == 0
        kind = rng.choice(("phường", "xã"))
        areas = SOUTH_AREA if south else NORTH_AREA
        units.append((f"{kind} {name(rng)}", areas[0] if kind == "phường" else areas[1]))
    by_group: dict[str, list[dict]] = {}
    for r in rows:
        if r.get("dup_group"):
            by_group.setdefault(r["dup_group"], []).append(r)
    concerns: list[tuple[str, tuple[str, str], str]] = []  # (dup group, unit, place)
    for k in range(n):
        if concerns and rng.random() < DUPLICATE_SHARE:
            # Another citizen raises a concern already in the batch, in their own words
            # (another member of the same hand-written duplicate group), same unit and place.
            gid, (unit, area), place = rng.choice(concerns)
            row = rng.choice(by_group[gid])
        else:
            row = rng.choice(rows)
            unit, area = units[rng.randrange(n_units)]
            place = f"{area} {rng.randint(1, 20) if rng.random() < 0.5 else name(rng)}"
            if row.get("dup_group"):
                concerns.append((row["dup_group"], (unit, area), place))
        text = _PLACE.sub(place, row["text"])
        text = _UNIT.sub(unit, text)
        text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(-5, 5)), text)
        if rng.random() < 0.2:
            obj = rng.choice(OBJECTS).format(n=rng.randint(1, 200), name=name(rng))
            text = f"{text} Khu vực {obj}."
        yield {
            "id": f"s{k:06d}",
            "text": variant(text, rng),
            "unit": unit,
            "place": place if rng.random() < 0.5 else "",
            "channel": row["channel"],
        }


def main() -> None:
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    with open(out, "w", encoding="utf-8") as fh:
        for row in generate(n):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
