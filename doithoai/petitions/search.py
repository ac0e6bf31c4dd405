"""Phrase search over `Petition.text_folded`: the words as typed, whole and in order, ignoring
case, marks and tone placement ("dat dai" finds "Đất đai", "hoà" finds "hòa"), and anything
but letters and digits between them ("to 2 de nghi" finds "Tổ 2, đề nghị"). Words typed with
Telex/VNI keystrokes left in ("dduwowngf", "va8n") are repaired on both sides: the stored text
at intake and the query (`core.text.search_key`).

PostgreSQL: full-text search. `Petition.search_vector` is a stored generated column, the
tsvector of the folded text with every run of characters other than a-z and 0-9 made a space
(`FoldedWordsVector`, the `simple` configuration: no stemming, no stop words), so its words
are exactly the words `phrase_words` splits a query into. The GIN index `petition_search`
finds the petitions holding every word; `phraseto_tsquery` keeps those where they stand in
order, next to each other. The page order (newest first) and the user's scope are the same
query's: PostgreSQL's planner chooses between the index and the date order.

SQLite: a regular expression over `text_folded` (no index; a commune's database is small).

A query with no letter or digit (`!`, `(`, an emoji) holds no word: it searches for nothing and
the list is shown as if the box were empty, on every database."""

import re
from typing import Any

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.backends.ddl_references import Statement
from django.db.models import F, Func, Q, TextField, Value

from doithoai.core.text import search_key

_NON_WORD = re.compile(r"[^a-z0-9]+")
_SEP = "[^a-z0-9]+"
MAX_WORDS = 20
CONFIG = "simple"


def phrase_words(query: str) -> list[str]:
    """The folded words of a search box's text (none without a letter or digit)."""
    return [w for w in _NON_WORD.split(search_key(query)) if w][:MAX_WORDS]


def phrase_q(words: list[str]) -> Q:
    """The petitions holding the words in order as whole words, anything but letters and
    digits between them. No words: no condition."""
    if not words:
        return Q()
    if connection.vendor == "postgresql":
        return Q(search_vector=SearchQuery(" ".join(words), search_type="phrase", config=CONFIG))
    pattern = "(?:^|[^a-z0-9])" + _SEP.join(words) + "(?:[^a-z0-9]|$)"
    return Q(text_folded__regex=pattern)


class FoldedWordsVector(SearchVector):
    """The expression of `Petition.search_vector`: on PostgreSQL
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
