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
INT_SLOT = -7_301_977_245_117  # stands for an integer value while a query is compiled


class CompiledRow:
    def __init__(
        self,
        model: type[Model],
        build: Callable[[Any], QuerySet[Any, Any]],
        *,
        many: bool = False,
        placeholder: Any = _SLOT,
    ) -> None:
        """`build(value)` returns the `values()` queryset of `model` for one value; it is called
        once per database with a placeholder that must appear exactly once among the SQL
        parameters (pass an unlikely number as `placeholder` when the value is an integer). With
        `many`, the query is not limited to one row and `all()` reads it."""
        self._model = model
        self._build = build
        self._many = many
        self._placeholder = placeholder
        self._compiled: dict[str, tuple[Any, str, list[Any], int, list[str], list[Any]]] = {}

    def _compile(self) -> tuple[Any, str, list[Any], int, list[str], list[Any]]:
        qs = self._build(self._placeholder).using(router.db_for_read(self._model))
        if not self._many:
            qs = qs[:1]
        query = qs.query
        compiler = query.get_compiler(using=qs.db)
        sql, params = compiler.as_sql()
        slots = [i for i, p in enumerate(params) if p == self._placeholder]
        if len(slots) != 1:
            raise ValueError("The placeholder must appear once among the query's parameters.")
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
        converters = compiler.get_converters([col for col, _, _ in compiler.select])
        return compiler, sql, list(params), slots[0], names, converters

    def first(self, value: Any) -> dict[str, Any] | None:
        rows = self._run(value, one=True)
        return rows[0] if rows else None

    def all(self, value: Any) -> list[dict[str, Any]]:
        if not self._many:
            raise TypeError("This query was compiled for one row; pass many=True.")
        return self._run(value, one=False)

    def _run(self, value: Any, *, one: bool) -> list[dict[str, Any]]:
        alias = router.db_for_read(self._model)
        entry = self._compiled.get(alias)
        if entry is None:
            entry = self._compiled[alias] = self._compile()
        compiler, sql, params, slot, names, converters = entry
        params = [*params[:slot], value, *params[slot + 1 :]]
        with prepared_cursor(alias) as cursor:
            cursor.execute(sql, params)
            rows = [cursor.fetchone()] if one else cursor.fetchall()
        rows = [row for row in rows if row is not None]
        if converters and rows:
            rows = list(compiler.apply_converters(rows, converters))
        return [dict(zip(names, row, strict=True)) for row in rows]


def field_names(model: type[Model], prefix: str = "") -> list[str]:
    """The `values()` names of a model's concrete fields, for `instance_from`."""
    return [prefix + f.attname for f in model._meta.concrete_fields]


def instance_from(model: type[Model], row: dict[str, Any], prefix: str = "") -> Any:
    """A model instance from the `field_names(model, prefix)` columns of a compiled row, as if
    the ORM had loaded it."""
    alias = router.db_for_read(model)
    names = [f.attname for f in model._meta.concrete_fields]
    return model.from_db(alias, names, [row[prefix + name] for name in names])


@functools.cache
def _prepared_cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class PreparedCursor(ServerBindingCursor):  # type: ignore[misc, valid-type]
        """Binds parameters on the server and prepares every statement it runs."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True, **kwargs)  # type: ignore[misc]

    return PreparedCursor


def prepared_cursor(alias: str) -> Any:
    """A cursor that prepares its statements on PostgreSQL (a plain cursor elsewhere)."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    raw = _prepared_cursor_class()(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)
