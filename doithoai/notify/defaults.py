"""Default Vietnamese templates; the migration copies them into MessageTemplate for editing."""

TEMPLATES: dict[str, dict[str, str]] = {
    "petition_received": {
        "description": "Người gửi: đã tiếp nhận kiến nghị",
        "subject": "Đã tiếp nhận kiến nghị {code}",
        "body": (
            "Kiến nghị của bạn đã được tiếp nhận ngày {date}.\n"
            "Mã tra cứu: {code}\n"
            "{round}\n"
            "Theo dõi kết quả giải quyết tại: {link}\n"
        ),
        "sms": "Kien nghi {code} da duoc tiep nhan. Tra cuu: {link}",
    },
    "petition_assigned": {
        "description": "Người gửi: kiến nghị đã được giao cơ quan giải quyết",
        "subject": "Kiến nghị {code} đã được giao giải quyết",
        "body": (
            "Kiến nghị {code} đã được giao {organisation} chủ trì giải quyết, "
            "hạn {due}.\nTheo dõi tại: {link}\n"
        ),
        "sms": "Kien nghi {code} da giao {organisation}, han {due}. {link}",
    },
    "petition_forwarded": {
        "description": "Người gửi: kiến nghị đã chuyển cơ quan có thẩm quyền",
        "subject": "Kiến nghị {code} đã được chuyển cơ quan có thẩm quyền",
        "body": "Kiến nghị {code} đã được chuyển đến {organisation}.\nTheo dõi tại: {link}\n",
        "sms": "Kien nghi {code} da chuyen {organisation}. {link}",
    },
    "petition_answered": {
        "description": "Người gửi: đã có trả lời",
        "subject": "Đã có trả lời kiến nghị {code}",
        "body": (
            "Kiến nghị {code} đã có trả lời:\n\n{answer}\n\n"
            "Nếu vấn đề chưa được giải quyết, bạn có thể phản hồi tại: {reopen_link}\n"
        ),
        "sms": "Kien nghi {code} da co tra loi. Xem tai: {link}",
    },
    "petition_resolved": {
        "description": "Người gửi: vấn đề đã được giải quyết",
        "subject": "Kiến nghị {code} đã được giải quyết",
        "body": "Kiến nghị {code} đã được giải quyết.\nXem kết quả tại: {link}\n",
        "sms": "Kien nghi {code} da duoc giai quyet. {link}",
    },
    "staff_assigned": {
        "description": "Cán bộ: được giao giải quyết",
        "subject": "Được giao giải quyết: {title}",
        "body": "{organisation} được giao chủ trì giải quyết: {title}\nHạn: {due}\n{link}\n",
        "sms": "",
    },
    "staff_approval": {
        "description": "Cán bộ: có trả lời chờ duyệt",
        "subject": "Trả lời chờ duyệt: {title}",
        "body": "Có dự thảo trả lời chờ duyệt: {title}\n{link}\n",
        "sms": "",
    },
    "staff_reminder": {
        "description": "Cán bộ: nhắc trước hạn",
        "subject": "Sắp đến hạn: {title}",
        "body": "Sắp đến hạn ({due}): {title}\n{link}\n",
        "sms": "",
    },
    "staff_escalation": {
        "description": "Cán bộ, lãnh đạo: quá hạn",
        "subject": "Quá hạn: {title}",
        "body": "Đã quá hạn ({due}) mà chưa hoàn thành: {title}\nĐơn vị: {organisation}\n{link}\n",
        "sms": "",
    },
    "staff_digest": {
        "description": "Lãnh đạo phòng: tổng hợp hằng ngày",
        "subject": "Tổng hợp việc được giao ngày {date}",
        "body": "{organisation}: {open} việc đang giải quyết, {late} việc quá hạn.\n\n{items}\n",
        "sms": "",
    },
}
