"""A new row and the rows that point to it, written in one statement on PostgreSQL.

For hot write paths where each row's round trip costs more than writing it (the API's petition
create: see bench/README-petitions.md). The ORM still writes each INSERT (defaults, `auto_now_add`,
value preparation); PostgreSQL's data-modifying WITH queries join them into one statement, which
is atomic on its own: the caller needs no transaction around it. Model `save()` methods and save
signals do not run on that path, so it is only for models that have none that matter for a new
row."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Field, Model
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
    connection = connections[alias]
    pk_column = connection.ops.quote_name(str(parent._meta.pk.column))
    # Only names from model metadata and ORM-compiled SQL are joined here; values stay parameters.
    parent_id = f"(SELECT {pk_column} FROM {_PARENT})"  # noqa: S608
    objs = [parent, *(obj for obj, _ in dependents)]
    pointers = [None, *(attname for _, attname in dependents)]
    inserts = [
        _insert(obj, alias, pointer, parent_id) for obj, pointer in zip(objs, pointers, strict=True)
    ]
    names = [_PARENT, *(f"dependent_{i}" for i in range(len(dependents)))]
    sql = "WITH {} SELECT * FROM {}".format(  # noqa: S608
        ", ".join(f"{name} AS ({insert[0]})" for name, insert in zip(names, inserts, strict=True)),
        ", ".join(names),
    )
    params = [param for insert in inserts for param in insert[1]]
    with prepared_cursor(alias) as cursor:
        cursor.execute(sql, params)
        row = list(cursor.fetchone())
    for obj, (_sql, _params, shape) in zip(objs, inserts, strict=True):
        values, row = row[: len(shape.returning)], row[len(shape.returning) :]
        _set_returned(obj, shape, values)
        obj._state.adding = False
        obj._state.db = alias
    for obj, attname in dependents:
        _point(obj, attname, parent.pk)


def _point(obj: Model, attname: str, pk: Any) -> None:
    """Set the dependent's field to the parent's key, in the field's own type (an event's
    `object_id` is text)."""
    field = next(f for f in obj._meta.concrete_fields if f.attname == attname)
    setattr(obj, attname, field.to_python(pk))


@dataclass(frozen=True)
class _Shape:
    """One model's INSERT as the ORM compiled it: its SQL, the fields whose values are its
    parameters (in order), and the returned fields with their converters."""

    sql: str
    fields: tuple[Field[Any, Any], ...]
    returning: tuple[Field[Any, Any], ...]
    compiler: Any
    converters: dict[int, Any]
    reusable: bool


# Compiled once per model, database and pointer field, then reused with fresh values.
_shapes: dict[tuple[type[Model], str, str | None, bool], _Shape] = {}


def _insert(
    obj: Model, alias: str, pointer: str | None, parent_id: str
) -> tuple[str, list[Any], _Shape]:
    """The INSERT of `obj` (its `pointer` field taking `parent_id`) and its parameters. The SQL
    is compiled by the ORM the first time; after that only the values are prepared, as the ORM
    prepares them (`pre_save`, then `get_db_prep_save`), unless a value is an expression."""
    key = (type(obj), alias, pointer, obj.pk is None)
    shape = _shapes.get(key)
    if shape is not None:
        values = [field.pre_save(obj, True) for field in shape.fields]
        if not any(hasattr(value, "resolve_expression") for value in values):
            connection = connections[alias]
            return (
                shape.sql,
                [
                    field.get_db_prep_save(value, connection=connection)
                    for field, value in zip(shape.fields, values, strict=True)
                ],
                shape,
            )
    shape, params = _compile(obj, alias, pointer, parent_id)
    if shape.reusable:  # a row compiled for an expression value never stands for the others
        _shapes[key] = shape
    return shape.sql, params, shape


def _compile(
    obj: Model, alias: str, pointer: str | None, parent_id: str
) -> tuple[_Shape, list[Any]]:
    meta = obj._meta
    fields = [
        f
        for f in meta.local_concrete_fields
        if not f.generated and not (f is meta.auto_field and obj.pk is None)
    ]
    if pointer is not None:
        setattr(obj, pointer, RawSQL(parent_id, ()))  # noqa: S611
    returning = list(meta.db_returning_fields)
    query = InsertQuery(type(obj))
    query.insert_values(fields, [obj])
    compiler = query.get_compiler(using=alias)
    compiler.returning_fields = returning
    [(sql, params)] = compiler.as_sql()
    params = list(params)
    valued = tuple(f for f in fields if f.attname != pointer)
    connection = connections[alias]
    # Reused only when each parameter is one field's prepared value, in field order.
    reusable = len(params) == len(valued) and all(
        not hasattr(f, "get_placeholder")
        and _same(params[i], f.get_db_prep_save(getattr(obj, f.attname), connection=connection))
        for i, f in enumerate(valued)
    )
    table = meta.db_table
    converters = compiler.get_converters([f.get_col(table) for f in returning])
    shape = _Shape(sql, valued, tuple(returning), compiler, converters, reusable)
    return shape, params


def _same(compiled: Any, prepared: Any) -> bool:
    """Equal values; psycopg's JSON wrappers compare by the object they wrap."""
    if type(compiled) is not type(prepared):
        return False
    return bool(getattr(compiled, "obj", compiled) == getattr(prepared, "obj", prepared))


def _set_returned(obj: Model, shape: _Shape, values: list[Any]) -> None:
    if shape.converters:
        values = list(next(iter(shape.compiler.apply_converters([values], shape.converters))))
    for field, value in zip(shape.returning, values, strict=True):
        setattr(obj, field.attname, value)
