"""`field__any_of=ids`: membership in a large set of ids.

On PostgreSQL the ids go as one array parameter (`field = ANY(%s::type[])`) instead of one
placeholder per value, so a province-wide area of hundreds of units keeps the statement short;
one value is a plain `=`, which lets the planner read an index that starts with the field in the
order of its next columns (one ward's newest petitions). Elsewhere, and for a subquery, it is
Django's own `IN`. The values are ids (`unit_id__any_of=ids`, `unit__any_of=ids`), not model
instances. Built on the documented lookup API only: an `In` subclass registered on `Field` and on
`ForeignObject` (whose lookups are its own), with an `as_postgresql` made of `process_lhs` and
the field's `get_db_prep_value` and `db_type`."""

from collections.abc import Sequence
from typing import Any

from django.db.models import Field, ForeignObject
from django.db.models.lookups import In


@ForeignObject.register_lookup
@Field.register_lookup
class AnyOf(In):
    lookup_name = "any_of"

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, Sequence[Any]]:
        if not isinstance(self.rhs, list | tuple | set | frozenset):  # a subquery stays `IN`
            return self.as_sql(compiler, connection)
        field = self.lhs.output_field
        values = [
            field.get_db_prep_value(value, connection, prepared=True)
            for value in self.rhs
            if value is not None  # as `IN`: NULL equals nothing
        ]
        if not values:  # `IN` of nothing: Django answers without asking the database
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if len(values) == 1:
            return f"{lhs} = %s", [*lhs_params, values[0]]
        return f"{lhs} = ANY(%s::{field.db_type(connection)}[])", [*lhs_params, values]
