"""Sample documents for template previews, tests and the speed benchmark.

The plan is modelled on the 2016 plan of Bắc Kạn city for its dialogue with business households
and residents; the conclusion notice generates any number of issues deterministically.
"""

from __future__ import annotations

import datetime

from .model import Bullet, Heading, OfficialDocument, Paragraph, Signature, Table, format_number

PARENT = "UBND tỉnh Bắc Kạn"
CITY = "Ủy ban nhân dân thành phố Bắc Kạn"
WARDS = (
    "Phường Đức Xuân",
    "Phường Nguyễn Thị Minh Khai",
    "Phường Sông Cầu",
    "Phường Phùng Chí Kiên",
    "Phường Huyền Tụng",
    "Phường Xuất Hóa",
    "Xã Dương Quang",
    "Xã Nông Thượng",
)
TOPICS = (
    ("tiến độ bồi thường, giải phóng mặt bằng tuyến đường", "Phòng Tài nguyên và Môi trường"),
    ("cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình", "Văn phòng Đăng ký đất đai"),
    ("thu gom rác thải và vệ sinh môi trường khu dân cư", "Phòng Quản lý đô thị"),
    ("hệ thống chiếu sáng công cộng và thoát nước", "Ban Quản lý dự án đầu tư xây dựng"),
    ("trật tự lòng đường, vỉa hè tại khu vực chợ", "Công an thành phố"),
    ("hỗ trợ hộ kinh doanh sau khi di dời điểm bán hàng", "Phòng Tài chính - Kế hoạch"),
)
CHAIR = Signature(
    authority_prefix="TM.",
    authority_body="Ủy ban nhân dân",
    title="Chủ tịch",
    name="Hoàng Duy Chinh",
)


def sample_plan() -> OfficialDocument:
    """A KẾ HOẠCH (form 1.4) with the usual three sections."""
    return OfficialDocument(
        family="state",
        parent_body=PARENT,
        issuing_body=CITY,
        number=format_number(5, "KH", "UBND"),
        place="Bắc Kạn",
        date=datetime.date(2016, 9, 5),
        kind_label="Kế hoạch",
        summary="Tiếp xúc, đối thoại trực tiếp của Lãnh đạo thành phố\n"
        "với các hộ kinh doanh dịch vụ và Nhân dân năm 2016",
        blocks=[
            Heading("I. Mục đích, yêu cầu"),
            Paragraph(
                "Lắng nghe tâm tư, nguyện vọng và ý kiến của Nhân dân; kịp thời phát hiện những "
                "vấn đề vướng mắc, phát sinh để giải quyết; đề xuất sửa đổi, bổ sung những chủ "
                "trương, chính sách, quy định chưa phù hợp."
            ),
            Heading("II. Nội dung", level=1),
            Heading("1. Đối tượng tiếp xúc, đối thoại", level=2),
            Paragraph(
                "Đại diện các hộ kinh doanh dịch vụ, các tổ trưởng, trưởng thôn và đại diện "
                "Nhân dân trên địa bàn thành phố, trong đó có Phường Đức Xuân."
            ),
            Heading("2. Nội dung tiếp xúc, đối thoại", level=2),
            Bullet("Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội 8 tháng."),
            Bullet(
                "Nghe ý kiến phản ánh, trọng tâm vào đô thị, quy hoạch, xây dựng, "
                "giải phóng mặt bằng, đất đai."
            ),
            Bullet("Hội nghị tiếp xúc, đối thoại trực tiếp.", marker="+"),
            Heading("3. Thời gian, địa điểm", level=2),
            Paragraph(
                "Từ 8 giờ 00 ngày 23 tháng 9 năm 2016, tại Hội trường lớn tầng 1, trụ sở "
                "Thành ủy - HĐND - UBND thành phố."
            ),
            Heading("III. Tổ chức thực hiện"),
            Heading("a) Ủy ban MTTQ Việt Nam thành phố", level=3),
            Paragraph(
                "Tổng hợp các ý kiến, kiến nghị gửi về UBND thành phố trước ngày 10/9/2016.",
                italic=True,
            ),
            Paragraph("Ủy ban nhân dân thành phố yêu cầu các cơ quan, đơn vị thực hiện./."),
        ],
        signature=CHAIR,
        recipients=[
            "Thường trực Thành ủy",
            "Ủy ban MTTQ Việt Nam thành phố",
            "UBND các xã, phường",
        ],
        archive="VT, VP",
    )


