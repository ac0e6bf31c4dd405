"""Fault test of the production setup (issue #16 acceptance): N clients create petitions through
the API with idempotency keys and retries while the server and the database are broken under
them, then every acknowledged petition is looked for in the database.

What runs, as deploy/ describes it:

- PostgreSQL: a throwaway cluster of this run (initdb in a temporary folder, durable defaults:
  fsync and synchronous_commit on), on `--pg-port`;
- the web server: granian with the arguments of deploy/systemd/doithoai-web.service (2 workers,
  4 blocking threads, --respawn-failed-workers --respawn-interval 1), settings config.settings.prod
  (WhiteNoise, CONN_MAX_AGE 600 with health checks), under a small supervisor that does what
  systemd does with that unit: `collectstatic` once (doithoai-static.service), `migrate` before
  each start (ExecStartPre), and when the master exits, SIGTERM then SIGKILL to every process
  left in its group (KillMode=control-group) and a new start after 2 s (Restart=always,
  RestartSec=2);
- the task worker: `doithoai worker`, NOT supervised: if it died, the run says so.

Phases (each `--phase-seconds` long, load throughout except the idle restart):
baseline; kill -9 of one granian worker; kill -9 of the granian master; database fast stop
(`pg_ctl stop -m fast`, down `--outage-seconds`, start); database immediate stop (`-m immediate`,
a crash); restart while idle (load paused, database fast stop and start, load resumed).

Each client sends one create at a time on a persistent connection with a fresh Idempotency-Key;
any failure (refused or reset connection, timeout, any status but 200/201) is retried with the
same key and body after 0.2 s, until acknowledged. At the end: acknowledged, found (the
acknowledged id exists with the client's text), lost, duplicated (a key or a text found on more
than one petition), per phase the failed attempts by kind, the seconds until every client had
succeeded again, and the failed attempts after that point (target 0).

    .venv/bin/python bench/faults.py [--clients 8] [--phase-seconds 15] [--outage-seconds 5] \
        [--pg-port 55506] [--http-port 8066] [--output bench/results-faults-DATE.txt]

Exit status 1 when lost > 0, duplicated > 0, a request failed after recovery, a 500 was
answered, or the worker died.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime
import glob
import http.client
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from doithoai.core.tests.pgcluster import Cluster

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RETRY_PAUSE = 0.2
REQUEST_TIMEOUT = 15.0


# --------------------------------------------------------------------------- processes


def children_of(pid: int) -> list[int]:
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            text = Path(stat).read_text()
            if int(text.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.split("/")[2]))
    return found


def group_members(pgid: int) -> list[int]:
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(stat.split("/")[2]))
    return found


class Supervisor(threading.Thread):
    """What systemd does with deploy/systemd/doithoai-web.service: doithoai-static.service once,
    then ExecStartPre and start, and on the main process's exit kill its whole group
    (KillMode=control-group) and start again after RestartSec=2 (Restart=always)."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        super().__init__(daemon=True)
        self.env, self.port, self.log = env, port, log
        self.master: subprocess.Popen[bytes] | None = None
        self.started = threading.Event()
        self.stopping = False
        self.restarts = 0
        self.orphans_seen = 0  # workers still alive when their master had died
        self.orphans_left = 0  # processes of an old group alive after the new start

    def command(self) -> list[str]:
        return [
            str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(self.port), "--workers", "2", "--blocking-threads", "4",
            "--respawn-failed-workers", "--respawn-interval", "1", "config.wsgi:application",
        ]  # fmt: skip

    def run(self) -> None:
        doithoai = str(BIN / "doithoai")
        with self.log.open("ab") as out:
            subprocess.run([doithoai, "collectstatic", "--no-input", "-v", "0"], env=self.env,
                           cwd=ROOT, stdout=out, stderr=out, check=True)  # fmt: skip
            while not self.stopping:
                migrate = [doithoai, "migrate", "--no-input", "-v", "0"]
                migrated = subprocess.run(migrate, env=self.env, cwd=ROOT, stdout=out, stderr=out)
                if migrated.returncode:  # ExecStartPre failed: the unit fails, Restart=always
                    time.sleep(2)
                    self.restarts += 1
                    continue
                self.master = subprocess.Popen(
                    self.command(), env=self.env, cwd=ROOT, stdout=out, stderr=out,
                    start_new_session=True,
                )  # fmt: skip
                self.started.set()
                pgid = self.master.pid
                self.master.wait()
                left = [p for p in group_members(pgid) if p != pgid]
                if not self.stopping:
                    self.orphans_seen += len(left)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGTERM)
                deadline = time.monotonic() + 5
                while group_members(pgid) and time.monotonic() < deadline:
                    time.sleep(0.1)
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)
                if self.stopping:
                    return
                self.started.clear()
                time.sleep(2)  # RestartSec=2
                self.restarts += 1
                self.orphans_left += len(group_members(pgid))

    def stop(self) -> None:
        self.stopping = True
        if self.master is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.master.pid, signal.SIGTERM)
        self.join(timeout=30)


