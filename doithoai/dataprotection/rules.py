"""The legal numbers of personal-data duties, in one place (cited so an administrator can check).

Deadlines of a data subject's request — Law 91/2025/QH15 and Decree 356/2025/NĐ-CP [C]
(../shared/LEGAL.md): acknowledge within 2 working days, complete within 15 days, one extension
of at most 15 days.

Retention per legal kind — [B], an assumption to confirm against the archive rules in force
(Law on Archives 2024 and the Ministry of Home Affairs' retention tables): how many years after a
petition was settled (resolved, else received) its petitioner's personal data is kept; then it is
anonymised. Override with the setting DOITHOAI_RETENTION_YEARS (a mapping legal kind → years).
"""

import datetime

from django.conf import settings

from doithoai.followup.calendar import add_working_days
from doithoai.petitions.choices import LegalKind

ACKNOWLEDGE_WORKING_DAYS = 2
COMPLETE_DAYS = 15
EXTENSION_DAYS = 15

DEFAULT_RETENTION_YEARS: dict[str, int] = {
    LegalKind.PHAN_ANH: 5,
    LegalKind.KIEN_NGHI: 5,
    LegalKind.DE_XUAT: 5,
    LegalKind.PAKN_TTHC: 5,
    LegalKind.KHIEU_NAI: 15,
    LegalKind.TO_CAO: 15,
}


def retention_years() -> dict[str, int]:
    """Years per legal kind: the defaults above with the setting's values over them."""
    years = dict(DEFAULT_RETENTION_YEARS)
    years.update(getattr(settings, "DOITHOAI_RETENTION_YEARS", {}) or {})
    return years


def acknowledge_by(received_on: datetime.date) -> datetime.date:
    return add_working_days(received_on, ACKNOWLEDGE_WORKING_DAYS)


def due_on(received_on: datetime.date) -> datetime.date:
    return received_on + datetime.timedelta(days=COMPLETE_DAYS)


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day `years` earlier (29 February → 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
