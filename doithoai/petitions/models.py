"""A petition (kiến nghị, phản ánh, đề xuất...) from any channel, with its submitter and files."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from doithoai.petitions.choices import (
    Channel,
    LegalKind,
    NotAcceptedReason,
    PetitionState,
    SubmitterType,
)
from doithoai.petitions.codes import new_public_id
from doithoai.petitions.round_model import Round
from doithoai.petitions.search import PostgresGinIndex, SearchDocument
from doithoai.units.models import Organisation, Unit


class Topic(models.Model):
    """Topic codes of the synthesis schema; the secretariat may rename, add or retire them."""

    code = models.SlugField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    description = models.TextField(_("mô tả"), blank=True)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")

    def __str__(self) -> str:
        return self.name


class Petition(models.Model):
    # The tracking code is the petitioner's secret (lookup, reopen): never on a public list.
    code = models.CharField(_("mã tra cứu"), max_length=16, unique=True)
    # What public lists and Open311 show instead: random, derived from nothing (codes.py).
    public_id = models.CharField(
        _("mã công khai"), max_length=32, unique=True, editable=False, default=new_public_id
    )
    text = models.TextField(_("nội dung"))
    text_folded = models.TextField(editable=False)
    # The folded text's words with their positions and the unit's marker, kept by the database
    # (PostgreSQL: a tsvector, indexed by `petition_search`; SQLite searches text_folded
    # instead: search.py).
    search_vector = models.GeneratedField(
        expression=SearchDocument("text_folded", "unit_id"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    legal_kind = models.CharField(
        _("loại"), max_length=16, choices=LegalKind.choices, default=LegalKind.KIEN_NGHI
    )
    # No single-column index on topic, unit, round, assigned_to or created_at: each leads one of
    # the composite indexes in Meta, which serve the same look-ups (and deletes' checks).
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    place = models.CharField(_("thôn, tổ dân phố"), max_length=200, blank=True)
    address = models.CharField(_("địa chỉ nơi xảy ra"), max_length=300, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=16, choices=Channel.choices)
    round = models.ForeignKey(
        Round,
        verbose_name=_("kỳ đối thoại"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
        db_index=False,
    )
    # The submitter: personal data, shown only where policies.can_see_personal_data allows.
    submitter_type = models.CharField(
        _("người gửi là"),
        max_length=16,
        choices=SubmitterType.choices,
        default=SubmitterType.RESIDENT,
    )
    anonymous = models.BooleanField(_("ẩn danh"), default=False)
    confidential = models.BooleanField(_("đề nghị giữ bí mật"), default=False)
    submitter_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    submitter_address = models.CharField(_("địa chỉ người gửi"), max_length=300, blank=True)
    business_name = models.CharField(_("tên hộ kinh doanh"), max_length=200, blank=True)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, blank=True)
    consent_at = models.DateTimeField(_("đồng ý xử lý dữ liệu lúc"), null=True, blank=True)
    # Who brought it in.
    collected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    on_behalf_of = models.CharField(_("thu thập thay cho"), max_length=200, blank=True)
    received_on = models.DateField(_("ngày tiếp nhận"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Processing.
    state = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=PetitionState.choices,
        default=PetitionState.RECEIVED,
    )
    not_accepted_reason = models.CharField(
        _("lý do không thụ lý"), max_length=20, choices=NotAcceptedReason.choices, blank=True
    )
    forwarded_to = models.CharField(_("chuyển đến cơ quan"), max_length=200, blank=True)
    assigned_to = models.ForeignKey(
        Organisation,
        verbose_name=_("cơ quan chủ trì giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    due_on = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("đã giải quyết lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-created_at", "-id"], name="petition_unit_recent"),
            models.Index(fields=["round", "-created_at", "-id"], name="petition_round_recent"),
            models.Index(fields=["state", "-created_at", "-id"], name="petition_state_recent"),
            models.Index(fields=["topic", "-created_at", "-id"], name="petition_topic_recent"),
            models.Index(
                fields=["assigned_to", "-created_at", "-id"], name="petition_assigned_recent"
            ),
            models.Index(fields=["-created_at", "-id"], name="petition_recent"),
            # Covers the statistics dashboards: PostgreSQL answers them from the index alone.
            models.Index(
                fields=["unit", "received_on"],
                include=[
                    "topic",
                    "assigned_to",
                    "channel",
                    "legal_kind",
                    "state",
                    "round",
                    "due_on",
                    "resolved_at",
                ],
                name="petition_stats_cover",
            ),
            # Phrase search (search.py), the units' markers included; PostgreSQL only, SQLite
            # has no GIN index.
            PostgresGinIndex(fields=["search_vector"], name="petition_search"),
        ]
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")

    def __str__(self) -> str:
        return self.code

    @property
    def is_denunciation(self) -> bool:
        return self.legal_kind == LegalKind.TO_CAO


class Attachment(models.Model):
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="petitions/%Y/%m/")
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class IdempotencyKey(models.Model):
    """A client's retry key: the same key and body return the first petition, never a second."""

    key = models.CharField(max_length=128)
    client = models.CharField(max_length=150)
    body_hash = models.CharField(max_length=64)
    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="idempotency_unique")]

    def __str__(self) -> str:
        return self.key


class ImportBatch(models.Model):
    """One committed spreadsheet; the same file for the same unit is never imported twice."""

    sha256 = models.CharField(max_length=64)
    filename = models.CharField(max_length=200)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    rows = models.PositiveIntegerField()
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    petitions = models.ManyToManyField(Petition, related_name="+", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sha256", "unit"], name="import_batch_unique")
        ]

    def __str__(self) -> str:
        return self.filename