# --------------------------------------------------------------------------- clients


@dataclass
class Attempt:
    start: float
    end: float
    client: int
    outcome: str  # ok, conn, timeout, 503, 500, http-<status>


@dataclass
class Ack:
    key: str
    petition_id: int
    text: str
    retried: int


@dataclass
class Client:
    number: int
    base: tuple[str, int]
    token: str
    unit_id: int
    prefix: str
    gate: threading.Event
    stop: threading.Event
    attempts: list[Attempt] = field(default_factory=list)
    acks: list[Ack] = field(default_factory=list)
    retry_after_missing: int = 0
    problem_json_missing: int = 0
    idle: threading.Event = field(default_factory=threading.Event)
    last_ok_start: float = 0.0

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(*self.base, timeout=REQUEST_TIMEOUT)

    def run(self) -> None:
        conn = self.connect()
        n = 0
        while not self.stop.is_set():
            if not self.gate.is_set():
                self.idle.set()
                self.gate.wait()
                continue
            self.idle.clear()
            n += 1
            key = f"{self.prefix}-{self.number}-{n}"
            text = (
                f"Đường bê tông tổ {n % 40 + 1} bị lún, nứt nhiều đoạn sau mưa, đề nghị sửa chữa "
                f"(kiểm thử sự cố {key})."
            )
            body = json.dumps(
                {
                    "text": text,
                    "unit_id": self.unit_id,
                    "topic": "giao_thong",
                    "channel": "api",
                    "submitter_name": "Hà Văn Bình",
                    "phone": "0912345678",
                    "email": "binh.hv@example.vn",
                },
                ensure_ascii=False,
            ).encode()
            headers = {
                "Content-Type": "application/json",
                "Idempotency-Key": key,
                "Authorization": f"Bearer {self.token}",
                "Host": "127.0.0.1",
            }
            tries = 0
            while True:  # until acknowledged: a client never gives up a petition
                tries += 1
                start = time.monotonic()
                outcome, petition_id = "conn", None
                try:
                    conn.request("POST", "/api/v1/petitions", body=body, headers=headers)
                    response = conn.getresponse()
                    payload = response.read()
                    status = response.status
                    if status in (200, 201):
                        outcome, petition_id = "ok", int(json.loads(payload)["id"])
                    else:
                        outcome = str(status) if status in (500, 503) else f"http-{status}"
                        if status == 503:
                            self.retry_after_missing += response.getheader("Retry-After") is None
                            self.problem_json_missing += "problem+json" not in (
                                response.getheader("Content-Type") or ""
                            )
                    if response.will_close:
                        conn.close()
                        conn = self.connect()
                except TimeoutError:
                    outcome = "timeout"
                    conn.close()
                    conn = self.connect()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = self.connect()
                self.attempts.append(Attempt(start, time.monotonic(), self.number, outcome))
                if petition_id is not None:
                    self.acks.append(Ack(key, petition_id, text, tries - 1))
                    self.last_ok_start = start
                    break
                time.sleep(RETRY_PAUSE)
        conn.close()
        self.idle.set()


# --------------------------------------------------------------------------- phases


@dataclass
class Phase:
    name: str
    start: float
    fault: float
    repaired: float
    end: float = 0.0
    note: str = ""
    first_after_resume: list[str] = field(default_factory=list)


def wait_ready(port: int, seconds: float = 120) -> float:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        url = f"http://127.0.0.1:{port}/healthz/ready"
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                return time.monotonic()
        time.sleep(0.2)
    raise SystemExit("the server did not become ready")


