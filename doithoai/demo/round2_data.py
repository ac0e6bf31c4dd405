"""What the second round of Bắc Kạn city receives while it collects petitions: illustrative texts
written for the demo (places are real streets and wards of the city; no real person)."""

# ruff: noqa: E501 - petitions are kept whole, one a line.

from dataclasses import dataclass

DUC_XUAN, SONG_CAU, MINH_KHAI = "01840", "01837", "01834"
PHUNG_CHI_KIEN, HUYEN_TUNG, DUONG_QUANG = "01843", "01846", "01849"
NONG_THUONG, XUAT_HOA = "01852", "01855"


@dataclass(frozen=True)
class DemoPetition:
    ward: str
    channel: str
    submitter_type: str
    place: str
    text: str
    photo: str = ""  # a key of photos.SCENES
    email: bool = False  # gives an address (the receipt is queued)
    days_ago: int = 1


PETITIONS = [
    DemoPetition(
        DUC_XUAN,
        "web",
        "nguoi_dan",
        "Đường Nguyễn Văn Tố",
        "Mặt đường Nguyễn Văn Tố đoạn trước chợ Đức Xuân có nhiều ổ gà sâu, trời mưa đọng nước, xe máy đi qua rất nguy hiểm. Đề nghị sớm vá lại mặt đường.",
        "o-ga",
        True,
        9,
    ),
    DemoPetition(
        DUC_XUAN,
        "web",
        "nguoi_dan",
        "Tổ 5 phường Đức Xuân",
        "Rác thải sinh hoạt ở điểm tập kết đầu ngõ tổ 5 không được thu gom hằng ngày, bốc mùi hôi, ruồi muỗi nhiều. Đề nghị tăng số lần thu gom.",
        "rac-thai",
        True,
        8,
    ),
    DemoPetition(
        DUC_XUAN,
        "phuong_xa",
        "to_truong",
        "Tổ 7 phường Đức Xuân",
        "Tổ dân phố phản ánh đèn chiếu sáng trên tuyến đường nội tổ bị hỏng đã hơn hai tháng, buổi tối đi lại khó khăn. Đề nghị thay bóng đèn.",
        "den-duong",
        False,
        8,
    ),
    DemoPetition(
        DUC_XUAN,
        "phuong_xa",
        "nguoi_dan",
        "Đường Trường Chinh",
        "Rãnh thoát nước dọc đường Trường Chinh bị đất đá lấp, mỗi khi mưa to nước tràn vào nhà dân. Đề nghị nạo vét rãnh trước mùa mưa.",
        "cong-thoat-nuoc",
        False,
        7,
    ),
    DemoPetition(
        DUC_XUAN,
        "phuong_xa",
        "ho_kinh_doanh",
        "Chợ Đức Xuân",
        "Các hộ kinh doanh trong chợ Đức Xuân đề nghị sửa mái che khu hàng rau đã bị dột nhiều chỗ, hàng hóa bị ướt khi trời mưa.",
        "",
        False,
        6,
    ),
    DemoPetition(
        DUC_XUAN,
        "truong_thon",
        "to_truong",
        "Tổ 3 phường Đức Xuân",
        "Tổ dân phố đề nghị lắp gương cầu lồi tại ngã ba ngõ tổ 3 giao đường Nguyễn Văn Tố vì khuất tầm nhìn, đã xảy ra va chạm.",
        "",
        False,
        6,
    ),
    DemoPetition(
        DUC_XUAN,
        "web",
        "nguoi_dan",
        "Đường Hùng Vương",
        "Vỉa hè đường Hùng Vương đoạn gần cầu Phà bị lấn chiếm để bày hàng và đỗ xe, người đi bộ phải đi xuống lòng đường.",
        "",
        True,
        5,
    ),
    DemoPetition(
        DUC_XUAN,
        "phuong_xa",
        "nguoi_dan",
        "Tổ 9 phường Đức Xuân",
        "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã ở ổn định từ trước năm 2004 nhưng chưa được cấp.",
        "",
        False,
        4,
    ),
    DemoPetition(
        DUC_XUAN,
        "duong_day_nong",
        "an_danh",
        "Đường Nguyễn Văn Tố",
        "Quán karaoke trên đường Nguyễn Văn Tố hát đến quá 12 giờ đêm, gây ồn ảnh hưởng giấc ngủ của các hộ xung quanh.",
        "",
        False,
        3,
    ),
    DemoPetition(
        DUC_XUAN,
        "web",
        "nguoi_dan",
        "Ngõ 12 đường Trường Chinh",
        "Ống cấp nước sạch trong ngõ bị vỡ, nước chảy lênh láng nhiều ngày mà chưa thấy đơn vị cấp nước đến sửa.",
        "cong-thoat-nuoc",
        True,
        2,
    ),
    DemoPetition(
        SONG_CAU,
        "web",
        "nguoi_dan",
        "Đường Kon Tum",
        "Đường Kon Tum đoạn qua phường Sông Cầu xuống cấp, nhiều ổ gà lớn; đề nghị đưa vào kế hoạch sửa chữa năm tới.",
        "o-ga",
        True,
        9,
    ),
    DemoPetition(
        SONG_CAU,
        "mttq",
        "nguoi_dan",
        "Bờ sông Cầu",
        "Mặt trận phường tổng hợp: cử tri phản ánh tình trạng đổ trộm phế thải xây dựng ven bờ sông Cầu, đề nghị tăng cường kiểm tra, xử phạt.",
        "rac-thai",
        False,
        8,
    ),
    DemoPetition(
        SONG_CAU,
        "truong_thon",
        "to_truong",
        "Tổ 10 phường Sông Cầu",
        "Đề nghị thành phố hỗ trợ kinh phí làm lại đường bê tông nội tổ đã hư hỏng, nhân dân sẵn sàng đóng góp ngày công.",
        "",
        False,
        7,
    ),
    DemoPetition(
        SONG_CAU,
        "web",
        "ho_kinh_doanh",
        "Đường Kon Tum",
        "Đề nghị rút ngắn thời gian cấp giấy chứng nhận đăng ký hộ kinh doanh và cho phép nộp hồ sơ trực tuyến toàn trình.",
        "",
        True,
        5,
    ),
    DemoPetition(
        MINH_KHAI,
        "web",
        "nguoi_dan",
        "Đường Võ Nguyễn Giáp",
        "Đèn tín hiệu giao thông tại nút giao đường Võ Nguyễn Giáp thường xuyên bị hỏng, giờ cao điểm ùn tắc và mất an toàn.",
        "",
        True,
        8,
    ),
    DemoPetition(
        MINH_KHAI,
        "mttq",
        "nguoi_dan",
        "Tổ 1 phường Nguyễn Thị Minh Khai",
        "Mặt trận phường tổng hợp ý kiến cử tri: đề nghị sớm chi trả tiền bồi thường cho các hộ có đất bị thu hồi làm đường tránh.",
        "",
        False,
        7,
    ),
    DemoPetition(
        MINH_KHAI,
        "phuong_xa",
        "nguoi_dan",
        "Trường Tiểu học Nguyễn Thị Minh Khai",
        "Phụ huynh đề nghị bố trí người hướng dẫn giao thông trước cổng trường giờ tan học vì xe cộ đông, học sinh qua đường nguy hiểm.",
        "",
        False,
        4,
    ),
    DemoPetition(
        MINH_KHAI,
        "web",
        "nguoi_dan",
        "Tổ 6 phường Nguyễn Thị Minh Khai",
        "Cống thoát nước trước khu dân cư tổ 6 bị tắc, nước thải đọng lại bốc mùi. Đề nghị khơi thông.",
        "cong-thoat-nuoc",
        True,
        1,
    ),
    DemoPetition(
        PHUNG_CHI_KIEN,
        "web",
        "nguoi_dan",
        "Đường Phùng Chí Kiên",
        "Cây xanh ven đường Phùng Chí Kiên có nhiều cành khô sắp gãy, mùa mưa bão rất nguy hiểm cho người đi đường. Đề nghị cắt tỉa.",
        "",
        True,
        9,
    ),
    DemoPetition(
        PHUNG_CHI_KIEN,
        "truong_thon",
        "to_truong",
        "Tổ 4 phường Phùng Chí Kiên",
        "Tổ dân phố đề nghị xây nhà văn hóa tổ vì hiện phải mượn nhà dân để họp, không đủ chỗ.",
        "",
        False,
        6,
    ),
    DemoPetition(
        PHUNG_CHI_KIEN,
        "duong_day_nong",
        "nguoi_dan",
        "Chợ đêm Bắc Kạn",
        "Khu chợ đêm thường xuyên để rác lại sau khi tan chợ, sáng ra rác vương vãi khắp vỉa hè.",
        "rac-thai",
        False,
        3,
    ),
    DemoPetition(
        HUYEN_TUNG,
        "mttq",
        "nguoi_dan",
        "Thôn Nà Cưa, phường Huyền Tụng",
        "Cử tri thôn đề nghị kiên cố hóa kênh mương nội đồng để bảo đảm nước tưới cho vụ xuân.",
        "",
        False,
        8,
    ),
    DemoPetition(
        HUYEN_TUNG,
        "truong_thon",
        "truong_thon",
        "Thôn Khuổi Cuồng",
        "Trưởng thôn phản ánh đường vào thôn bị sạt lở taluy sau mưa lớn, đất đá lấn ra nửa mặt đường. Đề nghị khắc phục.",
        "",
        False,
        5,
    ),
    DemoPetition(
        HUYEN_TUNG,
        "web",
        "nguoi_dan",
        "Phường Huyền Tụng",
        "Đề nghị công khai danh sách hộ nghèo, hộ cận nghèo năm nay và tiêu chí xét duyệt tại nhà văn hóa các thôn.",
        "",
        True,
        2,
    ),
    DemoPetition(
        DUONG_QUANG,
        "mttq",
        "nguoi_dan",
        "Xã Dương Quang",
        "Mặt trận xã tổng hợp: người dân đề nghị hỗ trợ giống cây trồng và hướng dẫn kỹ thuật trồng rừng sau đợt rét đậm.",
        "",
        False,
        7,
    ),
    DemoPetition(
        DUONG_QUANG,
        "truong_thon",
        "truong_thon",
        "Thôn Nà Pam, xã Dương Quang",
        "Thôn Nà Pam chưa có sóng điện thoại ổn định ở khu vực trường học, đề nghị thành phố làm việc với nhà mạng.",
        "",
        False,
        6,
    ),
    DemoPetition(
        DUONG_QUANG,
        "phuong_xa",
        "nguoi_dan",
        "Xã Dương Quang",
        "Đề nghị tổ chức lớp đào tạo nghề ngắn hạn cho lao động nông thôn tại xã vào dịp nông nhàn.",
        "",
        False,
        4,
    ),
    DemoPetition(
        NONG_THUONG,
        "mttq",
        "nguoi_dan",
        "Xã Nông Thượng",
        "Cử tri phản ánh xe chở đất đá của công trình làm rơi vãi trên đường liên xã, bụi nhiều, đề nghị yêu cầu nhà thầu che chắn.",
        "",
        False,
        8,
    ),
    DemoPetition(
        NONG_THUONG,
        "truong_thon",
        "truong_thon",
        "Thôn Nà Vịt, xã Nông Thượng",
        "Đề nghị lắp thêm đèn chiếu sáng trên đoạn đường từ quốc lộ vào thôn, buổi tối học sinh đi học về rất tối.",
        "den-duong",
        False,
        5,
    ),
    DemoPetition(
        NONG_THUONG,
        "web",
        "nguoi_dan",
        "Xã Nông Thượng",
        "Trạm y tế xã thiếu thuốc điều trị bệnh mãn tính, người bệnh phải lên tuyến trên để lấy thuốc. Đề nghị bổ sung.",
        "",
        True,
        1,
    ),
    DemoPetition(
        XUAT_HOA,
        "web",
        "nguoi_dan",
        "Quốc lộ 3, phường Xuất Hóa",
        "Cơ sở sản xuất gạch ven quốc lộ 3 xả khói bụi nhiều, ảnh hưởng sức khỏe người dân xung quanh. Đề nghị kiểm tra.",
        "",
        True,
        8,
    ),
    DemoPetition(
        XUAT_HOA,
        "mttq",
        "nguoi_dan",
        "Hồ Nặm Cắt",
        "Mặt trận phường đề nghị kiểm tra việc khai thác cát trái phép ở thượng nguồn gần hồ Nặm Cắt, làm sạt lở bờ.",
        "",
        False,
        6,
    ),
    DemoPetition(
        XUAT_HOA,
        "phuong_xa",
        "ho_kinh_doanh",
        "Phường Xuất Hóa",
        "Các hộ kinh doanh đề nghị được hướng dẫn việc kê khai thuế sau khi bỏ thuế khoán, nhiều hộ chưa biết cách dùng hóa đơn điện tử.",
        "",
        False,
        3,
    ),
    DemoPetition(
        XUAT_HOA,
        "duong_day_nong",
        "nguoi_dan",
        "Tổ Khuổi Pái, phường Xuất Hóa",
        "Điện chập chờn, mất điện nhiều lần trong tuần làm hỏng thiết bị gia đình; đề nghị điện lực kiểm tra đường dây.",
        "",
        False,
        2,
    ),
]

