"""Words of the 2016 round's life: answers by topic, the conference's answers and directives, the
press questions and the minutes. Illustrative texts written for the demo, with no personal data
(answers are published)."""

# ruff: noqa: E501 - sentences are kept whole.

ANSWERS = {
    "dat_dai": [
        "Phòng Tài nguyên và Môi trường đã phối hợp với UBND phường kiểm tra hồ sơ địa chính, xác định nguồn gốc sử dụng đất. Trường hợp đủ điều kiện được hướng dẫn lập hồ sơ cấp giấy chứng nhận theo quy định; kết quả đã thông báo đến người kiến nghị.",
        "Qua rà soát, nội dung kiến nghị thuộc trường hợp phải đo đạc lại ranh giới thửa đất. Thành phố đã giao Văn phòng đăng ký đất đai thực hiện đo đạc, hoàn thành trong quý IV/2016.",
    ],
    "do_thi": [
        "Phòng Quản lý đô thị đã kiểm tra hiện trường, giao đơn vị quản lý hạ tầng khắc phục trong tháng 10/2016; kết quả được thông báo đến tổ dân phố.",
        "UBND thành phố đã chỉ đạo lực lượng trật tự đô thị phối hợp với UBND phường ra quân lập lại trật tự vỉa hè, lòng đường; các trường hợp tái lấn chiếm bị xử phạt theo quy định.",
    ],
    "kinh_doanh": [
        "Phòng Kinh tế đã làm việc với Ban quản lý chợ, thống nhất sắp xếp lại các điểm kinh doanh và sửa chữa các hạng mục xuống cấp; các hộ kinh doanh được thông báo lịch thực hiện.",
        "Thành phố đã hướng dẫn thủ tục đăng ký hộ kinh doanh tại bộ phận một cửa và rút ngắn thời gian giải quyết xuống còn 2 ngày làm việc.",
    ],
    "gpmb": [
        "Ban Bồi thường, giải phóng mặt bằng đã rà soát phương án bồi thường; các khoản còn thiếu được bổ sung và chi trả trong tháng 11/2016. Kết quả đã niêm yết công khai tại UBND phường.",
        "Đơn giá bồi thường được áp dụng theo quyết định của UBND tỉnh; trường hợp có vướng mắc, Ban đã tổ chức đối thoại trực tiếp với các hộ và giải thích căn cứ pháp lý.",
    ],
    "xay_dung": [
        "Đội kiểm tra quy tắc đô thị đã kiểm tra công trình, lập biên bản và yêu cầu chủ đầu tư thực hiện đúng giấy phép xây dựng; thành phố tiếp tục giám sát việc chấp hành.",
        "Công trình đã được đưa vào kế hoạch đầu tư công trung hạn; trong thời gian chờ triển khai, UBND phường bố trí sửa chữa tạm thời để bảo đảm an toàn.",
    ],
    "moi_truong": [
        "UBND thành phố đã chỉ đạo rà soát; việc thu gom rác thải được tăng lên hằng ngày từ ngày 15/10/2016 và bố trí thêm điểm tập kết có mái che.",
        "Phòng Tài nguyên và Môi trường đã kiểm tra, yêu cầu cơ sở khắc phục ô nhiễm và lập biên bản xử phạt vi phạm hành chính; kết quả quan trắc sau khắc phục đạt quy chuẩn.",
    ],
    "giao_thong": [
        "Tuyến đường đã được đưa vào kế hoạch duy tu, sửa chữa; các ổ gà nguy hiểm được vá tạm trong tháng 10/2016, sửa chữa hoàn chỉnh trong năm 2017.",
        "Thành phố đã lắp đặt biển báo, gương cầu lồi tại điểm giao cắt và đề nghị lực lượng cảnh sát giao thông tăng cường tuần tra giờ cao điểm.",
    ],
    "hanh_chinh": [
        "UBND thành phố đã chấn chỉnh việc tiếp nhận, giải quyết hồ sơ tại bộ phận một cửa, niêm yết công khai thủ tục và thời hạn giải quyết, tiếp nhận phản ánh qua đường dây nóng.",
        "Thành phố đã kiểm tra, nhắc nhở cán bộ liên quan; từ tháng 10/2016 các hồ sơ được theo dõi trên phần mềm một cửa để người dân tra cứu tiến độ.",
    ],
    "quy_hoach": [
        "Quy hoạch chi tiết khu vực đã được công bố công khai tại UBND phường và trên Cổng thông tin thành phố; các hộ trong phạm vi quy hoạch được hướng dẫn quyền lợi và thời gian thực hiện.",
        "Phòng Quản lý đô thị đã rà soát, đề xuất điều chỉnh cục bộ quy hoạch để phù hợp thực tế; hồ sơ điều chỉnh đang trình cấp có thẩm quyền phê duyệt.",
    ],
    "dien_nuoc": [
        "Thành phố đã làm việc với Điện lực Bắc Kạn và Công ty cấp thoát nước; các đơn vị đã kiểm tra, thay thế đường dây, đường ống hư hỏng trong tháng 10/2016.",
        "Hệ thống đèn chiếu sáng trên tuyến đã được sửa chữa, thay bóng; đơn vị quản lý chiếu sáng kiểm tra định kỳ hằng tháng.",
    ],
    "an_sinh": [
        "Phòng Lao động - Thương binh và Xã hội đã rà soát, các trường hợp đủ điều kiện được xét hưởng chính sách theo quy định; danh sách được niêm yết công khai tại UBND phường, xã.",
        "Thành phố đã bố trí kinh phí hỗ trợ và giao UBND xã hướng dẫn hồ sơ; chế độ được chi trả từ tháng 11/2016.",
    ],
    "an_ninh": [
        "Công an thành phố đã tăng cường tuần tra, kiểm soát tại địa bàn; các vụ việc được xác minh, xử lý theo quy định và thông báo đến tổ dân phố.",
        "Công an thành phố phối hợp với UBND phường kiểm tra các cơ sở kinh doanh có điều kiện về an ninh trật tự, xử phạt các trường hợp vi phạm giờ hoạt động.",
    ],
    "y_te_giao_duc": [
        "Phòng Giáo dục và Đào tạo đã kiểm tra, yêu cầu nhà trường thu các khoản đóng góp đúng quy định và công khai trước phụ huynh.",
        "Phòng Y tế đã làm việc với trạm y tế, bổ sung thuốc và bố trí lịch khám định kỳ cho người cao tuổi.",
    ],
    "khac": [
        "Nội dung kiến nghị đã được UBND thành phố tiếp thu; các cơ quan chuyên môn đã kiểm tra và giải quyết theo thẩm quyền, kết quả thông báo đến người kiến nghị.",
        "Thành phố ghi nhận kiến nghị và đưa vào chương trình công tác năm 2017; trong thời gian chờ, UBND phường, xã phối hợp xử lý các việc cấp bách.",
    ],
}
DEFAULT_TOPIC = "khac"

