"""Batch runs: read petitions from JSONL, CSV or XLSX and write one JSON suggestion per line."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .pipeline import PetitionIn, synthesize

FIELDS = ("id", "text", "unit", "place", "channel")
# No tqdm monitor thread: synthesize() only forks its worker process from a single-threaded one.
tqdm.monitor_interval = 0


def _row(data: dict[str, Any], line: int) -> PetitionIn:
    if not data.get("text"):
        raise ValueError(f"record {line}: missing text")
    values = {
        k: (str(data[k]).strip() or None) if data.get(k) is not None else None for k in FIELDS
    }
    return PetitionIn(
        id=values["id"] or str(line),
        text=str(data["text"]),
        unit=values["unit"],
        place=values["place"],
        channel=values["channel"],
    )


def _records(path: Path) -> Iterator[dict[str, Any]]:
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson", ".json"}:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    elif suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            yield from csv.DictReader(fh)
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows)]
        for values in rows:
            yield dict(zip(header, values, strict=False))
    else:
        raise ValueError(f"unsupported input format: {path.suffix}")


def read(path: str | Path) -> list[PetitionIn]:
    path = Path(path)
    return [_row(r, k) for k, r in enumerate(tqdm(_records(path), desc="read", unit=" rows"), 1)]


def run(input_path: str | Path, output_path: str | Path, progress: bool = True) -> int:
    """Synthesize every petition of ``input_path`` into ``output_path`` (JSONL); returns count."""
    petitions = read(input_path)
    bar = tqdm(total=4 * len(petitions), desc="synthesize", disable=not progress)
    done: dict[str, int] = {}

    def report(stage: str, n: int) -> None:
        bar.update(n - done.get(stage, 0))
        done[stage] = n

    suggestions = synthesize(petitions, progress=report)
    bar.close()
    with open(output_path, "w", encoding="utf-8") as fh:
        for s in suggestions:
            record = {
                "id": s.id,
                "topic": s.topic,
                "confidence": s.confidence,
                "group": s.group,
                "group_title": s.group_title,
                "department": s.department,
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(suggestions)
