"""Helpers shared by the document builders of a round."""

import datetime
from zoneinfo import ZoneInfo

from doithoai.core.rendering import Signature
from doithoai.dialogues.models import Chair, Round

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def lines(text: str) -> list[str]:
    return [line.strip().lstrip("-–+•* ").strip() for line in text.splitlines() if line.strip()]


def place(round_: Round) -> str:
    name = round_.unit.name
    for prefix in ("Thành phố ", "Thị xã ", "Huyện ", "Quận ", "Phường ", "Xã ", "Tỉnh "):
        if name.lower().startswith(prefix.lower()):
            return name[len(prefix) :]
    return name


def parent_body(round_: Round) -> str:
    parent = round_.unit.parent
    if parent is None:
        return ""
    kind, _sep, rest = parent.name.partition(" ")
    return f"UBND {kind.lower()} {rest}" if rest else f"UBND {parent.name}"


def to_local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return moment.astimezone(HCM) if moment else None


def when(moment: datetime.datetime | None) -> str:
    local = to_local(moment)
    if local is None:
        return ""
    day = f"ngày {local.day:02d} tháng {local.month} năm {local.year}"
    return f"{local.hour} giờ {local.minute:02d}, {day}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def chairs(round_: Round) -> list[Chair]:
    return list(round_.chairs.all())


def main_signature(round_: Round) -> Signature:
    chair = next((c for c in chairs(round_) if "ủy ban" in c.position_title.lower()), None)
    return Signature(
        authority_prefix="TM.",
        authority_body="Ủy ban nhân dân",
        title="Chủ tịch",
        name=chair.name if chair else "",
    )


def base(round_: Round, *, kind_label: str, number: str, date: datetime.date, summary: str) -> dict:
    return {
        "family": "party" if round_.organisation.kind == "dang_uy" else "state",
        "parent_body": parent_body(round_),
        "issuing_body": round_.organisation.name,
        "number": number or "",
        "place": place(round_),
        "date": date,
        "kind_label": kind_label,
        "summary": summary,
    }


def today() -> datetime.date:
    return datetime.datetime.now(tz=HCM).date()
