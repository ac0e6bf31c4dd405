"""The full demo (`load_full_demo`, what `doithoai demo` loads by default) lives the 2016 round to
its end and opens a second round; every role finds work when it logs in.

One module-scoped load on top of the session's reference data (about half a minute), rolled back
when the module ends; every test reads it."""

from typing import Any

import pytest
from django.utils import timezone

from doithoai.accounts.models import User
from doithoai.demo.petitions import demo_round
from doithoai.demo.round2 import second_round
from doithoai.dialogues.models import (
    Directive,
    DirectiveState,
    Invitee,
    InviteeState,
    RoundState,
    TaskState,
)
from doithoai.followup.choices import AnswerState
from doithoai.followup.models import Answer, IssueResolution
from doithoai.petitions.models import Attachment, Petition
from doithoai.synthesis.models import Issue, IssueState


@pytest.fixture
def users(full_demo: None, db: Any) -> dict[str, User]:
    return {u.username: u for u in User.objects.all()}


def test_the_2016_round_is_concluded_with_its_record(users: dict[str, User]) -> None:
    round_ = demo_round()
    assert round_.state == RoundState.CONCLUDED
    assert round_.petitions.count() == 560
    assert Invitee.objects.filter(round=round_, state=InviteeState.PRESENT).count() >= 15
    assert round_.speakers.filter(state="done").count() == round_.statements.count() >= 7
    assert round_.statements.exclude(answer="").count() == round_.statements.count()
    assert round_.directives.count() >= 6
    assert round_.press_questions.exclude(answer="").count() == 3
    assert round_.minutes.started_at is not None
    assert not round_.agenda_items.filter(state="pending").exists()
    assert not Issue.objects.filter(round=round_, title_confirmed=False).exists()
    assert round_.tasks.exists()
    assert not round_.tasks.exclude(state=TaskState.DONE).exists()


def test_the_2016_follow_up_is_mostly_finished_not_all(users: dict[str, User]) -> None:
    round_ = demo_round()
    issues = Issue.objects.filter(round=round_)
    published = Answer.objects.filter(
        assignment__issue__round=round_, state=AnswerState.PUBLISHED
    ).count()
    assert published >= 300
    assert issues.filter(state=IssueState.CLOSED).count() >= 250
    assert issues.filter(state=IssueState.OPEN).count() == 0  # every issue assigned
    # Not everything is finished: departments still answer, the MTTQ still verifies.
    assert issues.filter(state=IssueState.ASSIGNED).count() >= 20
    assert issues.filter(state=IssueState.RESOLVED).count() >= 10
    assert IssueResolution.objects.filter(issue__round=round_, verification="verified").exists()
    assert IssueResolution.objects.filter(issue__round=round_, verification="not_verified").exists()
    states = set(Directive.objects.filter(round=round_).values_list("state", flat=True))
    assert {DirectiveState.VERIFIED, DirectiveState.DONE, DirectiveState.IN_PROGRESS} <= states
    late = Directive.objects.filter(
        round=round_, state=DirectiveState.IN_PROGRESS, deadline__lt=timezone.localdate()
    )
    assert late.exists()
    # The round's old notifications were delivered while the demo loaded, not left to the worker.
    from doithoai.notify.models import Message

    assert Message.objects.filter(template_key="staff_approval", state="sent").count() >= 300
    assert not Message.objects.filter(template_key="staff_approval", state="pending").exists()


def test_the_second_round_is_announced_and_collecting(users: dict[str, User]) -> None:
    round_ = second_round()
    assert round_ is not None
    today = timezone.localdate()
    assert round_.state == RoundState.ANNOUNCED
    assert round_.intake_deadline is not None and round_.starts_at is not None
    assert today < round_.intake_deadline < timezone.localtime(round_.starts_at).date()
    petitions = Petition.objects.filter(round=round_)
    assert petitions.count() >= 30
    assert petitions.values("channel").distinct().count() >= 4
    # The public form names no round: the intake rule attached them to the collecting one.
    assert petitions.filter(channel="web", collected_by__isnull=True).count() >= 10
    assert Attachment.objects.filter(petition__round=round_).count() >= 5
    assert round_.tasks.filter(state=TaskState.IN_PROGRESS).exists()
    assert round_.tasks.filter(organisation__unit__code="01840").exists()
    from doithoai.portal.selectors import announced_rounds

    assert round_ in announced_rounds()


def test_every_role_has_work_when_it_logs_in(users: dict[str, User]) -> None:
    from doithoai.dialogues.selectors import tasks_of
    from doithoai.followup import selectors as followup
    from doithoai.petitions.selectors import PetitionFilters, petition_list_visible_to
    from doithoai.synthesis.selectors import BoardFilters, board_for_round, board_themes

    officer, head = users["chuyenvien"], users["truongphong"]
    mine = followup.assignments_of(user=officer)
    assert mine.filter(answers__isnull=True).exists()  # drafts to write
    assert Answer.objects.filter(
        assignment__in=mine, state=AnswerState.RETURNED
    ).exists()  # a returned draft to edit
    assert followup.head_queue(user=head).exists()
    assert followup.leader_queue(user=users["lanhdao"]).exists()
    assert (
        followup.directives_visible_to(user=users["lanhdao"])
        .filter(state=DirectiveState.EXTENSION_REQUESTED)
        .exists()
    )
    assert followup.verification_queue(user=users["mttq"]).exists()
    assert (
        followup.directives_visible_to(user=users["mttq"])
        .filter(state=DirectiveState.DONE)
        .exists()
    )
    ward = users["phuong"]
    assert tasks_of(user=ward).filter(round=second_round()).exists()
    ward_petitions = petition_list_visible_to(
        user=ward,
        filters=PetitionFilters(round_id=second_round().pk),  # type: ignore[union-attr]
    )
    assert ward_petitions.items
    assert {p.unit.code for p in ward_petitions.items} == {"01840"}
    secretariat = users["vanphong"]
    assert followup.publish_queue(user=secretariat).exists()
    assert followup.resolvable_issues(user=secretariat).exists()
    board = board_for_round(user=secretariat, round_id=second_round().pk)  # type: ignore[union-attr]
    assert board_themes(board, BoardFilters()).object_list
    province = users["tinh"]
    assert petition_list_visible_to(
        user=province, filters=PetitionFilters(round_id=demo_round().pk)
    ).items


def test_the_public_board_of_2016_shows_answers_without_personal_data(
    users: dict[str, User],
) -> None:
    from doithoai.core.privacy import personal_data_findings
    from doithoai.portal.selectors import board_rows

    rows = board_rows(round_=demo_round())
    assert len(rows) >= 300
    for row in rows:
        assert not personal_data_findings(row.title), row.title
        assert not personal_data_findings(row.answer), row.answer


def test_no_public_page_of_the_full_demo_shows_personal_data(
    users: dict[str, User], client: Any
) -> None:
    """The acceptance scan (portal/tests/public_scan.py) over the full demo's public pages."""
    from doithoai.portal.tests.public_scan import leaks, personal_values, public_answers

    petition = Petition.objects.filter(round=second_round(), channel="web").exclude(email="")
    code = petition.order_by("id").first().code  # type: ignore[union-attr]
    answers = public_answers(client, code=code)
    assert [a.url for a in answers if a.status >= 500] == []
    issue_pages = [a for a in answers if a.url.startswith(f"/ket-qua/{demo_round().pk}/")]
    assert len(issue_pages) >= 300
    assert leaks(answers, personal_values()) == []
