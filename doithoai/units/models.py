"""Administrative units with their history, and the organisations attached to them."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

# The 2025 reform (Decision 19/2025/QĐ-TTg) took effect on 1 July 2025.
REFORM_2025 = datetime.date(2025, 7, 1)


class Scheme(models.TextChoices):
    LEGACY_2004 = "2004", _("Ba cấp (QĐ 124/2004/QĐ-TTg, đến 30/6/2025)")
    CURRENT_2025 = "2025", _("Hai cấp (QĐ 19/2025/QĐ-TTg, từ 1/7/2025)")
    LOCAL = "local", _("Thôn, tổ dân phố do đơn vị tự thêm")


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    CENTRAL_CITY = "central_city", _("Thành phố trực thuộc trung ương")
    DISTRICT = "district", _("Huyện")
    URBAN_DISTRICT = "urban_district", _("Quận")
    PROVINCIAL_CITY = "provincial_city", _("Thành phố thuộc tỉnh")
    TOWN = "town", _("Thị xã")
    WARD = "ward", _("Phường")
    COMMUNE = "commune", _("Xã")
    TOWNSHIP = "township", _("Thị trấn")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")
    VILLAGE = "village", _("Thôn")
    RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
    KHOM = "khom", _("Khóm")
    AP = "ap", _("Ấp")


LOCAL_KINDS = frozenset({UnitKind.VILLAGE, UnitKind.RESIDENTIAL_GROUP, UnitKind.KHOM, UnitKind.AP})


class Unit(models.Model):
    scheme = models.CharField(_("hệ thống"), max_length=8, choices=Scheme.choices)
    code = models.CharField(_("mã"), max_length=32)
    kind = models.CharField(_("loại"), max_length=24, choices=UnitKind.choices)
    name = models.CharField(_("tên"), max_length=200)
    name_folded = models.CharField(max_length=200, db_index=True, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        through="UnitSuccession",
        symmetrical=False,
        related_name="predecessors",
        blank=True,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="unit_scheme_code_unique")
        ]
        ordering = ["scheme", "code"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")

    def __str__(self) -> str:
        return self.name

    def is_current(self, on: datetime.date | None = None) -> bool:
        day = on or datetime.date.today()  # noqa: DTZ011
        starts = self.valid_from is None or self.valid_from <= day
        return starts and (self.valid_to is None or day <= self.valid_to)


class UnitSuccession(models.Model):
    """A predecessor unit whose territory passed (wholly or partly) to a successor."""

    predecessor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    successor = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    effective = models.DateField(_("ngày hiệu lực"))
    partial = models.BooleanField(_("chỉ một phần"), default=False)
    source = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"


class OrganisationKind(models.TextChoices):
    PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
    PEOPLES_COUNCIL = "hdnd", _("Hội đồng nhân dân")
    PARTY_COMMITTEE = "dang_uy", _("Cấp ủy Đảng")
    FATHERLAND_FRONT = "mttq", _("Ủy ban Mặt trận Tổ quốc")
    SOCIO_POLITICAL = "doan_the", _("Tổ chức chính trị - xã hội")
    OFFICE = "van_phong", _("Văn phòng HĐND-UBND")
    DEPARTMENT = "phong_ban", _("Phòng, ban chuyên môn")
    PRESS = "bao_chi", _("Cơ quan báo chí")


class Organisation(models.Model):
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị hành chính"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    kind = models.CharField(_("loại"), max_length=16, choices=OrganisationKind.choices)
    code = models.SlugField(_("mã"), max_length=64)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=32, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "code"], name="organisation_unit_code_unique")
        ]
        ordering = ["unit_id", "name"]
        verbose_name = _("cơ quan, tổ chức")
        verbose_name_plural = _("cơ quan, tổ chức")

    def __str__(self) -> str:
        return self.name
