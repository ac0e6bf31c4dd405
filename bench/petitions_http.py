"""HTTP benchmark of the petition pages and API on the generated 1M-petition PostgreSQL database.

Starts granian (WSGI, 2 workers, 4 blocking threads; settings bench.petitions_settings, which add
a bare reference view at /bench/ref/<pk>/) on a loopback port, logs the `--user` (default `tinh`)
and an officer of a typical commune (`xa`, created on the first run) in through the login form,
creates an API token, then drives each endpoint with wrk on the same machine and
prints requests/s and latency p50/p95/p99 (median of the runs), and the ratios of the API create
and the public lookups to the reference view measured in the same run.

    DATABASE_URL=postgres://... .venv/bin/python bench/petitions_http.py [--runs 3] [--duration 8]

The public lookup page is a POST of the form (the code in the body, with the CSRF token from a
GET of the page); the lookup page and API requests carry an `X-Forwarded-For` address drawn from
the three documentation networks (768 clients behind a trusted proxy), so that the per-client rate
limit counts them as a public site would (its limit is raised so that none is refused).

Exit status 1 when a target is missed (list/search p95 < 100 ms; create ≥ 33 % and lookup ≥ 70 %
of the reference requests/s).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.petitions_settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from doithoai.accounts.models import User  # noqa: E402
from doithoai.accounts.services import api_token_create  # noqa: E402
from doithoai.demo.people import DEMO_PASSWORD as PASSWORD  # noqa: E402
from doithoai.units.models import Scheme, Unit  # noqa: E402

LIST_P95_MS = 100.0
CREATE_RATIO, LOOKUP_RATIO = 0.33, 0.70

LUA = r"""
local mode = os.getenv("BENCH_MODE") or "get"
local codes, ids = {}, {}
local counter, thread_id = 0, 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
  math.randomseed(os.time() * 1000 + thread_id)
  local f = os.getenv("BENCH_CODES")
  if f then for line in io.lines(f) do table.insert(codes, line) end end
  local g = os.getenv("BENCH_IDS")
  if g then for line in io.lines(g) do table.insert(ids, line) end end
end