# Petitions that arrive after the secretariat's preliminary synthesis run (the board shows them
# as new since the last run).
LATE_PETITIONS = [
    DemoPetition(
        DUC_XUAN,
        "web",
        "nguoi_dan",
        "Chợ Đức Xuân",
        "Lối đi trong chợ Đức Xuân bị các sạp hàng lấn ra, xe cứu hỏa không vào được nếu có sự cố. Đề nghị sắp xếp lại.",
        "",
        True,
        0,
    ),
    DemoPetition(
        DUC_XUAN,
        "phuong_xa",
        "to_truong",
        "Tổ 5 phường Đức Xuân",
        "Tổ dân phố đề nghị lắp thêm thùng rác công cộng dọc đường Nguyễn Văn Tố đoạn qua tổ 5.",
        "rac-thai",
        False,
        0,
    ),
    DemoPetition(
        SONG_CAU,
        "web",
        "nguoi_dan",
        "Đường Kon Tum",
        "Nắp hố ga trên đường Kon Tum bị vỡ, rất dễ gây tai nạn cho xe máy vào ban đêm.",
        "o-ga",
        True,
        0,
    ),
    DemoPetition(
        MINH_KHAI,
        "duong_day_nong",
        "nguoi_dan",
        "Tổ 2 phường Nguyễn Thị Minh Khai",
        "Chó thả rông trong khu dân cư nhiều, đã có người bị cắn; đề nghị phường nhắc nhở các hộ nuôi chó.",
        "",
        False,
        0,
    ),
    DemoPetition(
        HUYEN_TUNG,
        "web",
        "nguoi_dan",
        "Phường Huyền Tụng",
        "Đề nghị sớm hoàn thành tuyến đường nối phường Huyền Tụng với trung tâm thành phố, công trình kéo dài đã lâu.",
        "",
        True,
        0,
    ),
    DemoPetition(
        NONG_THUONG,
        "mttq",
        "nguoi_dan",
        "Xã Nông Thượng",
        "Mặt trận xã đề nghị hỗ trợ sửa chữa nhà cho hai hộ nghèo có nhà bị dột nát trước mùa mưa.",
        "",
        False,
        0,
    ),
]

