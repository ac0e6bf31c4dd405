"""`field__any_of=ids`: membership in a large set of ids.

On PostgreSQL it sends one array parameter (`field = ANY(%s::type[])`) instead of one placeholder
per value, so a province-wide area of hundreds of units keeps the statement short: psycopg
caches its parsing and does not adapt each value; one value is a plain `=`. Elsewhere it is
Django's own `IN`."""

from typing import Any

from django.db.models import Field
from django.db.models.fields.related import ForeignObject
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


def _plain_ints(rhs: Any) -> list[int] | None:
    """The ids as they are when they are all plain ints: nothing for Django to prepare."""
    if isinstance(rhs, list | tuple | set | frozenset) and all(type(v) is int for v in rhs):
        return list(rhs)
    return None


def _as_array(lookup: In, compiler: Any, connection: Any) -> tuple[str, Any]:
    lhs, lhs_params = lookup.process_lhs(compiler, connection)
    field = lookup.lhs.output_field
    values = _plain_ints(lookup.rhs)
    if values is None:
        values = [field.get_db_prep_value(v, connection) for v in lookup.rhs]
    if len(values) == 1:
        # A plain equality lets the planner read an index that starts with the field in the
        # order of its next columns (one ward's newest petitions); `= ANY` of one value does not.
        return f"{lhs} = %s", [*lhs_params, values[0]]
    return f"{lhs} = ANY(%s::{field.cast_db_type(connection)}[])", [*lhs_params, values]


class _ArrayMixin:
    """`= ANY(array)` on PostgreSQL for a collection of values; a subquery stays `IN`."""

    def get_prep_lookup(self) -> Any:
        plain = _plain_ints(self.rhs)  # type: ignore[attr-defined]
        return plain if plain is not None else super().get_prep_lookup()  # type: ignore[misc]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        if not isinstance(self.rhs, list | tuple | set | frozenset):  # type: ignore[attr-defined]
            return super().as_sql(compiler, connection)  # type: ignore[misc]
        return _as_array(self, compiler, connection)  # type: ignore[arg-type]


@Field.register_lookup
class AnyOf(_ArrayMixin, In):
    lookup_name = "any_of"


@ForeignObject.register_lookup
class RelatedAnyOf(_ArrayMixin, RelatedIn):
    lookup_name = "any_of"
