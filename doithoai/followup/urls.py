from django.urls import path

from doithoai.followup import (
    views,
    views_files,
    views_finish,
    views_letters,
    views_public,
    views_supervision,
)

urlpatterns = [
    path("staff/theo-doi/", views.work_list, name="followup-work"),
    path(
        "staff/theo-doi/giao-theo-de-xuat/", views_finish.bulk_assign, name="followup-bulk-assign"
    ),
    path("staff/theo-doi/cau-hinh/", views_finish.settings_page, name="followup-settings"),
    path("staff/theo-doi/van-de/<int:issue_id>/giao/", views.issue_assign, name="followup-assign"),
    path(
        "staff/theo-doi/van-de/<int:issue_id>/da-giai-quyet/",
        views_finish.issue_resolve,
        name="followup-resolve",
    ),
    path(
        "staff/theo-doi/van-de/<int:issue_id>/xac-nhan/",
        views_finish.issue_verify,
        name="followup-verify",
    ),
    path(
        "staff/theo-doi/van-de/<int:issue_id>/ket-thuc/",
        views_finish.issue_close,
        name="followup-close",
    ),
    path(
        "staff/theo-doi/giao/<int:assignment_id>/",
        views.assignment_detail,
        name="followup-assignment",
    ),
    path(
        "staff/theo-doi/tep/<int:attachment_id>/",
        views_files.attachment,
        name="followup-attachment",
    ),
    path("tra-loi/tep/<int:file_id>/", views_files.answer_file, name="followup-answer-file"),
    path(
        "staff/theo-doi/minh-chung/ket-qua/<int:resolution_id>/",
        views_files.resolution_evidence,
        name="followup-resolution-evidence",
    ),
    path(
        "staff/theo-doi/minh-chung/tien-do/<int:update_id>/",
        views_files.directive_update_evidence,
        name="followup-update-evidence",
    ),
    path(
        "staff/theo-doi/tra-loi/<int:answer_id>/cong-khai/",
        views_finish.answer_publish,
        name="followup-publish",
    ),
    path(
        "staff/theo-doi/tra-loi/<int:answer_id>/<slug:action>/",
        views.answer_action,
        name="followup-answer-action",
    ),
    path(
        "staff/theo-doi/chi-dao/<int:directive_id>/",
        views_supervision.directive_detail,
        name="followup-directive",
    ),
    path("staff/giam-sat/", views_supervision.supervision, name="followup-supervision"),
    path("staff/thu-tra-loi/", views_letters.letters_home, name="followup-letters"),
    path(
        "staff/thu-tra-loi/dia-ban/<int:ward_id>/",
        views_letters.letters_ward,
        name="followup-letters-ward",
    ),
    path(
        "staff/thu-tra-loi/dia-ban/<int:ward_id>/lap-thu/",
        views_letters.letters_issue_view,
        name="followup-letters-issue",
    ),
    path(
        "staff/thu-tra-loi/dia-ban/<int:ward_id>/thu-cho-chuyen.pdf",
        views_letters.letters_print,
        name="followup-letters-print",
    ),
    path(
        "staff/thu-tra-loi/<int:letter_id>/tai.pdf",
        views_letters.letter_download,
        name="followup-letter-download",
    ),
    path(
        "staff/thu-tra-loi/<int:letter_id>/chuyen/",
        views_letters.letter_deliver,
        name="followup-letter-deliver",
    ),
    path("tra-cuu/phan-hoi/", views_public.petitioner_feedback, name="followup-feedback"),
]
