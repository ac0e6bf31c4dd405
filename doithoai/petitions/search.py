"""Phrase search over `Petition.text_folded`: the words as typed, whole and in order, ignoring
case, marks and tone placement ("dat dai" finds "Đất đai", "hoà" finds "hòa").

Every database checks the phrase with a regular expression. On PostgreSQL the GIN index
`petition_words` (migration 0005) narrows the rows first: it holds each petition's words and
pairs of neighbouring words, so a phrase's pairs select exactly the petitions that contain them.

A query with no letter or digit (`!`, `(`, an emoji) holds no word: it searches for nothing and
the list is shown as if the box were empty, on every database."""

import json
import re
import time
from itertools import pairwise

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import F, Func, Q, TextField

from doithoai.core.text import fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SEP = "[^a-z0-9]+"
MAX_WORDS = 20


def phrase_words(query: str) -> list[str]:
    """The folded words of a search box's text, as the index splits them (none without a letter
    or digit)."""
    return [w for w in _NON_WORD.split(fold(query)) if w][:MAX_WORDS]


def phrase_q(words: list[str]) -> Q:
    """The words in order as whole words, anything but letters and digits between them.

    One regular expression, no LIKE per word before it: LIKE is faster per text, but
    PostgreSQL multiplies the two estimates, expects almost no match, and sorts a whole window
    instead of stopping at the page (a word in 1% of petitions: 116 ms against 13 ms).
    No words: no condition."""
    if not words:
        return Q()
    pattern = "(?:^|[^a-z0-9])" + _SEP.join(words) + "(?:[^a-z0-9]|$)"
    return Q(text_folded__regex=pattern)


def word_keys(words: list[str]) -> list[str]:
    """What `doithoai_words` must contain: the word itself, or each pair of neighbours."""
    if len(words) == 1:
        return words
    return [f"{a} {b}" for a, b in pairwise(words)]


def indexed_words() -> Func:
    """`doithoai_words(text_folded)`, the expression of the GIN index (PostgreSQL only)."""
    return Func(F("text_folded"), function="doithoai_words", output_field=ArrayField(TextField()))


_STATS_SECONDS = 600
_stats: tuple[float, dict[str, float]] | None = None


def phrase_share(words: list[str]) -> float | None:
    """About which share of petitions hold the phrase, from PostgreSQL's planner statistics of
    the word index `petition_words` (the thousand or so most common words and pairs, each in
    more than 1–2% of petitions): the smallest share among the phrase's keys, 0.0 when a key is
    not among them (a rare phrase); None when there are no statistics yet or no words (a query
    without letters or digits, read in date order like no query). Read once per process every
    ten minutes. It chooses the search route (selectors._search_page)."""
    global _stats
    if not words:
        return None
    now = time.monotonic()
    if _stats is None or now - _stats[0] > _STATS_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats"
                " WHERE tablename = 'petition_words' AND attname = 'doithoai_words'"
            )
            row = cursor.fetchone()
        shares = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
        _stats = (now, shares)
    shares = _stats[1]
    if not shares:
        return None
    return min(shares.get(key, 0.0) for key in word_keys(words))


_units_rows: dict[frozenset[int], tuple[float, int]] = {}


def petitions_in_units(units: set[int]) -> int:
    """About how many petitions `units` hold: the planner's estimate (from the statistics of
    `unit_id`), asked once per set of units and process every ten minutes. It chooses the search
    route (selectors._search_page); no answer depends on it."""
    key = frozenset(units)
    if not key:
        return 0
    now = time.monotonic()
    cached = _units_rows.get(key)
    if cached is None or now - cached[0] > _STATS_SECONDS:
        from doithoai.petitions.models import Petition

        plan = Petition.objects.filter(unit_id__any_of=key).order_by().explain(format="json")
        rows = int(json.loads(plan)[0]["Plan"]["Plan Rows"])
        if len(_units_rows) > 10_000:
            _units_rows.clear()
        _units_rows[key] = cached = (now, rows)
    return cached[1]
