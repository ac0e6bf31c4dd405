"""One invitation (giấy mời) per invitee, addressed by name, with the QR code scanned at
check-in; all of a round's invitations go out as one PDF for printing."""

import io

import qrcode
from django.conf import settings
from django.urls import reverse

from doithoai.core.rendering import Image, OfficialDocument, Paragraph
from doithoai.dialogues.documents.common import base, chairs, lower_first, main_signature, today
from doithoai.dialogues.documents.common import when as when_text
from doithoai.dialogues.models import Invitee, Round

QR_WIDTH_MM = 32.0


def checkin_url(invitee: Invitee) -> str:
    path = reverse("dialogue-checkin-scan", args=[invitee.round_id, invitee.token])
    return f"{settings.DOITHOAI_PUBLIC_URL}{path}"


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(url, box_size=6, border=2).save(buffer)
    return buffer.getvalue()


def build_invitee_invitation(round_: Round, invitee: Invitee) -> OfficialDocument:
    chair_titles = ", ".join(f"đồng chí {c.position_title}" for c in chairs(round_))
    addressee = invitee.name + (f", {invitee.title}" if invitee.title else "")
    if not invitee.title and invitee.unit is not None:
        addressee += f", {invitee.unit.name}"
    blocks: list = [
        Paragraph(
            f"Thực hiện Kế hoạch số {round_.document_number} về {lower_first(round_.title)}, "
            f"{round_.organisation.name} trân trọng kính mời:",
        ),
        Paragraph(f"Ông (Bà): {addressee}", bold=True),
        Paragraph(f"Thành phần: {invitee.get_group_display()}."),
        Paragraph(
            f"Tham dự hội nghị tiếp xúc, đối thoại do {chair_titles} chủ trì."
            if chair_titles
            else "Tham dự hội nghị tiếp xúc, đối thoại."
        ),
        Paragraph(f"Thời gian: {when_text(round_.starts_at)}."),
        Paragraph(f"Địa điểm: {round_.venue}."),
        Paragraph("Đề nghị Ông (Bà) mang theo giấy mời này và đến đúng giờ./."),
        Image(
            qr_png(checkin_url(invitee)),
            width_mm=QR_WIDTH_MM,
            caption="Mã QR điểm danh: xuất trình tại bàn đón tiếp",
        ),
    ]
    return OfficialDocument(
        **base(
            round_,
            kind_label="Giấy mời",
            number=round_.invitation_number,
            date=round_.issued_on or today(),
            summary="",
        ),
        blocks=blocks,
        signature=main_signature(round_),
        recipients=[],
        archive="",
    )


def build_invitations(round_: Round, invitees: list[Invitee]) -> list[OfficialDocument]:
    return [build_invitee_invitation(round_, invitee) for invitee in invitees]
