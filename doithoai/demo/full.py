"""The full demo: both rounds of Bắc Kạn city lived through the application's services.

`load_full_demo()` is what `doithoai demo` runs after the reference data; tests and the browser
scenario call it on a database that already holds the reference data (`demo --reference-only`,
loaded once per test session)."""

import io
from typing import Any

from django.db import transaction

from doithoai.demo.steps import LIFE_STEPS


def load_full_demo(out: Any = None) -> None:
    """Finish the 2016 round and open the second one, in one transaction. Idempotent."""
    out = out if out is not None else io.StringIO()
    with transaction.atomic():
        for step in LIFE_STEPS:
            step(out)
