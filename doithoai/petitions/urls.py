from django.urls import path

from doithoai.petitions import (
    views_import,
    views_open311,
    views_public,
    views_staff,
    views_topics,
)

urlpatterns = [
    path("gui-kien-nghi/", views_public.petition_new_public, name="petition-new-public"),
    path("kien-nghi/da-gui/", views_public.petition_receipt, name="petition-receipt"),
    path("tra-cuu/", views_public.petition_lookup, name="petition-lookup"),
    path("staff/kien-nghi/", views_staff.petition_list, name="petition-list"),
    path("staff/kien-nghi/moi/", views_staff.petition_new_staff, name="petition-new-staff"),
    path("staff/kien-nghi/nhap/", views_import.import_petitions, name="petition-import"),
    path(
        "staff/kien-nghi/nhap/mau.xlsx",
        views_import.import_template,
        name="petition-import-template",
    ),
    path("staff/kien-nghi/xuat.xlsx", views_staff.petition_export, name="petition-export"),
    path("staff/kien-nghi/<int:petition_id>/", views_staff.petition_detail, name="petition-detail"),
    path(
        "staff/kien-nghi/<int:petition_id>/trang-thai/",
        views_staff.petition_transition_view,
        name="petition-transition",
    ),
    path(
        "staff/kien-nghi/<int:petition_id>/ky-doi-thoai/",
        views_staff.petition_round_view,
        name="petition-round",
    ),
    path("staff/linh-vuc/", views_topics.topic_list, name="topic-list"),
    path("staff/linh-vuc/moi/", views_topics.topic_new, name="topic-new"),
    path("staff/linh-vuc/<slug:code>/", views_topics.topic_edit, name="topic-edit"),
    # Open311 GeoReport v2: the `.json` names are the ones other code reverses.
    path("open311/discovery.<str:fmt>", views_open311.discovery, name="open311-discovery-root"),
    path("open311/v2/discovery.<str:fmt>", views_open311.discovery, name="open311-discovery"),
    path(
        "open311/v2/services.json", views_open311.services, {"fmt": "json"}, name="open311-services"
    ),
    path("open311/v2/services.<str:fmt>", views_open311.services, name="open311-services-format"),
    path(
        "open311/v2/services/<str:service_code>.<str:fmt>",
        views_open311.service_definition,
        name="open311-service",
    ),
    path(
        "open311/v2/requests.json",
        views_open311.requests_collection,
        {"fmt": "json"},
        name="open311-requests",
    ),
    path(
        "open311/v2/requests.<str:fmt>",
        views_open311.requests_collection,
        name="open311-requests-format",
    ),
    path(
        "open311/v2/requests/<str:public_id>.json",
        views_open311.request_detail,
        {"fmt": "json"},
        name="open311-request",
    ),
    path(
        "open311/v2/requests/<str:public_id>.<str:fmt>",
        views_open311.request_detail,
        name="open311-request-format",
    ),
]
