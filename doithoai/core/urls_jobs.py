from django.urls import path

from doithoai.core import views_jobs

urlpatterns = [
    path("staff/viec-nen/<int:job_id>/", views_jobs.job_detail, name="job-detail"),
    path("staff/viec-nen/<int:job_id>/tai-ve", views_jobs.job_download, name="job-download"),
]
