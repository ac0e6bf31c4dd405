"""The board's reads: themes (topic × area) with counts, filters, search and paging."""

from django.http import QueryDict

from doithoai.synthesis import selectors
from doithoai.synthesis.models import IssueState
from doithoai.synthesis.selectors import Board, BoardFilters
from doithoai.units.models import Unit


def board(round_):
    return Board(unit=round_.unit, round=round_)


def filters(query=""):
    return BoardFilters.from_query(QueryDict(query))


def wards():
    return list(Unit.objects.filter(scheme="2004", kind="ward").order_by("code")[:2])


def test_themes_group_issues_by_topic_and_area_with_counts(demo_round, make_issue):
    a, b = wards()
    make_issue(topic="do_thi", area=a, n=3)
    make_issue(topic="do_thi", area=a, n=1, topic_confirmed=True, title_confirmed=True)
    make_issue(topic="do_thi", area=a, n=1, state=IssueState.ASSIGNED)
    make_issue(topic="dat_dai", area=b, n=2)
    themes = selectors.board_themes(board(demo_round), filters()).object_list
    by_name = {t.name: t for t in themes}
    first = by_name[f"Quản lý đô thị — {a.name}"]
    assert (first.issues, first.petitions, first.unassigned, first.needs_review) == (3, 5, 2, 2)
    assert len(first.issue_ids) == 3
    second = by_name[f"Đất đai — {b.name}"]
    assert (second.issues, second.petitions, second.unassigned, second.needs_review) == (1, 2, 1, 1)
    assert themes[0] == first  # largest first


def test_filters_narrow_themes_and_issues(demo_round, make_issue):
    a, b = wards()
    low = make_issue(topic="do_thi", area=a, confidence=0.3)
    high = make_issue(topic="dat_dai", area=b, confidence=0.95)
    done = make_issue(
        topic="dat_dai", area=b, confidence=0.95, topic_confirmed=True, title_confirmed=True
    )
    page = lambda q: {i.pk for i in selectors.board_issue_page(board(demo_round), filters(q))}  # noqa: E731
    assert page("topic=dat_dai") == {high.pk, done.pk}
    assert page(f"area={a.pk}") == {low.pk}
    assert page("band=low") == {low.pk}
    assert page("band=high") == {high.pk, done.pk}
    assert page("review=1") == {low.pk, high.pk}
    assert page("state=assigned") == set()
    assert page("band=bogus") == {low.pk, high.pk, done.pk}  # an unknown value is ignored
    themes = selectors.board_themes(board(demo_round), filters("topic=dat_dai")).object_list
    assert [t.issue_ids for t in themes] == [sorted([high.pk, done.pk])]


def test_search_finds_titles_and_petition_text_without_diacritics(demo_round, make_issue):
    lamp = make_issue(title="Đèn chiếu sáng hỏng đường Kon Tum, phường Phùng Chí Kiên")
    other = make_issue(title="Thu gom rác thải, phường Sông Cầu")
    words = " ".join(other.memberships.get().petition.text_folded.split()[3:6])
    found = lambda q: {  # noqa: E731
        i.pk for i in selectors.board_issue_page(board(demo_round), filters(q))
    }
    assert found("q=den+chieu+sang") == {lamp.pk}
    assert found("q=KON TUM") == {lamp.pk}
    assert other.pk in found("q=" + words)
    assert found(f"q=%23{other.pk}") == {other.pk}


def test_issues_and_themes_are_paged(demo_round, make_issue):
    for _ in range(selectors.ISSUES_PER_PAGE + 3):
        make_issue()
    first = selectors.board_issue_page(board(demo_round), filters("view=issues"))
    second = selectors.board_issue_page(board(demo_round), filters("view=issues&page=2"))
    assert len(first.object_list) == selectors.ISSUES_PER_PAGE
    assert len(second.object_list) == 3
    assert not {i.pk for i in first} & {i.pk for i in second}
    assert filters("page=abc").page == 1


def test_public_rule_is_title_confirmed(demo_round, make_issue):
    shown = make_issue(title_confirmed=True)
    hidden = make_issue()
    from doithoai.synthesis.models import Issue

    public = set(Issue.objects.filter(selectors.public_issues_q()).values_list("pk", flat=True))
    assert shown.pk in public and hidden.pk not in public
    assert selectors.issue_is_public(shown) and not selectors.issue_is_public(hidden)
