"""The closed vocabularies of a petition, and the allowed state transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.core.states import StateTable


class LegalKind(models.TextChoices):
    PHAN_ANH = "phan_anh", _("Phản ánh")
    KIEN_NGHI = "kien_nghi", _("Kiến nghị")
    DE_XUAT = "de_xuat", _("Đề xuất")
    KHIEU_NAI = "khieu_nai", _("Khiếu nại")
    TO_CAO = "to_cao", _("Tố cáo")
    PAKN_TTHC = "pakn_tthc", _("PAKN về quy định hành chính")


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin (trực tuyến)")
    WARD = "phuong_xa", _("UBND phường, xã")
    MTTQ = "mttq", _("Mặt trận Tổ quốc")
    VILLAGE_HEAD = "truong_thon", _("Trưởng thôn, tổ trưởng")
    CONFERENCE = "hoi_nghi", _("Tại hội nghị")
    PRESS = "bao_chi", _("Báo chí")
    HOTLINE = "duong_day_nong", _("Đường dây nóng")
    IMPORT = "nhap_tep", _("Nhập từ bảng tính")
    API = "api", _("Hệ thống khác (API)")


class SubmitterType(models.TextChoices):
    RESIDENT = "nguoi_dan", _("Người dân")
    BUSINESS = "ho_kinh_doanh", _("Hộ kinh doanh")
    GROUP_HEAD = "to_truong", _("Tổ trưởng tổ dân phố")
    VILLAGE_HEAD = "truong_thon", _("Trưởng thôn")
    JOURNALIST = "phong_vien", _("Phóng viên")
    ANONYMOUS = "an_danh", _("Ẩn danh")


class PetitionState(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    ACCEPTED = "accepted", _("Đã thụ lý")
    NOT_ACCEPTED = "not_accepted", _("Không thụ lý")
    GROUPED = "grouped", _("Đã tổng hợp vào vấn đề")


class NotAcceptedReason(models.TextChoices):
    OUT_OF_REMIT = "out_of_remit", _("Không thuộc thẩm quyền, đã chuyển cơ quan có thẩm quyền")
    DUPLICATE = "duplicate", _("Trùng lặp, đã gộp vào vấn đề")
    LACKING_CONTENT = "lacking_content", _("Không đủ nội dung")
    INVALID = "invalid", _("Không hợp lệ (xúc phạm, không đọc được)")


# From state → the states `services.petition_transition` may move a petition to.
TRANSITIONS = StateTable(
    PetitionState,
    {
        PetitionState.RECEIVED: {
            PetitionState.ACCEPTED,
            PetitionState.NOT_ACCEPTED,
            PetitionState.GROUPED,
        },
        PetitionState.ACCEPTED: {PetitionState.GROUPED, PetitionState.NOT_ACCEPTED},
        PetitionState.NOT_ACCEPTED: {PetitionState.RECEIVED},
        PetitionState.GROUPED: {PetitionState.ACCEPTED},
    },
    message=_("Không thể chuyển từ '%(a)s' sang '%(b)s'."),
)

# Channels through which anyone may submit without an account.
PUBLIC_CHANNELS = frozenset({Channel.WEB})
