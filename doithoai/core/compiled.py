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

    def _entry(self, alias: str) -> tuple[Any, str, list[Any], int, list[str], list[Any]]:
        entry = self._compiled.get(alias)
        if entry is None:
            entry = self._compiled[alias] = self._compile()
        return entry

    def _params(self, alias: str, value: Any) -> list[Any]:
        _compiler, _sql, params, slot, _names, _converters = self._entry(alias)
        return [*params[:slot], value, *params[slot + 1 :]]

    def _rows(self, alias: str, rows: list[Any]) -> list[dict[str, Any]]:
        compiler, _sql, _params, _slot, names, converters = self._entry(alias)
        if converters and rows:
            rows = list(compiler.apply_converters(rows, converters))
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _run(self, value: Any, *, one: bool) -> list[dict[str, Any]]:
        alias = router.db_for_read(self._model)
        sql = self._entry(alias)[1]
        with prepared_cursor(alias) as cursor:
            cursor.execute(sql, self._params(alias, value))
            rows = [cursor.fetchone()] if one else cursor.fetchall()
        return self._rows(alias, [row for row in rows if row is not None])


def first_of_each(*reads: tuple[CompiledRow, Any]) -> list[dict[str, Any] | None]:
    """Several one-row reads `(compiled, value)` in one statement (one round trip): the first
    row of each, or None, in order. The reads must use the same database."""
    alias = router.db_for_read(reads[0][0]._model)
    if any(router.db_for_read(row._model) != alias for row, _ in reads[1:]):
        raise ValueError("Reads combined in one statement must use the same database.")
    if any(row._many for row, _ in reads):
        raise TypeError("Only one-row reads can be combined.")
    # Each read's columns follow a "found" marker, so a row of NULLs still reads as found.
    joins = [
        f"LEFT JOIN (SELECT 1 AS found, r.* FROM ({row._entry(alias)[1]}) AS r) AS r{i} ON 1 = 1"  # noqa: S608 - ORM-compiled SQL only
        for i, (row, _value) in enumerate(reads)
    ]
    sql = "SELECT * FROM (SELECT 1 AS one) AS one " + " ".join(joins)  # noqa: S608
    params = [param for row, value in reads for param in row._params(alias, value)]
    with prepared_cursor(alias) as cursor:
        cursor.execute(sql, params)
        values = list(cursor.fetchone())[1:]
    found: list[dict[str, Any] | None] = []
    for row, _value in reads:
        width = len(row._entry(alias)[4])
        marker, columns, values = values[0], values[1 : width + 1], values[width + 1 :]
        found.append(row._rows(alias, [columns])[0] if marker is not None else None)
    return found


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
