from django.urls import path

from doithoai.reports import views

urlpatterns = [
    path("staff/bao-cao/", views.dashboard, name="reports-dashboard"),
    path("staff/bao-cao/xuat.xlsx", views.export, name="reports-export"),
    path("staff/bao-cao/bao-cao-6-thang/", views.six_monthly, name="reports-six-monthly"),
]
