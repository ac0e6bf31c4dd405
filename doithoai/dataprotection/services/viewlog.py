"""The log of who viewed a petitioner's contact details, filled through
`petitions.hooks.contact_viewed` (registered in `DataprotectionConfig.ready()`)."""

from doithoai.accounts.models import User
from doithoai.accounts.types import Actor
from doithoai.dataprotection.models import ContactView, ViewPlace


def contact_views_record(*, user: Actor, petition_ids: list[int], place: str) -> int:
    """Append one row per petition (an export of many petitions: one insert statement)."""
    if not isinstance(user, User) or not petition_ids:
        return 0
    where = place if place in ViewPlace.values else ViewPlace.OTHER
    rows = [
        ContactView(user=user, petition_id=pk, place=where) for pk in dict.fromkeys(petition_ids)
    ]
    ContactView.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def log_contact_views(*, user: Actor, petition_ids: list[int], place: str) -> None:
    contact_views_record(user=user, petition_ids=petition_ids, place=place)
