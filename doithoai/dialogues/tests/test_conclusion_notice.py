"""The conclusion notice: drafted from the round, edited by the secretariat or the leader,
approved (and locked) by the leader only; the document built from it, read back."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from doithoai.accounts.models import User
from doithoai.core.document_kinds import document_render
from doithoai.core.models import Event
from doithoai.core.rendering import Heading, Table
from doithoai.core.rendering.tests.readback import docx_document, normalise, pdf_text
from doithoai.dialogues.documents import build_conclusion, conclusion_issue_problem
from doithoai.dialogues.documents.conclusion import APPENDIX_HEADING
from doithoai.dialogues.events import DialogueEvents
from doithoai.dialogues.models import AgendaItem, AgendaState, ConclusionNotice, Round, RoundState
from doithoai.dialogues.services import minutes_update, statement_record
from doithoai.dialogues.services.notice import (
    conclusion_notice_approve,
    conclusion_notice_unapprove,
    conclusion_notice_update,
    notice_texts,
)
from doithoai.units.models import Organisation

HCM = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def held(round_, issues, demo_user):
    """The demo round after its conference: one issue answered with a directive, one discussed
    from the agenda without a statement, the third never discussed."""
    from doithoai.demo.dialogues import demo_dialogues

    demo_dialogues(None)
    round_.refresh_from_db()
    actor = demo_user("vanphong")
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    statement_record(
        actor=actor,
        round_=round_,
        speaker_name="Hoàng Văn Kiên",
        issue=issues[2],
        text="Đề nghị xử lý lấn chiếm vỉa hè khu vực chợ.",
        answer="Thành phố sẽ ra quân lập lại trật tự.",
        answered_by=qldt,
        directive_text="Giao kiểm tra, xử lý lấn chiếm.",
        directive_assignee=qldt,
        directive_deadline=datetime.date(2016, 10, 30),
    )
    AgendaItem.objects.create(
        round=round_, issue=issues[1], title=issues[1].title, position=5, state=AgendaState.DONE
    )
    minutes_update(
        actor=actor,
        round_=round_,
        started_at=datetime.datetime(2016, 9, 23, 8, 0, tzinfo=HCM),
        ended_at=datetime.datetime(2016, 9, 23, 11, 30, tzinfo=HCM),
    )
    Round.objects.filter(pk=round_.pk).update(state=RoundState.HELD)
    round_.refresh_from_db()
    return round_


def test_the_draft_names_the_conference_and_its_key_issues(held, issues):
    texts = notice_texts(held)
    assert texts.opening.startswith("Ngày 23 tháng 9 năm 2016, tại Hội trường")
    assert "đồng chí Hoàng Văn Minh, Chủ tịch Ủy ban nhân dân thành phố" in texts.opening
    assert "có 1 ý kiến phát biểu trực tiếp" in texts.opening
    assert texts.opening.endswith("kết luận như sau:")
    assert list(texts.points) == [issues[1].pk, issues[2].pk]  # agenda order, then the floor
    assert texts.points[issues[2].pk] == "Thành phố sẽ ra quân lập lại trật tự."
    assert texts.answers_due_on == datetime.date(2016, 10, 23)
    assert "UBND các xã, phường" in texts.general_directives
    assert not texts.approved


def test_the_document_puts_key_issues_first_and_the_rest_in_the_appendix(held, issues):
    doc = build_conclusion(held)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    appendix = headings.index(APPENDIX_HEADING)
    assert f"1. {issues[1].title}" in headings[:appendix]
    assert f"2. {issues[2].title}" in headings[:appendix]
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row[1] for t in tables for row in t.rows] == [issues[0].title]
    assert tables[0].rows[0][2:] == ["QLĐT", "23/10/2016"]
    assert "1. Phòng Quản lý đô thị (1 vấn đề)" in headings[appendix:]
    text = pdf_text(document_render(held, "conclusion", "pdf"))
    for piece in (
        "Số: 12/TB-UBND",
        "Bắc Kạn, ngày 03 tháng 10 năm 2016",
        "THÔNG BÁO",
        "I. VỀ CÁC NỘI DUNG ĐÃ THẢO LUẬN TẠI HỘI NGHỊ",
        "Chỉ đạo: Giao kiểm tra, xử lý lấn chiếm. Cơ quan thực hiện: Phòng Quản lý đô thị; "
        "thời hạn: 30/10/2016.",
        "II. CHỈ ĐẠO CHUNG",
        "PHỤ LỤC",
        "để các cơ quan, đơn vị biết, thực hiện./.",
        "TM. ỦY BAN NHÂN DÂN",
    ):
        assert normalise(piece) in text, piece
    docx = docx_document(document_render(held, "conclusion", "docx"))
    body = normalise(" ".join(p.text for p in docx.paragraphs))
    assert normalise(notice_texts(held).opening) in body


def test_saved_texts_replace_the_draft_and_approval_locks_them(held, issues, demo_user):
    secretariat, leader = demo_user("vanphong"), demo_user("lanhdao")
    conclusion_notice_update(
        actor=secretariat,
        round_=held,
        opening="Ngày 23/9/2016, đồng chí Chủ tịch chủ trì hội nghị.",
        points={issues[2].pk: "Kiên quyết lập lại trật tự vỉa hè chợ Đức Xuân."},
        general_directives="Các phòng, ban trả lời đúng hạn.\nCác phường tuyên truyền.",
        answers_due_on=datetime.date(2016, 11, 15),
    )
    texts = notice_texts(held)
    assert texts.points[issues[2].pk] == "Kiên quyết lập lại trật tự vỉa hè chợ Đức Xuân."
    assert texts.points[issues[1].pk].startswith("Ghi nhận 2 ý kiến, kiến nghị")  # still the draft
    assert conclusion_issue_problem(held) == "Lãnh đạo chưa duyệt thông báo kết luận"

    conclusion_notice_approve(actor=leader, round_=held)
    notice = ConclusionNotice.objects.get(round=held)
    assert notice.approved and notice.approved_by == leader
    assert notice.points[str(issues[1].pk)].startswith("Ghi nhận 2 ý kiến, kiến nghị")  # frozen
    assert conclusion_issue_problem(held) is None
    with pytest.raises(ValidationError, match="đã được duyệt"):
        conclusion_notice_update(actor=leader, round_=held, opening="Sửa sau khi duyệt.")
    notice.refresh_from_db()
    assert notice.opening == "Ngày 23/9/2016, đồng chí Chủ tịch chủ trì hội nghị."
    text = pdf_text(document_render(held, "conclusion", "pdf"))
    assert "Kiên quyết lập lại trật tự vỉa hè chợ Đức Xuân." in text
    assert "15/11/2016" in text

    conclusion_notice_unapprove(actor=leader, round_=held, reason="Bổ sung chỉ đạo.")
    assert conclusion_issue_problem(held) == "Lãnh đạo chưa duyệt thông báo kết luận"
    conclusion_notice_update(actor=leader, round_=held, opening="Đoạn mở đầu mới.")
    actions = list(
        Event.objects.filter(action__startswith="conclusion_notice.")
        .order_by("id")
        .values_list("action", "reason")
    )
    assert actions == [
        (DialogueEvents.CONCLUSION_NOTICE_UPDATE, ""),
        (DialogueEvents.CONCLUSION_NOTICE_APPROVE, ""),
        (DialogueEvents.CONCLUSION_NOTICE_UNAPPROVE, "Bổ sung chỉ đạo."),
        (DialogueEvents.CONCLUSION_NOTICE_UPDATE, ""),
    ]


@pytest.mark.parametrize(
    ("username", "may_edit", "may_approve"),
    [
        ("vanphong", True, False),
        ("lanhdao", True, True),
        ("mttq", False, False),
        ("phuong", False, False),
        ("chuyenvien", False, False),
        ("truongphong", False, False),
        ("baochi", False, False),
        ("tinh", True, False),  # the province's secretariat reaches the city
    ],
)
def test_who_edits_and_who_approves(held, demo_user, username, may_edit, may_approve):
    user = demo_user(username)
    if may_edit:
        conclusion_notice_update(actor=user, round_=held, opening="Mở đầu của " + username)
        assert ConclusionNotice.objects.get(round=held).opening == "Mở đầu của " + username
    else:
        with pytest.raises(PermissionDenied):
            conclusion_notice_update(actor=user, round_=held, opening="Không được sửa")
        assert not ConclusionNotice.objects.filter(round=held).exists()
    if may_approve:
        conclusion_notice_approve(actor=user, round_=held)
        assert ConclusionNotice.objects.get(round=held).approved
    else:
        with pytest.raises(PermissionDenied):
            conclusion_notice_approve(actor=user, round_=held)
        assert not ConclusionNotice.objects.filter(round=held, approved_at__isnull=False).exists()
        assert not Event.objects.filter(action=DialogueEvents.CONCLUSION_NOTICE_APPROVE).exists()


def test_only_the_leader_withdraws_an_approval(held, demo_user):
    conclusion_notice_approve(actor=demo_user("lanhdao"), round_=held)
    with pytest.raises(PermissionDenied):
        conclusion_notice_unapprove(actor=demo_user("vanphong"), round_=held)
    assert ConclusionNotice.objects.get(round=held).approved


def test_no_notice_before_the_conference(round_, demo_user):
    assert round_.state not in (RoundState.HELD, RoundState.CONCLUDED)
    with pytest.raises(ValidationError, match="sau khi hội nghị đã tổ chức"):
        conclusion_notice_approve(actor=demo_user("lanhdao"), round_=round_)
    assert not ConclusionNotice.objects.filter(round=round_, approved_at__isnull=False).exists()
    assert conclusion_issue_problem(round_) is not None


def test_bad_input_is_refused_with_a_message(held, issues, demo_user):
    leader = demo_user("lanhdao")
    with pytest.raises(ValidationError, match="đoạn mở đầu"):
        conclusion_notice_update(actor=leader, round_=held, opening="   ")
    with pytest.raises(ValidationError, match="không thuộc"):
        conclusion_notice_update(actor=leader, round_=held, points={issues[0].pk: "Không bàn."})
    with pytest.raises(ValidationError, match="sau ngày hội nghị"):
        conclusion_notice_update(
            actor=leader, round_=held, answers_due_on=datetime.date(2016, 9, 1)
        )
    assert not ConclusionNotice.objects.filter(round=held).exclude(opening="").exists()


def test_the_page_edits_and_approves(client, held, issues, demo_user):
    url = reverse("dialogue-conclusion-notice", args=[held.pk])
    client.force_login(demo_user("vanphong"))
    page = client.get(url)
    assert page.status_code == 200
    assert "Kết luận từng nội dung đã thảo luận" in page.content.decode()
    response = client.post(
        url,
        {
            "opening": "Mở đầu do Văn phòng soạn.",
            "general_directives": "Các phòng, ban trả lời đúng hạn.",
            "answers_due_on": "2016-11-01",
            f"point-{issues[2].pk}": "Kết luận về lấn chiếm vỉa hè.",
            f"point-{issues[0].pk}": "Không được lưu: vấn đề không thảo luận.",
        },
    )
    assert response.status_code == 302
    notice = ConclusionNotice.objects.get(round=held)
    assert notice.opening == "Mở đầu do Văn phòng soạn."
    assert notice.points == {str(issues[2].pk): "Kết luận về lấn chiếm vỉa hè."}
    approval = reverse("dialogue-conclusion-notice-approval", args=[held.pk])
    client.post(approval, {"action": "approve"})
    notice.refresh_from_db()
    assert not notice.approved  # the secretariat may not approve
    client.force_login(demo_user("lanhdao"))
    client.post(approval, {"action": "approve"})
    notice.refresh_from_db()
    assert notice.approved
    page = client.get(url).content.decode()
    assert "Hủy duyệt để sửa" in page and "Lưu thông báo kết luận" not in page


def test_readers_see_the_preview_but_cannot_post(client, held, demo_user):
    url = reverse("dialogue-conclusion-notice", args=[held.pk])
    client.force_login(demo_user("mttq"))
    page = client.get(url)
    assert page.status_code == 200
    assert "Lưu thông báo kết luận" not in page.content.decode()
    assert client.post(url, {"opening": "MTTQ sửa"}).status_code == 404
    assert not ConclusionNotice.objects.filter(round=held).exists()
    client.force_login(User.objects.create_user("khach", password="x-Khach-2026"))
    assert client.get(url).status_code == 404
