"""A new row and the rows that point to it, written in one statement on PostgreSQL.

For hot write paths where each row's round trip costs more than writing it (the API's petition
create: see bench/README-petitions.md). The ORM still writes each INSERT (defaults, `auto_now_add`,
value preparation); PostgreSQL's data-modifying WITH queries join them into one statement, which
is atomic on its own. Model `save()` methods and save signals do not run on that path, so it is
only for models that have none that matter for a new row. One statement is atomic on its own: the
caller needs no transaction around it."""

from collections.abc import Sequence
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Model
from django.db.models.expressions import RawSQL
from django.db.models.sql import InsertQuery

from doithoai.core.compiled import prepared_cursor

_PARENT = "new_parent"


def insert_together(parent: Model, dependents: Sequence[tuple[Model, str]] = ()) -> None:
    """Insert the new `parent`, then each new dependent with its field `attname` set to the
    parent's primary key: all or none, in a transaction of their own when the caller holds none.
    Elsewhere than on PostgreSQL each row is saved in turn."""
    alias = router.db_for_write(type(parent))
    if connections[alias].vendor != "postgresql":
        # Without a savepoint: inside a caller's transaction, a failure here fails that one.
        with transaction.atomic(using=alias, savepoint=False):
            parent.save(using=alias)
            for obj, attname in dependents:
                _point(obj, attname, parent.pk)
                obj.save(using=alias)
        return
    pk_column = connections[alias].ops.quote_name(str(parent._meta.pk.column))
    # Only names from model metadata and ORM-compiled SQL are joined here; values stay parameters.
    parent_id = f"(SELECT {pk_column} FROM {_PARENT})"  # noqa: S608
    for obj, attname in dependents:
        setattr(obj, attname, RawSQL(parent_id, ()))  # noqa: S611
    objs = [parent, *(obj for obj, _ in dependents)]
    inserts = [_insert(obj, alias) for obj in objs]
    names = [_PARENT, *(f"dependent_{i}" for i in range(len(dependents)))]
    sql = "WITH {} SELECT * FROM {}".format(  # noqa: S608
        ", ".join(f"{name} AS ({insert[1]})" for name, insert in zip(names, inserts, strict=True)),
        ", ".join(names),
    )
    params = [param for insert in inserts for param in insert[2]]
    with prepared_cursor(alias) as cursor:
        cursor.execute(sql, params)
        row = list(cursor.fetchone())
    for obj, (compiler, _sql, _params, fields) in zip(objs, inserts, strict=True):
        values, row = row[: len(fields)], row[len(fields) :]
        _set_returned(obj, compiler, fields, values)
        obj._state.adding = False
        obj._state.db = alias
    for obj, attname in dependents:
        _point(obj, attname, parent.pk)


def _point(obj: Model, attname: str, pk: Any) -> None:
    """Set the dependent's field to the parent's key, in the field's own type (an event's
    `object_id` is text)."""
    field = next(f for f in obj._meta.concrete_fields if f.attname == attname)
    setattr(obj, attname, field.to_python(pk))


def _insert(obj: Model, alias: str) -> tuple[Any, str, list[Any], list[Any]]:
    meta = obj._meta
    fields = [
        f
        for f in meta.local_concrete_fields
        if not f.generated and not (f is meta.auto_field and obj.pk is None)
    ]
    returning = list(meta.db_returning_fields)
    query = InsertQuery(type(obj))
    query.insert_values(fields, [obj])
    compiler = query.get_compiler(using=alias)
    compiler.returning_fields = returning
    [(sql, params)] = compiler.as_sql()
    return compiler, sql, list(params), returning


def _set_returned(obj: Model, compiler: Any, fields: list[Any], values: list[Any]) -> None:
    table = obj._meta.db_table
    converters = compiler.get_converters([f.get_col(table) for f in fields])
    if converters:
        values = list(next(iter(compiler.apply_converters([values], converters))))
    for field, value in zip(fields, values, strict=True):
        setattr(obj, field.attname, value)