local function pick(list) return list[math.random(#list)] end
local nets = {"192.0.2", "198.51.100", "203.0.113"}  -- documentation networks: only a header
local function client() return pick(nets) .. "." .. math.random(1, 254) end

function request()
  if mode == "lookup_page" then
    return wrk.format("POST", "/tra-cuu/",
      {["Content-Type"] = "application/x-www-form-urlencoded",
       ["Cookie"] = "csrftoken=" .. os.getenv("BENCH_CSRF_COOKIE"),
       ["X-Forwarded-For"] = client()},
      "csrfmiddlewaretoken=" .. os.getenv("BENCH_CSRF_FORM") .. "&ma=" .. pick(codes))
  elseif mode == "lookup_api" then
    return wrk.format("POST", "/api/v1/public/petitions/lookup",
      {["Content-Type"] = "application/json", ["X-Forwarded-For"] = client()},
      '{"code": "' .. pick(codes) .. '"}')
  elseif mode == "ref" then
    return wrk.format("GET", "/bench/ref/" .. pick(ids) .. "/")
  elseif mode == "create" then
    counter = counter + 1
    local key = string.format("bench-%d-%d-%d-%d", os.time(), thread_id, counter,
                              math.random(1, 1000000000))
    local body = string.format(
      '{"text": "Đường bê tông tổ %d bị lún, nứt nhiều đoạn sau mưa, đề nghị sửa chữa (%s).",' ..
      ' "unit_id": %s, "topic": "giao_thong", "channel": "api", "submitter_name": "Hà Văn Bình",' ..
      ' "phone": "0912345678"}', counter % 40 + 1, key, os.getenv("BENCH_UNIT"))
    return wrk.format("POST", "/api/v1/petitions",
      {["Content-Type"] = "application/json", ["Idempotency-Key"] = key,
       ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
  else
    return wrk.format("GET", os.getenv("BENCH_PATH"),
      {["Cookie"] = os.getenv("BENCH_COOKIE") or ""})
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f, "max": %f, ' ..
    '"bad_status": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3,
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class Case:
    name: str
    mode: str
    connections: int
    path: str = ""
    kind: str = "throughput"  # or "latency" (list/search: p95 target)
    cookie: str = "BENCH_COOKIE"  # the environment variable holding the session cookie


@dataclass
class Result:
    rps: float
    p50: float
    p95: float
    p99: float
    bad: int
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(base: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(base + "/tra-cuu/", timeout=2).read()  # noqa: S310
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("granian did not start")


def login(base: str, username: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no CSRF token on the login page"
    data = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    opener.open(base + "/accounts/login/", data).read()
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise SystemExit("login failed")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def lookup_form_csrf(base: str) -> tuple[str, str]:
    """The CSRF cookie and the form's token of the public lookup page, for its POSTs."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/tra-cuu/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    cookie = next((c.value for c in jar if c.name == "csrftoken"), None)
    if not token or not cookie:
        raise SystemExit("no CSRF token on the lookup page")
    return cookie, token.group(1)


COMMUNE_LOGIN = "xa"


def commune_officer() -> str:
    """The login of an officer of a typical commune or ward of today's province (the median
    number of petitions among today's units that have some), created on the first run. Most
    users are such officers: their searches are bounded to one commune and its predecessors."""
    from django.db.models import Count

    from doithoai.accounts.models import Membership, Role
    from doithoai.accounts.services import membership_grant, user_create
    from doithoai.petitions.models import Petition
    from doithoai.units.models import Organisation, OrganisationKind

    if Membership.objects.filter(user__username=COMMUNE_LOGIN, active=True).exists():
        return COMMUNE_LOGIN
    counts = list(
        Petition.objects.filter(unit__scheme=Scheme.CURRENT_2025)
        .values("unit_id")
        .annotate(n=Count("id"))
        .order_by("n", "unit_id")
    )
    unit = Unit.objects.get(pk=counts[len(counts) // 2]["unit_id"])
    organisation, _ = Organisation.objects.get_or_create(
        unit=unit,
        code="ubnd-bench",
        defaults={"kind": OrganisationKind.PEOPLES_COMMITTEE, "name": f"UBND {unit.name}"},
    )
    user = User.objects.filter(username=COMMUNE_LOGIN).first() or user_create(
        actor=None, username=COMMUNE_LOGIN, password=PASSWORD, full_name="Cán bộ xã (benchmark)"
    )
    membership_grant(actor=None, user=user, organisation=organisation, role=Role.WARD_OFFICER)
    return COMMUNE_LOGIN


def drop_created() -> int:
    """Delete the petitions the create case wrote (their Idempotency-Key starts with "bench-"),
    so that later cases and later runs search the generated petitions, not thousands of copies
    of one bench text at the top of the newest-first order."""
    from doithoai.petitions.models import IdempotencyKey, Petition

    time.sleep(1)  # requests still in flight when wrk stopped
    ids = IdempotencyKey.objects.filter(key__startswith="bench-").values("petition_id")
    deleted, _ = Petition.objects.filter(pk__in=ids).delete()
    connection.close()
    return deleted


def run_wrk(base: str, case: Case, duration: float, env: dict[str, str], script: Path) -> Result:
    cmd = [
        "wrk",
        f"-t{min(2, case.connections)}",
        f"-c{case.connections}",
        f"-d{round(duration)}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base + (case.path or "/"),
    ]
    done = subprocess.run(
        cmd,
        env={
            **os.environ,
            **env,
            "BENCH_MODE": case.mode,
            "BENCH_PATH": case.path,
            "BENCH_COOKIE": env[case.cookie],
        },
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"wrk failed for {case.name}: {done.stderr}")
    out = done.stdout
    found = re.search(r"RESULT (\{.*\})", out)
    if not found:
        raise SystemExit(f"wrk gave no result for {case.name}:\n{out}")
    r = json.loads(found.group(1))
    return Result(
        r["requests"] / r["seconds"],
        r["p50"],
        r["p95"],
        r["p99"],
        r["bad_status"],
        r["socket_errors"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument(
        "--pause", type=float, default=3, help="seconds between cases, for slow requests to drain"
    )
    parser.add_argument("--throughput-connections", type=int, default=16)
    parser.add_argument("--latency-connections", type=int, default=4)
    parser.add_argument(
        "--user",
        default="tinh",
        help="staff login whose pages are measured: tinh (today's provincial office, sees the "
        "province and its 2016 predecessors) or vanphong (the 2016 city office)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated parts of case names to run (e.g. 'reference,lookup'); default all",
    )
    args = parser.parse_args(argv)
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to the generated PostgreSQL database.")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    # Production settings serve hashed static names from the manifest collectstatic writes.
    call_command("collectstatic", interactive=False, verbosity=0)
    drop_created()  # left by an earlier, interrupted run: never in the sample of codes and ids
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM petitions_petition")
        (total,) = cur.fetchone()
        cur.execute("SELECT code, id FROM petitions_petition ORDER BY random() LIMIT 5000")
        sample = cur.fetchall()
        cur.execute("SELECT version()")
        (pg_version,) = cur.fetchone()
        cur.execute("SHOW shared_buffers")
        (shared_buffers,) = cur.fetchone()
        # A server in service has its working set in memory; load it instead of timing disk reads.
        cur.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        cur.execute(
            "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"
        )
    load_before = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    user = User.objects.get(username=args.user)
    _token, key = api_token_create(actor=None, user=user, name="bench")
    ward = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="01840")  # Phường Đức Xuân (2016)
    commune_login = commune_officer()
    connection.close()

    tmp = Path(tempfile.mkdtemp(prefix="petitions-bench-"))
    script = tmp / "bench.lua"
    script.write_text(LUA, encoding="utf-8")
    (tmp / "codes").write_text("\n".join(c for c, _ in sample) + "\n")
    (tmp / "ids").write_text("\n".join(str(i) for _, i in sample) + "\n")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/granian"),
            "--interface",
            "wsgi",
            "--workers",
            "2",
            "--blocking-threads",
            "4",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.petitions_settings"},
        start_new_session=True,
    )
    try:
        wait_up(base)
        cookie = login(base, args.user)
        csrf_cookie, csrf_form = lookup_form_csrf(base)
        env = {
            "BENCH_CSRF_COOKIE": csrf_cookie,
            "BENCH_CSRF_FORM": csrf_form,
            "BENCH_COOKIE": cookie,
            "BENCH_COMMUNE_COOKIE": login(base, commune_login),
            "BENCH_TOKEN": key,
            "BENCH_UNIT": str(ward.pk),
            "BENCH_CODES": str(tmp / "codes"),
            "BENCH_IDS": str(tmp / "ids"),
        }
        lat, thr = args.latency_connections, args.throughput_connections
        cases = [
            Case("list, first page", "get", lat, "/staff/kien-nghi/", "latency"),
            Case(
                "list, received in one ward",
                "get",
                lat,
                f"/staff/kien-nghi/?state=received&unit={ward.pk}",
                "latency",
            ),
            Case(
                "list, not accepted, đất đai",
                "get",
                lat,
                "/staff/kien-nghi/?state=not_accepted&topic=dat_dai",
                "latency",
            ),
            Case("search 'dat dai'", "get", lat, "/staff/kien-nghi/?q=dat+dai", "latency"),
            Case("search 'nha van hoa'", "get", lat, "/staff/kien-nghi/?q=nha+van+hoa", "latency"),
            Case("search rare 'cot song'", "get", lat, "/staff/kien-nghi/?q=cot+song", "latency"),
            *(
                Case(
                    f"commune officer: search '{q}'",
                    "get",
                    lat,
                    f"/staff/kien-nghi/?q={q.replace(' ', '+')}",
                    "latency",
                    cookie="BENCH_COMMUNE_COOKIE",
                )
                for q in ("dat dai", "nha van hoa", "cot song")
            ),
            Case("reference view", "ref", thr),
            Case("public lookup page", "lookup_page", thr),
            Case("public lookup API", "lookup_api", thr),
            Case("API create", "create", thr),
            Case("reference view", "ref", lat),
        ]
        if args.only:
            wanted = [part.strip() for part in args.only.split(",") if part.strip()]
            cases = [c for c in cases if any(part in c.name for part in wanted)]
        for case in cases:  # every page answers 200 before we time it
            time.sleep(args.pause)
            probe = run_wrk(base, case, args.warmup, env, script)
            if probe.bad or probe.errors:
                raise SystemExit(f"{case.name}: {probe.bad} bad statuses, {probe.errors} errors")
            if case.mode == "create":
                drop_created()
        results: dict[tuple[str, int], list[Result]] = {}
        for run in range(args.runs):
            for case in cases:
                time.sleep(args.pause)
                r = run_wrk(base, case, args.duration, env, script)
                results.setdefault((case.name, case.connections), []).append(r)
                if case.mode == "create":
                    drop_created()
            print(f"run {run + 1}/{args.runs} done", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print(
        f"{total:,} petitions; granian WSGI 2 workers × 4 blocking threads; wrk on the same "
        f"machine; {os.cpu_count()} CPUs; Python {platform.python_version()}; "
        f"{pg_version.split(',')[0]}, shared_buffers {shared_buffers}, tables prewarmed; "
        f"load average before {load_before}"
    )
    print(f"median of {args.runs} runs of {args.duration:g} s; latency in ms")
    header = f"{'endpoint':<30} {'conns':>5} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7}  runs"
    print(header)
    print("-" * len(header))
    medians: dict[tuple[str, int], Result] = {}
    for case in cases:
        rs = results[(case.name, case.connections)]
        m = Result(*(statistics.median(getattr(r, f) for r in rs) for f in Result.__annotations__))
        medians[(case.name, case.connections)] = m
        runs = ", ".join(f"{r.rps:.0f}" for r in rs)
        print(
            f"{case.name:<30} {case.connections:>5} {m.rps:>8.0f} {m.p50:>7.1f} {m.p95:>7.1f} "
            f"{m.p99:>7.1f}  {runs}"
        )
        if any(r.bad or r.errors for r in rs):
            print(f"  !! {sum(r.bad for r in rs)} bad statuses, {sum(r.errors for r in rs)} errors")
    ok = True
    print()
    for case in cases:
        if case.kind == "latency":
            p95 = medians[(case.name, case.connections)].p95
            verdict = "ok" if p95 < LIST_P95_MS else "MISSED"
            ok = ok and p95 < LIST_P95_MS
            print(f"{case.name}: p95 {p95:.1f} ms (target < {LIST_P95_MS:.0f} ms) {verdict}")
    ref = medians[("reference view", thr)].rps if ("reference view", thr) in medians else 0
    for name, target in (
        ("API create", CREATE_RATIO),
        ("public lookup page", LOOKUP_RATIO),
        ("public lookup API", LOOKUP_RATIO),
    ):
        if not ref or (name, thr) not in medians:
            continue
        ratio = medians[(name, thr)].rps / ref
        verdict = "ok" if ratio >= target else "MISSED"
        ok = ok and ratio >= target
        print(f"{name} / reference: {ratio:.0%} (target ≥ {target:.0%}) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
