"""The printed answer letter (a công văn under Decree 30: header, number, place and date,
"Kính gửi", body, signature, recipients) and one PDF of many letters for a ward to deliver.

A letter names its petitioner and their address: it is built only for users whom
`policies.can_read_letter` allows (the selectors check it) and is never public or logged.
"""

import datetime
from collections.abc import Sequence

from doithoai.core.document_kinds import render_all_as_pdf, template_dir
from doithoai.core.rendering import (
    Block,
    OfficialDocument,
    Paragraph,
    Signature,
    format_number,
    render_docx,
    render_pdf,
)
from doithoai.followup.documents import place_name
from doithoai.followup.models import AnswerLetter
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import IssueMembership

SUMMARY = "V/v trả lời kiến nghị của công dân"


def letter_number(letter: AnswerLetter) -> str:
    """'05/UBND-VP': the organisation's yearly sequence of letters, drafted by its office."""
    body = letter.organisation.short_name or "UBND"
    return format_number(letter.seq, "", f"{body}-VP")


def _subject(petition: Petition) -> str:
    """What the petition was about: its issue's confirmed title, else its own opening words."""
    link = IssueMembership.objects.filter(petition=petition).select_related("issue").first()
    if link is not None and link.issue.title_confirmed:
        return link.issue.title
    flat = " ".join(petition.text.split())
    return flat if len(flat) <= 200 else flat[:200].rsplit(" ", 1)[0] + "…"


def _lower_first(name: str) -> str:
    """'Phường Đức Xuân' → 'phường Đức Xuân' after "UBND" (an abbreviation stays as it is)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def _date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def build_letter(letter: AnswerLetter) -> OfficialDocument:
    petition = letter.petition
    answer = letter.answer
    assignment = answer.assignment
    issuer = letter.organisation.name
    round_unit = petition.round.unit if petition.round is not None else letter.ward
    handled_by = (
        assignment.lead.name if assignment.lead is not None else assignment.forwarded_to
    ) or issuer
    address = petition.submitter_address.strip() or ", ".join(
        part for part in (petition.place.strip(), letter.ward.name) if part
    )
    blocks: list[Block] = [
        Paragraph(f"Kính gửi: Ông (Bà) {petition.submitter_name.strip()}", bold=True),
        Paragraph(f"Địa chỉ: {address}"),
        Paragraph(
            f"Ngày {_date(petition.received_on)}, {issuer} nhận được ý kiến, kiến nghị của Ông "
            f"(Bà) (kênh tiếp nhận: {petition.get_channel_display()}; mã tra cứu: "
            f"{petition.code}) về việc: {_subject(petition)}."
        ),
        Paragraph(
            f"{issuer} đã giao {handled_by} chủ trì xem xét, giải quyết. Nội dung trả lời như sau:"
        ),
    ]
    blocks += [Paragraph(line.strip()) for line in answer.text.splitlines() if line.strip()]
    blocks += [
        Paragraph(
            f"Ông (Bà) có thể tra cứu kết quả giải quyết trên Cổng đối thoại bằng mã tra cứu "
            f"{petition.code}; nếu chưa đồng ý với nội dung trả lời, Ông (Bà) phản hồi tại trang "
            "tra cứu hoặc qua Ủy ban nhân dân phường, xã nơi cư trú."
        ),
        Paragraph(f"{issuer} trả lời để Ông (Bà) được biết./."),
    ]
    return OfficialDocument(
        family="state",
        parent_body="",
        issuing_body=issuer,
        number=letter_number(letter),
        place=place_name(round_unit.name),
        date=letter.issued_on,
        kind_label="",
        summary=SUMMARY,
        blocks=blocks,
        signature=Signature(
            authority_prefix="TM.", authority_body="Ủy ban nhân dân", title="Chủ tịch", name=""
        ),
        recipients=["Như trên", f"UBND {_lower_first(letter.ward.name)} (để chuyển)"],
    )


def letter_pdf(letter: AnswerLetter) -> bytes:
    return render_pdf(build_letter(letter), template_dir=template_dir())


def letter_docx(letter: AnswerLetter) -> bytes:
    return render_docx(build_letter(letter))


def letters_pdf(letters: Sequence[AnswerLetter]) -> bytes:
    """One PDF of many letters, each starting on its own page (the ward prints it once)."""
    return render_all_as_pdf([build_letter(letter) for letter in letters])
