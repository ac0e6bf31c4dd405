"""Phrase search over `Petition.text_folded`: the words as typed, whole and in order, ignoring
case, marks and tone placement ("dat dai" finds "Đất đai", "hoà" finds "hòa"), and anything
but letters and digits between them ("to 2 de nghi" finds "Tổ 2, đề nghị"). Words typed with
Telex/VNI keystrokes left in ("dduwowngf", "va8n") are repaired on both sides: the stored text
at intake and the query (`core.text.search_key`).

PostgreSQL: full-text search. `Petition.search_vector` is a stored generated column
(`SearchDocument`): the tsvector of the folded text with every run of characters other than
a-z and 0-9 made a space (the `simple` configuration: no stemming, no stop words), so its words
are exactly the words `phrase_words` splits a query into, plus one marker of the petition's
unit, `@<unit id>`, which no typed word can match (a word has no `@`). The GIN index
`petition_search` finds the petitions holding every word; `phraseto_tsquery` keeps those where
they stand in order, next to each other. A search bounded by a few units (a commune officer's,
or the list filtered to one ward) also asks for one of their markers in the same tsquery, so
the index answers the words and the units together; without it PostgreSQL combined the unit
B-tree with every petition holding the words (60,000 index entries for `dat dai` at 1M rows) and
took 40-75 ms where the commune holds a few hundred petitions (docs/adr/0008-search.md). The
page order (newest first) and the user's scope stay the query's own conditions.

SQLite: a regular expression over `text_folded` (no index; a commune's database is small).

A query with no letter or digit (`!`, `(`, an emoji) holds no word: it searches for nothing and
the list is shown as if the box were empty, on every database."""

import re
from typing import Any

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection
from django.db.backends.ddl_references import Statement
from django.db.models import F, Func, Q, TextField, Value

from doithoai.core.text import search_key

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SEP = "[^a-z0-9]+"
MAX_WORDS = 20
CONFIG = "simple"
# A search bounded by this many units or fewer asks for their markers: a commune and its
# predecessors, a district; not a province's hundreds, which hold most petitions anyway.
MARKED_UNITS = 64


def phrase_words(query: str) -> list[str]:
    """The folded words of a search box's text (none without a letter or digit)."""
    return [w for w in _NON_WORD.split(search_key(query)) if w][:MAX_WORDS]


def phrase_q(words: list[str], units: set[int] | None = None) -> Q:
    """The petitions holding the words in order as whole words, anything but letters and
    digits between them. No words: no condition. `units`: the units the search is bounded by,
    when known; on PostgreSQL, at most MARKED_UNITS of them are asked in the index too (a
    narrowing only: the caller's scope still applies)."""
    if not words:
        return Q()
    if connection.vendor == "postgresql":
        query: Any = SearchQuery(" ".join(words), search_type="phrase", config=CONFIG)
        if units and len(units) <= MARKED_UNITS:
            query = query & UnitMarkers(units)
        return Q(search_vector=query)
    pattern = "(?:^|[^a-z0-9])" + _SEP.join(words) + "(?:[^a-z0-9]|$)"
    return Q(text_folded__regex=pattern)


class UnitMarkers(SearchQuery):
    """`'@12 | @13'::tsquery`: any of these units' markers in `SearchDocument`. A tsquery
    literal, not `to_tsquery`, whose parser would drop the `@`."""

    template = "(%(expressions)s)::tsquery"

    def __init__(self, units: set[int]) -> None:
        super().__init__(" | ".join(f"@{int(pk)}" for pk in sorted(units)), search_type="raw")


class FoldedWordsVector(SearchVector):
    """The folded words of a column (migration 0011's `search_vector`, `SearchDocument`'s first
    part): on PostgreSQL
    `to_tsvector('simple', regexp_replace(<column>, '[^a-z0-9]+', ' ', 'g'))`; on SQLite, which
    has no tsvector, NULL (its search reads the folded text itself)."""

    def __init__(self, column: str) -> None:
        words = Func(
            F(column),
            Value("[^a-z0-9]+"),
            Value(" "),
            Value("g"),
            function="regexp_replace",
            output_field=TextField(),
        )
        super().__init__(words, config=CONFIG)

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return "NULL", ()


class SearchDocument(Func):
    """The expression of `Petition.search_vector`: on PostgreSQL the folded words
    (`FoldedWordsVector`) and the unit's marker, `('@' || <unit>::text)::tsvector`, a lexeme
    without a position; on SQLite, which has no tsvector, NULL."""

    template = "(%(expressions)s)"
    arg_joiner = " || "

    def __init__(self, column: str, unit_column: str) -> None:
        marker = Func(F(unit_column), template="('@' || (%(expressions)s)::text)::tsvector")
        super().__init__(FoldedWordsVector(column), marker, output_field=SearchVectorField())

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return "NULL", ()


class PostgresGinIndex(GinIndex):
    """A GIN index on PostgreSQL; on SQLite, which has no GIN index, nothing is built (the
    statement is a comment), so the model declares it once for both databases."""

    def create_sql(self, model: Any, schema_editor: Any, using: str = "", **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("-- %(name)s: PostgreSQL only", name=self.name)
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model: Any, schema_editor: Any, **kwargs: Any) -> Any:
        if schema_editor.connection.vendor != "postgresql":
            return Statement("-- %(name)s: PostgreSQL only", name=self.name)
        return super().remove_sql(model, schema_editor, **kwargs)
