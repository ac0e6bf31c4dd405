from django.urls import path

from doithoai.dataprotection import views

urlpatterns = [
    path("staff/du-lieu-ca-nhan/", views.request_list, name="dp-request-list"),
    path("staff/du-lieu-ca-nhan/yeu-cau/moi/", views.request_new, name="dp-request-new"),
    path(
        "staff/du-lieu-ca-nhan/yeu-cau/<int:request_id>/",
        views.request_detail,
        name="dp-request-detail",
    ),
    path(
        "staff/du-lieu-ca-nhan/yeu-cau/<int:request_id>/thuc-hien/",
        views.request_act,
        name="dp-request-act",
    ),
    path(
        "staff/du-lieu-ca-nhan/yeu-cau/<int:request_id>/<slug:step>/",
        views.request_step,
        name="dp-request-step",
    ),
    path("staff/du-lieu-ca-nhan/nhat-ky-xem/", views.view_log, name="dp-view-log"),
    path("staff/du-lieu-ca-nhan/luu-giu/", views.retention, name="dp-retention"),
]
