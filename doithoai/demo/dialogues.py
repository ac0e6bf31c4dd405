"""The 2016 plan of Bắc Kạn city, filled in from the seed, with its tasks and a few invitees."""

# ruff: noqa: E501 - the seed's sentences are kept whole, as written in the plan.

import datetime
from typing import Any

from doithoai.demo.petitions import demo_round
from doithoai.dialogues.models import (
    Chair,
    ChairRole,
    FocusTopic,
    Invitee,
    ParticipantGroup,
    Round,
    Task,
)
from doithoai.petitions.models import Topic
from doithoai.units.models import Organisation, Scheme, Unit

PURPOSES = """\
Lắng nghe tâm tư, nguyện vọng và ý kiến tham vấn của Nhân dân; đảm bảo quyền làm chủ và phát huy vai trò giám sát của Nhân dân; kiểm tra tính đúng đắn của việc thực hiện các quy định đã ban hành; kịp thời phát hiện những vấn đề vướng mắc, phát sinh để giải quyết, nghiên cứu, đề xuất sửa đổi bổ sung những chủ trương, chính sách, quy định chưa phù hợp.
Tuyên truyền, phổ biến đường lối, chủ trương của Đảng, chính sách pháp luật của Nhà nước; thông báo một số chủ trương, chính sách của thành phố; những khó khăn trong lãnh đạo, chỉ đạo, quản lý, điều hành tạo sự đồng thuận trong xã hội.
Góp phần tăng cường và đổi mới phương thức quản lý, điều hành của các cấp chính quyền; củng cố mối quan hệ mật thiết giữa Đảng, Nhà nước với Nhân dân.
Kịp thời phát huy những ưu điểm và phát hiện những hạn chế, thiếu sót trong việc thực thi công vụ của đội ngũ cán bộ, công chức; nâng cao trình độ năng lực, trách nhiệm của người đứng đầu các cấp, các cơ quan, đơn vị."""
PARTICIPANTS = (
    "Lãnh đạo thành phố tổ chức tiếp xúc, đối thoại với đại diện các hộ kinh doanh dịch vụ, các "
    "tổ trưởng, trưởng thôn và đại diện nhân dân trên địa bàn thành phố."
)
CONTENT = """\
Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 8 tháng năm 2016.
Nghe ý kiến của các hộ kinh doanh dịch vụ, tổ trưởng, trưởng thôn phản ánh về tâm tư, nguyện vọng, những vấn đề khó khăn cần tháo gỡ, giải quyết; hoạt động quản lý, điều hành của các cấp chính quyền; tinh thần thái độ phục vụ nhân dân của cán bộ, công chức; đề xuất các giải pháp phát triển kinh tế xã hội; những vấn đề bức xúc phát sinh trên địa bàn thành phố (trọng tâm các ý kiến vào vấn đề đô thị, quy hoạch, xây dựng, GPMB, đất đai).
Tiếp thu, trao đổi, đồng thời trực tiếp chỉ đạo, giải quyết những kiến nghị cụ thể của các hộ kinh doanh và nhân dân trong quá trình tiếp xúc, đối thoại."""
FORMS = """\
Tổ chức hội nghị tiếp xúc, đối thoại trực tiếp với đại diện các hộ kinh doanh dịch vụ, các tổ trưởng, trưởng thôn.
Trả lời phỏng vấn trực tiếp của các phóng viên báo, đài địa phương và Trung ương thường trú trên địa bàn."""
FOCUS = [
    ("gpmb", "Giải phóng mặt bằng"),
    ("dat_dai", "Đất đai"),
    ("quy_hoach", "Quy hoạch, xây dựng"),
    ("do_thi", "Quản lý đô thị"),
]
# The seed names the offices, not the people; the names are illustrative demo values.
CHAIRS = [
    ("Hà Văn Trường", "Bí thư Thành ủy kiêm Chủ tịch HĐND thành phố", ChairRole.CHAIR),
    ("Hoàng Văn Minh", "Chủ tịch Ủy ban nhân dân thành phố", ChairRole.CHAIR),
]
G1 = "Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội"
G2 = "Các phòng, ban, ngành thành phố"
G3 = "UBND các xã, phường"
D = datetime.date
TASKS = [
    (
        G1,
        "mttq",
        "Nắm bắt tâm tư, nguyện vọng của các hộ kinh doanh dịch vụ và Nhân dân; tổng hợp các ý kiến, kiến nghị gửi về UBND thành phố trước 10/9/2016.",
        D(2016, 9, 10),
    ),
    (
        G1,
        "mttq",
        "Tham gia tiếp xúc, đối thoại, phối hợp với các đơn vị liên quan giám sát việc thực hiện những kết luận sau tiếp xúc, đối thoại.",
        D(2016, 12, 31),
    ),
    (
        G2,
        "vp",
        "Phân công lãnh đạo tham dự hội nghị, trả lời, giải quyết những vấn đề liên quan đến chức năng, nhiệm vụ của đơn vị.",
        D(2016, 9, 23),
    ),
    (G2, "vp", "Chuẩn bị các điều kiện cần thiết phục vụ hội nghị.", D(2016, 9, 22)),
    (
        G2,
        "vhtt",
        "Tuyên truyền về chủ trương, mục đích, ý nghĩa của hội nghị; thông báo rộng rãi về nội dung, thời gian và địa điểm tổ chức hội nghị để Nhân dân được biết.",
        D(2016, 9, 15),
    ),
    (
        G2,
        "vp",
        "Tổng hợp, phân loại nội dung kiến nghị, phản ánh, giao các cơ quan, đơn vị liên quan tham mưu giải quyết; thông báo kết quả giải quyết sau khi tiếp xúc, đối thoại.",
        D(2016, 10, 31),
    ),
    (
        G3,
        "ubnd",
        "Chủ động nắm tình hình tại cơ sở; chỉ đạo các thôn, tổ trưởng thu thập, tổng hợp các ý kiến phản ánh, đề xuất của nhân dân gửi cấp ủy, chính quyền thành phố.",
        D(2016, 9, 10),
    ),
    (
        G3,
        "ubnd",
        "Thông báo nội dung, mục đích, ý nghĩa của hội nghị và nội dung kế hoạch để nhân dân trên địa bàn được biết; mời các thôn trưởng, tổ trưởng và đại biểu hộ kinh doanh dịch vụ tham dự hội nghị.",
        D(2016, 9, 20),
    ),
]
INVITEES = [
    ("Nông Thị Huệ", ParticipantGroup.BUSINESS, "Hộ kinh doanh tạp hóa, chợ Đức Xuân"),
    ("Lường Văn Sơn", ParticipantGroup.BUSINESS, "Hộ kinh doanh ăn uống, đường Trường Chinh"),
    ("Hoàng Văn Kiên", ParticipantGroup.GROUP_HEAD, "Tổ trưởng tổ 3"),
    ("Triệu Thị Nhung", ParticipantGroup.GROUP_HEAD, "Tổ trưởng tổ 7"),
    ("Bế Văn Lợi", ParticipantGroup.VILLAGE_HEAD, "Trưởng thôn Nà Pam"),
    ("Ma Văn Tình", ParticipantGroup.VILLAGE_HEAD, "Trưởng thôn Khuổi Cuồng"),
    ("Đàm Thị Yến", ParticipantGroup.RESIDENT, "Đại diện Nhân dân"),
    ("Lục Văn Hải", ParticipantGroup.RESIDENT, "Đại diện Nhân dân"),
]


