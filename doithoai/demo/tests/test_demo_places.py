"""The demo's petitions keep the capitals of their places' names (seen walking the demo: every
petition page and the public lookup showed "Tổ bản vẻn", "Thôn nà dì")."""

import pytest

from doithoai.petitions.models import Petition


@pytest.mark.django_db
def test_place_names_keep_their_capitals():
    places = set(Petition.objects.exclude(place="").values_list("place", flat=True))
    assert {"Tổ Bản Vẻn", "Thôn Nà Dì"} <= places
    assert not places & {"Tổ bản vẻn", "Thôn nà dì"}
    assert all(p[0].isupper() or p[0].isdigit() for p in places)
