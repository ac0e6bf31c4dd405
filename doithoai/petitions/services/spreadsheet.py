"""Spreadsheet import: a preview of every row's errors, then an all-or-nothing commit."""

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_staff
from doithoai.core.events import event_record
from doithoai.core.text import fold
from doithoai.petitions import policies, rounds
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.importing import CleanRow, SpreadsheetError, clean_row, read_table
from doithoai.petitions.models import ImportBatch, Petition, Topic
from doithoai.petitions.services.intake import create_checked
from doithoai.petitions.services.validation import PetitionInput, clean_input
from doithoai.units.models import Unit
from doithoai.units.selectors import participating_units_within

_PREFIXES = ("phuong ", "xa ", "thi tran ", "dac khu ")


@dataclass
class ImportRow:
    row_number: int
    values: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    # The round the row joins (its title), None for ordinary handling; unknown for a bad row.
    round_title: str | None = None


@dataclass(frozen=True)
class RoundCount:
    """How many rows join one round (title None: outside every round), and what that means."""

    title: str | None
    rows: int
    note: str


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    file_error: str = ""
    warnings: list[str] = field(default_factory=list)
    batch: ImportBatch | None = None
    already_imported: bool = False
    rounds: list[RoundCount] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.errors) + (1 if self.file_error else 0)

    @property
    def ok(self) -> bool:
        return not self.file_error and bool(self.rows) and self.error_count == 0


def _unit_key(name: str) -> str:
    key = fold(name)
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


class _Resolver:
    def __init__(self, actor: Actor, default_unit: Unit) -> None:
        area = policies.area_of(actor)
        self.units: dict[str, Unit] = {}
        for unit in participating_units_within(area):
            self.units[_unit_key(unit.name)] = unit
            self.units[unit.code] = unit
        self.default = default_unit
        self.topics: dict[str, str] = {}
        for topic in Topic.objects.filter(active=True):
            self.topics[topic.code] = topic.code
            self.topics[fold(topic.name)] = topic.code

    def unit(self, raw: str) -> Unit | None:
        if not raw:
            return self.default
        return self.units.get(raw.strip()) or self.units.get(_unit_key(raw))

    def topic(self, raw: str) -> str | None:
        if not raw:
            return ""
        return self.topics.get(raw.strip()) or self.topics.get(fold(raw))


def _to_input(
    row: CleanRow, resolver: _Resolver, channel: str, round_id: int | None
) -> tuple[PetitionInput, list[str]]:
    v = row.values
    received = v.get("received_on")
    errors = list(row.errors)
    unit = resolver.unit(str(v.get("unit") or ""))
    if unit is None:
        errors.append(
            _("Phường, xã '%(v)s' không thuộc địa bàn của bạn.") % {"v": str(v.get("unit"))[:60]}
        )
    topic = resolver.topic(str(v.get("topic") or ""))
    if topic is None:
        errors.append(
            _("Lĩnh vực '%(v)s' không có trong danh mục.") % {"v": str(v.get("topic"))[:60]}
        )
    data = PetitionInput(
        text=str(v.get("text") or ""),
        unit=unit,
        channel=channel,
        legal_kind=str(v.get("legal_kind") or "kien_nghi"),
        topic=topic or "",
        place=str(v.get("place") or ""),
        address=str(v.get("address") or ""),
        round_id=round_id,
        submitter_type=str(v.get("submitter_type") or "nguoi_dan"),
        anonymous=bool(v.get("anonymous")),
        confidential=bool(v.get("confidential")),
        submitter_name=str(v.get("submitter_name") or ""),
        phone=str(v.get("phone") or ""),
        email=str(v.get("email") or ""),
        submitter_address=str(v.get("submitter_address") or ""),
        business_name=str(v.get("business_name") or ""),
        tax_code=str(v.get("tax_code") or ""),
        on_behalf_of=str(v.get("on_behalf_of") or ""),
        received_on=received if isinstance(received, datetime.date) else None,
    )
    if not errors:
        try:
            clean_input(data)
        except ValidationError as error:
            errors += [m for ms in error.message_dict.values() for m in ms]
    return data, errors


def petitions_import(
    *,
    actor: Actor,
    data: bytes,
    filename: str,
    unit: Unit,
    channel: str,
    round_id: int | None = None,
    commit: bool = False,
) -> ImportPreview:
    """Check every row; with `commit`, write all rows in one transaction or none."""
    if not policies.can_enter_for(actor, unit):
        raise PermissionDenied(_("Bạn không có quyền nhập kiến nghị cho địa bàn này."))
    try:
        table = read_table(data, filename)
    except SpreadsheetError as error:
        return ImportPreview(rows=[], file_error=error.message)
    resolver = _Resolver(actor, unit)
    inputs: list[PetitionInput] = []
    rows: list[ImportRow] = []
    memo: dict[Any, Any] = {}  # a round look-up per unit, not per row
    for raw in table.rows:
        cleaned = clean_row(raw)
        item, errors = _to_input(cleaned, resolver, channel, round_id)
        row = ImportRow(cleaned.row_number, cleaned.values, errors)
        if not errors:
            _join_round(row, item, memo)
        rows.append(row)
        inputs.append(item)
    preview = ImportPreview(rows=rows, warnings=table.warnings, rounds=_round_counts(rows))
    if not rows:
        preview.file_error = _("Bảng tính không có dòng kiến nghị nào.")
    digest = hashlib.sha256(data).hexdigest()
    existing = ImportBatch.objects.filter(sha256=digest, unit=unit).first()
    if existing is not None:
        preview.batch, preview.already_imported = existing, True
        return preview
    if commit and preview.ok:
        preview.batch = _commit(actor, inputs, digest, filename, unit, channel, memo)
    return preview


def _join_round(row: ImportRow, item: PetitionInput, memo: dict[Any, Any]) -> None:
    """The round the row will join, as the commit will choose it (`rounds.round_for_intake`)."""
    assert isinstance(item.unit, Unit)
    try:
        joined = rounds.round_for_intake(
            unit=item.unit,
            round_id=item.round_id,
            channel=item.channel,
            received_on=item.received_on,
            memo=memo,
        )
    except ValidationError as error:
        row.errors += error.messages
        return
    row.round_title = joined.title if joined is not None else None


def _round_counts(rows: list[ImportRow]) -> list[RoundCount]:
    counts: dict[str | None, int] = {}
    for row in rows:
        if not row.errors:
            counts[row.round_title] = counts.get(row.round_title, 0) + 1
    return [RoundCount(title, n, rounds.intake_note(title)) for title, n in counts.items()]


@transaction.atomic
def _commit(
    actor: Actor,
    inputs: list[PetitionInput],
    digest: str,
    filename: str,
    unit: Unit,
    channel: str,
    memo: dict[Any, Any],
) -> ImportBatch:
    batch = ImportBatch.objects.create(
        sha256=digest,
        filename=filename[:200],
        unit=unit,
        channel=channel,
        rows=len(inputs),
        imported_by=acting_staff(actor),
    )
    created: list[Petition] = [
        create_checked(actor=actor, data=item, files=[], round_memo=memo) for item in inputs
    ]
    batch.petitions.set(created)
    event_record(
        actor=actor,
        obj=batch,
        action=PetitionEvents.PETITIONS_IMPORTED,
        after={
            "rows": len(created),
            "file": filename[:200],
            "sha256": digest,
            "rounds": sorted({p.round_id for p in created if p.round_id}),
        },
    )
    return batch
