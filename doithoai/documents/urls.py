from django.urls import path

from doithoai.documents import views

S = "staff/van-ban/"
urlpatterns = [
    path(S, views.register, name="documents-register"),
    path(f"{S}ky/<int:round_id>/", views.round_documents, name="documents-round"),
    path(f"{S}ky/<int:round_id>/ban-hanh/", views.issue, name="documents-issue"),
    path(f"{S}<int:document_id>.<str:fmt>", views.download, name="documents-download"),
]
