"""A demo photo on the staff petition page (issue 15, item 5): shown through the permission-checked
download view, downloaded as an attachment under its display name; refused to the press."""

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.accounts.models import User
from doithoai.demo.photos import demo_photo
from doithoai.petitions.services.intake import petition_attach
from doithoai.petitions.tests.factories import PetitionFactory


@pytest.mark.browser
def test_staff_see_a_petitions_photo_and_download_it(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    petition = PetitionFactory()
    [attachment] = petition_attach(
        actor=User.objects.get(username="vanphong"),
        petition=petition,
        files=[demo_photo("o-ga")],
    )
    log_in(page, "vanphong")
    page.goto(f"/staff/kien-nghi/{petition.pk}/")
    image = page.get_by_test_id(f"attachment-image-{attachment.pk}")
    expect(image).to_be_visible()
    page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=image.element_handle())
    assert image.evaluate("el => el.naturalWidth") == 320  # the photo, drawn 320 × 240
    with page.expect_download() as download:
        page.get_by_test_id(f"attachment-{attachment.pk}").click()
    assert download.value.suggested_filename == "o-ga.jpg"
    # (No /media/ check here: Django's live test server serves MEDIA_URL itself; the application
    # serves no such URL, test_upload_storage.py checks it.)
    log_in(page, "baochi")  # the press sees no petition, and no file
    response = page.goto(f"/staff/theo-doi/tep/{attachment.pk}/")
    assert response is not None and response.status == 404
