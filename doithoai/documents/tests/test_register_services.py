"""The register: numbers without gaps per organisation, year and series; reissue as a version;
files frozen with their hash; readiness checks; who may issue (denied changes nothing)."""

import datetime
import hashlib
import io
import threading

import pypdf
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.utils import timezone

from doithoai.core import document_kinds as registry
from doithoai.core.models import Event
from doithoai.core.rendering.tests.readback import docx_document, normalise, pdf_text
from doithoai.dialogues.documents.conclusion import conclusion_issue_problem
from doithoai.documents import services
from doithoai.documents.events import DocumentEvents
from doithoai.documents.models import IssuedDocument, IssuedFile, NumberCounter
from doithoai.documents.tests import checks
from doithoai.synthesis.documents import synthesis_report_issue_problem
from doithoai.units.models import Organisation

from .conftest import ROLES, new_round


def _state() -> tuple[int, int, int, list[int]]:
    return (
        IssuedDocument.objects.count(),
        IssuedFile.objects.count(),
        Event.objects.filter(action__startswith="document.").count(),
        list(NumberCounter.objects.order_by("pk").values_list("last_number", flat=True)),
    )


def _title(data: bytes) -> str:
    return str(pypdf.PdfReader(io.BytesIO(data)).metadata.title)


def _file(document: IssuedDocument, fmt: str) -> IssuedFile:
    return IssuedFile.objects.get(document=document, format=fmt)


def test_numbers_run_without_gaps_per_series_and_restart_each_year(
    round_a, round_b, demo_user, quick
):
    clerk = demo_user("vanphong")
    plan_a = services.document_issue(actor=clerk, round_=round_a, kind="plan")
    plan_b = services.document_issue(actor=demo_user("lanhdao"), round_=round_b, kind="plan")
    invitation = services.document_issue(actor=clerk, round_=round_a, kind="invitation")
    minutes = services.document_issue(actor=clerk, round_=round_a, kind="minutes")
    assert [plan_a.symbol, plan_b.symbol] == ["01/KH-UBND", "02/KH-UBND"]
    assert (invitation.symbol, minutes.symbol) == ("01/GM-UBND", "01/BB-UBND")
    today = timezone.localdate()
    assert plan_a.issued_on == today and plan_a.year == today.year
    assert plan_b.issued_by == demo_user("lanhdao") and plan_b.version == 1
    # the number and the issue date are the ones printed in the files
    assert _title(bytes(_file(plan_b, "pdf").content)) == "02/KH-UBND"
    docx = bytes(_file(plan_b, "docx").content).decode()
    assert "02/KH-UBND" in docx and today.isoformat() in docx
    ubnd = Organisation.objects.get(pk=round_a.organisation_id)
    counters = NumberCounter.objects.filter(organisation=ubnd, year=today.year)
    assert dict(counters.values_list("series", "last_number")) == {"KH": 2, "GM": 1, "BB": 1}
    # an earlier year has its own series, from 01
    round_c = new_round("Đối thoại năm trước")
    last_year = datetime.date(today.year - 1, 12, 30)
    earlier = services.document_issue(actor=clerk, round_=round_c, kind="plan", on=last_year)
    assert (earlier.symbol, earlier.year, earlier.issued_on) == (
        "01/KH-UBND",
        last_year.year,
        last_year,
    )
    event = Event.objects.get(action=DocumentEvents.DOCUMENT_ISSUED, object_id=str(plan_b.pk))
    assert event.after["symbol"] == "02/KH-UBND"
    assert event.after["sha256"]["pdf"] == _file(plan_b, "pdf").sha256


def test_issuing_twice_or_in_the_future_is_refused_and_changes_nothing(round_a, demo_user, quick):
    clerk = demo_user("vanphong")
    services.document_issue(actor=clerk, round_=round_a, kind="plan")
    before = _state()
    with pytest.raises(ValidationError, match="đã được ban hành"):
        services.document_issue(actor=clerk, round_=round_a, kind="plan")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="không được sau hôm nay"):
        services.document_issue(actor=clerk, round_=round_a, kind="minutes", on=tomorrow)
    with pytest.raises(ValidationError, match="không được cấp số"):
        services.document_issue(actor=clerk, round_=round_a, kind="hop-dong")
    assert _state() == before


