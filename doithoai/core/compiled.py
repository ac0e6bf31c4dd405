"""A `values()` query compiled to SQL once per database, then run with one value swapped in.

Only for public hot paths where building and compiling the ORM query costs more than the query
itself (the petition lookup by code: see bench/README-petitions.md). The ORM still writes the SQL
and converts the values; only the per-request compilation is skipped. On PostgreSQL the statement
is also prepared on the server once per connection, so it is not planned again on every request
(planning a four-table lookup costs more than running it). Behind a connection pooler in
transaction mode, that needs one that keeps prepared statements (PgBouncer 1.21+)."""

import functools
from collections.abc import Callable
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet

_SLOT = "\x00slot\x00"


class CompiledRow:
    def __init__(self, model: type[Model], build: Callable[[Any], QuerySet[Any, Any]]) -> None:
        """`build(value)` returns the `values()` queryset of `model` for one value; it is called
        once per database with a placeholder that must appear exactly once among the SQL
        parameters."""
        self._model = model
        self._build = build
        self._compiled: dict[str, tuple[Any, str, list[Any], int, list[str], list[Any]]] = {}

    def _compile(self) -> tuple[Any, str, list[Any], int, list[str], list[Any]]:
        qs = self._build(_SLOT).using(router.db_for_read(self._model))[:1]
        query = qs.query
        compiler = query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        slots = [i for i, p in enumerate(params) if p == _SLOT]
        if len(slots) != 1:
            raise ValueError("The placeholder must appear once among the query's parameters.")
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        converters = compiler.get_converters([col for col, _, _ in compiler.select])
        return compiler, sql, list(params), slots[0], names, converters

    def first(self, value: Any) -> dict[str, Any] | None:
        alias = router.db_for_read(self._model)
        entry = self._compiled.get(alias)
        if entry is None:
            entry = self._compiled[alias] = self._compile()
        compiler, sql, params, slot, names, converters = entry
        params = [*params[:slot], value, *params[slot + 1 :]]
        with _cursor(alias) as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        if converters:
            row = next(iter(compiler.apply_converters([row], converters)))
        return dict(zip(names, row, strict=True))


@functools.cache
def _prepared_cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):  # type: ignore[misc, valid-type]
        """Binds parameters on the server and prepares every statement it runs."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True, **kwargs)  # type: ignore[misc]

    return PreparedCursor


def _cursor(alias: str) -> Any:
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw = _prepared_cursor_class()(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)
