"""The OpenAPI document as served (`/api/v1/openapi.json`) equals the committed snapshot, so every
change to what integrators read is seen in review. After an intended change, refresh it with

    make openapi-snapshot

(that is `UPDATE_SNAPSHOTS=1 .venv/bin/pytest doithoai/core/tests/test_openapi_snapshot.py`)
and commit `doithoai/core/tests/snapshots/openapi.json`: keys sorted, indented by two spaces.
"""

import difflib
import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"
REFRESH = "UPDATE_SNAPSHOTS=1 .venv/bin/pytest doithoai/core/tests/test_openapi_snapshot.py"
SHOWN_LINES = 120


def render(document: object) -> str:
    return json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_the_openapi_document_matches_its_snapshot(client, db):
    response = client.get("/api/v1/openapi.json", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    current = render(response.json())
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
        return
    how = (
        f"If the change is intended, refresh the snapshot with\n    {REFRESH}\n"
        "(or `make openapi-snapshot`) and commit doithoai/core/tests/snapshots/openapi.json."
    )
    if not SNAPSHOT.exists():
        pytest.fail(f"No OpenAPI snapshot yet. {how}")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    if current != expected:
        diff = list(
            difflib.unified_diff(
                expected.splitlines(),
                current.splitlines(),
                "snapshot",
                "/api/v1/openapi.json",
                lineterm="",
                n=2,
            )
        )
        shown = "\n".join(diff[:SHOWN_LINES])
        more = f"\n… {len(diff) - SHOWN_LINES} more lines" if len(diff) > SHOWN_LINES else ""
        pytest.fail(f"The OpenAPI document differs from its snapshot.\n{how}\n\n{shown}{more}")
