"""Acceptance of the end-to-end round (#13): one petition from the public form to a closed issue,
in Chromium, on the full demo (both rounds), on whichever database the suite runs on."""

import pytest

from doithoai.demo.full import load_full_demo
from doithoai.demo.tests.scenario import walk_round

pytestmark = pytest.mark.browser


def test_a_petition_goes_from_the_public_form_to_a_verified_closed_issue(page):
    load_full_demo()
    walk_round(page)
