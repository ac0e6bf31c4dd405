"""The register of issued documents (sổ đăng ký văn bản đi): numbers, versions and frozen files.

Numbers run from 01 per issuing organisation, year and series (KH, GM, BB, TB, BC — the type's
abbreviation under Decree 30/2020), with no gaps: the next number is taken from a counter row
locked inside the issuing transaction. A reissue keeps the number and adds a version; every
version's DOCX and PDF are stored as issued, with their SHA-256.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.units.models import Organisation


class Format(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"


class NumberCounter(models.Model):
    """The last number given in one series; locked (select_for_update) while a number is taken."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.CharField(_("loại văn bản (ký hiệu)"), max_length=8)
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "series"], name="documents_counter_unique"
            )
        ]
        verbose_name = _("bộ đếm số văn bản")
        verbose_name_plural = _("bộ đếm số văn bản")

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year} {self.series}: {self.last_number}"


class IssuedDocument(models.Model):
    """One version of an issued document of a round."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.CharField(_("loại văn bản (ký hiệu)"), max_length=8)
    number = models.PositiveIntegerField(_("số"))
    version = models.PositiveSmallIntegerField(_("lần ban hành"), default=1)
    kind = models.CharField(_("loại"), max_length=32)
    round = models.ForeignKey(
        "dialogues.Round",
        verbose_name=_("kỳ đối thoại"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    symbol = models.CharField(_("số, ký hiệu"), max_length=64)
    title = models.CharField(_("trích yếu"), max_length=500)
    issued_on = models.DateField(_("ngày ban hành"))
    issued_at = models.DateTimeField(_("thời điểm ban hành"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ban hành"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField(_("lý do ban hành lại"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year", "series", "number", "version"],
                name="documents_issued_number_version_unique",
            ),
            models.UniqueConstraint(
                fields=["round", "kind", "version"], name="documents_issued_round_kind_unique"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "year", "series", "number"])]
        ordering = ["organisation_id", "-year", "series", "-number", "-version"]
        verbose_name = _("văn bản đã ban hành")
        verbose_name_plural = _("văn bản đã ban hành")

    def __str__(self) -> str:
        return f"{self.symbol} (v{self.version})"


class IssuedFile(models.Model):
    """A file of an issued version, frozen as issued: its bytes and their SHA-256."""

    document = models.ForeignKey(IssuedDocument, on_delete=models.PROTECT, related_name="files")
    format = models.CharField(_("định dạng"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("nội dung"))
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("kích thước (byte)"))
    pages = models.PositiveSmallIntegerField(_("số trang"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "format"], name="documents_file_unique")
        ]
        verbose_name = _("tệp văn bản đã ban hành")
        verbose_name_plural = _("tệp văn bản đã ban hành")

    def __str__(self) -> str:
        return f"{self.document_id}.{self.format}"
