"""In a real browser: the round page's link to all invitations in one PDF, above the limit,
offers the background job; its button starts it, the progress page follows it to the download,
and the file downloaded is the PDF with one page per invitee."""

from pathlib import Path

import pytest

from conftest import log_in
from doithoai.core.models import BackgroundJob
from doithoai.core.rendering.tests.readback import normalise, pdf_reader
from doithoai.dialogues.models import Round


@pytest.mark.browser
def test_all_invitations_followed_from_the_round_page_to_the_download(page, settings, tmp_path):
    from doithoai.demo.dialogues import demo_dialogues

    settings.MEDIA_ROOT = tmp_path
    settings.DOITHOAI_DOCUMENT_BACKGROUND_ITEMS = 1
    page.set_default_timeout(60000)
    page.set_default_navigation_timeout(60000)
    round_ = Round.objects.get(unit__code="058", title__startswith="Tiếp xúc")
    demo_dialogues(None)
    invitees = list(round_.invitees.exclude(state="declined").order_by("group", "name"))
    assert len(invitees) >= 2

    log_in(page, "vanphong")
    page.goto(f"/staff/doi-thoai/{round_.pk}/")
    page.get_by_role("link", name="In giấy mời của từng đại biểu (một tệp PDF)").click()
    page.get_by_test_id("job-offer").wait_for()
    assert not BackgroundJob.objects.exists()  # the link only offers the job
    page.get_by_test_id("job-start").click()
    page.wait_for_url("**/staff/viec-nen/*/")
    page.get_by_test_id("job-download").wait_for()
    assert page.get_by_test_id("job-status").inner_text() == "Đã xong"
    with page.expect_download() as download:
        page.get_by_test_id("job-download").click()
    assert download.value.suggested_filename == f"giay-moi-dai-bieu-{round_.pk}.pdf"
    reader = pdf_reader(Path(download.value.path()).read_bytes())
    assert len(reader.pages) == len(invitees)
    assert normalise(invitees[0].name) in normalise(reader.pages[0].extract_text())
