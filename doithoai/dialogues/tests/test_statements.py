"""Statements with answers and directives, oral petitions, press questions and the minutes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from doithoai.dialogues.models import Directive, Minutes, PressQuestion, Statement
from doithoai.dialogues.services import (
    minutes_update,
    press_question_answer,
    press_question_submit,
    statement_answer,
    statement_record,
)
from doithoai.petitions.models import Petition
from doithoai.units.models import Organisation

from .conftest import ROLES

ANSWERERS = {"vanphong", "lanhdao", "tinh"}


@pytest.fixture
def qldt(round_):
    return Organisation.objects.get(unit=round_.unit, code="qldt")


@pytest.mark.parametrize("username", ROLES)
def test_only_chair_and_secretariat_record_answers_and_directives(
    round_, issues, qldt, demo_user, username
):
    statements, directives = Statement.objects.count(), Directive.objects.count()
    call = dict(
        actor=demo_user(username),
        round_=round_,
        speaker_name="Nông Thị Huệ",
        issue=issues[2],
        text="Đề nghị xử lý lấn chiếm vỉa hè.",
        answer="Thành phố sẽ ra quân lập lại trật tự.",
        answered_by=qldt,
        directive_text="Giao Phòng Quản lý đô thị kiểm tra, xử lý.",
        directive_assignee=qldt,
        directive_deadline=datetime.date(2016, 10, 30),
    )
    if username in ANSWERERS:
        st = statement_record(**call)
        assert st.directive is not None and st.directive.assignee == qldt
        assert st.directive.issue == issues[2] and st.directive.source == "conference"
        assert Directive.objects.count() == directives + 1
    else:
        with pytest.raises(PermissionDenied):
            statement_record(**call)
        assert Statement.objects.count() == statements
        assert Directive.objects.count() == directives


def test_directive_needs_assignee_and_deadline(round_, issues, demo_user):
    with pytest.raises(ValidationError):
        statement_record(
            actor=demo_user("lanhdao"),
            round_=round_,
            speaker_name="X",
            issue=issues[0],
            text="Nội dung",
            directive_text="Giao xử lý",
        )
    assert not Statement.objects.filter(round=round_).exists()


@pytest.mark.parametrize("username", ["vanphong", "lanhdao"])
def test_oral_petition_is_recorded_with_channel_hoi_nghi(round_, demo_user, username):
    """The chair records statements as well as the secretariat (a leader does not enter
    petitions of other channels)."""
    ward = round_.unit.children.first()
    st = statement_record(
        actor=demo_user(username),
        round_=round_,
        speaker_name="Lục Văn Hải",
        text="Đề nghị lắp đèn chiếu sáng ngõ 12 tổ 5.",
        new_petition_unit=ward,
    )
    petition = Petition.objects.get(pk=st.petition_id)
    assert petition.channel == "hoi_nghi" and petition.round_id == round_.pk
    assert petition.unit == ward and st.issue is None


@pytest.mark.parametrize("username", ROLES)
def test_statement_answer_per_role(round_, issues, demo_user, username):
    st = statement_record(
        actor=demo_user("vanphong"), round_=round_, speaker_name="A", issue=issues[0], text="Ý kiến"
    )
    if username in ANSWERERS:
        statement_answer(actor=demo_user(username), statement=st, answer="Đã tiếp thu.")
        assert Statement.objects.get(pk=st.pk).answer == "Đã tiếp thu."
    else:
        with pytest.raises(PermissionDenied):
            statement_answer(actor=demo_user(username), statement=st, answer="Đã tiếp thu.")
        assert Statement.objects.get(pk=st.pk).answer == ""


@pytest.mark.parametrize("username", ROLES)
def test_press_submit_questions_only(round_, demo_user, username):
    user = demo_user(username)
    if username == "baochi":
        q = press_question_submit(
            actor=user, round_=round_, question="Tiến độ GPMB thế nào?", outlet="Báo Bắc Kạn"
        )
        assert q.asked_by == user
        with pytest.raises(PermissionDenied):
            press_question_answer(actor=user, question=q, answer="Tự trả lời")
        with pytest.raises(PermissionDenied):
            statement_record(actor=user, round_=round_, speaker_name="X", text="Ý kiến")
        assert PressQuestion.objects.get(pk=q.pk).answer == ""
    else:
        with pytest.raises(PermissionDenied):
            press_question_submit(actor=user, round_=round_, question="Câu hỏi?")
        assert not PressQuestion.objects.filter(round=round_).exists()


def test_press_answer_by_chair(round_, demo_user):
    q = press_question_submit(actor=demo_user("baochi"), round_=round_, question="Câu hỏi?")
    press_question_answer(actor=demo_user("lanhdao"), question=q, answer="Trả lời.")
    q.refresh_from_db()
    assert q.answer == "Trả lời." and q.answered_at is not None


def test_minutes_times_are_checked(round_, demo_user):
    start = datetime.datetime(2016, 9, 23, 1, 0, tzinfo=datetime.UTC)
    minutes_update(
        actor=demo_user("vanphong"), round_=round_, started_at=start, secretary_name="Lý Thị Mai"
    )
    with pytest.raises(ValidationError):
        minutes_update(actor=demo_user("vanphong"), round_=round_, ended_at=start)
    with pytest.raises(PermissionDenied):
        minutes_update(actor=demo_user("mttq"), round_=round_, chair_name="X")
    m = Minutes.objects.get(round=round_)
    assert m.ended_at is None and m.secretary_name == "Lý Thị Mai" and m.chair_name == ""
