"""Server time of every staff and public page, as each demo role, at demo size.

    .venv/bin/python bench/pages.py                       # SQLite (var/bench-pages.sqlite3)
    PGPORT_TEST=55447 bash scripts/with-postgres.sh .venv/bin/python bench/pages.py  # PostgreSQL

See bench/README-pages.md. In short:

- The database is loaded with `doithoai migrate` + `doithoai demo` in a child process (SQLite: the
  file is recreated; `--reuse` keeps an already loaded database).
- Pages are found, not listed: every URL pattern of the resolver is a candidate. For each role,
  the pages without path parameters are opened first; the links, form actions and `hx-get`
  targets of every page opened fill the patterns with parameters (so each role opens the rounds,
  issues, assignments... it is shown), then a pattern still unfilled takes the first row of the
  model its parameter names (`<int:invitee_id>` → a model ending in "invitee"). Patterns that
  nothing fills are listed.
- Query strings come from the page itself: links to the same page with a query (paging, filters)
  and its GET forms (a search word in the text fields, each select set to its first choice).
- Each page a role can open (200) is requested `--warmup` times, then `--runs` times timed
  (Django's handler through `django.test.Client`, DEBUG off, the response fully built), then once
  more to count SQL queries. 403/404/redirects are listed, never timed; 500 is a failure.
- Board actions: the POST forms found on the pages whose action is a `--actions` URL (the
  synthesis board's and the follow-up's by default) are submitted with their own values (hidden
  fields, the first choice of each select, a few boxes ticked), each inside a transaction rolled
  back at once, so every repetition acts on the same data.

CPU50 is the median CPU time of this process per request: on a shared machine it shows the work
a request needs apart from waiting for a core (it includes SQLite's work, not PostgreSQL's).

Output: a table sorted by p95 with PASS/FAIL against `--target-ms`, on stdout and in
bench/results-pages-<date>-<db>.txt. Exit status 1 when a page or an action misses the target or
answers 500 (`--report-only`: always 0).
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.utils import timezone

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROLES = [
    "vanphong",
    "lanhdao",
    "mttq",
    "phuong",
    "chuyenvien",
    "truongphong",
    "baochi",
    "tinh",
    "anonymous",
]
# Not pages: the admin, the JSON API (django-ninja has its own benchmark), files on disk.
EXCLUDED_PREFIXES = ("admin/", "api/", "static/", "media/")
SEARCH_WORD = "đường"
SEARCH_NAMES = ("q", "search", "tim", "tu_khoa", "ma", "code")
LOCAL_HOSTS = ("testserver", "localhost", "127.0.0.1")
DOWNLOAD_TYPES = ("text/html", "application/json", "text/plain", "text/event-stream")


# --------------------------------------------------------------------------------------------
# Setup


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--reuse", action="store_true", help="use the database as it is (no load)")
    p.add_argument("--runs", type=int, default=20, help="timed requests per page (default 20)")
    p.add_argument("--warmup", type=int, default=2, help="untimed requests first (default 2)")
    p.add_argument(
        "--slow-ms",
        type=float,
        default=1500,
        help="a page whose warm-up took longer is timed only --slow-runs times (default 1500)",
    )
    p.add_argument("--slow-runs", type=int, default=5)
    p.add_argument("--target-ms", type=float, default=300)
    p.add_argument("--roles", nargs="+", default=ROLES)
    p.add_argument(
        "--actions",
        nargs="*",
        default=["synthesis-", "followup-"],
        help="URL-name prefixes of the POST actions to time (default: synthesis- followup-)",
    )
    p.add_argument("--max-variants", type=int, default=4, help="query strings per page and role")
    p.add_argument("--rounds", type=int, default=2, help="rounds measured per round page")
    p.add_argument("--only", default="", help="regex on URL names: measure only those")
    p.add_argument("--report-only", action="store_true", help="exit 0 even when a page misses")
    p.add_argument("--out", default="", help="results file (default bench/results-pages-...)")
    return p.parse_args()


def prepare_database(reuse: bool) -> str:
    url = os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-pages.sqlite3'}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DOITHOAI_LOG_LEVEL", "WARNING")
    if reuse:
        return url
    if url.startswith("sqlite:///"):
        db = Path(url.removeprefix("sqlite://"))
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    for command in (["migrate", "-v0"], ["demo"]):
        subprocess.run(
            [sys.executable, "-m", "doithoai.cli", *command],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print(f"database loaded (migrate + demo) in {time.perf_counter() - start:.0f} s", flush=True)
    return url


# --------------------------------------------------------------------------------------------
# HTML: links and forms


@dataclass
class Field:
    tag: str
    name: str
    type: str = ""
    value: str = ""
    checked: bool = False
    required: bool = False
    multiple: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # (value, selected)
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Form:
    method: str
    action: str
    form_id: str
    hx: bool
    hx_target: str
    fields: list[Field] = field(default_factory=list)
    submits: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons


class PageParser(HTMLParser):
    LINK_ATTRS = ("href", "action", "hx-get", "hx-post", "data-href")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self.loose: list[tuple[str, Field | tuple[str, str]]] = []  # form="id" elements
        self.form: Form | None = None
        self.select: Field | None = None
        self.option: list | None = None
        self.textarea: Field | None = None
        self.messages: list[tuple[str, str]] = []
        self.datalists: dict[str, list[str]] = defaultdict(list)
        self._datalist: str | None = None
        self._message: list | None = None
        self._in_messages = False

    def _owner(self, a: dict[str, str]) -> Form | str | None:
        return a["form"] if a.get("form") else self.form

    def _add(self, owner: Form | str | None, item: Field | tuple[str, str]) -> None:
        if isinstance(owner, Form):
            if isinstance(item, Field):
                owner.fields.append(item)
            else:
                owner.submits.append(item)
        elif isinstance(owner, str):
            self.loose.append((owner, item))

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs_list}
        for attr in self.LINK_ATTRS:
            if a.get(attr):
                self.links.append(a[attr])
        if tag == "form":
            method = (a.get("method") or "get").lower()
            hx_post = a.get("hx-post", "")
            if hx_post:
                method = "post"
            self.form = Form(
                method=method,
                action=hx_post or a.get("action", ""),
                form_id=a.get("id", ""),
                hx=bool(hx_post or a.get("hx-boost")),
                hx_target=a.get("hx-target", ""),
            )
            self.forms.append(self.form)
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                self._add(self._owner(a), (a["name"], a.get("value", "")))
            elif kind not in ("button", "reset"):
                self._add(
                    self._owner(a),
                    Field(
                        "input",
                        a["name"],
                        kind,
                        a.get("value", "on" if kind in ("checkbox", "radio") else ""),
                        "checked" in a,
                        "required" in a,
                        attrs=a,
                    ),
                )
        elif tag == "button":
            owner = self._owner(a)
            if a.get("hx-post"):  # a button posting on its own (with its form's fields)
                base = owner if isinstance(owner, Form) else None
                f = Form("post", a["hx-post"], "", True, a.get("hx-target", ""))
                if base is not None:
                    f.fields = base.fields  # shared: filled in as parsing goes on
                if a.get("hx-vals"):
                    try:
                        for k, v in json.loads(a["hx-vals"]).items():
                            f.fields.append(Field("input", k, "hidden", str(v)))
                    except ValueError:
                        pass
                if a.get("name"):
                    f.submits.append((a["name"], a.get("value", "")))
                self.forms.append(f)
            elif a.get("name") and a.get("type", "submit").lower() == "submit":
                self._add(owner, (a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self.select = Field(
                "select", a["name"], required="required" in a, multiple="multiple" in a, attrs=a
            )
            self._add(self._owner(a), self.select)
        elif tag == "option" and self.select is not None:
            self.option = [a.get("value"), "selected" in a, ""]
        elif tag == "datalist":
            self._datalist = a.get("id", "")
        elif tag == "option" and self._datalist is not None and a.get("value"):
            self.datalists[self._datalist].append(a["value"])
        elif tag == "textarea" and a.get("name"):
            self.textarea = Field("textarea", a["name"], required="required" in a, attrs=a)
            self._add(self._owner(a), self.textarea)
        elif tag == "ul" and "messages" in a.get("class", ""):
            self._in_messages = True
        elif tag == "li" and self._in_messages:
            self._message = [a.get("class", ""), ""]

    def handle_data(self, data: str) -> None:
        if self.option is not None:
            self.option[2] += data
        if self.textarea is not None:
            self.textarea.value += data
        if self._message is not None:
            self._message[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.form = None
        elif tag == "select":
            self._close_option()
            self.select = None
        elif tag == "option":
            self._close_option()
        elif tag == "textarea":
            self.textarea = None
        elif tag == "datalist":
            self._datalist = None
        elif tag == "li" and self._message is not None:
            self.messages.append((self._message[0], " ".join(self._message[1].split())))
            self._message = None
        elif tag == "ul":
            self._in_messages = False

    def _close_option(self) -> None:
        if self.option is not None and self.select is not None:
            value = self.option[0] if self.option[0] is not None else self.option[2].strip()
            self.select.options.append((value, self.option[1]))
        self.option = None

    def finish(self) -> PageParser:
        self.close()
        by_id = {f.form_id: f for f in self.forms if f.form_id}
        for form_id, item in self.loose:
            if form_id in by_id:
                self._add(by_id[form_id], item)
        for form in self.forms:  # an input offering a list of choices takes one of them
            for f in form.fields:
                choices = self.datalists.get(f.attrs.get("list", ""), [])
                if choices and not f.value:
                    f.value = choices[1] if len(choices) > 1 else choices[0]
        return self


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser.finish()


# --------------------------------------------------------------------------------------------
# URL patterns


@dataclass
class Pattern:
    key: str  # the namespaced URL name, or the route when unnamed
    route: str
    params: list[str]
    regex: bool
    module: str


def all_patterns() -> tuple[list[Pattern], list[str]]:
    from django.urls import URLPattern, URLResolver, get_resolver
    from django.urls.resolvers import RegexPattern

    found: list[Pattern] = []
    excluded: list[str] = []

    def walk(patterns, prefix: str, namespace: str, params: list[str], regex: bool) -> None:
        for p in patterns:
            part = str(p.pattern)
            is_regex = regex or isinstance(p.pattern, RegexPattern)
            if is_regex:
                names = list(re.compile(p.pattern.regex.pattern).groupindex)
            else:
                names = list(getattr(p.pattern, "converters", {}))
            route = prefix + part
            if route.startswith(EXCLUDED_PREFIXES):
                excluded.append(route)
                continue
            if isinstance(p, URLResolver):
                ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, route, ns, params + names, is_regex)
            elif isinstance(p, URLPattern):
                key = f"{namespace}{p.name}" if p.name else route
                module = getattr(p.callback, "__module__", "")
                found.append(Pattern(key, route, params + names, is_regex, module))

    walk(get_resolver().url_patterns, "", "", [], False)
    return found, excluded


def path_kwargs(path: str) -> dict[str, object]:
    from django.urls import Resolver404, resolve

    try:
        return dict(resolve(path).kwargs)
    except Resolver404:
        return {}


def key_of(path: str) -> str | None:
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.url_name else match.route


def local_path(link: str, base: str) -> str | None:
    """The site-local path (with query) a link points to, or None."""
    if not link or link.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    parts = urlsplit(link)
    if (parts.scheme or parts.netloc) and parts.netloc not in LOCAL_HOSTS:
        return None
    path = parts.path or urlsplit(base).path
    if not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    if path.startswith("/" + EXCLUDED_PREFIXES[0]) or path.startswith(
        tuple("/" + p for p in EXCLUDED_PREFIXES)
    ):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


# Path parameters filled from the models when no page links to a pattern.
def fallback_path(pattern: Pattern, round_id: int | None) -> str | None:
    from django.apps import apps
    from django.core.exceptions import FieldError

    values: dict[str, str] = {}
    for name in pattern.params:
        if name == "round_id" and round_id:
            values[name] = str(round_id)
            continue
        if name == "code":
            from doithoai.petitions.models import Petition, Topic

            model = Topic if "linh-vuc" in pattern.route else Petition
            obj = model.objects.order_by("pk").first()
            if obj is None:
                return None
            values[name] = obj.code
            continue
        if not name.endswith("_id"):
            return None
        wanted = name.removesuffix("_id").replace("_", "")
        models = [m for m in apps.get_models() if m._meta.model_name.endswith(wanted)]
        models.sort(
            key=lambda m: (
                m._meta.model_name != wanted,
                not pattern.module.startswith(m.__module__.rsplit(".", 1)[0]),
            )
        )
        if not models:
            return None
        qs = models[0].objects.order_by("pk")
        if round_id:
            for lookup in ("round_id", "issue__round_id", "assignment__issue__round_id"):
                try:
                    narrowed = qs.filter(**{lookup: round_id})
                    if narrowed.exists():
                        qs = narrowed
                    break
                except FieldError:  # the model has no such path
                    pass
        obj = qs.first()
        if obj is None:
            return None
        values[name] = str(obj.pk)
    if pattern.regex:
        return None
    path = pattern.route
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>", value, path)
    return "/" + path if "<" not in path else None


# --------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Row:
    role: str
    key: str
    label: str
    path: str
    status: int
    times: list[float] = field(default_factory=list)
    queries: int = 0
    size: int = 0
    note: str = ""
    cpu: list[float] = field(default_factory=list)  # this process's CPU time per request

    @property
    def p50(self) -> float:
        return statistics.median(self.times) if self.times else 0.0

    @property
    def p95(self) -> float:
        if not self.times:
            return 0.0
        ordered = sorted(self.times)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        from django.test import Client

        self.args = args
        self.Client = Client
        self.rows: list[Row] = []
        self.actions: list[Row] = []
        self.downloads: list[Row] = []
        self.refused: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.errors: list[Row] = []
        self.post_only: dict[str, set[str]] = defaultdict(set)
        self.reached: set[str] = set()
        self.forms: dict[tuple, tuple] = {}  # action key → (role, page, form, target, submit)
        self.last_exception = ""
        self.codes: dict[str, str] = {}
        self.unfillable: dict[str, str] = {}
        self.cpu_last = 0.0

        from django.core.signals import got_request_exception

        got_request_exception.connect(self._exception, weak=False)

    def _exception(self, sender, request=None, **kwargs) -> None:
        self.last_exception = traceback.format_exc().strip().splitlines()[-1][:200]

    def client(self, role: str):
        client = self.Client(SERVER_NAME="localhost", raise_request_exception=False)
        if role != "anonymous":
            from doithoai.accounts.models import User

            client.force_login(User.objects.get(username=role))
        return client

    def request(self, client, method: str, path: str, data=None, headers=None):
        client.cookies.pop("messages", None)  # a flash left by an earlier request
        cpu = time.process_time()
        start = time.perf_counter()
        if method == "get":
            response = client.get(path, headers=headers or {})
        else:
            response = client.post(path, data or {}, headers=headers or {})
        body = b"".join(response.streaming_content) if response.streaming else response.content
        elapsed = time.perf_counter() - start
        self.cpu_last = time.process_time() - cpu
        return response, body, elapsed

    def queries(self, client, method: str, path: str, data=None, headers=None):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response, body, _ = self.request(client, method, path, data, headers)
        return len(ctx.captured_queries), response, body

    # Pages ------------------------------------------------------------------------------------

    def crawl(self, role: str, patterns: list[Pattern]) -> None:
        client = self.client(role)
        frontier: dict[str, list[str]] = defaultdict(list)
        for p in patterns:
            if not p.params and not p.regex:
                frontier[p.key].append("/" + p.route)
        done: set[str] = set()
        tried_fallback: set[str] = set()
        round_ids: list[int] = []
        while True:
            progress = False
            for p in patterns:
                if p.key in done or not frontier.get(p.key):
                    continue
                done.add(p.key)
                progress = True
                plain = [u for u in frontier[p.key] if "?" not in u]
                choices = plain or frontier[p.key][:1]
                if "round_id" in p.params:
                    seen: dict[str, str] = {}
                    for u in choices:
                        rid = re.search(r"/(\d+)/", u)
                        seen.setdefault(rid.group(1) if rid else u, u)
                    choices = list(seen.values())[: self.args.rounds]
                else:
                    choices = choices[:1]
                for path in choices:
                    for link in self.page(client, role, p, path):
                        key = key_of(urlsplit(link).path)
                        if key and link not in frontier[key]:
                            frontier[key].append(link)
                        if key and key.startswith("dialogue-round"):
                            rid = re.search(r"/(\d+)/", link)
                            if rid and int(rid.group(1)) not in round_ids:
                                round_ids.append(int(rid.group(1)))
            if progress:
                continue
            for p in patterns:
                if p.key in done or p.key in tried_fallback or not p.params:
                    continue
                tried_fallback.add(p.key)
                try:
                    path = fallback_path(p, round_ids[0] if round_ids else self.main_round())
                except Exception as error:  # a model out of step with the database: listed
                    self.unfillable[p.key] = f"{type(error).__name__}: {str(error)[:80]}"
                    path = None
                if path:
                    frontier[p.key].append(path)
                    progress = True
            if not progress:
                break

    def main_round(self) -> int | None:
        from django.apps import apps

        try:
            Round = apps.get_model("dialogues", "Round")
        except LookupError:
            return None
        first = Round.objects.order_by("pk").first()
        return first.pk if first else None

    def page(self, client, role: str, p: Pattern, path: str) -> list[str]:
        """Open one page as a role: time it if it answers 200; return the links it shows."""
        if self.args.only and not re.search(self.args.only, p.key):
            return []
        self.last_exception = ""
        response, body, first = self.request(client, "get", path)
        status = response.status_code
        if status >= 500:
            self.errors.append(Row(role, p.key, "", path, status, note=self.last_exception))
            return []
        if status == 405:
            self.post_only[p.key].add(role)
            return []
        if status in (301, 302, 303, 307, 308):
            where = response.get("Location", "")
            if "/accounts/login/" in where:
                self.refused[p.key]["login"].append(role)
            else:
                self.refused[p.key][f"redirect → {where[:60]}"].append(role)
            return []
        if status != 200:
            self.refused[p.key][str(status)].append(role)
            return []
        self.reached.add(p.key)
        ctype = response.get("Content-Type", "").split(";")[0]
        if ctype not in DOWNLOAD_TYPES:
            if not any(d.key == p.key for d in self.downloads):
                _, _, again = self.request(client, "get", path)
                self.downloads.append(
                    Row(role, p.key, ctype, path, status, [again], size=len(body))
                )
            return []
        html = body.decode("utf-8", "replace")
        parsed = parse(html) if ctype == "text/html" else None
        links: list[str] = []
        if parsed:
            links = [u for u in (local_path(x, path) for x in parsed.links) if u]
            self.harvest(role, path, parsed, links)
        self.measure(client, role, p, "", path, first)
        if parsed:
            for label, variant in self.variants(path, parsed, links)[: self.args.max_variants]:
                self.measure(client, role, p, label, variant, None)
        return links

    def measure(self, client, role: str, p: Pattern, label: str, path: str, first) -> None:
        self.last_exception = ""
        warm = [] if first is None else [first]
        while len(warm) < self.args.warmup:
            response, _, elapsed = self.request(client, "get", path)
            warm.append(elapsed)
            if response.status_code != 200:
                row = Row(role, p.key, label, path, response.status_code, note=self.last_exception)
                if response.status_code >= 500:
                    self.errors.append(row)
                else:
                    self.refused[p.key][f"{response.status_code} ({label})"].append(role)
                return
        runs = self.args.runs if max(warm) * 1000 < self.args.slow_ms else self.args.slow_runs
        times: list[float] = []
        cpus: list[float] = []
        for _ in range(runs):
            response, body, elapsed = self.request(client, "get", path)
            times.append(elapsed)
            cpus.append(self.cpu_last)
        count, response, body = self.queries(client, "get", path)
        row = Row(role, p.key, label or "-", path, response.status_code, times, count, len(body))
        row.cpu = cpus
        ctype = response.get("Content-Type", "").split(";")[0]
        if ctype not in DOWNLOAD_TYPES:  # a query string that asks for a file (?dang=docx)
            row.times, row.label = times[:1], f"{ctype} ({label})"
            self.downloads.append(row)
            return
        if runs != self.args.runs:
            row.note = f"slow: {runs} runs"
        self.rows.append(row)
        print(
            f"  {role:11} {p95ms(row):8.1f} ms p95 {count:4} q  {p.key} {label}",
            flush=True,
        )

    def variants(self, path: str, parsed: PageParser, links: list[str]) -> list[tuple[str, str]]:
        """Query strings a reader of this page would use, in this order: its next page, its GET
        form with a search word, the same form with each select's first choice, then its other
        links to itself with a query (sorting, tabs)."""
        base = urlsplit(path).path
        paging: list[tuple[str, str]] = []
        others: list[tuple[str, str]] = []
        groups: set[frozenset[str]] = set()
        for u in links:
            query = urlsplit(u).query
            if urlsplit(u).path != base or not query:
                continue
            names = frozenset(k for k, _ in parse_qsl(query))
            if names in groups:
                continue
            groups.add(names)
            is_next = re.search(r"\b(page|trang|after|cursor|p)=", query)
            (paging if is_next else others).append(("link ?" + query[:40], u))
        searches: list[tuple[str, str]] = []
        filters: list[tuple[str, str]] = []
        for form in parsed.forms:
            target = urlsplit(form.action).path if form.action else base
            if form.method != "get" or target != base:
                continue
            # The form as shown: hidden and text values, each select's selected choice.
            defaults: list[tuple[str, str]] = []
            for f in form.fields:
                if f.tag == "select":
                    chosen = [v for v, sel in f.options if sel]
                    defaults += [(f.name, v) for v in chosen if v]
                elif f.type in ("checkbox", "radio"):
                    if f.checked:
                        defaults.append((f.name, f.value))
                elif f.value:
                    defaults.append((f.name, f.value))
            texts = [
                f for f in form.fields if f.tag == "input" and f.type in ("text", "search", "")
            ]
            preferred = [t for t in texts if t.name in SEARCH_NAMES] or texts[:1]
            for t in preferred[:1]:
                data = [d for d in defaults if d[0] != t.name] + [(t.name, self.word(t.name))]
                searches.append((f"search {t.name}={self.word(t.name)}", q(base, data)))
            for f in [f for f in form.fields if f.tag == "select"][:3]:
                choice = next((v for v, sel in f.options if v and not sel), None)
                if choice is not None:
                    data = [d for d in defaults if d[0] != f.name] + [(f.name, choice)]
                    filters.append((f"filter {f.name}={choice[:20]}", q(base, data)))
        seen: set[str] = {path}
        unique = []
        for label, u in paging[:1] + searches + filters + paging[1:] + others:
            if u not in seen:
                seen.add(u)
                unique.append((label, u))
        return unique

    def word(self, name: str) -> str:
        if name in ("ma", "code", "ma_so"):
            if "petition" not in self.codes:
                from doithoai.petitions.models import Petition

                first = Petition.objects.order_by("pk").first()
                self.codes["petition"] = first.code if first else "X"
            return self.codes["petition"]
        return SEARCH_WORD

    # Actions ----------------------------------------------------------------------------------

    def harvest(self, role: str, page: str, parsed: PageParser, links: list[str]) -> None:
        if not self.args.actions or role == "anonymous":
            return
        # Ids this page links to, by parameter name: a bare number field named "issue" takes an
        # issue the page shows (the second one, so a move goes elsewhere than the first).
        seen_ids: dict[str, list[str]] = defaultdict(list)
        for link in links:
            for name, value in path_kwargs(urlsplit(link).path).items():
                if str(value) not in seen_ids[name]:
                    seen_ids[name].append(str(value))
        for form in parsed.forms:
            for f in form.fields:
                if f.value or f.tag != "input" or f.type not in ("text", "number", ""):
                    continue
                ids = seen_ids.get(f"{f.name}_id") or seen_ids.get(f.name) or []
                if ids:
                    f.value = ids[1] if len(ids) > 1 else ids[0]
        for form in parsed.forms:
            if form.method != "post":
                continue
            target = local_path(form.action, page) if form.action else page
            if not target:
                continue
            key = key_of(urlsplit(target).path)
            if not key or not key.startswith(tuple(self.args.actions)):
                continue
            kinds = tuple(
                f"{f.name}={f.value}"
                for f in form.fields
                if f.type == "hidden" and f.name in ("kind", "action", "op", "do", "bulk")
            )
            # Once per round: the same action on a small open round and a whole finished one.
            round_id = path_kwargs(urlsplit(page).path).get("round_id")
            where = (f"round {round_id}",) if round_id else ()
            for submit in form.submits or [("", "")]:
                named = f"{submit[0]}={submit[1]}" if submit[0] else ""
                action_key = (key, kinds + where, named)
                if action_key not in self.forms:
                    self.forms[action_key] = (role, page, form, target, submit)

    def run_actions(self) -> None:
        from django.db import transaction

        clients: dict[str, object] = {}
        for (key, kinds, submit_label), (role, page, form, target, submit) in self.forms.items():
            if self.args.only and not re.search(self.args.only, key):
                continue
            client = clients.setdefault(role, self.client(role))
            data = fill(form, submit)
            headers = {"HX-Request": "true", "HX-Current-URL": page} if form.hx else {}
            if form.hx and form.hx_target.startswith("#"):
                headers["HX-Target"] = form.hx_target[1:]
            label = " ".join(filter(None, [*kinds, submit_label])) or "-"
            times: list[float] = []
            posts: list[float] = []
            cpus: list[float] = []
            warm: list[float] = []
            runs = self.args.runs
            server_error = False
            while len(times) < runs:
                with transaction.atomic():
                    response, body, elapsed = self.request(client, "post", target, data, headers)
                    post_alone = elapsed
                    cpu = self.cpu_last
                    where = response.get("Location", "")
                    if response.status_code in (301, 302, 303) and where:
                        # The page the browser then loads is part of the wait.
                        _, _, reload = self.request(client, "get", where, headers=None)
                        elapsed += reload
                        cpu += self.cpu_last
                    transaction.set_rollback(True)
                if response.status_code >= 500:
                    server_error = True
                    break
                if len(warm) < max(1, self.args.warmup):
                    warm.append(elapsed)
                    if max(warm) * 1000 >= self.args.slow_ms:
                        runs = self.args.slow_runs
                    continue
                times.append(elapsed)
                posts.append(post_alone)
                cpus.append(cpu)
            self.last_exception = ""
            with transaction.atomic():
                count, response, body = self.queries(client, "post", target, data, headers)
                outcome = self.outcome(client, response, body)
                transaction.set_rollback(True)
            row = Row(role, key, label, target, response.status_code, times, count, len(body))
            row.cpu = cpus
            row.note = outcome + (f"; slow: {runs} runs" if runs != self.args.runs else "")
            if posts and where:
                row.label += f" (POST alone p50 {statistics.median(posts) * 1000:.0f} ms"
                row.label += f" + reload {urlsplit(where).path})"
            if server_error or response.status_code >= 500:
                row.note = self.last_exception or outcome
                self.errors.append(row)
            self.actions.append(row)
            print(f"  {role:11} {p95ms(row):8.1f} ms p95 {count:4} q  POST {key} {label}")

    def outcome(self, client, response, body: bytes) -> str:
        """What the action told the user (its flash message), read untimed."""
        html = body.decode("utf-8", "replace")
        if response.status_code in (302, 303) and response.get("Location"):
            follow = client.get(response["Location"])
            html = follow.content.decode("utf-8", "replace") if not follow.streaming else ""
        msgs = parse(html).messages if html else []
        if not msgs:
            return f"{response.status_code}, no message"
        kind, text = msgs[0]
        return f"{kind or 'info'}: {text[:90]}"


def fill(form: Form, submit: tuple[str, str]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = defaultdict(list)
    boxes: dict[str, list[Field]] = defaultdict(list)
    radios: dict[str, list[Field]] = defaultdict(list)
    today = timezone.localdate().isoformat()
    for f in form.fields:
        if f.tag == "input" and f.type == "checkbox":
            boxes[f.name].append(f)
        elif f.tag == "input" and f.type == "radio":
            radios[f.name].append(f)
        elif f.tag == "input" and f.type == "file":
            continue
        elif f.tag == "select":
            chosen = [v for v, s in f.options if s]
            if not chosen:
                values = [v for v, _ in f.options if v]
                chosen = values[: 2 if f.multiple else 1]
            data[f.name].extend(chosen)
        else:
            value = f.value
            wordy = any(w in f.name for w in ("title", "tieu_de", "text", "noi_dung", "ghi_chu"))
            if not value and (f.required or f.tag == "textarea" or wordy):
                value = {
                    "date": today,
                    "datetime-local": f"{today}T09:00",
                    "number": f.attrs.get("min") or "1",
                    "email": "bench@example.org",
                    "numeric": "1",
                    "tel": "0912345678",
                }.get(f.attrs.get("inputmode") or f.type, "Kiểm tra hiệu năng trang")
            data[f.name].append(value)
    for name, group in boxes.items():
        checked = [f.value for f in group if f.checked]
        if not checked:
            take = min(3, max(1, len(group) - 1))
            checked = [f.value for f in group[:take]]
        data[name].extend(checked)
    for name, group in radios.items():
        chosen = next((f.value for f in group if f.checked), group[0].value)
        data[name].append(chosen)
    if submit[0]:
        data[submit[0]].append(submit[1])
    return dict(data)


def q(base: str, pairs: list[tuple[str, str]]) -> str:
    return f"{base}?{urlencode(pairs)}" if pairs else base


def p95ms(row: Row) -> float:
    return row.p95 * 1000


# --------------------------------------------------------------------------------------------
# Report


def report(bench: Bench, args, patterns, excluded, db: str, started: float) -> tuple[str, int]:
    target = args.target_ms
    out = io.StringIO()
    w = out.write
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    w(f"bench/pages.py on {db}, {timezone.localtime():%Y-%m-%d %H:%M}, ")
    w(f"{args.runs} runs after {args.warmup} warm-up, target p95 < {target:.0f} ms\n")
    w(f"load average at the end: {load} ({os.cpu_count()} CPUs); run took ")
    w(f"{time.perf_counter() - started:.0f} s\n")
    w(demo_size())
    failed = 0

    def table(rows: list[Row], title: str) -> None:
        nonlocal failed
        w(f"\n## {title}\n\n")
        w(f"{'p95 ms':>8} {'p50 ms':>8} {'max ms':>8} {'CPU50':>6} {'SQL':>5} {'KiB':>6}")
        w("  result  ")
        w(f"{'role':11} {'page':30} variant / path\n")
        for r in sorted(rows, key=lambda r: -r.p95):
            ok = r.status < 500 and r.p95 * 1000 < target
            failed += not ok
            w(
                f"{r.p95 * 1000:8.1f} {r.p50 * 1000:8.1f} {max(r.times or [0]) * 1000:8.1f} "
                f"{statistics.median(r.cpu or [0]) * 1000:6.0f} {r.queries:5} "
                f"{r.size / 1024:6.0f}  {'PASS' if ok else 'FAIL':6}  "
                f"{r.role:11} {r.key:30} {r.label} {r.path}"
                f"{'  [' + r.note + ']' if r.note else ''}\n"
            )

    worst: dict[str, Row] = {}
    for r in bench.rows:
        if r.key not in worst or r.p95 > worst[r.key].p95:
            worst[r.key] = r
    w("\n## Worst p95 per page (over roles and query strings)\n\n")
    for r in sorted(worst.values(), key=lambda r: -r.p95):
        mark = "PASS" if r.p95 * 1000 < target else "FAIL"
        w(f"  {r.p95 * 1000:8.1f} ms  {r.queries:4} SQL  {mark}  {r.key:30} {r.role} {r.label}\n")
    table(bench.rows, f"Pages ({len(bench.rows)} page × role × query measurements)")
    if bench.actions:
        table(
            bench.actions,
            "Board actions (POST + the page it redirects to, in a transaction rolled back)",
        )
    if bench.errors:
        w("\n## Server errors (500) — failures\n\n")
        for r in bench.errors:
            failed += 1
            w(f"  {r.role:11} {r.key:30} {r.path}  {r.note}\n")
    if bench.downloads:
        w("\n## Downloads (files, not pages: one timed request, not held to the target)\n\n")
        for r in bench.downloads:
            w(f"  {r.times[0] * 1000:8.1f} ms  {r.size / 1024:7.0f} KiB  {r.role:11} {r.key:30}")
            w(f" {r.label} {r.path}\n")
    w("\n## Not opened, per page (status → roles; 'login' = redirected to the login page)\n\n")
    login_only = 0
    for key in sorted(bench.refused):
        seen = {s: sorted(set(r)) for s, r in bench.refused[key].items()}
        if seen.get("login") == ["anonymous"]:
            login_only += 1
            del seen["login"]
        if seen:
            parts = "; ".join(f"{s}: {', '.join(r)}" for s, r in seen.items())
            w(f"  {key:32} {parts}\n")
    w(f"  (and {login_only} staff pages send anonymous to the login page)\n")
    measured_actions = {r.key for r in bench.actions}
    w("\n## POST-only patterns (405 on GET)\n\n")
    for key in sorted(bench.post_only):
        timed = "timed as an action" if key in measured_actions else "not timed (no form found)"
        if args.actions and not key.startswith(tuple(args.actions)):
            timed = "not an action prefix"
        w(f"  {key:32} {timed}\n")
    unfilled = [
        p
        for p in patterns
        if p.key not in bench.reached
        and p.key not in bench.refused
        and p.key not in bench.post_only
        and not any(e.key == p.key for e in bench.errors)
        and not (args.only and not re.search(args.only, p.key))
    ]
    w("\n## URL patterns nothing could fill or open (listed, not measured)\n\n")
    for p in unfilled:
        why = bench.unfillable.get(p.key, "")
        w(f"  {p.key:32} /{p.route}  params: {', '.join(p.params) or '-'}  {why}\n")
    w("\n## Excluded by prefix (not pages): " + ", ".join(sorted(set(excluded))) + "\n")
    over = [r for r in bench.rows + bench.actions if r.p95 * 1000 >= target]
    w(f"\nSummary: {len(bench.rows)} page measurements, {len(bench.actions)} actions, ")
    w(f"{len(over)} over {target:.0f} ms p95, {len(bench.errors)} server errors, ")
    w(f"{len(unfilled)} patterns unfilled.\n")
    return out.getvalue(), failed


def demo_size() -> str:
    from django.apps import apps

    parts = []
    for label, model in (
        ("petitions", "petitions.Petition"),
        ("issues", "synthesis.Issue"),
        ("rounds", "dialogues.Round"),
        ("assignments", "followup.Assignment"),
        ("directives", "followup.Directive"),
    ):
        try:
            parts.append(f"{apps.get_model(model).objects.count()} {label}")
        except LookupError:
            continue
    return "demo: " + ", ".join(parts) + "\n"


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    url = prepare_database(args.reuse)
    import django

    django.setup()
    import logging

    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    from django.db import connection

    db = connection.vendor
    print(f"{db}: {url.split('@')[-1]}", flush=True)
    patterns, excluded = all_patterns()
    bench = Bench(args)
    for role in args.roles:
        print(f"{role}:", flush=True)
        bench.crawl(role, patterns)
    if args.actions:
        print("board actions:", flush=True)
        bench.run_actions()
    text, failed = report(bench, args, patterns, excluded, db, started)
    out = (
        Path(args.out)
        if args.out
        else ROOT / "bench" / (f"results-pages-{timezone.localdate():%Y-%m-%d}-{db}.txt")
    )
    out.write_text(text)
    print(text)
    print(f"written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0 if args.report_only or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
