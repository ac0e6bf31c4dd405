from django.urls import path

from doithoai.accounts import views_tokens

urlpatterns = [
    path("staff/khoa-api/", views_tokens.api_token_list, name="api-token-list"),
    path(
        "staff/khoa-api/<int:token_id>/thu-hoi/",
        views_tokens.api_token_revoke_view,
        name="api-token-revoke",
    ),
]
