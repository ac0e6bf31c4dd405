"""`doithoai worker` survives database restarts (issue #16 item 2).

A throwaway PostgreSQL cluster of the test's own is stopped (fast, then immediate) under a running
worker process and started again; a task queued after each restart must be run by that same
process. Needs PostgreSQL's server binaries (`initdb`, `pg_ctl`); skipped without them.
"""

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from doithoai.core.management.commands.worker import ResilientWorker, backoff_delay
from doithoai.core.outages import outage_summary
from doithoai.core.tests.pgcluster import PGBIN, Cluster

ROOT = Path(__file__).resolve().parents[3]
DOITHOAI = str(Path(sys.executable).with_name("doithoai"))
ENQUEUE_AND_WAIT = """
import json, sys, time
import django
django.setup()
from doithoai.core.tests.worker_tasks import which_process
result = which_process.enqueue(sys.argv[1])
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline and not result.is_finished:
    time.sleep(0.2)
    result.refresh()
print(json.dumps({"status": result.status, "workers": result.worker_ids,
                  "value": result.return_value if result.status == "SUCCESSFUL" else None}))
"""


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not PGBIN:
        pytest.skip("PostgreSQL server binaries are not installed")
    folder = Path(tempfile.mkdtemp(prefix="doithoai-worker-pg-"))
    folder.chmod(0o755)
    server = Cluster(folder)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def _env(cluster: Cluster) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
        "PYTHONUNBUFFERED": "1",
    }


def _enqueue_and_wait(cluster: Cluster, label: str, seconds: float = 60) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", ENQUEUE_AND_WAIT, label, str(seconds)],
        env=_env(cluster),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_worker_runs_tasks_queued_after_database_restarts(cluster: Cluster) -> None:
    subprocess.run(
        [DOITHOAI, "migrate", "django_tasks_database", "--no-input", "-v", "0"],
        env=_env(cluster),
        cwd=ROOT,
        check=True,
    )
    log = (cluster.folder / "worker.log").open("w+")
    worker = subprocess.Popen(
        [
            DOITHOAI, "worker", "--worker-id", "test-worker", "--interval", "0.2",
            "--no-startup-delay", "--no-reload", "--backoff-start", "0.2", "--backoff-max", "1",
        ],
        env=_env(cluster),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        first = _enqueue_and_wait(cluster, "before")
        assert first["status"] == "SUCCESSFUL", first
        assert first["value"] == {"label": "before", "pid": worker.pid}

        for mode in ("fast", "immediate"):
            cluster.stop(mode)
            time.sleep(3)  # several failed attempts while the database is away
            assert worker.poll() is None, "the worker died with the database"
            cluster.start()
            after = _enqueue_and_wait(cluster, f"after-{mode}")
            assert after["status"] == "SUCCESSFUL", (mode, after)
            assert after["value"] == {"label": f"after-{mode}", "pid": worker.pid}
            assert after["workers"] == ["test-worker"]
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.seek(0)
        output = log.read()
        log.close()
    outage_lines = [line for line in output.splitlines() if "database unavailable" in line]
    assert outage_lines, output
    # One line per attempt, naming the error class only.
    assert all("OperationalError" in line or "InterfaceError" in line for line in outage_lines)
    assert "database available again" in output
    assert "Traceback" not in output


def test_backoff_doubles_up_to_the_cap() -> None:
    delays = [backoff_delay(n, start=1, cap=30) for n in range(1, 8)]
    expected = [1, 2, 4, 8, 16, 30, 30]
    assert all(0.9 * e <= d <= e for d, e in zip(delays, expected, strict=True)), delays


def test_outage_summary_names_no_query_or_value() -> None:
    from django.db import OperationalError

    error = OperationalError('duplicate value "Nguyễn Văn A, 0912345678" in query SELECT ...')
    assert outage_summary(error) == "OperationalError"


def _worker(**kwargs: object) -> ResilientWorker:
    options: dict[str, object] = {
        "queue_names": ["default"],
        "interval": 0,
        "batch": True,
        "backend_name": "default",
        "startup_delay": False,
        "max_tasks": None,
        "worker_id": "unit-worker",
        "excluded_queue_names": [],
        "backoff_start": 1.0,
        "backoff_max": 30.0,
    }
    options.update(kwargs)
    return ResilientWorker(**options)  # type: ignore[arg-type]


def test_the_loop_backs_off_and_goes_on_after_outage_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db import InterfaceError, OperationalError
    from django_tasks_db.management.commands.db_worker import Worker

    from doithoai.core.management.commands import worker as module

    calls: list[str] = []
    still_down: list[Exception] = [InterfaceError("gone"), OperationalError("refused")]

    def fake_run(self: Worker) -> None:
        calls.append("run")
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")

    def ping() -> None:
        calls.append("ping")
        if still_down:
            raise still_down.pop(0)

    sleeps: list[float] = []
    monkeypatch.setattr(Worker, "run", fake_run)
    monkeypatch.setattr(module, "database_answers", ping)
    monkeypatch.setattr(module.time, "sleep", sleeps.append)
    worker = _worker()
    monkeypatch.setattr(worker, "requeue_interrupted", lambda: None)
    worker.run()
    # The loop failed, waited, found the database still away twice, then ran to its normal end.
    assert calls == ["run", "ping", "ping", "ping", "run"]
    assert worker.outages == 3
    assert all(0.9 * e <= s <= e for s, e in zip(sleeps, [1, 2, 4], strict=True)), sleeps


def test_other_errors_are_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    from django_tasks_db.management.commands.db_worker import Worker

    def fake_run(self: Worker) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(Worker, "run", fake_run)
    worker = _worker()
    monkeypatch.setattr(worker, "requeue_interrupted", lambda: None)
    with pytest.raises(ValueError):
        worker.run()


@pytest.mark.django_db
def test_a_task_cut_short_by_the_outage_is_queued_again() -> None:
    import datetime

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    def row(status: str) -> DBTaskResult:
        return DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": ["x"], "kwargs": {}},
            task_path="doithoai.core.tests.worker_tasks.which_process",
            backend_name="default",
            run_after=timezone.now() - datetime.timedelta(seconds=1),
            worker_ids=["unit-worker"],
            started_at=timezone.now(),
        )

    cut, finished = row("RUNNING"), row("SUCCESSFUL")
    worker = _worker()
    worker.interrupted_task_id = cut.pk
    worker.requeue_interrupted()
    cut.refresh_from_db()
    assert (cut.status, cut.started_at) == ("READY", None)
    assert worker.interrupted_task_id is None
    worker.interrupted_task_id = finished.pk  # its result was recorded after all
    worker.requeue_interrupted()
    finished.refresh_from_db()
    assert finished.status == "SUCCESSFUL"
