"""`doithoai worker`: django-tasks-db's task worker that outlives a database outage.

django-tasks-db's `db_worker` lets any database error other than a locked SQLite file escape its
loop, so a database restart ends the process. This command runs the same worker (its public
`Worker` class and command options, subclassed; nothing private is patched) and, when the
database goes away (`OperationalError`, `InterfaceError`), closes every connection, waits with a
capped exponential back-off (1, 2, 4 … `--backoff-max` seconds, with jitter), writes one log line
(error class and SQLSTATE only: never a query, its parameters or a task's arguments) and goes on.

A task cut short by the outage (its result could not be recorded) is put back in the queue once
the database answers again, so it runs again: delivery is at least once, as the outbox expects
(`notify.services.message_deliver` sends only messages still pending).
"""

import contextlib
import logging
import os
import random
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import CommandError
from django.db import connections, router
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from doithoai.core.outages import OUTAGE_ERRORS, outage_summary

logger = logging.getLogger("doithoai.worker")


def backoff_delay(failures: int, *, start: float, cap: float) -> float:
    """Seconds to wait after the n-th failure in a row: start, 2×start, 4×start … at most cap,
    less up to 10 % jitter so that several workers do not knock at the same instant."""
    base = min(cap, start * 2 ** max(0, failures - 1))
    return base * (1 - random.random() / 10)  # noqa: S311 (not for security)


def database_answers() -> None:
    """Connect to the tasks' database now; OperationalError while it is still away."""
    connections[router.db_for_write(DBTaskResult)].ensure_connection()


def close_connections() -> None:
    """Drop every connection (a broken one may fail to close: it is gone either way)."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(*OUTAGE_ERRORS):
            connection.close()  # forgets the connection even when closing it fails


class ResilientWorker(Worker):
    """django-tasks-db's worker, restarted in the same process after a database outage."""

    def __init__(self, *, backoff_start: float, backoff_max: float, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.backoff_start = backoff_start
        self.backoff_max = backoff_max
        self.interrupted_task_id: Any = None
        self.outages = 0

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # If recording the task's result fails for lack of a database, the error leaves
        # Worker.run_task and the task stays "running": remember it to queue it again.
        self.interrupted_task_id = db_task_result.pk
        super().run_task(db_task_result)
        self.interrupted_task_id = None

    def requeue_interrupted(self) -> None:
        if self.interrupted_task_id is None:
            return
        requeued = DBTaskResult.objects.filter(
            pk=self.interrupted_task_id, status=TaskResultStatus.RUNNING
        ).update(status=TaskResultStatus.READY, started_at=None)
        logger.warning(
            "worker %s: task %s interrupted by the outage %s",
            self.worker_id,
            self.interrupted_task_id,
            "queued again" if requeued else "already finished",
        )
        self.interrupted_task_id = None

    def run(self) -> None:
        failures = 0
        while self.running:
            started = time.monotonic()
            try:
                if failures:
                    database_answers()  # still away: one more failed attempt, a longer wait
                    logger.warning(
                        "worker %s: database available again after %d attempt(s)",
                        self.worker_id,
                        failures,
                    )
                    failures = 0
                self.requeue_interrupted()
                super().run()
                return  # --batch or --max-tasks reached: a normal end
            except OUTAGE_ERRORS as error:
                if time.monotonic() - started > self.backoff_max:
                    failures = 0  # it had been working: start the back-off afresh
                failures += 1
                self.outages += 1
                delay = backoff_delay(failures, start=self.backoff_start, cap=self.backoff_max)
                logger.warning(
                    "worker %s: database unavailable (%s), attempt %d, retrying in %.1f s",
                    self.worker_id,
                    outage_summary(error),
                    failures,
                    delay,
                )
                close_connections()
                self.startup_delay = False
                if self.running:
                    time.sleep(delay)


class Command(DbWorkerCommand):
    help = (
        "Run the background task worker (django-tasks-db's db_worker) so that it survives "
        "database restarts: reconnects with a capped exponential back-off, never exits on a "
        "database error."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:  # type: ignore[override]
        super().add_arguments(parser)
        parser.add_argument(
            "--backoff-start",
            type=float,
            default=1.0,
            help="Seconds to wait after the first failed database attempt (default: 1).",
        )
        parser.add_argument(
            "--backoff-max",
            type=float,
            default=30.0,
            help="Longest wait between database attempts, in seconds (default: 30).",
        )

    def handle(  # type: ignore[override]
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        backoff_start: float,
        backoff_max: float,
        **options: Any,
    ) -> None:
        # As DbWorkerCommand.handle, with the resilient worker.
        self.configure_logging(verbosity)
        if not logger.hasHandlers():
            logger.addHandler(logging.StreamHandler(self.stderr))
        logger.setLevel(logging.INFO if verbosity else logging.CRITICAL)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            backoff_start=backoff_start,
            backoff_max=backoff_max,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