def test_reissue_keeps_the_number_adds_a_version_and_keeps_the_old_files(
    round_a, round_b, demo_user, quick
):
    clerk = demo_user("vanphong")
    with pytest.raises(ValidationError, match="chưa được ban hành"):
        services.document_reissue(actor=clerk, round_=round_a, kind="plan", reason="Sửa lỗi")
    first = services.document_issue(actor=clerk, round_=round_a, kind="plan")
    services.document_issue(actor=clerk, round_=round_b, kind="plan")
    old_pdf = bytes(_file(first, "pdf").content)
    old_hash = _file(first, "pdf").sha256
    before = _state()
    with pytest.raises(ValidationError, match="lý do"):
        services.document_reissue(actor=clerk, round_=round_a, kind="plan", reason="  ")
    assert _state() == before

    round_a.title = "Đối thoại quý I (sửa tên)"
    round_a.save(update_fields=["title"])
    second = services.document_reissue(
        actor=demo_user("lanhdao"),
        round_=round_a,
        kind="plan",
        reason="Sửa tên kỳ đối thoại",
        replaces_version=1,
    )
    assert (second.symbol, second.number, second.version) == ("01/KH-UBND", 1, 2)
    assert second.reason == "Sửa tên kỳ đối thoại" and "sửa tên" in second.title
    assert "sửa tên" in bytes(_file(second, "docx").content).decode()
    assert _title(bytes(_file(second, "pdf").content)) == "01/KH-UBND"
    # the first version and its file are untouched; the counter did not move
    assert bytes(_file(first, "pdf").content) == old_pdf and _file(first, "pdf").sha256 == old_hash
    assert NumberCounter.objects.get(series="KH").last_number == 2
    event = Event.objects.get(action=DocumentEvents.DOCUMENT_REISSUED)
    assert (event.before, event.after["version"], event.reason) == (
        {"version": 1},
        2,
        "Sửa tên kỳ đối thoại",
    )
    # a second click on the same page (still showing version 1) does not make a third version
    before = _state()
    with pytest.raises(ValidationError, match="vừa được ban hành lại"):
        services.document_reissue(
            actor=clerk, round_=round_a, kind="plan", reason="Lần nữa", replaces_version=1
        )
    assert _state() == before


def test_a_number_taken_while_rendering_is_not_reused(
    round_a, round_b, demo_user, quick, monkeypatch
):
    """Another issue takes the number read ahead while this one renders: this one gets the next
    number and its files are rendered again with it."""
    clerk = demo_user("vanphong")
    real_render = services._render
    calls = []

    def render_meanwhile(issue, symbol, on):
        calls.append(symbol)
        if len(calls) == 1:  # the outer issue renders first, then someone else issues
            services.document_issue(actor=clerk, round_=round_b, kind="plan")
        return real_render(issue, symbol, on)

    monkeypatch.setattr(services, "_render", render_meanwhile)
    late = services.document_issue(actor=clerk, round_=round_a, kind="plan")
    other = IssuedDocument.objects.get(round=round_b, kind="plan")
    assert (other.symbol, late.symbol) == ("01/KH-UBND", "02/KH-UBND")
    assert calls == ["01/KH-UBND", "01/KH-UBND", "02/KH-UBND"]
    assert _title(bytes(_file(late, "pdf").content)) == "02/KH-UBND"
    assert NumberCounter.objects.get(series="KH").last_number == 2


def test_the_stored_files_are_the_rendered_documents_and_match_their_hash(round_a, demo_user):
    """With the real renderer: both files open, show the number and the issue date, and hash to
    the stored SHA-256; the PDF's page count is recorded."""
    issued = services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="plan")
    today = timezone.localdate()
    month = f"{today.month:02d}" if today.month <= 2 else str(today.month)
    date_line = f"Bắc Kạn, ngày {today.day:02d} tháng {month} năm {today.year}"
    files = {f.format: f for f in issued.files.all()}
    assert set(files) == {"docx", "pdf"}
    for stored in files.values():
        data = bytes(stored.content)
        assert hashlib.sha256(data).hexdigest() == stored.sha256 and len(data) == stored.size
    text = pdf_text(bytes(files["pdf"].content))
    assert "Số: 01/KH-UBND" in text and date_line in text and "KẾ HOẠCH" in text
    pages = len(pypdf.PdfReader(io.BytesIO(bytes(files["pdf"].content))).pages)
    assert files["pdf"].pages == pages >= 1
    docx = docx_document(bytes(files["docx"].content))
    header = normalise(" ".join(c.text for row in docx.tables[0].rows for c in row.cells))
    assert "Số: 01/KH-UBND" in header and date_line in header


def test_a_readiness_check_refuses_with_its_message_and_changes_nothing(
    round_a, demo_user, quick, monkeypatch
):
    clerk = demo_user("vanphong")
    monkeypatch.setitem(registry.ISSUE_CHECKS, "plan", checks.not_ready)
    before = _state()
    with pytest.raises(ValidationError, match="Chưa duyệt nội dung của Đối thoại quý I"):
        services.document_issue(actor=clerk, round_=round_a, kind="plan")
    assert _state() == before
    monkeypatch.setitem(registry.ISSUE_CHECKS, "plan", checks.ready)
    assert services.document_issue(actor=clerk, round_=round_a, kind="plan").symbol == "01/KH-UBND"
    # the check runs before a reissue too
    monkeypatch.setitem(registry.ISSUE_CHECKS, "plan", checks.not_ready)
    before = _state()
    with pytest.raises(ValidationError, match="Chưa duyệt"):
        services.document_reissue(actor=clerk, round_=round_a, kind="plan", reason="Sửa")
    assert _state() == before


