from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "doithoai.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"
