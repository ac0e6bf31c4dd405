from django.urls import path

from doithoai.synthesis import views, views_report

urlpatterns = [
    path("staff/tong-hop/", views.board_index, name="synthesis-index"),
    path("staff/tong-hop/<int:round_id>/", views.board, name="synthesis-board"),
    path("staff/tong-hop/<int:round_id>/chay/", views.run_start, name="synthesis-run"),
    path("staff/tong-hop/<int:round_id>/tien-do/", views.run_status, name="synthesis-run-status"),
    path("staff/tong-hop/<int:round_id>/tao/", views.issue_new, name="synthesis-issue-new"),
    path(
        "staff/tong-hop/ngoai-ky/<int:unit_id>/",
        views.board_outside,
        name="synthesis-board-outside",
    ),
    path(
        "staff/tong-hop/ngoai-ky/<int:unit_id>/chay/",
        views.run_start,
        name="synthesis-run-outside",
    ),
    path(
        "staff/tong-hop/ngoai-ky/<int:unit_id>/tien-do/",
        views.run_status,
        name="synthesis-run-status-outside",
    ),
    path(
        "staff/tong-hop/ngoai-ky/<int:unit_id>/tao/",
        views.issue_new,
        name="synthesis-issue-new-outside",
    ),
    # The Front's synthesis report of a round.
    path("staff/tong-hop/<int:round_id>/bao-cao/", views_report.report, name="synthesis-report"),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/lap/",
        views_report.report_draft,
        name="synthesis-report-draft",
    ),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/cap-nhat/",
        views_report.report_refresh,
        name="synthesis-report-refresh",
    ),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/duyet/",
        views_report.report_approve,
        name="synthesis-report-approve",
    ),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/bo-duyet/",
        views_report.report_unapprove,
        name="synthesis-report-unapprove",
    ),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/nhom/<str:key>/",
        views_report.report_theme,
        name="synthesis-report-theme",
    ),
    path(
        "staff/tong-hop/<int:round_id>/bao-cao/van-ban.<str:fmt>",
        views_report.report_file,
        name="synthesis-report-file",
    ),
    # The round's generic document URL for this kind ("dialogue-document", included after this
    # app in config/urls.py) answers with the report's own permissions: others get 404.
    path(
        "staff/doi-thoai/<int:round_id>/van-ban/synthesis.<str:fmt>",
        views_report.report_file,
        name="synthesis-report-document",
    ),
    path("staff/van-de/hang-loat/", views.issues_bulk, name="synthesis-bulk"),
    path("staff/van-de/<int:issue_id>/linh-vuc/", views.issue_topic, name="synthesis-issue-topic"),
    path("staff/van-de/<int:issue_id>/tieu-de/", views.issue_title, name="synthesis-issue-title"),
    path(
        "staff/van-de/<int:issue_id>/kien-nghi/",
        views.issue_petitions,
        name="synthesis-issue-petitions",
    ),
    path("staff/van-de/<int:issue_id>/tach/", views.issue_split, name="synthesis-issue-split"),
    path(
        "staff/kien-nghi/<int:petition_id>/chuyen-van-de/",
        views.petition_move,
        name="synthesis-petition-move",
    ),
]
