"""The scheduled retention run (`doithoai retention --queue` from cron, or the worker)."""

from django.tasks import task

from doithoai.dataprotection.services.retention import retention_run


@task()
def retention_task() -> dict[str, int]:
    report = retention_run(actor=None, dry_run=False)
    return {k.kind: k.count for k in report.kinds}
