from django.urls import path

from doithoai.dialogues import (
    views,
    views_agenda,
    views_conference,
    views_files,
    views_notice,
    views_plan,
    views_public,
    views_tasks,
)

S = "staff/doi-thoai/"
urlpatterns = [
    path(S, views.round_index, name="dialogue-index"),
    path(f"{S}moi/", views.round_new, name="dialogue-new"),
    path(f"{S}<int:round_id>/", views.round_detail, name="dialogue-round"),
    path(f"{S}<int:round_id>/trang-thai/", views.round_transition, name="dialogue-transition"),
    path(f"{S}nhiem-vu/<int:task_id>/", views.task_transition, name="dialogue-task-transition"),
    path(f"{S}<int:round_id>/ke-hoach/", views.plan_edit, name="dialogue-plan-edit"),
    path(f"{S}<int:round_id>/nhiem-vu/", views.task_add, name="dialogue-task-add"),
    path(f"{S}<int:round_id>/dai-bieu/", views.invitee_add, name="dialogue-invitee-add"),
    path(
        f"{S}<int:round_id>/giay-moi/<int:invitee_id>/",
        views.invitation,
        name="dialogue-invitation",
    ),
    path(
        f"{S}<int:round_id>/giay-moi/tat-ca.pdf",
        views.invitations_pdf,
        name="dialogue-invitations-pdf",
    ),
    path(
        f"{S}<int:round_id>/giay-moi/<int:invitee_id>.<str:fmt>",
        views.invitation_file,
        name="dialogue-invitation-file",
    ),
    path(
        f"{S}<int:round_id>/van-ban/<str:kind>.<str:fmt>",
        views.document,
        name="dialogue-document",
    ),
    path(f"{S}<int:round_id>/hoi-nghi/", views_conference.conference, name="dialogue-conference"),
    path(f"{S}<int:round_id>/co-mat/", views_conference.attendance, name="dialogue-attendance"),
    path(
        f"{S}<int:round_id>/diem-danh/<str:token>/",
        views_conference.checkin_scan,
        name="dialogue-checkin-scan",
    ),
    path(
        f"{S}<int:round_id>/dai-bieu/<int:invitee_id>/trang-thai/",
        views_conference.checkin,
        name="dialogue-checkin",
    ),
    path(f"{S}<int:round_id>/chuong-trinh/", views_agenda.agenda_page, name="dialogue-agenda"),
    path(
        f"{S}<int:round_id>/chuong-trinh/lap/",
        views_agenda.agenda_build,
        name="dialogue-agenda-build",
    ),
    path(
        f"{S}<int:round_id>/chuong-trinh/thoi-luong/",
        views_agenda.agenda_settings,
        name="dialogue-agenda-settings",
    ),
    path(
        f"{S}<int:round_id>/chuong-trinh/them/",
        views_agenda.agenda_add,
        name="dialogue-agenda-add",
    ),
    path(
        f"{S}<int:round_id>/chuong-trinh/<int:item_id>/sua/",
        views_agenda.agenda_change,
        name="dialogue-agenda-change",
    ),
    path(
        f"{S}<int:round_id>/van-de/tim/",
        views_agenda.issue_search,
        name="dialogue-issue-search",
    ),
    path(f"{S}<int:round_id>/ket-luan/", views_conference.conclude, name="dialogue-conclude"),
    path(
        f"{S}<int:round_id>/thong-bao-ket-luan/",
        views_notice.notice_page,
        name="dialogue-conclusion-notice",
    ),
    path(
        f"{S}<int:round_id>/thong-bao-ket-luan/duyet/",
        views_notice.notice_approval,
        name="dialogue-conclusion-notice-approval",
    ),
    path(
        f"{S}<int:round_id>/trong-tam/",
        views_plan.item_add,
        {"plan_list": views_plan.FOCUS},
        name="dialogue-focus-add",
    ),
    path(
        f"{S}<int:round_id>/trong-tam/<int:item_id>/",
        views_plan.item_change,
        {"plan_list": views_plan.FOCUS},
        name="dialogue-focus-change",
    ),
    path(
        f"{S}<int:round_id>/chu-tri/",
        views_plan.item_add,
        {"plan_list": views_plan.CHAIRS},
        name="dialogue-chair-add",
    ),
    path(
        f"{S}<int:round_id>/chu-tri/<int:item_id>/",
        views_plan.item_change,
        {"plan_list": views_plan.CHAIRS},
        name="dialogue-chair-change",
    ),
    path(f"{S}nhiem-vu/cua-toi/", views_tasks.my_tasks, name="dialogue-my-tasks"),
    path(f"{S}nhiem-vu/<int:task_id>/bao-cao/", views_tasks.task_page, name="dialogue-task"),
    path(
        f"{S}nhiem-vu/<int:task_id>/minh-chung/<int:update_id>/",
        views_files.task_evidence,
        name="dialogue-task-evidence",
    ),
    path(
        f"{S}<int:round_id>/chuong-trinh/<int:item_id>/",
        views_conference.agenda_item,
        name="dialogue-agenda-item",
    ),
    path(
        f"{S}<int:round_id>/phat-bieu/", views_conference.speaker_add, name="dialogue-speaker-add"
    ),
    path(
        f"{S}<int:round_id>/phat-bieu/<int:speaker_id>/",
        views_conference.speaker_state,
        name="dialogue-speaker-state",
    ),
    path(f"{S}<int:round_id>/y-kien/", views_conference.statement_add, name="dialogue-statement"),
    path(f"{S}<int:round_id>/bao-chi/", views_conference.press_ask, name="dialogue-press-ask"),
    path(
        f"{S}<int:round_id>/bao-chi/<int:question_id>/",
        views_conference.press_answer,
        name="dialogue-press-answer",
    ),
    path(f"{S}<int:round_id>/bien-ban/", views_conference.minutes, name="dialogue-minutes"),
    path("doi-thoai/<int:round_id>/", views_public.round_public, name="dialogue-public"),
    path("doi-thoai/<int:round_id>/thong-bao/", views_public.round_notice, name="dialogue-notice"),
    path(
        "doi-thoai/<int:round_id>/dang-ky/", views_public.round_register, name="dialogue-register"
    ),
    path("doi-thoai/<int:round_id>/man-hinh/", views_public.projector, name="dialogue-projector"),
    path(
        "doi-thoai/<int:round_id>/man-hinh/cap-nhat/",
        views_public.projector_live,
        name="dialogue-projector-live",
    ),
]