TASK_DONE = "Đã hoàn thành nhiệm vụ theo kế hoạch, có báo cáo kết quả gửi Văn phòng."
RETURN_REMARK = "Cần nêu rõ thời hạn hoàn thành và đơn vị chịu trách nhiệm thực hiện."
RESOLUTION_NOTE = "Đã kiểm tra thực tế: nội dung kiến nghị đã được giải quyết xong."

# The conference: (topic, the department answering, what the speaker raised, the answer given on
# the spot, a directive or "", days after the conference given as the directive's deadline)
CONFERENCE = [
    (
        "gpmb",
        "gpmb",
        "Đại diện các hộ dân có đất bị thu hồi làm đường tránh phản ánh tiền bồi thường chi trả chậm, một số hộ chưa nhận đủ.",
        "Phương án bồi thường đã được niêm yết; các hộ còn vướng mắc được Ban Bồi thường gặp trực tiếp trong tháng 10.",
        "Ban Bồi thường, giải phóng mặt bằng rà soát toàn bộ các hộ chưa nhận tiền bồi thường dự án đường tránh, chi trả dứt điểm.",
        45,
    ),
    (
        "dat_dai",
        "tnmt",
        "Nhiều hộ đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất quá hạn nhưng chưa được trả kết quả.",
        "Thành phố sẽ kiểm tra hồ sơ địa chính và trả lời bằng văn bản.",
        "Phòng Tài nguyên và Môi trường kiểm tra, giải quyết dứt điểm các hồ sơ cấp giấy chứng nhận quá hạn.",
        60,
    ),
    (
        "quy_hoach",
        "qldt",
        "Người dân chưa được biết quy hoạch chi tiết khu dân cư, không dám sửa chữa nhà vì sợ vướng quy hoạch.",
        "Quy hoạch chi tiết sẽ được công khai tại UBND phường và trên Cổng thông tin.",
        "Phòng Quản lý đô thị công bố công khai quy hoạch chi tiết khu dân cư, cắm mốc giới ngoài thực địa.",
        60,
    ),
    (
        "do_thi",
        "qldt",
        "Vỉa hè các tuyến đường trung tâm bị lấn chiếm để buôn bán, đỗ xe, người đi bộ phải xuống lòng đường.",
        "Thành phố ghi nhận, giao lực lượng trật tự đô thị ra quân trong tháng 10.",
        "Phòng Quản lý đô thị chủ trì lập lại trật tự vỉa hè các tuyến đường trung tâm, báo cáo kết quả hằng tháng.",
        30,
    ),
    (
        "moi_truong",
        "tnmt",
        "Rác thải ở nhiều tổ dân phố không được thu gom hằng ngày, điểm tập kết bốc mùi.",
        "Việc thu gom rác sẽ được tăng tần suất từ giữa tháng 10.",
        "Phòng Tài nguyên và Môi trường làm việc với đơn vị vệ sinh môi trường, tăng tần suất thu gom rác tại các tổ dân phố.",
        20,
    ),
    (
        "giao_thong",
        "qldt",
        "Nhiều tuyến đường nội thị xuống cấp, ổ gà nhiều, mùa mưa đi lại nguy hiểm.",
        "Các ổ gà nguy hiểm sẽ được vá tạm ngay trong tháng.",
        "Phòng Quản lý đô thị lập kế hoạch sửa chữa các tuyến đường nội thị xuống cấp, trình UBND thành phố.",
        40,
    ),
    (
        "kinh_doanh",
        "kinh_te",
        "Các hộ kinh doanh chợ Đức Xuân đề nghị sửa mái che bị dột và sắp xếp lại các điểm kinh doanh.",
        "Ban quản lý chợ sẽ sửa mái che trước mùa mưa năm sau.",
        "Phòng Kinh tế chỉ đạo Ban quản lý chợ sửa chữa mái che, sắp xếp lại các điểm kinh doanh trong chợ Đức Xuân.",
        90,
    ),
    (
        "hanh_chinh",
        "vp",
        "Thủ tục hành chính ở bộ phận một cửa còn chậm, người dân phải đi lại nhiều lần.",
        "Thành phố sẽ chấn chỉnh việc giải quyết hồ sơ ở bộ phận một cửa.",
        "",
        0,
    ),
    (
        "an_ninh",
        "cong_an",
        "Một số quán karaoke hoạt động quá giờ, gây ồn ào và mất trật tự khu dân cư.",
        "Công an thành phố sẽ tăng cường tuần tra ban đêm.",
        "",
        0,
    ),
]
PRESS = [
    "Thành phố có lộ trình cụ thể nào để giải quyết dứt điểm các vướng mắc giải phóng mặt bằng dự án đường tránh?",
    "Tình trạng lấn chiếm vỉa hè ở các tuyến đường trung tâm sẽ được xử lý như thế nào sau hội nghị?",
    "Kiến nghị về thu gom rác thải của người dân các tổ dân phố khi nào được giải quyết?",
]
PRESS_ANSWERS = [
    "Thành phố đã giao Ban Bồi thường, giải phóng mặt bằng rà soát và chi trả dứt điểm trong quý IV/2016; kết quả sẽ được công khai.",
    "Lực lượng trật tự đô thị ra quân từ tháng 10/2016, kết hợp tuyên truyền với xử phạt các trường hợp tái phạm.",
    "Từ ngày 15/10/2016 rác được thu gom hằng ngày; thành phố bố trí thêm điểm tập kết có mái che.",
]
MINUTES_NOTES = (
    "Hội nghị có 9 ý kiến phát biểu trực tiếp và 3 câu hỏi của phóng viên; lãnh đạo thành phố trả "
    "lời tại chỗ và giao 7 nhiệm vụ cho các phòng, ban. Các kiến nghị còn lại được giao cơ quan "
    "chuyên môn trả lời bằng văn bản."
)
DIRECTIVE_PROGRESS = "Đã triển khai kiểm tra, rà soát; đang thực hiện theo kế hoạch."
DIRECTIVE_DONE = "Đã hoàn thành nhiệm vụ được giao, có báo cáo kết quả gửi UBND thành phố."
EXTENSION_REASON = "Khối lượng hồ sơ lớn, cần thêm thời gian đo đạc lại ranh giới các thửa đất."
EXTRA_INVITEES = [
    ("Lý Văn Thành", "group_head", "Tổ trưởng tổ 1", "01834"),
    ("Đàm Thị Hoa", "group_head", "Tổ trưởng tổ 4", "01834"),
    ("Nông Văn Bình", "group_head", "Tổ trưởng tổ 2", "01837"),
    ("Hoàng Thị Thu", "business", "Hộ kinh doanh, đường Kon Tum", "01837"),
    ("Triệu Văn Quý", "group_head", "Tổ trưởng tổ 6", "01843"),
    ("Ma Thị Hằng", "business", "Hộ kinh doanh, chợ Bắc Kạn", "01843"),
    ("Lục Văn Hùng", "village_head", "Trưởng thôn Nà Cưa", "01846"),
    ("Bế Thị Nga", "village_head", "Trưởng thôn Nà Pài", "01849"),
    ("Hà Văn Tuấn", "village_head", "Trưởng thôn Nà Vịt", "01852"),
    ("Phạm Thị Phương", "group_head", "Tổ trưởng tổ Khuổi Pái", "01855"),
]