def test_registered_checks_are_the_builders_apps():
    assert registry.ISSUE_CHECKS["conclusion"] is conclusion_issue_problem
    assert registry.ISSUE_CHECKS["synthesis"] is synthesis_report_issue_problem


ISSUERS_OF_THE_COMMITTEE = {"vanphong", "lanhdao"}


@pytest.mark.parametrize("username", ROLES)
def test_who_may_issue_the_committees_documents(username, round_a, demo_user, quick):
    user = demo_user(username)
    if username in ISSUERS_OF_THE_COMMITTEE:
        issued = services.document_issue(actor=user, round_=round_a, kind="plan")
        assert issued.symbol == "01/KH-UBND"
        again = services.document_reissue(actor=user, round_=round_a, kind="plan", reason="Sửa")
        assert again.version == 2
        return
    services.document_issue(actor=demo_user("vanphong"), round_=round_a, kind="minutes")
    before = _state()
    with pytest.raises(PermissionDenied):
        services.document_issue(actor=user, round_=round_a, kind="plan")
    with pytest.raises(PermissionDenied):
        services.document_reissue(actor=user, round_=round_a, kind="minutes", reason="Sửa")
    assert _state() == before


@pytest.mark.parametrize("username", ROLES)
def test_the_front_issues_its_own_report_under_its_own_number(
    username, round_a, demo_user, quick, monkeypatch
):
    monkeypatch.setitem(registry.BUILDERS, "synthesis", checks.synthesis_report)
    monkeypatch.setitem(registry.ISSUE_CHECKS, "synthesis", checks.ready)
    user = demo_user(username)
    if username != "mttq":
        before = _state()
        with pytest.raises(PermissionDenied):
            services.document_issue(actor=user, round_=round_a, kind="synthesis")
        assert _state() == before
        return
    report = services.document_issue(actor=user, round_=round_a, kind="synthesis")
    assert report.organisation.code == "mttq" and report.organisation.unit_id == round_a.unit_id
    assert (report.series, report.symbol) == ("BC", "01/BC-MTTQ")
    # the committee's own BC series is separate
    assert not NumberCounter.objects.filter(organisation=round_a.organisation, series="BC").exists()


@pytest.mark.django_db(transaction=True)
def test_two_people_issuing_at_once_get_consecutive_numbers(committed_reference_data, quick):
    """Real concurrency (PostgreSQL): two threads issue in the same series at the same moment."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself (BEGIN IMMEDIATE); the race is PostgreSQL's")
    from doithoai.accounts.models import User

    rounds = [new_round(f"Đối thoại đồng thời {n}") for n in range(4)]
    clerk = User.objects.get(username="vanphong")
    barrier = threading.Barrier(len(rounds))
    errors: list[BaseException] = []

    def issue(round_):
        try:
            barrier.wait(timeout=10)
            services.document_issue(actor=clerk, round_=round_, kind="plan")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(r,)) for r in rounds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(IssuedDocument.objects.filter(kind="plan").values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
    assert NumberCounter.objects.get(series="KH").last_number == 4


def test_the_issued_number_is_written_to_the_round_and_cited_by_its_other_documents(
    round_a, demo_user, quick
):
    from doithoai.dialogues.models import Round

    clerk = demo_user("vanphong")
    round_a.document_number = "số cũ gõ tay"
    round_a.save(update_fields=["document_number"])
    plan = services.document_issue(
        actor=clerk, round_=round_a, kind="plan", on=datetime.date(2016, 9, 5)
    )
    minutes = services.document_issue(actor=clerk, round_=round_a, kind="minutes")
    stored = Round.objects.get(pk=round_a.pk)
    assert (stored.document_number, stored.issued_on) == (plan.symbol, datetime.date(2016, 9, 5))
    assert stored.minutes_number == minutes.symbol
    invitation = registry.document_build(stored, "invitation")
    cited = " ".join(str(block) for block in invitation.blocks)
    assert f"Kế hoạch số {plan.symbol}" in cited and "số cũ gõ tay" not in cited
    event = Event.objects.get(action=DocumentEvents.DOCUMENT_ISSUED, object_id=str(plan.pk))
    assert event.after["round"] == {"document_number": plan.symbol, "issued_on": "2016-09-05"}
    services.document_reissue(actor=clerk, round_=stored, kind="plan", reason="Sửa lỗi chính tả")
    stored.refresh_from_db()
    assert (stored.document_number, stored.issued_on) == (plan.symbol, timezone.localdate())
