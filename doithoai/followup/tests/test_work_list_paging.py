"""The unassigned list at real size: filtered and paged in the database, so an issue far past the
first few hundred is found by its filters and shown on its page (none is cut off)."""

from doithoai.core.text import fold
from doithoai.followup import selectors
from doithoai.followup.views import PAGE_SIZE
from doithoai.synthesis.models import Issue, IssueState

MANY = 520
FAR = "Cống ngầm tổ 99 tắc nghẽn"


def test_an_issue_past_the_first_500_is_found_and_paged(demo_round, users, qldt, client):
    common = {
        "round": demo_round,
        "unit": demo_round.unit,
        "state": IssueState.OPEN,
        "title_confirmed": True,
    }
    Issue.objects.bulk_create(
        Issue(
            title=f"Vấn đề thường lệ số {i}",
            title_folded=fold(f"Vấn đề thường lệ số {i}"),
            **common,
        )
        for i in range(MANY)
    )
    far = Issue.objects.create(title=FAR, title_folded=fold(FAR), department=qldt, **common)
    user = users["vanphong"]
    everything = list(
        selectors.unassigned_issues(user=user).values_list("pk", flat=True)  # the page's order
    )
    assert len(everything) > MANY and everything.index(far.pk) >= 500

    # The filters find it among the hundreds (in the database: a queryset, not a cut list).
    by_words = selectors.unassigned_issues(user=user, filters=selectors.IssueFilters(q="tổ 99"))
    assert list(by_words) == [far]
    by_department = selectors.unassigned_issues(
        user=user, filters=selectors.IssueFilters(department_id=qldt.pk)
    )
    assert far in by_department and by_department.count() == 1

    client.force_login(user)
    page_number = everything.index(far.pk) // PAGE_SIZE + 1
    pages = -(-len(everything) // PAGE_SIZE)
    html = client.get(f"/staff/theo-doi/?ds=chua-giao&trang={page_number}").content.decode()
    assert FAR in html and f"Trang {page_number}/{pages}" in html
    other = client.get("/staff/theo-doi/?ds=chua-giao&trang=1").content.decode()
    assert FAR not in other
    found = client.get(f"/staff/theo-doi/?ds=chua-giao&department={qldt.pk}").content.decode()
    assert FAR in found and "Vấn đề thường lệ số" not in found
    searched = client.get("/staff/theo-doi/?ds=chua-giao&q=t%E1%BB%95+99").content.decode()
    assert FAR in searched and "Vấn đề thường lệ số" not in searched
