"""Downloads of stored files: a petition's attachments, answers' files, resolution and progress
evidence. Each is read through a selector that checks the reader (404 otherwise) and leaves as an
attachment that is never cached or sniffed (`core.storage.download_response`)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest

from doithoai.core.storage import download_response
from doithoai.followup import selectors, selectors_files


@login_required
def attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    """A petition's attachment, for whoever may see the petition or the issue's follow-up."""
    found = selectors.attachment_get_for(user=request.user, attachment_id=attachment_id)
    return download_response(
        found.file, filename=found.original_name, content_type=found.content_type
    )


def answer_file(request: HttpRequest, file_id: int) -> FileResponse:
    """A file of an answer: staff who see the assignment; anyone once the answer is published
    about a public issue (`policies.can_open_answer_file`)."""
    found = selectors_files.answer_file_get_for(user=request.user, file_id=file_id)
    return download_response(
        found.file, filename=found.original_name, content_type=found.content_type
    )


@login_required
def resolution_evidence(request: HttpRequest, resolution_id: int) -> FileResponse:
    found = selectors_files.resolution_get_for(user=request.user, resolution_id=resolution_id)
    return download_response(found.evidence, filename=found.evidence_name, content_type=None)


@login_required
def directive_update_evidence(request: HttpRequest, update_id: int) -> FileResponse:
    found = selectors_files.directive_update_get_for(user=request.user, update_id=update_id)
    return download_response(found.evidence, filename=found.evidence_name, content_type=None)