def _fill_plan(round_: Round) -> None:
    round_.purposes, round_.participants = PURPOSES, PARTICIPANTS
    round_.content, round_.forms = CONTENT, FORMS
    round_.venue = "Hội trường lớn tầng 1, trụ sở Thành ủy - HĐND - UBND thành phố"
    round_.open_seats = 20
    round_.invitation_number = "06/GM-UBND"
    round_.minutes_number = "07/BB-UBND"
    round_.conclusion_number = "12/TB-UBND"
    round_.conclusion_on = D(2016, 10, 3)
    round_.save(
        update_fields=[
            "purposes",
            "participants",
            "content",
            "forms",
            "venue",
            "open_seats",
            "invitation_number",
            "minutes_number",
            "conclusion_number",
            "conclusion_on",
        ]
    )


def demo_dialogues(out: Any) -> None:
    """Idempotent: fills the plan once (when it has no chairs yet)."""
    round_ = demo_round()
    if round_.chairs.exists():
        return
    _fill_plan(round_)
    topics = {t.code: t for t in Topic.objects.filter(code__in=[c for c, _ in FOCUS])}
    for n, (code, label) in enumerate(FOCUS):
        FocusTopic.objects.create(round=round_, topic=topics.get(code), label=label, position=n)
    for n, (name, title, role) in enumerate(CHAIRS):
        Chair.objects.create(round=round_, name=name, position_title=title, role=role, position=n)
    city = round_.unit
    orgs = {o.code: o for o in Organisation.objects.filter(unit=city)}
    for n, (group, code, text, due) in enumerate(TASKS):
        Task.objects.create(
            round=round_, group=group, organisation=orgs[code], text=text, due_on=due, position=n
        )
    duc_xuan = Unit.objects.filter(scheme=Scheme.LEGACY_2004, code="01840").first()
    for name, group, title in INVITEES:
        Invitee.objects.create(round=round_, name=name, group=group, unit=duc_xuan, title=title)
