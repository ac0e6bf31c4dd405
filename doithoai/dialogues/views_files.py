"""Downloads of the plan's stored files: a task report's evidence, to those who may read the
report (`selectors.task_updates_for`), as an attachment never cached or sniffed."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from doithoai.core.storage import download_response
from doithoai.dialogues import selectors


@login_required
def task_evidence(request: HttpRequest, task_id: int, update_id: int) -> FileResponse:
    task = selectors.task_get_for(user=request.user, task_id=task_id)
    update = (
        selectors.task_updates_for(user=request.user, task=task)
        .filter(pk=update_id)
        .exclude(evidence="")
        .first()
    )
    if update is None:
        raise Http404
    return download_response(
        update.evidence,
        filename=update.evidence_name or "minh-chung",
        content_type=update.evidence_type or None,
    )