def phase_stats(phase: Phase, attempts: list[Attempt], clients: int) -> dict[str, object]:
    inside = [a for a in attempts if phase.start <= a.start < phase.end]
    failed = [a for a in inside if a.outcome != "ok"]
    kinds = collections.Counter(a.outcome for a in failed)
    # Recovered: every client has completed a successful request started after the repair.
    first_ok: dict[int, float] = {}
    for a in sorted(inside, key=lambda a: a.end):
        if a.outcome == "ok" and a.start >= phase.repaired and a.client not in first_ok:
            first_ok[a.client] = a.end
    recovered = max(first_ok.values()) if len(first_ok) == clients else None
    if not failed:
        recovered = phase.fault  # nothing failed: nothing to recover from
    after = [a for a in failed if recovered is not None and a.start > recovered]
    return {
        "attempts": len(inside),
        "ok": len(inside) - len(failed),
        "failed": len(failed),
        "kinds": dict(kinds),
        "recovery_from_fault": None if recovered is None else max(0.0, recovered - phase.fault),
        "recovery_from_repair": None if recovered is None else max(0.0, recovered - phase.repaired),
        "failed_after_recovery": len(after) if recovered is not None else None,
    }


CLEANUP: list[object] = []  # what to stop if the run ends early (supervisor, worker, cluster)


