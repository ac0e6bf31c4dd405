from django.urls import path

from doithoai.accounts import views_home, views_security, views_tokens

urlpatterns = [
    path("staff/", views_home.staff_home, name="staff-home"),
    path("staff/khoa-api/", views_tokens.api_token_list, name="api-token-list"),
    path(
        "staff/khoa-api/<int:token_id>/thu-hoi/",
        views_tokens.api_token_revoke_view,
        name="api-token-revoke",
    ),
]

urlpatterns += [
    path("staff/tai-khoan/", views_security.account, name="account"),
    path("staff/tai-khoan/dang-xuat-moi-noi/", views_security.sessions_end, name="sessions-end"),
    path("staff/xac-thuc/", views_security.otp_verify, name="otp-verify"),
    path("staff/xac-thuc/dang-ky/", views_security.otp_enroll, name="otp-enroll"),
    path(
        "staff/xac-thuc/ma-khoi-phuc/",
        views_security.otp_recovery_codes,
        name="otp-recovery-codes",
    ),
    path(
        "staff/xac-thuc/ma-khoi-phuc/tao-moi/",
        views_security.recovery_codes_new,
        name="otp-recovery-codes-new",
    ),
    path("staff/xac-thuc/dat-lai/", views_security.second_factor_reset_own, name="otp-reset"),
    path("staff/khoa-dang-nhap/", views_security.login_lockouts, name="login-lockouts"),
    path("staff/khoa-dang-nhap/mo-khoa/", views_security.login_unlock_view, name="login-unlock"),
]
