"""A petitioner's reopen (issue 15, item 1): only with the tracking code, which no public list
shows; rate limited per client; a refused attempt changes nothing."""

import pytest
from django.urls import reverse

from doithoai.core.models import RateCounter
from doithoai.followup import services
from doithoai.followup.models import SupervisionRemark
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.petitions.models import Petition

REASON = "Đường vẫn hỏng, chưa ai đến sửa."


@pytest.fixture
def resolved(issue, users, qldt):
    RateCounter.objects.all().delete()
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    ans = services.answer_draft(actor=users["chuyenvien"], assignment=a, text="Đã sửa đường tổ 5.")
    services.answer_submit(actor=users["chuyenvien"], answer=ans)
    approve_all(users, ans)
    services.answer_publish(actor=users["vanphong"], answer=ans)
    services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)
    issue.refresh_from_db()
    return issue


def _state(issue):
    issue.refresh_from_db()
    return issue.state, SupervisionRemark.objects.filter(issue=issue).count()


@pytest.mark.parametrize("given", ["", "AAA-BBB-CCCC", "public_id", "pk"])
def test_reopen_is_refused_without_the_code(client, resolved, given):
    petition = Petition.objects.filter(issue_link__issue=resolved).first()
    value = {"public_id": str(petition.public_id), "pk": str(petition.pk)}.get(given, given)
    before = _state(resolved)
    response = client.post(reverse("followup-feedback"), {"ma": value, "reason": REASON})
    assert response.status_code == 400
    assert _state(resolved) == before == ("resolved", 0)


def test_the_code_in_the_query_string_is_not_used(client, resolved):
    petition = Petition.objects.filter(issue_link__issue=resolved).first()
    page = client.get(f"{reverse('followup-feedback')}?ma={petition.code}").content.decode()
    assert petition.code not in page
    response = client.post(f"{reverse('followup-feedback')}?ma={petition.code}", {"reason": REASON})
    assert response.status_code == 400 and _state(resolved) == ("resolved", 0)


def test_reopen_from_the_lookup_answer_posts_the_code(client, resolved):
    petition = Petition.objects.filter(issue_link__issue=resolved).first()
    page = client.post(reverse("petition-lookup"), {"ma": petition.code}).content.decode()
    assert 'data-testid="reopen-form"' in page and "?ma=" not in page
    response = client.post(reverse("followup-feedback"), {"ma": petition.code, "reason": REASON})
    assert response.status_code == 200 and _state(resolved) == ("assigned", 1)


def test_guessing_is_rate_limited_and_then_even_the_right_code_changes_nothing(client, resolved):
    petition = Petition.objects.filter(issue_link__issue=resolved).first()
    url = reverse("followup-feedback")
    guesses = [
        client.post(url, {"ma": f"AAA-BBB-CCC{n}", "reason": REASON}).status_code for n in range(5)
    ]
    assert guesses == [400] * 5
    response = client.post(url, {"ma": petition.code, "reason": REASON})
    assert response.status_code == 429 and "quá nhiều" in response.content.decode()
    assert _state(resolved) == ("resolved", 0)
    RateCounter.objects.all().delete()  # the next window
    assert client.post(url, {"ma": petition.code, "reason": REASON}).status_code == 200
    assert _state(resolved) == ("assigned", 1)
