"""The append-only event log every service writes to."""

from typing import Any, NoReturn

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventIsAppendOnly(Exception):
    """Raised by every path that would change or remove a recorded event."""


class EventQuerySet(models.QuerySet["Event"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise EventIsAppendOnly("events cannot be updated")

    def delete(self) -> NoReturn:
        raise EventIsAppendOnly("events cannot be deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise EventIsAppendOnly("events cannot be updated")

    def update_or_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise EventIsAppendOnly("events cannot be updated")


class Event(models.Model):
    """Who did what to which object, when, from which state to which, and why."""

    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    action = models.CharField(_("hành động"), max_length=64)
    before = models.JSONField(_("trước"), default=dict, blank=True)
    after = models.JSONField(_("sau"), default=dict, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["object_type", "object_id", "created_at"])]
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise EventIsAppendOnly("events cannot be updated")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise EventIsAppendOnly("events cannot be deleted")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang thực hiện")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Không thành công")


class BackgroundJob(models.Model):
    """Long work for one user (a large export) done by the task worker (core/jobs.py). Its file
    waits for its owner, and only for them, until `expires_at`; then the retention removes it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("loại việc"), max_length=60)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    done = models.PositiveIntegerField(_("đã xử lý"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    file = models.FileField(_("tệp"), upload_to="jobs/", blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    content_type = models.CharField(_("kiểu tệp"), max_length=100, blank=True)
    error = models.CharField(_("lỗi"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)
    finished_at = models.DateTimeField(_("thời điểm xong"), null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"])]
        verbose_name = _("việc chạy nền")
        verbose_name_plural = _("việc chạy nền")

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"


class RateCounter(models.Model):
    """Requests of one client in one scope and time window (`core.ratelimit`): one row per
    window, counted by a single UPDATE, so every server process counts the same requests."""

    key = models.CharField(max_length=200, unique=True)
    hits = models.PositiveIntegerField(default=1)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("bộ đếm giới hạn truy cập")
        verbose_name_plural = _("bộ đếm giới hạn truy cập")

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"
