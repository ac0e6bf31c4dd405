"""Readiness checks and builders the register's tests put in `core.document_kinds`."""

import datetime

from doithoai.core.rendering import OfficialDocument, Paragraph, Signature


def not_ready(round_) -> str:
    return f"Chưa duyệt nội dung của {round_.title}."


def ready(round_) -> None:
    return None


def synthesis_report(round_) -> OfficialDocument:
    return OfficialDocument(
        family="state",
        parent_body="",
        issuing_body="Ủy ban MTTQ Việt Nam thành phố Bắc Kạn",
        number="",
        place="Bắc Kạn",
        date=datetime.date(2016, 9, 15),
        kind_label="Báo cáo",
        summary="Tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân",
        blocks=[Paragraph("Ủy ban MTTQ tổng hợp ý kiến, kiến nghị như sau.")],
        signature=Signature(
            title="Chủ tịch", name="", authority_prefix="TM.", authority_body="Ban Thường trực"
        ),
    )
