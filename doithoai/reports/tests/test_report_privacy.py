"""Statistics pages carry no personal data, whichever table and whoever reads them."""

import pytest
from django.urls import reverse

from doithoai.reports.selectors import DIMENSIONS
from doithoai.reports.tests.factories import SECRET_NAME, SECRET_TEXT, known_dataset

PERSONAL = (SECRET_NAME, "0912345678", "bimat@example.vn", "Số 7 ngõ Kín", "4700123456")


@pytest.mark.django_db
@pytest.mark.parametrize("username", ["quantri", "tinh", "vanphong", "truongphong"])
def test_no_personal_data_on_any_dashboard(client, demo_user, username):
    known_dataset()
    client.force_login(demo_user(username))
    for dimension in DIMENSIONS:
        html = client.get(reverse("reports-dashboard"), {"theo": dimension}).content.decode()
        for secret in (*PERSONAL, SECRET_TEXT):
            assert secret not in html, (dimension, secret)