def main() -> int:
    try:
        return run()
    finally:
        for thing in reversed(CLEANUP):
            with contextlib.suppress(Exception):
                if isinstance(thing, Supervisor):
                    thing.stop()
                elif isinstance(thing, subprocess.Popen):
                    thing.kill()
                elif isinstance(thing, Cluster):
                    thing.stop("immediate")
                elif isinstance(thing, Path):
                    shutil.rmtree(thing, ignore_errors=True)


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--phase-seconds", type=float, default=15)
    parser.add_argument("--outage-seconds", type=float, default=5)
    parser.add_argument("--pg-port", type=int, default=55506)
    parser.add_argument("--http-port", type=int, default=8066)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()

    began = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="doithoai-faults-"))
    CLEANUP.append(tmp)
    tmp.chmod(0o755)
    (tmp / "pg").mkdir()
    (tmp / "pg").chmod(0o755)
    cluster = Cluster(tmp / "pg", args.pg_port, durable=True)
    cluster.start()
    CLEANUP.append(cluster)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://doithoai@127.0.0.1:{args.pg_port}/postgres",
        "DOITHOAI_STATIC_ROOT": str(tmp / "static"),
        "DOITHOAI_MEDIA_ROOT": str(tmp / "media"),
        "DJANGO_SECURE_COOKIES": "0",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",  # nothing listens: each receipt is a failed delivery, retried later
        "DOITHOAI_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
        # This checkout's code even when the virtual environment's editable install points at
        # another (a worktree of a given commit: see bench/README-faults.md).
        "PYTHONPATH": str(ROOT),
    }
    own = ("DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
    os.environ.update({k: env[k] for k in (*own, "DOITHOAI_STATIC_ROOT", "DOITHOAI_MEDIA_ROOT")})
    doithoai = str(BIN / "doithoai")
    print("database and reference data ...", flush=True)
    subprocess.run([doithoai, "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run([doithoai, "demo", "--bac-kan-only", "--reference-only"], env=env, cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import close_old_connections, connection
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from doithoai.accounts.models import User
    from doithoai.accounts.services import api_token_create
    from doithoai.demo.people import DUC_XUAN_CODE
    from doithoai.petitions.models import IdempotencyKey, Petition
    from doithoai.units.models import Scheme, Unit

    _token, token = api_token_create(
        actor=None, user=User.objects.get(username="phuong"), name="faults"
    )
    unit_id = Unit.objects.get(scheme=Scheme.LEGACY_2004, code=DUC_XUAN_CODE).pk
    connection.close()

    supervisor = Supervisor(env, args.http_port, tmp / "granian.log")
    supervisor.start()
    CLEANUP.append(supervisor)
    supervisor.started.wait(120)
    wait_ready(args.http_port)
    worker_log = (tmp / "worker.log").open("wb")
    worker = subprocess.Popen(
        [doithoai, "worker", "--no-reload", "--interval", "0.5"], env=env, cwd=ROOT,
        stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker_pid = worker.pid
    CLEANUP.append(worker)

    prefix = f"faults-{uuid.uuid4().hex[:8]}"
    gate, stop = threading.Event(), threading.Event()
    gate.set()
    clients = [
        Client(i, ("127.0.0.1", args.http_port), token, unit_id, prefix, gate, stop)
        for i in range(args.clients)
    ]
    threads = [threading.Thread(target=c.run, daemon=True) for c in clients]
    for t in threads:
        t.start()
    phases: list[Phase] = []

    def wait_recovered(since: float, seconds: float = 180) -> None:
        """Until every client has been acknowledged a request it sent after `since`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and any(c.last_ok_start < since for c in clients):
            time.sleep(0.2)

    wait_recovered(time.monotonic())  # warm-up: every client served once (cold workers)

    def phase(name: str, fault: object) -> None:
        start = time.monotonic()
        note = ""
        fault_at = start + 2
        time.sleep(2)
        repaired = fault()  # type: ignore[operator]
        if isinstance(repaired, tuple):
            repaired, note = repaired
        wait_recovered(repaired)  # a master restarted by the supervisor takes a while
        rest = start + args.phase_seconds - time.monotonic()
        time.sleep(max(rest, 5))  # and then some load with nothing broken
        phases.append(Phase(name, start, fault_at, repaired, time.monotonic(), note))
        print(f"  {name}: done", flush=True)

    def nothing() -> float:
        return time.monotonic()

    def kill_worker() -> tuple[float, str]:
        assert supervisor.master is not None
        victims = children_of(supervisor.master.pid)
        victim = random.choice(victims)
        os.kill(victim, signal.SIGKILL)
        return time.monotonic(), f"worker pid {victim} of {len(victims)}"

    def kill_master() -> tuple[float, str]:
        assert supervisor.master is not None
        pid = supervisor.master.pid
        os.kill(pid, signal.SIGKILL)
        return time.monotonic(), f"master pid {pid}"

    def database(mode: str) -> object:
        def stop_and_start() -> tuple[float, str]:
            t0 = time.monotonic()
            cluster.stop(mode)
            time.sleep(args.outage_seconds)
            cluster.start()
            return time.monotonic(), f"down {time.monotonic() - t0:.1f} s"

        return stop_and_start

    print(f"load: {args.clients} clients; phases of {args.phase_seconds:.0f} s", flush=True)
    phase("baseline (no fault)", nothing)
    phase("kill -9 of a server worker", kill_worker)
    phase("kill -9 of the server master", kill_master)
    phase("database fast stop", database("fast"))
    phase("database immediate stop", database("immediate"))

    # Restart while idle: no request in flight, the persistent connections stay open.
    start = time.monotonic()
    gate.clear()
    for c in clients:
        c.idle.wait(30)
    time.sleep(1)
    fault_at = time.monotonic()
    cluster.stop("fast")
    cluster.start()
    time.sleep(1)
    repaired = time.monotonic()
    gate.set()
    time.sleep(args.phase_seconds)
    idle = Phase(
        "restart while idle", start, fault_at, repaired, time.monotonic(), "fast stop, start"
    )
    phases.append(idle)
    print("  restart while idle: done", flush=True)

    stop.set()
    gate.set()
    for t in threads:
        t.join(timeout=REQUEST_TIMEOUT * 4)

    # Verification, from the database.
    attempts = sorted((a for c in clients for a in c.attempts), key=lambda a: a.start)
    acks = [a for c in clients for a in c.acks]
    after_idle = [a.outcome for a in attempts if a.start >= idle.repaired][:30]
    idle.first_after_resume = after_idle
    close_old_connections()
    by_key = dict(
        IdempotencyKey.objects.filter(key__startswith=prefix).values_list("key", "petition_id")
    )
    texts = collections.Counter(
        Petition.objects.filter(text__contains=prefix).values_list("text", flat=True)
    )
    existing = dict(
        Petition.objects.filter(pk__in=[a.petition_id for a in acks]).values_list("pk", "text")
    )
    found = sum(1 for a in acks if existing.get(a.petition_id) == a.text)
    lost = len(acks) - found
    duplicated = sum(n - 1 for n in texts.values() if n > 1)
    keys_mismatch = sum(1 for a in acks if by_key.get(a.key) != a.petition_id)
    unacknowledged = sum(texts.values()) - len({a.text for a in acks} & set(texts))
    retried_acks = sum(1 for a in acks if a.retried)

    # The worker: alive, the same process, and the queue drained.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and DBTaskResult.objects.filter(status="READY").exists():
        time.sleep(1)
    tasks = dict(
        DBTaskResult.objects.values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    worker_alive = worker.poll() is None and worker.pid == worker_pid
    worker.terminate()
    worker.wait(timeout=30)
    worker_log.close()
    outage_lines = [
        line
        for line in (tmp / "worker.log").read_text(errors="replace").splitlines()
        if "database unavailable" in line
    ]
    supervisor.stop()
    connection.close()
    cluster.stop("fast")
    CLEANUP.remove(cluster)

    # Report.
    total_500 = sum(1 for a in attempts if a.outcome == "500")
    lines = [
        f"doithoai fault test — {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"command: .venv/bin/python bench/faults.py --clients {args.clients} "
        f"--phase-seconds {args.phase_seconds:g} --outage-seconds {args.outage_seconds:g}",
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load before/after: see below; "
        f"Python {platform.python_version()}; {cluster.version}",
        "server: granian 2 workers x 4 blocking threads, --respawn-failed-workers, settings "
        "config.settings.prod (CONN_MAX_AGE 600, CONN_HEALTH_CHECKS); supervisor as systemd "
        "(collectstatic once, ExecStartPre migrate, KillMode=control-group, RestartSec=2)",
        f"clients: {args.clients}, each one create at a time, same key and body retried every "
        f"{RETRY_PAUSE} s until acknowledged; load average now "
        f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}",
        "",
        f"{'phase':<30} {'fault':<22} {'attempts':>8} {'failed':>6}  {'failed by kind':<28}"
        f" {'recovery s':>10} {'after repair s':>14} {'failed after':>12}",
    ]
    for p in phases:
        s = phase_stats(p, attempts, args.clients)
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(s["kinds"].items())) or "-"  # type: ignore[attr-defined]
        rec, rep = s["recovery_from_fault"], s["recovery_from_repair"]
        rec_text = "-" if rec is None else f"{rec:.1f}"
        rep_text = "-" if rep is None else f"{rep:.1f}"
        lines.append(
            f"{p.name:<30} {p.note[:22]:<22} {s['attempts']:>8} {s['failed']:>6}  {kinds:<28}"
            f" {rec_text:>10} {rep_text:>14}"
            f" {'-' if s['failed_after_recovery'] is None else s['failed_after_recovery']:>12}"
        )
    idle_failed = sum(1 for o in idle.first_after_resume if o != "ok")
    lines += [
        "",
        f"acknowledged {len(acks)}, found {found}, lost {lost}, duplicated {duplicated}, "
        f"key/id mismatches {keys_mismatch}, written but never acknowledged {unacknowledged}; "
        f"acknowledged after at least one retry {retried_acks}",
        f"restart while idle: {idle_failed} of the first {len(idle.first_after_resume)} requests "
        "after the database's return failed",
        f"answers 500: {total_500}; 503 without Retry-After: "
        f"{sum(c.retry_after_missing for c in clients)}; 503 not problem+json: "
        f"{sum(c.problem_json_missing for c in clients)}",
        f"server: master restarted by the supervisor {supervisor.restarts} time(s); workers alive "
        f"when their master died {supervisor.orphans_seen} (killed with the group), left after "
        f"the restart {supervisor.orphans_left}",
        f"task worker: {'alive, same process' if worker_alive else 'DIED'} (pid {worker_pid}), "
        f"{len(outage_lines)} 'database unavailable' log lines; tasks by status {tasks}",
        f"run time {time.monotonic() - began:.0f} s",
    ]
    failed_after = [phase_stats(p, attempts, args.clients)["failed_after_recovery"] for p in phases]
    ok = (
        lost == 0
        and duplicated == 0
        and keys_mismatch == 0
        and total_500 == 0
        and idle_failed == 0
        and all(f == 0 for f in failed_after)
        and worker_alive
        and supervisor.orphans_left == 0
    )
    lines.append("RESULT: " + ("PASS" if ok else "FAIL") + " (lost 0, duplicated 0, no failure "
                 "after recovery, no 500, worker alive, no orphan; no manual restart)")  # fmt: skip
    report = "\n".join(lines) + "\n"
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
