"""Reads of the register, scoped by the user (404 alike for missing and not yours)."""

from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.core.document_kinds import issuable_kinds, kind_label
from doithoai.dialogues import policies as dialogue_policies
from doithoai.dialogues.models import Round
from doithoai.documents import policies
from doithoai.documents.models import IssuedDocument, IssuedFile
from doithoai.units.models import Organisation

PAGE_SIZE = 50


def _with_files(qs: QuerySet[IssuedDocument]) -> QuerySet[IssuedDocument]:
    """The versions with their files' facts (never the bytes) and the people who issued them."""
    files = IssuedFile.objects.defer("content").order_by("format")
    return qs.select_related("organisation", "issued_by").prefetch_related(
        Prefetch("files", queryset=files)
    )


def issued_visible_to(*, user: Actor) -> QuerySet[IssuedDocument]:
    """Issued documents of the rounds the user may read (not to the press)."""
    q = dialogue_policies.visible_rounds_q(user)
    if q is None or not policies.reads_register(user):
        return IssuedDocument.objects.none()
    return IssuedDocument.objects.filter(round__in=Round.objects.filter(q).values("pk"))


@dataclass
class KindRow:
    """One kind of document on a round's page: its versions, newest first."""

    kind: str
    label: str
    versions: list[IssuedDocument] = field(default_factory=list)
    can_issue: bool = False

    @property
    def latest(self) -> IssuedDocument | None:
        return self.versions[0] if self.versions else None


def round_register(*, user: Actor, round_: Round) -> list[KindRow]:
    """The kinds that can be issued for the round, each with its issued versions."""
    if not policies.can_read_issued(user, round_):
        raise Http404
    kinds = issuable_kinds()
    rows = {kind: KindRow(kind, kind_label(kind)) for kind in kinds}
    issued = _with_files(IssuedDocument.objects.filter(round=round_)).order_by("kind", "-version")
    for document in issued:
        rows.setdefault(document.kind, KindRow(document.kind, kind_label(document.kind)))
        rows[document.kind].versions.append(document)
    for row in rows.values():
        row.can_issue = row.kind in kinds and policies.can_issue(user, round_, row.kind)
    return list(rows.values())


def issued_file_get_for(*, user: Actor, document_id: int, fmt: str) -> IssuedFile:
    """One frozen file of an issued version, with its bytes."""
    found = (
        IssuedFile.objects.filter(
            document_id=document_id,
            format=fmt,
            document__in=issued_visible_to(user=user).values("pk"),
        )
        .select_related("document")
        .first()
    )
    if found is None:
        raise Http404
    return found


def register_organisations(*, user: Actor) -> QuerySet[Organisation]:
    """Organisations that have issued documents the user may see (the register's choices)."""
    return Organisation.objects.filter(
        pk__in=issued_visible_to(user=user).values("organisation_id")
    ).order_by("name")


def register_years(*, user: Actor, organisation_id: int) -> list[int]:
    years = (
        issued_visible_to(user=user)
        .filter(organisation_id=organisation_id)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)


def register_page(
    *, user: Actor, organisation_id: int, year: int, series: str = "", page: Any = 1
) -> Page[IssuedDocument]:
    """One page of an organisation's register for a year: by series, then number, then version."""
    qs = issued_visible_to(user=user).filter(organisation_id=organisation_id, year=year)
    if series:
        qs = qs.filter(series=series)
    ordered = _with_files(qs).order_by("series", "number", "version")
    return Paginator(ordered, PAGE_SIZE).get_page(page)
