"""Retention: a dry run counts and changes nothing; a real run anonymises only the petitions whose
period ended (per legal kind, counted from settlement), and records its report."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from doithoai.core.events import events_for
from doithoai.dataprotection.models import Anonymisation, RetentionRun
from doithoai.dataprotection.services import retention_run
from doithoai.petitions.choices import LegalKind, PetitionState
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 1)


def _at(year: int) -> datetime.datetime:
    return datetime.datetime(year, 5, 1, 9, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def aged():
    """Named cases: which must go (expired) and which must stay."""
    return {
        "resolved_6y": PetitionFactory(legal_kind=LegalKind.KIEN_NGHI, resolved_at=_at(2020)),
        "not_accepted_6y": PetitionFactory(
            legal_kind=LegalKind.PHAN_ANH,
            state=PetitionState.NOT_ACCEPTED,
            received_on=datetime.date(2020, 1, 10),
        ),
        "resolved_2y": PetitionFactory(legal_kind=LegalKind.KIEN_NGHI, resolved_at=_at(2024)),
        "open_10y": PetitionFactory(
            legal_kind=LegalKind.KIEN_NGHI, received_on=datetime.date(2016, 1, 10)
        ),
        "denunciation_6y": PetitionFactory(legal_kind=LegalKind.TO_CAO, resolved_at=_at(2020)),
    }


EXPIRED = {"resolved_6y", "not_accepted_6y"}


def _snapshot():
    return list(Petition.objects.order_by("pk").values())


def test_dry_run_changes_nothing(aged):
    before = _snapshot()
    events = sum(events_for(p).count() for p in aged.values())
    report = retention_run(dry_run=True, today=TODAY)
    counts = {k.kind: k.count for k in report.kinds}
    assert counts[LegalKind.KIEN_NGHI] >= 1 and counts[LegalKind.PHAN_ANH] >= 1
    assert counts[LegalKind.TO_CAO] == 0
    assert _snapshot() == before
    assert not Anonymisation.objects.exists() and not RetentionRun.objects.exists()
    assert sum(events_for(p).count() for p in aged.values()) == events


def test_real_run_anonymises_only_expired_rows(aged):
    report = retention_run(dry_run=False, today=TODAY)
    for key, petition in aged.items():
        petition.refresh_from_db()
        gone = Anonymisation.objects.filter(petition=petition).exists()
        assert gone == (key in EXPIRED), key
        assert (petition.submitter_name == "") == (key in EXPIRED), key
        assert petition.state == aged[key].state
    run = RetentionRun.objects.get()
    assert run.total == report.total >= 2 and not run.dry_run
    assert run.report[LegalKind.KIEN_NGHI]["years"] == 5
    assert "Bí Mật" not in str(run.report)
    # A second run finds nothing more.
    assert retention_run(dry_run=False, today=TODAY).total == 0


def test_command_dry_run_and_run(aged):
    out = io.StringIO()
    call_command("retention", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    assert "dry run" in out.getvalue() and "would anonymise" in out.getvalue()
    assert not Anonymisation.objects.exists()
    out = io.StringIO()
    call_command("retention", "--today", TODAY.isoformat(), stdout=out)
    assert Anonymisation.objects.filter(petition__in=[aged[k] for k in EXPIRED]).count() == 2
    assert "total:" in out.getvalue()


def test_retention_page_previews_for_the_officer(dpo_client, aged):
    page = dpo_client.get("/staff/du-lieu-ca-nhan/luu-giu/").content.decode()
    assert "Thời hạn lưu giữ dữ liệu cá nhân" in page and "Tố cáo" in page
    assert not Anonymisation.objects.exists()
