"""Issuing a round's documents into the register (see docs/services.md).

`document_issue` gives the next number of the series, `document_reissue` a new version under the
same number. Both render the DOCX and the PDF *before* their transaction opens: a PDF takes a
second or more, and SQLite's write lock (transaction mode IMMEDIATE) would stall every other
writer meanwhile. The number is read ahead for that rendering; inside the transaction the series'
counter row is locked (select_for_update), the number taken, and the document rendered again only
in the rare case another issue took that number in between. So numbers have no gaps and two
people issuing at once never get the same number.
"""

import datetime
import hashlib
import io
from dataclasses import dataclass
from typing import Any

import pypdf
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.document_kinds import (
    BUILDERS,
    FORMATS,
    ISSUERS,
    ROUND_FIELDS,
    SERIES,
    DocumentUnavailable,
    document_build,
    issue_problem,
    kind_label,
    render_as,
)
from doithoai.core.events import event_record
from doithoai.core.rendering import OfficialDocument, format_number
from doithoai.core.rendering.model import clean
from doithoai.dialogues.models import Round
from doithoai.documents import policies
from doithoai.documents.events import DocumentEvents
from doithoai.documents.models import Format, IssuedDocument, IssuedFile, NumberCounter
from doithoai.units.models import Organisation, OrganisationKind

REASON_MAX = 1000
# The body's part of a symbol when the organisation has no short name.
DEFAULT_ABBREVIATIONS: dict[str, str] = {
    OrganisationKind.PEOPLES_COMMITTEE: "UBND",
    OrganisationKind.PEOPLES_COUNCIL: "HĐND",
    OrganisationKind.FATHERLAND_FRONT: "MTTQ",
    OrganisationKind.PARTY_COMMITTEE: "ĐU",
}


@dataclass(frozen=True, slots=True)
class _Issue:
    """What both services need before they write: who issues, in which series, the document."""

    organisation: Organisation
    series: str
    doc: OfficialDocument