def conclusion_issues(count: int) -> list[list[str]]:
    """Rows (No., issue, answer, directive, assignee, deadline) of a conclusion notice."""
    rows = []
    for index in range(count):
        ward = WARDS[index % len(WARDS)]
        level, name = ward.split(" ", 1)
        topic, unit = TOPICS[index % len(TOPICS)]
        deadline = datetime.date(2016, 10, 1) + datetime.timedelta(days=index % 90)
        rows.append(
            [
                str(index + 1),
                f"Cử tri {ward} kiến nghị về {topic} (ý kiến số {index + 1}).",
                f"Thành phố đã tiếp thu; {topic} được rà soát theo quy định hiện hành.",
                f"Giao {unit} chủ trì, phối hợp với UBND {level.lower()} {name} giải quyết.",
                unit,
                deadline.strftime("%d/%m/%Y"),
            ]
        )
    return rows


def sample_conclusion_notice(issues: int = 5) -> OfficialDocument:
    """A THÔNG BÁO kết luận listing ``issues`` assignments in a table."""
    return OfficialDocument(
        family="state",
        parent_body=PARENT,
        issuing_body=CITY,
        number=format_number(12, "TB", "UBND"),
        place="Bắc Kạn",
        date=datetime.date(2016, 10, 3),
        kind_label="Thông báo",
        summary="Kết luận của Chủ tịch UBND thành phố tại Hội nghị tiếp xúc, đối thoại\n"
        "với các hộ kinh doanh dịch vụ và Nhân dân năm 2016",
        blocks=[
            Paragraph(
                "Ngày 23 tháng 9 năm 2016, tại Hội trường lớn trụ sở Thành ủy - HĐND - UBND "
                "thành phố, đồng chí Chủ tịch UBND thành phố chủ trì Hội nghị tiếp xúc, đối "
                "thoại. Sau khi nghe ý kiến của Nhân dân, đồng chí Chủ tịch kết luận như sau:"
            ),
            Heading("Các nội dung giao thực hiện", level=2),
            Table(
                header=["STT", "Nội dung kiến nghị", "Trả lời", "Chỉ đạo", "Đơn vị", "Thời hạn"],
                rows=conclusion_issues(issues),
                widths_mm=[10, 37, 34, 36, 24, 24],
                center_columns=(0, 5),
            ),
            Paragraph(
                "Ủy ban nhân dân thành phố thông báo để các cơ quan, đơn vị biết, thực hiện./."
            ),
        ],
        signature=Signature(
            authority_prefix="TL.",
            authority_body="Chủ tịch",
            title="Chánh Văn phòng",
            name="Nguyễn Thị Hà",
        ),
        recipients=["Thường trực Thành ủy", "Chủ tịch, các PCT UBND thành phố", "Như trên"],
    )


def sample_minutes() -> OfficialDocument:
    """A BIÊN BẢN (form 1.9): no place-and-date line, THƯ KÝ left and CHỦ TỌA right."""
    return OfficialDocument(
        family="state",
        parent_body=PARENT,
        issuing_body=CITY,
        number=format_number(3, "BB", "UBND"),
        place="Bắc Kạn",
        date=datetime.date(2016, 9, 23),
        kind_label="Biên bản",
        summary="Hội nghị tiếp xúc, đối thoại với Nhân dân Phường Đức Xuân",
        blocks=[
            Paragraph("Thời gian bắt đầu: 8 giờ 00, ngày 23 tháng 9 năm 2016."),
            Paragraph("Chủ trì: đồng chí Chủ tịch UBND thành phố."),
            Paragraph("Cuộc họp kết thúc vào 11 giờ 30, ngày 23 tháng 9 năm 2016."),
        ],
        signature=Signature(title="Chủ tọa", name="Hoàng Duy Chinh"),
        second_signature=Signature(title="Thư ký", name="Lý Thị Mai"),
        recipients=["Thường trực Thành ủy"],
        show_place_date=False,
    )


def sample_party_guidance() -> OfficialDocument:
    """A Party HƯỚNG DẪN under HD 36-HD/VPTW: 'ĐẢNG CỘNG SẢN VIỆT NAM', number without colon."""
    return OfficialDocument(
        family="party",
        parent_body="Đảng bộ tỉnh Bắc Kạn",
        issuing_body="Thành ủy Bắc Kạn",
        number=format_number(2, "HD", "TU", family="party"),
        place="Bắc Kạn",
        date=datetime.date(2018, 2, 1),
        kind_label="Hướng dẫn",
        summary="Tổ chức đối thoại giữa người đứng đầu cấp ủy với Nhân dân",
        blocks=[Paragraph("Ban Thường vụ Thành ủy hướng dẫn như sau:")],
        signature=Signature(
            authority_prefix="T/M",
            authority_body="Ban Thường vụ",
            title="Bí thư",
            name="Đỗ Thị Minh Hoa",
        ),
        recipients=["Các chi, đảng bộ trực thuộc"],
        archive="Văn phòng Thành ủy",
    )
