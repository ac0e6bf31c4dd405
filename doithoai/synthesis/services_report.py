"""The Front's synthesis report: drafted from the round's synthesis, edited and approved by an
MTTQ officer of the round's level (`policies.can_edit_report`).

`synthesis_report_draft` writes the first draft (opening, per-theme summaries, proposals);
`synthesis_report_refresh` brings the themes up to date with a later synthesis, keeping what a
person wrote; `synthesis_report_update` saves the officer's texts; `synthesis_report_approve`
locks them and `synthesis_report_unapprove` opens them again (one transition helper over
`REPORT_TRANSITIONS`). Every text passes `core.privacy.personal_data_findings`: the report goes
to the People's Committee and may be published, so it never names a petitioner.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.privacy import personal_data_findings
from doithoai.core.states import transition
from doithoai.petitions.round_model import Round
from doithoai.synthesis import policies
from doithoai.synthesis.events import SynthesisEvents
from doithoai.synthesis.models import (
    REPORT_TRANSITIONS,
    ReportState,
    SynthesisReport,
    SynthesisReportTheme,
)
from doithoai.synthesis.selectors_report import (
    ReportFacts,
    draft_opening,
    draft_proposals,
    draft_summary,
    report_facts,
)

MAX_TEXT = 6000
MAX_SUMMARY = 2000
DEFAULT_SIGNER_TITLE = "Chủ tịch"


def _require_edit(actor: Actor, round_: Round) -> None:
    if not policies.can_edit_report(actor, round_):
        raise PermissionDenied(
            _("Chỉ cán bộ Mặt trận Tổ quốc cấp này được soạn và duyệt báo cáo tổng hợp.")
        )


def _require_draft(report: SynthesisReport) -> None:
    if report.state != ReportState.DRAFT:
        raise ValidationError(
            _("Báo cáo đã được duyệt nên không sửa được; hãy bỏ duyệt trước khi sửa.")
        )


def _checked(text: str, label: str, limit: int) -> str:
    text = "\n".join(line.rstrip() for line in (text or "").strip().splitlines())
    if len(text) > limit:
        raise ValidationError(_("%(what)s dài quá %(n)s ký tự.") % {"what": label, "n": limit})
    findings = personal_data_findings(text)
    if findings:
        raise ValidationError(
            _("%(what)s không được chứa thông tin cá nhân của người kiến nghị:") % {"what": label}
            + " "
            + " ".join(f.message for f in findings)
        )
    return text


def _summary_rows(report: SynthesisReport, facts: ReportFacts) -> list[SynthesisReportTheme]:
    return [
        SynthesisReportTheme(report=report, key=theme.key, summary=draft_summary(theme))
        for theme in facts.themes
    ]


@transaction.atomic
def synthesis_report_draft(
    *, actor: Actor, round_: Round, report_date: datetime.date | None = None
) -> SynthesisReport:
    """The first draft of the round's report, from its synthesis."""
    _require_edit(actor, round_)
    if SynthesisReport.objects.filter(round=round_).exists():
        raise ValidationError(_("Kỳ đối thoại này đã có báo cáo tổng hợp."))
    facts = report_facts(round_)
    if not facts.themes:
        raise ValidationError(
            _("Chưa có vấn đề nào được tổng hợp; hãy chạy tổng hợp, phân loại kiến nghị trước.")
        )
    report = SynthesisReport.objects.create(
        round=round_,
        report_date=report_date or timezone.localdate(),
        opening=draft_opening(round_, facts),
        proposals=draft_proposals(round_, facts),
        signer_title=DEFAULT_SIGNER_TITLE,
    )
    SynthesisReportTheme.objects.bulk_create(_summary_rows(report, facts))
    event_record(
        actor=actor,
        obj=report,
        action=SynthesisEvents.SYNTHESIS_REPORT_DRAFTED,
        after={"themes": len(facts.themes), "petitions": facts.total},
    )
    return report


@transaction.atomic
def synthesis_report_refresh(*, actor: Actor, report: SynthesisReport) -> SynthesisReport:
    """Bring the themes up to date with the synthesis: new themes get a drafted summary, themes
    no person edited are drafted again, themes that no longer exist are dropped."""
    _require_edit(actor, report.round)
    _require_draft(report)
    facts = report_facts(report.round)
    current = {t.key: t for t in report.themes.all()}
    keys = {theme.key for theme in facts.themes}
    gone = [t.pk for key, t in current.items() if key not in keys]
    SynthesisReportTheme.objects.filter(pk__in=gone).delete()
    added, redrafted = [], []
    for theme in facts.themes:
        row = current.get(theme.key)
        if row is None:
            added.append(
                SynthesisReportTheme(report=report, key=theme.key, summary=draft_summary(theme))
            )
        elif not row.edited:
            row.summary = draft_summary(theme)
            redrafted.append(row)
    SynthesisReportTheme.objects.bulk_create(added)
    SynthesisReportTheme.objects.bulk_update(redrafted, ["summary"])
    report.save(update_fields=["updated_at"])
    event_record(
        actor=actor,
        obj=report,
        action=SynthesisEvents.SYNTHESIS_REPORT_REFRESHED,
        after={"added": len(added), "removed": len(gone), "redrafted": len(redrafted)},
    )
    return report


