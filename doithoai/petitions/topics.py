"""The topic schema shipped with doithoai (codes of the synthesis engine's training data)."""

from typing import Any

TOPICS = [
    ("dat_dai", "Đất đai"),
    ("quy_hoach", "Quy hoạch"),
    ("xay_dung", "Xây dựng"),
    ("gpmb", "Giải phóng mặt bằng, bồi thường, tái định cư"),
    ("do_thi", "Quản lý đô thị"),
    ("giao_thong", "Giao thông"),
    ("moi_truong", "Môi trường"),
    ("kinh_doanh", "Kinh doanh, chợ, thuế phí"),
    ("an_sinh", "Chính sách xã hội"),
    ("y_te_giao_duc", "Y tế, giáo dục"),
    ("an_ninh", "An ninh trật tự"),
    ("hanh_chinh", "Thủ tục hành chính, cán bộ"),
    ("dien_nuoc", "Điện, nước sinh hoạt"),
    ("khac", "Khác"),
]


def topics_ensure(topic_model: Any) -> int:
    """Create the shipped topics that are missing; officers' renames are kept. Returns how many."""
    created = 0
    for code, name in TOPICS:
        _obj, made = topic_model.objects.get_or_create(code=code, defaults={"name": name})
        created += made
    return created