def _deny(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền ban hành văn bản này."))


def _issuer(round_: Any, kind: str) -> Organisation:
    issuer_kind = ISSUERS.get(kind)
    if not issuer_kind or issuer_kind == round_.organisation.kind:
        return round_.organisation  # type: ignore[no-any-return]
    found = (
        Organisation.objects.filter(unit_id=round_.unit_id, kind=issuer_kind, active=True)
        .order_by("pk")
        .first()
    )
    if found is None:
        raise ValidationError(
            _("Địa bàn của kỳ đối thoại chưa có cơ quan ban hành “%(label)s”.")
            % {"label": kind_label(kind)}
        )
    return found


def _allow(*, actor: Actor, round_: Any, kind: str) -> None:
    """A kind the register numbers, and a person who may issue it."""
    if kind not in BUILDERS or kind not in SERIES:
        raise ValidationError(_("Loại văn bản này không được cấp số trong sổ văn bản."))
    _deny(policies.can_issue(actor, round_, kind))


def _prepare(*, round_: Any, kind: str) -> _Issue:
    """Readiness, the issuer and the built (not yet numbered) document."""
    try:
        problem = issue_problem(kind, round_)
        if problem:
            raise ValidationError(problem, code="not_ready")
        doc = document_build(round_, kind)
    except DocumentUnavailable as error:
        raise ValidationError(str(error), code="unavailable") from error
    return _Issue(organisation=_issuer(round_, kind), series=SERIES[kind], doc=doc)


def _symbol(issue: _Issue, number: int) -> str:
    organisation = issue.organisation
    abbreviation = organisation.short_name.strip() or DEFAULT_ABBREVIATIONS.get(
        organisation.kind, "UBND"
    )
    return format_number(number, issue.series, abbreviation, family=issue.doc.family)


def _render(issue: _Issue, symbol: str, on: datetime.date) -> dict[str, bytes]:
    doc = issue.doc
    doc.number = symbol
    doc.date = on
    return {fmt: render_as(doc, fmt) for fmt in FORMATS}


def _pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def _store(document: IssuedDocument, files: dict[str, bytes]) -> dict[str, str]:
    """Freeze the files of a version; their SHA-256 by format."""
    stored = IssuedFile.objects.bulk_create(
        IssuedFile(
            document=document,
            format=fmt,
            content=data,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            pages=_pages(data) if fmt == Format.PDF else None,
        )
        for fmt, data in files.items()
    )
    return {f.format: f.sha256 for f in stored}


def _latest(round_: Any, kind: str) -> IssuedDocument | None:
    return (
        IssuedDocument.objects.filter(round=round_, kind=kind)
        .select_related("organisation")
        .order_by("-version")
        .first()
    )


def _record_on_round(round_: Any, kind: str, symbol: str, on: datetime.date) -> dict[str, str]:
    """The issued number (and date) written into the round's own fields for the kind, so that the
    round's other documents cite it (an invitation names the plan's number); what was written."""
    fields = ROUND_FIELDS.get(kind)
    if fields is None:
        return {}
    number_field, date_field = fields
    values: dict[str, Any] = {number_field: symbol}
    if date_field:
        values[date_field] = on
    Round.objects.filter(pk=round_.pk).update(**values)
    for name, value in values.items():
        setattr(round_, name, value)
    return {name: str(value) for name, value in values.items()}


def _locked_counter(organisation: Organisation, year: int, series: str) -> NumberCounter:
    counter, _created = NumberCounter.objects.get_or_create(
        organisation=organisation, year=year, series=series
    )
    return NumberCounter.objects.select_for_update().get(pk=counter.pk)


def _title(doc: OfficialDocument) -> str:
    return clean(f"{doc.kind_label} {doc.summary}".replace("\n", " ")).strip()[:500]


def _already_issued(found: IssuedDocument) -> ValidationError:
    return ValidationError(
        _("Văn bản này đã được ban hành (số %(symbol)s); muốn sửa thì ban hành lại.")
        % {"symbol": found.symbol},
        code="already_issued",
    )


def document_issue(
    *, actor: Actor, round_: Any, kind: str, on: datetime.date | None = None
) -> IssuedDocument:
    """Issue the round's document of `kind` under the next number of its series.

    Renders first (see the module's note), then writes number, files and event in one
    transaction. `on` (the issue date) is today unless given, never in the future."""
    _allow(actor=actor, round_=round_, kind=kind)
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ValidationError(_("Ngày ban hành không được sau hôm nay."))
    if (found := _latest(round_, kind)) is not None:
        raise _already_issued(found)
    issue = _prepare(round_=round_, kind=kind)
    counter = NumberCounter.objects.filter(
        organisation=issue.organisation, year=on.year, series=issue.series
    ).first()
    expected = (counter.last_number if counter else 0) + 1
    files = _render(issue, _symbol(issue, expected), on)
    return _issue_write(
        actor=actor, round_=round_, kind=kind, issue=issue, on=on, ahead=expected, files=files
    )


@transaction.atomic
def _issue_write(
    *,
    actor: Actor,
    round_: Any,
    kind: str,
    issue: _Issue,
    on: datetime.date,
    ahead: int,
    files: dict[str, bytes],
) -> IssuedDocument:
    counter = _locked_counter(issue.organisation, on.year, issue.series)
    if (found := _latest(round_, kind)) is not None:  # issued meanwhile by someone else
        raise _already_issued(found)
    number = counter.last_number + 1
    symbol = _symbol(issue, number)
    if number != ahead:  # another document took the number read ahead: render again
        files = _render(issue, symbol, on)
    counter.last_number = number
    counter.save(update_fields=["last_number"])
    document = IssuedDocument.objects.create(
        organisation=issue.organisation,
        year=on.year,
        series=issue.series,
        number=number,
        version=1,
        kind=kind,
        round=round_,
        symbol=symbol,
        title=_title(issue.doc),
        issued_on=on,
        issued_by=acting_user(actor),
    )
    hashes = _store(document, files)
    event_record(
        actor=actor,
        obj=document,
        action=DocumentEvents.DOCUMENT_ISSUED,
        after={
            "kind": kind,
            "symbol": symbol,
            "version": 1,
            "issued_on": on.isoformat(),
            "sha256": hashes,
            "round": _record_on_round(round_, kind, symbol, on),
        },
    )
    return document


def document_reissue(
    *, actor: Actor, round_: Any, kind: str, reason: str, replaces_version: int | None = None
) -> IssuedDocument:
    """Issue a corrected version of an issued document: same number, next version, new date.

    The earlier versions and their files stay in the register. `replaces_version` is the version
    the person saw: a second click (or someone else's reissue in between) is refused."""
    _allow(actor=actor, round_=round_, kind=kind)
    reason = clean(reason or "").strip()
    if not reason:
        raise ValidationError(_("Hãy ghi lý do ban hành lại."), code="required")
    if len(reason) > REASON_MAX:
        raise ValidationError(
            _("Lý do ban hành lại dài quá %(n)s ký tự.") % {"n": REASON_MAX}, code="too_long"
        )
    latest = _latest(round_, kind)
    if latest is None:
        raise ValidationError(_("Văn bản này chưa được ban hành lần nào."), code="not_issued")
    _check_version(latest, replaces_version)
    issue = _prepare(round_=round_, kind=kind)
    on = timezone.localdate()
    files = _render(issue, latest.symbol, on)
    return _reissue_write(
        actor=actor,
        round_=round_,
        kind=kind,
        issue=issue,
        on=on,
        reason=reason,
        replaces_version=latest.version,
        files=files,
    )


def _check_version(latest: IssuedDocument, replaces_version: int | None) -> None:
    if replaces_version is not None and latest.version != replaces_version:
        raise ValidationError(
            _("Văn bản vừa được ban hành lại (lần %(n)s). Hãy xem lại trước khi ban hành tiếp.")
            % {"n": latest.version},
            code="stale",
        )


@transaction.atomic
def _reissue_write(
    *,
    actor: Actor,
    round_: Any,
    kind: str,
    issue: _Issue,
    on: datetime.date,
    reason: str,
    replaces_version: int,
    files: dict[str, bytes],
) -> IssuedDocument:
    seen = _latest(round_, kind)
    if seen is None:
        raise ValidationError(_("Văn bản này chưa được ban hành lần nào."), code="not_issued")
    _locked_counter(seen.organisation, seen.year, seen.series)  # one writer per series at a time
    latest = _latest(round_, kind)
    assert latest is not None
    _check_version(latest, replaces_version)
    document = IssuedDocument.objects.create(
        organisation=latest.organisation,
        year=latest.year,
        series=latest.series,
        number=latest.number,
        version=latest.version + 1,
        kind=kind,
        round=round_,
        symbol=latest.symbol,
        title=_title(issue.doc),
        issued_on=on,
        issued_by=acting_user(actor),
        reason=reason,
    )
    hashes = _store(document, files)
    event_record(
        actor=actor,
        obj=document,
        action=DocumentEvents.DOCUMENT_REISSUED,
        before={"version": latest.version},
        after={
            "kind": kind,
            "symbol": latest.symbol,
            "version": document.version,
            "issued_on": on.isoformat(),
            "sha256": hashes,
            "round": _record_on_round(round_, kind, latest.symbol, on),
        },
        reason=reason,
    )
    return document