PURPOSES = """\
Lắng nghe tâm tư, nguyện vọng, kiến nghị của Nhân dân và các hộ kinh doanh; kịp thời giải quyết những vấn đề bức xúc, vướng mắc ở cơ sở.
Đánh giá việc thực hiện các kết luận sau kỳ tiếp xúc, đối thoại trước; nâng cao trách nhiệm người đứng đầu các cơ quan, đơn vị."""
PARTICIPANTS = (
    "Lãnh đạo thành phố tiếp xúc, đối thoại với đại diện các hộ kinh doanh, tổ trưởng tổ dân phố, "
    "trưởng thôn và Nhân dân trên địa bàn thành phố."
)
CONTENT = """\
Thông báo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year} và kết quả giải quyết các kiến nghị sau kỳ đối thoại trước.
Nghe ý kiến, kiến nghị của Nhân dân về quản lý đô thị, vệ sinh môi trường, đất đai, an sinh xã hội và thái độ phục vụ của cán bộ, công chức.
Tiếp thu, trả lời và chỉ đạo giải quyết các kiến nghị thuộc thẩm quyền của thành phố."""
FORMS = """\
Tổ chức hội nghị tiếp xúc, đối thoại trực tiếp, có đường dẫn theo dõi trực tuyến.
Nhận kiến nghị trước hội nghị qua Cổng thông tin, UBND các phường, xã, Mặt trận Tổ quốc và đường dây nóng."""
FOCUS = [
    ("moi_truong", "Vệ sinh môi trường, thu gom rác thải"),
    ("giao_thong", "Hạ tầng giao thông, chiếu sáng"),
    ("dat_dai", "Đất đai"),
]
CHAIRS = [
    ("Hà Văn Trường", "Bí thư Thành ủy kiêm Chủ tịch HĐND thành phố", "chair"),
    ("Hoàng Văn Minh", "Chủ tịch Ủy ban nhân dân thành phố", "chair"),
]
G1 = "Ủy ban MTTQ Việt Nam thành phố và các tổ chức chính trị - xã hội"
G2 = "Các phòng, ban, ngành thành phố"
G3 = "UBND các xã, phường"
# (group, organisation: a city code, or "ward:<code>" for a ward's UBND, text, due in days from
# today, state the task has reached)
TASKS = [
    (
        G1,
        "mttq",
        "Tổng hợp ý kiến, kiến nghị của Nhân dân qua Mặt trận các cấp, gửi UBND thành phố trước hạn nhận kiến nghị.",
        9,
        "in_progress",
    ),
    (
        G2,
        "vhtt",
        "Thông báo rộng rãi nội dung, thời gian, địa điểm hội nghị trên Cổng thông tin và đài truyền thanh.",
        -5,
        "done",
    ),
    (
        G2,
        "vp",
        "Tổng hợp, phân loại kiến nghị; chạy tổng hợp theo lĩnh vực, địa bàn và đề xuất chương trình hội nghị.",
        12,
        "in_progress",
    ),
    (G2, "vp", "Chuẩn bị hội trường, tài liệu và điều kiện phục vụ hội nghị.", 20, "open"),
    (
        G3,
        "ward:01840",
        "Thông báo kế hoạch đến các tổ dân phố; thu thập kiến nghị của Nhân dân phường Đức Xuân gửi về thành phố.",
        8,
        "in_progress",
    ),
    (
        G3,
        "ward:01840",
        "Mời tổ trưởng các tổ dân phố và đại diện hộ kinh doanh chợ Đức Xuân tham dự hội nghị.",
        18,
        "open",
    ),
    (
        G3,
        "ward:01837",
        "Thông báo kế hoạch và thu thập kiến nghị của Nhân dân phường Sông Cầu.",
        8,
        "in_progress",
    ),
    (
        G3,
        "ward:01855",
        "Thông báo kế hoạch và thu thập kiến nghị của Nhân dân phường Xuất Hóa.",
        8,
        "open",
    ),
]
TASK_REPORTS = {
    "in_progress": "Đã thông báo kế hoạch đến các tổ dân phố, thôn; đang tiếp nhận và tổng hợp kiến nghị.",
    "done": "Đã hoàn thành: thông báo đã đăng trên Cổng thông tin và phát trên đài truyền thanh.",
}
INVITEES = [
    ("Nông Văn Dũng", "group_head", "Tổ trưởng tổ 5"),
    ("Lý Thị Hương", "business", "Hộ kinh doanh chợ Đức Xuân"),
    ("Hoàng Thị Liên", "group_head", "Tổ trưởng tổ 9"),
]
PUBLIC_REGISTRATIONS = ["Triệu Văn Phúc", "Ma Thị Duyên", "Bế Văn Khánh"]
