"""Generated petitions for the benchmarks: a PostgreSQL database of N petitions (COPY), or a
JSONL batch for the synthesis engine.

Database (the petitions benchmark, bench/README-petitions.md), after `doithoai migrate` and
`doithoai demo` (units, organisations, logins, 560 petitions):

    DATABASE_URL=postgres://... .venv/bin/python bench/petitions_generate.py --count 1000000

Texts are variations of the 560 development petitions (synthesis/engine/data/petitions-dev.jsonl):
sentences recombined within a topic, the place name swapped for the target ward's, numbers
changed. `text_folded` equals `doithoai.core.text.fold(text)` (it is built from folded pieces, and
checked against `fold` on a sample). Tracking codes come from `doithoai.petitions.codes.new_code`
and are deduplicated against the table; public ids from `new_public_id`. Rows are written in
creation order (ids and creation times rise together, as in a database in service).

Spread: a received date over 2016-01 → today, growing with time; before 1 July 2025 the petition is
filed under a 2004-scheme unit (the eight wards of Bắc Kạn city first, then the rest of Bắc Kạn and
Thái Nguyên provinces, then other provinces), from then on under a 2025-scheme unit (every ward and
commune of today's Thái Nguyên, most often Phường Bắc Kạn and Phường Đức Xuân, then some other
provinces). The secondary indexes are dropped during the COPY and rebuilt after it (each build
timed); foreign keys are not checked row by row (session_replication_role = replica) because every
id comes from the database. Then VACUUM ANALYZE.

Synthesis batch (bench/synthesis_speed.py imports `generate`; no database):

    .venv/bin/python bench/petitions_generate.py --jsonl out.jsonl --count 10000

Each petition takes a dev petition, moves it to a generated unit and place (northern tổ/thôn or
southern khóm/ấp, with hẻm/kênh objects), perturbs figures, and sometimes changes the encoding (no
diacritics, NFD, ALL CAPS) like real intake. About 30% repeat a concern already in the batch:
another member of the same dev duplicate group (independent wording) at the same unit and place,
so grouping is exercised at scale. Units hold ~150 petitions each, as in a national batch.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import json
import multiprocessing
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django
from django.db import connection

from doithoai.core.text import fold, nfc
from doithoai.petitions.codes import new_code, new_public_id
from doithoai.synthesis.engine.normalize import fold_keep_case
from doithoai.synthesis.engine.training import load_rows

DATA = Path(__file__).resolve().parent.parent / "doithoai/synthesis/engine/data/petitions-dev.jsonl"
REFORM = datetime.date(2025, 7, 1)
START = datetime.date(2016, 1, 1)
UTC = datetime.UTC
PLACE, NUMBER = "\x01", "\x02"  # placeholders; fold() leaves both alone
COLUMNS = [
    "code",
    "text",
    "text_folded",
    "legal_kind",
    "topic_id",
    "unit_id",
    "place",
    "address",
    "latitude",
    "longitude",
    "channel",
    "round_id",
    "submitter_type",
    "anonymous",
    "confidential",
    "submitter_name",
    "phone",
    "email",
    "submitter_address",
    "business_name",
    "tax_code",
    "consent_at",
    "collected_by_id",
    "on_behalf_of",
    "received_on",
    "created_at",
    "updated_at",
    "state",
    "not_accepted_reason",
    "forwarded_to",
    "assigned_to_id",
    "due_on",
    "resolved_at",
    "public_id",
]
UNIT_PREFIX = re.compile(r"^(Phường|Xã|Thị trấn|Thị Trấn|Đặc khu)\s+", re.IGNORECASE)
FAMILY = [
    "Nguyễn",
    "Hoàng",
    "Nông",
    "Lường",
    "Triệu",
    "Hà",
    "Lý",
    "Đàm",
    "Ma",
    "Bế",
    "Lục",
    "Phạm",
    "Trần",
    "Vũ",
    "Đặng",
    "Hà",
    "Dương",
    "Lê",
]
GIVEN = [
    "Văn Hùng",
    "Thị Hoa",
    "Văn Thắng",
    "Thị Lan",
    "Đức Anh",
    "Thị Thu",
    "Văn Quý",
    "Thị Hằng",
    "Minh Tuấn",
    "Thị Nga",
    "Văn Bình",
    "Thị Phương",
    "Quang Huy",
    "Thị Mai",
    "Văn Sơn",
]
STAFF_CHANNELS = ["phuong_xa", "mttq", "truong_thon", "hoi_nghi", "duong_day_nong", "bao_chi"]
KINDS = [
    ("kien_nghi", 45),
    ("phan_anh", 30),
    ("de_xuat", 12),
    ("khieu_nai", 8),
    ("to_cao", 2),
    ("pakn_tthc", 3),
]
REASONS = ["out_of_remit", "duplicate", "lacking_content", "invalid"]
SUBMITTERS = [("nguoi_dan", 80), ("ho_kinh_doanh", 8), ("to_truong", 6), ("truong_thon", 6)]


def esc(value: object) -> str:
    """A value in COPY text format."""
    if value is None:
        return "\\N"
    s = str(value)
    if "\\" in s or "\t" in s or "\n" in s or "\r" in s:
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s


def fold_part(part: str) -> str:
    """fold() of a piece between placeholders, keeping its outer spaces (fold() strips them)."""
    if part in (PLACE, NUMBER) or not part.strip():
        return part
    lead = " " if part[0].isspace() else ""
    trail = " " if part[-1].isspace() else ""
    return lead + fold(part) + trail


def load_templates() -> tuple[dict[str, list[tuple[list[str], list[str]]]], list[str]]:
    """Per topic, sentence templates as (text parts, folded parts) split at the placeholders."""
    by_topic: dict[str, list[tuple[list[str], list[str]]]] = {}
    topics = []
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    names = {UNIT_PREFIX.sub("", nfc(r["unit"] or "")).strip() for r in rows} - {""}
    # Every ward name the texts mention, with and without marks, becomes the target's name.
    spelled = sorted(names | {fold(n).title() for n in names}, key=len, reverse=True)
    mention = re.compile("|".join(re.escape(n) for n in spelled), re.IGNORECASE)
    for row in rows:
        text = re.sub(r"\s+", " ", nfc(row["text"])).strip()
        text = mention.sub(PLACE, text)
        text = re.sub(r"\d+", NUMBER, text)
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if len(sentence) < 12:
                continue
            parts = re.split(f"([{PLACE}{NUMBER}])", sentence)
            by_topic.setdefault(row["topic"], []).append((parts, [fold_part(p) for p in parts]))
        topics.append(row["topic"])
    return by_topic, topics


class Setup:
    """What the workers need from the database, read once in the parent."""

    def __init__(self, now: datetime.datetime) -> None:
        with connection.cursor() as cur:
            cur.execute("SELECT id, code FROM petitions_topic")
            self.topics = dict((code, pk) for pk, code in cur.fetchall())
            cur.execute(
                "SELECT u.id, u.name FROM units_unit u JOIN units_unit c ON c.id = u.parent_id "
                "WHERE c.scheme = '2004' AND c.code = '058' ORDER BY u.code"
            )
            self.bk_city = cur.fetchall()
            self.legacy_near = self._legacy(cur, ("06", "19"), exclude_parent_code="058")
            self.legacy_far = self._legacy(cur, ("20", "04", "08", "01", "22", "24", "25"))
            cur.execute(
                "SELECT u.id, u.name FROM units_unit u JOIN units_unit p ON p.id = u.parent_id "
                "WHERE p.scheme = '2025' AND p.code = '19' ORDER BY u.code"
            )
            self.tn_now = cur.fetchall()
            cur.execute(
                "SELECT u.id, u.name FROM units_unit u JOIN units_unit p ON p.id = u.parent_id "
                "WHERE p.scheme = '2025' AND p.code IN ('20', '04', '08', '01', '24') "
                "ORDER BY u.code"
            )
            self.far_now = cur.fetchall()
            cur.execute(
                "SELECT o.id, o.kind FROM units_organisation o "
                "JOIN units_unit u ON u.id = o.unit_id "
                "WHERE u.scheme = '2004' AND u.code = '058' AND o.kind = 'phong_ban'"
            )
            self.departments = [pk for pk, _kind in cur.fetchall()]
            cur.execute("SELECT id FROM accounts_user WHERE username = 'vanphong'")
            found = cur.fetchone()
            self.clerk = found[0] if found else None
        self.bk_city_ids = {pk for pk, _name in self.bk_city}
        self.now = now
        if not (self.bk_city and self.tn_now and self.topics):
            raise SystemExit("Run `doithoai migrate` and `doithoai demo` first.")

    @staticmethod
    def _legacy(cur, provinces, exclude_parent_code=None):  # type: ignore[no-untyped-def]
        cur.execute(
            "SELECT w.id, w.name FROM units_unit w JOIN units_unit d ON d.id = w.parent_id "
            "JOIN units_unit p ON p.id = d.parent_id WHERE w.scheme = '2004' "
            "AND p.code = ANY(%s) AND w.kind IN ('ward', 'commune', 'township') "
            "AND d.code <> %s ORDER BY w.code",
            [list(provinces), exclude_parent_code or ""],
        )
        return cur.fetchall()


def weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


class Maker:
    def __init__(self, setup: Setup, seed: int) -> None:
        self.s = setup
        self.rng = random.Random(seed)
        self.templates, self.topic_pool = load_templates()
        self.names: dict[int, tuple[str, str]] = {}
        days = (setup.now.date() - START).days
        # Petitions grow over the years: weight 1 in 2016 to 2 today.
        self.day_cdf = []
        total = 0.0
        for d in range(days + 1):
            total += 1 + d / days
            self.day_cdf.append(total)
        self.days = days
        self.last_created = datetime.datetime.min.replace(tzinfo=UTC)

    def place(self, unit_id: int, name: str) -> tuple[str, str]:
        if unit_id not in self.names:
            bare = UNIT_PREFIX.sub("", name).strip()
            self.names[unit_id] = (bare, fold(bare))
        return self.names[unit_id]

    def unit_for(self, day: datetime.date) -> tuple[int, str]:
        r = self.rng.random()
        s = self.s
        if day < REFORM:
            if r < 0.40:
                # The eight wards of Bắc Kạn city, the central ones busier.
                return self.rng.choices(
                    s.bk_city, weights=[9, 9, 10, 6, 7, 3, 3, 4][: len(s.bk_city)]
                )[0]
            if r < 0.75:
                return self.rng.choice(s.legacy_near)
            return self.rng.choice(s.legacy_far)
        if r < 0.30:
            return self.rng.choice([u for u in s.tn_now if "Bắc Kạn" in u[1] or "Đức Xuân" in u[1]])
        if r < 0.80:
            return self.rng.choice(s.tn_now)
        return self.rng.choice(s.far_now)

    def text(self, topic: str, place: tuple[str, str]) -> tuple[str, str]:
        pool = self.templates[topic]
        n = self.rng.choice((2, 3, 3, 4))
        chosen = [pool[self.rng.randrange(len(pool))] for _ in range(n)]
        text, folded = [], []
        for parts, fparts in chosen:
            for p, f in zip(parts, fparts, strict=True):
                if p == PLACE:
                    text.append(place[0])
                    folded.append(place[1])
                elif p == NUMBER:
                    num = str(self.rng.randrange(1, 40 if self.rng.random() < 0.7 else 2000))
                    text.append(num)
                    folded.append(num)
                else:
                    text.append(p)
                    folded.append(f)
            text.append(" ")
            folded.append(" ")
        return "".join(text).strip(), "".join(folded).strip()

    def row(self, code: str, position: float | None = None) -> str:
        """One COPY line. `position` in [0, 1) places the petition on the time line (the
        caller passes increasing values so that rows arrive in date order, as in service);
        None draws it at random."""
        rng, s = self.rng, self.s
        share = rng.random() if position is None else position
        day = START + datetime.timedelta(
            days=bisect.bisect_left(self.day_cdf, share * self.day_cdf[-1])
        )
        unit_id, unit_name = self.unit_for(day)
        topic = rng.choice(self.topic_pool)
        text, folded = self.text(topic, self.place(unit_id, unit_name))
        created = datetime.datetime(day.year, day.month, day.day, tzinfo=UTC) + datetime.timedelta(
            seconds=rng.randrange(1, 3 * 86400)
        )
        created = min(created, s.now - datetime.timedelta(seconds=rng.randrange(1, 86400)))
        if position is not None:  # keep the creation times in row order
            created = max(created, self.last_created)
            self.last_created = created
        age = (s.now.date() - day).days
        kind = weighted(rng, KINDS)
        channel = "web" if rng.random() < 0.35 else rng.choice(STAFF_CHANNELS)
        anonymous = rng.random() < 0.07
        confidential = kind == "to_cao" or rng.random() < 0.04
        submitter = "an_danh" if anonymous else weighted(rng, SUBMITTERS)
        name = phone = email = address = business = tax = ""
        if not anonymous:
            name = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
            contact = rng.random()
            if contact < 0.30:
                phone = f"0{rng.choice('389')}{rng.randrange(10**7, 10**8)}"
                if contact < 0.08:
                    email = f"nguoidan{rng.randrange(10**6)}@example.vn"
            if rng.random() < 0.3:
                address = f"Tổ {rng.randrange(1, 25)}, {unit_name}"
            if submitter == "ho_kinh_doanh":
                business = f"Hộ kinh doanh {name}"
                tax = str(rng.randrange(10**9, 10**10))
        # Older petitions have been triaged; the last weeks' are mostly still waiting.
        waiting = 0.9 if age < 20 else 0.35 if age < 120 else 0.08
        r = rng.random()
        state = (
            "received"
            if r < waiting
            else "accepted"
            if r < waiting + (1 - waiting) * 0.6
            else "grouped"
            if r < waiting + (1 - waiting) * 0.8
            else "not_accepted"
        )
        reason = forwarded = ""
        assigned = due = resolved = None
        if state == "not_accepted":
            reason = rng.choice(REASONS)
            if reason == "out_of_remit":
                forwarded = rng.choice(["Công an tỉnh", "Sở Tài nguyên và Môi trường", "Tòa án"])
        if state in ("accepted", "grouped"):
            due = day + datetime.timedelta(days=30)
            if unit_id in s.bk_city_ids and s.departments:
                assigned = rng.choice(s.departments)
            if age > 60 and rng.random() < 0.8:
                resolved = created + datetime.timedelta(days=rng.randrange(5, 60))
        updated = resolved or created
        place = f"Tổ {rng.randrange(1, 30)}" if rng.random() < 0.4 else ""
        fields = (
            code,
            text,
            folded,
            kind,
            s.topics.get(topic),
            unit_id,
            place,
            "",
            None,
            None,
            channel,
            None,
            submitter,
            "t" if anonymous else "f",
            "t" if confidential else "f",
            name,
            phone,
            email,
            address,
            business,
            tax,
            created.isoformat() if channel == "web" else None,
            s.clerk if channel != "web" and unit_id in s.bk_city_ids else None,
            "Tổ trưởng" if submitter == "to_truong" else "",
            day.isoformat(),
            created.isoformat(),
            updated.isoformat(),
            state,
            reason,
            forwarded,
            assigned,
            due.isoformat() if due else None,
            resolved.isoformat() if resolved else None,
            new_public_id(),
        )
        return "\t".join(esc(f) for f in fields) + "\n"


_MAKER: Maker | None = None


def _init(setup: Setup, seed: int) -> None:
    global _MAKER
    _MAKER = Maker(setup, seed + os.getpid())


def _chunk(job: tuple[int, int, int]) -> tuple[list[str], str]:
    """Rows `start` to `start + n` of `total`, in date order."""
    start, n, total = job
    assert _MAKER is not None
    _MAKER.last_created = datetime.datetime.min.replace(tzinfo=UTC)
    codes = [new_code() for _ in range(n)]
    return codes, "".join(
        _MAKER.row(c, (start + i + _MAKER.rng.random()) / total) for i, c in enumerate(codes)
    )


def secondary_indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = "
            "'petitions_petition' AND i.indexname NOT IN (SELECT conname FROM pg_constraint)"
        )
        return cur.fetchall()


# --- A synthesis batch (no database) -----------------------------------------------------

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


def syllable_name(rng: random.Random) -> str:
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
    """A synthesis batch of `n` petitions (id, text, unit, place, channel), the same for the
    same seed."""
    rng = random.Random(seed)
    rows = load_rows()
    n_units = max(1, n // 150)
    units = []
    for u in range(n_units):
        south = u % 3 == 0
        kind = rng.choice(("phường", "xã"))
        areas = SOUTH_AREA if south else NORTH_AREA
        units.append((f"{kind} {syllable_name(rng)}", areas[0] if kind == "phường" else areas[1]))
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
            place = f"{area} {rng.randint(1, 20) if rng.random() < 0.5 else syllable_name(rng)}"
            if row.get("dup_group"):
                concerns.append((row["dup_group"], (unit, area), place))
        text = _PLACE.sub(place, row["text"])
        text = _UNIT.sub(unit, text)
        text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group()) + rng.randint(-5, 5)), text)
        if rng.random() < 0.2:
            obj = rng.choice(OBJECTS).format(n=rng.randint(1, 200), name=syllable_name(rng))
            text = f"{text} Khu vực {obj}."
        yield {
            "id": f"s{k:06d}",
            "text": variant(text, rng),
            "unit": unit,
            "place": place if rng.random() < 0.5 else "",
            "channel": row["channel"],
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2)))
    parser.add_argument("--seed", type=int, default=None, help="default 2016 (database), 7 (JSONL)")
    parser.add_argument(
        "--jsonl", type=Path, help="write a synthesis batch of --count petitions to this file"
    )
    args = parser.parse_args(argv)
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as fh:
            for row in generate(args.count, 7 if args.seed is None else args.seed):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        return 0
    if args.seed is None:
        args.seed = 2016
    django.setup()
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database.")

    now = datetime.datetime.now(UTC)
    setup = Setup(now)
    check = Maker(setup, args.seed)
    for _ in range(2000):
        line = check.row("AAA-AAA-AAAA").split("\t")
        assert line[2] == fold(line[1]), (line[1], line[2])
        assert unicodedata.is_normalized("NFC", line[1])

    with connection.cursor() as cur:
        cur.execute("SELECT code FROM petitions_petition")
        seen = {c for (c,) in cur.fetchall()}
    before = len(seen)
    indexes = secondary_indexes()
    print(f"{before} petitions before; dropping {len(indexes)} secondary indexes for the load")
    started = time.perf_counter()
    with connection.cursor() as cur:
        for name, _definition in indexes:
            cur.execute(f'DROP INDEX IF EXISTS "{name}"')
    # Forked workers must not inherit the open connection (their exit would close it).
    connection.close()

    # Chunks cover consecutive stretches of the time line and are written in order, so rows
    # lie in the table in the order they were created, like a database in service (the newest
    # petitions share a few hundred pages instead of being spread over all of them).
    jobs = [
        (start, min(args.chunk, args.count - start), args.count)
        for start in range(0, args.count, args.chunk)
    ]
    done = 0
    with (
        multiprocessing.get_context("fork").Pool(
            args.workers, initializer=_init, initargs=(setup, args.seed)
        ) as pool,
    ):
        connection.ensure_connection()
        raw = connection.connection  # psycopg 3, autocommit
        pcur = raw.cursor()
        pcur.execute("SET session_replication_role = replica")
        with pcur.copy(f"COPY petitions_petition ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for codes, block in pool.imap(_chunk, jobs):
                for code in codes:
                    if code in seen:  # ~never with 50 random bits; keep codes unique anyway
                        fresh = new_code()
                        while fresh in seen:
                            fresh = new_code()
                        block = block.replace(code + "\t", fresh + "\t", 1)
                        code = fresh
                    seen.add(code)
                copy.write(block)
                done += len(codes)
                if done % 100_000 < args.chunk:
                    rate = done / (time.perf_counter() - started)
                    print(f"  {done:>9} rows, {rate:,.0f} rows/s", flush=True)
        pcur.execute("SET session_replication_role = origin")
    loaded = time.perf_counter() - started
    print(f"COPY: {done} rows in {loaded:.1f} s ({done / loaded:,.0f} rows/s)")

    t0 = time.perf_counter()
    with raw.cursor() as pcur:
        pcur.execute("SET maintenance_work_mem = '1GB'")
        pcur.execute("SET max_parallel_maintenance_workers = 2")
        for name, definition in indexes:
            t1 = time.perf_counter()
            pcur.execute(definition)
            print(f"  index {name}: {time.perf_counter() - t1:.1f} s", flush=True)
    print(f"indexes rebuilt in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    with raw.cursor() as pcur:
        # What autovacuum would have done by now: statistics and the visibility map.
        pcur.execute("VACUUM ANALYZE")
    print(f"VACUUM ANALYZE in {time.perf_counter() - t0:.1f} s")
    total = time.perf_counter() - started
    print(
        f"Done: {done} petitions in {total:.1f} s ({done / total:,.0f} rows/s overall), "
        f"{before + done} in the table"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
