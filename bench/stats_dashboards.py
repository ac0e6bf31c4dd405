"""Time each statistics dashboard's queries over the petitions table (1M rows on PostgreSQL).

Run after `doithoai migrate`, `doithoai demo` and `bench/petitions_generate.py` (see
bench/README-stats.md):

    DATABASE_URL=postgres://... .venv/bin/python bench/stats_dashboards.py --users tinh quantri

A dashboard is what `/staff/bao-cao/?theo=<dimension>` computes: the petition breakdown by that
dimension (one GROUP BY plus a label look-up), the issues by state and the directives by
department. Each is run once to warm the cache, then `--runs` times; the median is reported.
Exit status 1 when a median exceeds `--target` seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from doithoai.accounts.models import User  # noqa: E402
from doithoai.reports.selectors import (  # noqa: E402
    DIMENSIONS,
    ReportFilters,
    directive_breakdown,
    issue_breakdown,
    petition_breakdown,
)


def dashboard(user: User, dimension: str, filters: ReportFilters) -> int:
    rows = petition_breakdown(user=user, filters=filters, dimension=dimension)
    issue_breakdown(user=user, filters=filters)
    directive_breakdown(user=user, filters=filters)
    return sum(r.total for r in rows)


def fresh(username: str) -> User:
    """A new user object each run, so the per-request caches (memberships, area) start empty."""
    return User.objects.get(username=username)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", nargs="+", default=["tinh", "quantri"])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", type=float, default=1.0)
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of each")
    parser.add_argument(
        "--proposed-index",
        choices=["keep", "create", "drop"],
        default="keep",
        help="create or drop the covering index proposed in README-stats.md before timing",
    )
    args = parser.parse_args()
    proposed_index(args.proposed_index)
    periods = {
        "all": ReportFilters(),
        "2024": ReportFilters(
            date_from=__import__("datetime").date(2024, 1, 1),
            date_to=__import__("datetime").date(2024, 12, 31),
        ),
    }
    print(f"{connection.vendor}, petitions: {count_petitions():,}")
    missed = 0
    for username in args.users:
        for period, filters in periods.items():
            for dimension in DIMENSIONS:
                user = fresh(username)
                rows_total = dashboard(user, dimension, filters)  # warm
                times = []
                for _ in range(args.runs):
                    user = fresh(username)
                    with CaptureQueriesContext(connection) as ctx:
                        start = time.perf_counter()
                        dashboard(user, dimension, filters)
                        times.append(time.perf_counter() - start)
                    queries = len(ctx.captured_queries)
                median = statistics.median(times)
                ok = median < args.target
                missed += not ok
                print(
                    f"{username:8} {period:4} {dimension:11} petitions={rows_total:>9,} "
                    f"queries={queries:2} median={median * 1000:7.1f} ms "
                    f"max={max(times) * 1000:7.1f} ms {'ok' if ok else 'MISSED'}"
                )
                if args.explain:
                    explain(fresh(username), dimension, filters)
                reset_queries()
    return 1 if missed else 0


PROPOSED_INDEX = (
    "CREATE INDEX IF NOT EXISTS petition_stats_cover ON petitions_petition (unit_id, received_on) "
    "INCLUDE (topic_id, assigned_to_id, channel, legal_kind, state, round_id, due_on, resolved_at)"
)


def proposed_index(action: str) -> None:
    """The index the statistics would like on the petitions table (not in a migration yet)."""
    if action == "keep":
        return
    with connection.cursor() as cur:
        if action == "create":
            start = time.perf_counter()
            cur.execute(PROPOSED_INDEX)
            cur.execute("VACUUM ANALYZE petitions_petition")  # index-only scans need the VM
            print(f"proposed index built in {time.perf_counter() - start:.1f} s")
        else:
            cur.execute("DROP INDEX IF EXISTS petition_stats_cover")
            cur.execute("ANALYZE petitions_petition")
    with connection.cursor() as cur:
        cur.execute("SELECT to_regclass('petition_stats_cover') IS NOT NULL")
        print(f"proposed index present: {cur.fetchone()[0]}")


def count_petitions() -> int:
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM petitions_petition")
        return int(cur.fetchone()[0])


def explain(user: User, dimension: str, filters: ReportFilters) -> None:
    with CaptureQueriesContext(connection) as ctx:
        petition_breakdown(user=user, filters=filters, dimension=dimension)
    sql = max((q["sql"] for q in ctx.captured_queries), key=lambda s: "GROUP BY" in s)
    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        for (line,) in cur.fetchall():
            print("    " + line)


if __name__ == "__main__":
    sys.exit(main())
