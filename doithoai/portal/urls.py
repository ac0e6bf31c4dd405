from django.urls import path

from doithoai.portal import views

urlpatterns = [
    path("ket-qua/", views.results_index, name="portal-results"),
    path("ket-qua/<int:round_id>/", views.results_board, name="portal-board"),
    path("ket-qua/<int:round_id>/<int:issue_id>/", views.results_issue, name="portal-issue"),
]
