"""The 2016 round of Bắc Kạn city and the labelled development petitions as its intake."""

import datetime
import json
import random
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from doithoai.accounts.models import User
from doithoai.dialogues.models import Round, RoundState
from doithoai.petitions.choices import Channel
from doithoai.petitions.rounds import rounds_changed
from doithoai.petitions.services import PetitionInput, petition_submit
from doithoai.units.models import Organisation, Scheme, Unit

DATA = (
    Path(__file__).resolve().parent.parent / "synthesis" / "engine" / "data" / "petitions-dev.jsonl"
)
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
ROUND_TITLE = (
    "Tiếp xúc, đối thoại trực tiếp của Lãnh đạo thành phố Bắc Kạn với các hộ kinh doanh dịch vụ "
    "và Nhân dân năm 2016"
)
FAMILY = ["Nguyễn", "Hoàng", "Nông", "Lường", "Triệu", "Hà", "Lý", "Đàm", "Ma", "Bế", "Lục", "Phạm"]
GIVEN = [
    "Văn Hùng",
    "Thị Hoa",
    "Văn Thắng",
    "Thị Lan",
    "Đức Anh",
    "Thị Thu",
    "Văn Quý",
    "Thị Hằng",
    "Minh Tuấn",
    "Thị Nga",
    "Văn Bình",
    "Thị Phương",
]
ROLE_LABEL = {"to_truong": "Tổ trưởng", "truong_thon": "Trưởng thôn"}


def demo_round() -> Round:
    city = Unit.objects.get(scheme=Scheme.LEGACY_2004, code="058")
    found = Round.objects.filter(unit=city, title=ROUND_TITLE).first()
    if found:
        return found
    round_ = Round.objects.create(
        unit=city,
        organisation=Organisation.objects.get(unit=city, code="ubnd"),
        title=ROUND_TITLE,
        # The seed gives no number or issue date; these two are illustrative demo values.
        document_number="05/KH-UBND",
        issued_on=datetime.date(2016, 9, 5),
        starts_at=datetime.datetime(2016, 9, 23, 8, 0, tzinfo=HCM),
        venue="Hội trường tầng 1, trụ sở Thành ủy - HĐND - UBND thành phố Bắc Kạn",
        intake_deadline=datetime.date(2016, 9, 10),
        state=RoundState.ANNOUNCED,
    )
    transaction.on_commit(rounds_changed)
    return round_


def demo_petitions(out: Any) -> None:
    round_ = demo_round()
    if round_.petitions.exists():
        return
    actor = User.objects.get(username="vanphong")
    wards = {
        u.name.lower(): u
        for u in Unit.objects.filter(scheme=Scheme.LEGACY_2004, parent__code="058")
    }
    rng = random.Random(2016)  # noqa: S311 - demo data, reproducible
    count = 0
    for line in DATA.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        anonymous = row["submitter_type"] == "an_danh"
        name = "" if anonymous else f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
        petition_submit(
            actor=actor,
            data=PetitionInput(
                text=row["text"],
                unit=wards[row["unit"].lower()],
                channel=row["channel"] if row["channel"] in Channel.values else Channel.WARD,
                # Only the first letter raised: "tổ Bản Vẻn" -> "Tổ Bản Vẻn" (capitalize() lowered
                # the place's own name to "Tổ bản vẻn" on every page that shows it).
                place=(row["place"] or "")[:1].upper() + (row["place"] or "")[1:],
                round_id=round_.pk,
                submitter_type=row["submitter_type"],
                anonymous=anonymous,
                submitter_name=name,
                phone="" if anonymous else f"09{rng.randrange(10**7, 10**8)}",
                consent=True,
                on_behalf_of=ROLE_LABEL.get(row["submitter_type"], ""),
                received_on=datetime.date(2016, 8, 22) + datetime.timedelta(days=rng.randrange(20)),
            ),
        )
        count += 1
    out.write(f"demo petitions: {count}")