@transaction.atomic
def synthesis_report_update(
    *,
    actor: Actor,
    report: SynthesisReport,
    opening: str,
    proposals: str,
    report_date: datetime.date,
    signer_title: str = "",
    signer_name: str = "",
    summaries: Mapping[str, str] | None = None,
) -> SynthesisReport:
    """Save the officer's texts. `summaries` maps a theme's key to its summary; keys the report
    does not hold are refused. Nothing is saved when any text is refused."""
    _require_edit(actor, report.round)
    report = SynthesisReport.objects.select_for_update().get(pk=report.pk)
    _require_draft(report)
    values = {
        "opening": _checked(opening, _("Đoạn mở đầu"), MAX_TEXT),
        "proposals": _checked(proposals, _("Phần kiến nghị, đề xuất"), MAX_TEXT),
        "signer_title": _checked(signer_title, _("Chức vụ người ký"), 100),
        "signer_name": " ".join((signer_name or "").split())[:100],
        "report_date": report_date,
    }
    if not values["opening"]:
        raise ValidationError(_("Báo cáo cần có đoạn mở đầu."))
    rows = {t.key: t for t in report.themes.all()}
    unknown = set(summaries or {}) - set(rows)
    if unknown:
        raise ValidationError(_("Có nhóm vấn đề không thuộc báo cáo này; hãy tải lại trang."))
    changed_rows = []
    for key, text in (summaries or {}).items():
        summary = _checked(text, _("Phần tóm tắt nhóm vấn đề"), MAX_SUMMARY)
        if summary != rows[key].summary:
            rows[key].summary = summary
            rows[key].edited = True
            changed_rows.append(rows[key])
    changed = [name for name, value in values.items() if getattr(report, name) != value]
    for name in changed:
        setattr(report, name, values[name])
    report.save(update_fields=[*changed, "updated_at"])
    SynthesisReportTheme.objects.bulk_update(changed_rows, ["summary", "edited"])
    if changed or changed_rows:
        event_record(
            actor=actor,
            obj=report,
            action=SynthesisEvents.SYNTHESIS_REPORT_EDITED,
            after={"fields": changed, "themes": [r.key for r in changed_rows]},
        )
    return report


@transaction.atomic
def synthesis_report_theme_set(
    *, actor: Actor, report: SynthesisReport, key: str, summary: str
) -> SynthesisReportTheme:
    """Save one theme's summary (the report page saves each theme in place)."""
    _require_edit(actor, report.round)
    report = SynthesisReport.objects.select_for_update().select_related("round").get(pk=report.pk)
    _require_draft(report)
    row = report.themes.filter(key=key).first()
    if row is None:
        raise ValidationError(_("Có nhóm vấn đề không thuộc báo cáo này; hãy tải lại trang."))
    text = _checked(summary, _("Phần tóm tắt nhóm vấn đề"), MAX_SUMMARY)
    if text != row.summary:
        row.summary = text
        row.edited = True
        row.save(update_fields=["summary", "edited"])
        report.save(update_fields=["updated_at"])
        event_record(
            actor=actor,
            obj=report,
            action=SynthesisEvents.SYNTHESIS_REPORT_EDITED,
            after={"fields": [], "themes": [key]},
        )
    return row


def _transition(actor: Actor, report: SynthesisReport, to_state: str, reason: str = "") -> None:
    approved = to_state == ReportState.APPROVED
    report.approved_by = acting_user(actor) if approved else None
    report.approved_at = timezone.now() if approved else None
    transition(
        report,
        to_state,
        actor=actor,
        table=REPORT_TRANSITIONS,
        action=SynthesisEvents.SYNTHESIS_REPORT_APPROVED
        if approved
        else SynthesisEvents.SYNTHESIS_REPORT_REOPENED,
        fields=["approved_by", "approved_at", "updated_at"],
        reason=reason,
    )


@transaction.atomic
def synthesis_report_approve(*, actor: Actor, report: SynthesisReport) -> SynthesisReport:
    """Approve the report: its texts are locked until someone un-approves it."""
    _require_edit(actor, report.round)
    report = SynthesisReport.objects.select_for_update().select_related("round").get(pk=report.pk)
    REPORT_TRANSITIONS.check(report.state, ReportState.APPROVED)
    if not report.opening.strip():
        raise ValidationError(_("Báo cáo cần có đoạn mở đầu trước khi duyệt."))
    for text in (report.opening, report.proposals, *(t.summary for t in report.themes.all())):
        if personal_data_findings(text):
            raise ValidationError(
                _("Báo cáo còn thông tin cá nhân của người kiến nghị; hãy sửa trước khi duyệt.")
            )
    _transition(actor, report, ReportState.APPROVED)
    return report


@transaction.atomic
def synthesis_report_unapprove(
    *, actor: Actor, report: SynthesisReport, reason: str = ""
) -> SynthesisReport:
    """Open an approved report for editing again (the reason is kept in its history)."""
    _require_edit(actor, report.round)
    report = SynthesisReport.objects.select_for_update().select_related("round").get(pk=report.pk)
    REPORT_TRANSITIONS.check(report.state, ReportState.DRAFT)
    _transition(actor, report, ReportState.DRAFT, reason=" ".join(reason.split())[:500])
    return report
