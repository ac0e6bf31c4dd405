from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "doithoai.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        # Models are loaded only now: these modules read them.
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from doithoai.accounts import navigation, unit_rules
        from doithoai.accounts.access import access_changed, on_membership_changed
        from doithoai.accounts.lockout import on_locked_out
        from doithoai.accounts.middleware import on_logged_in
        from doithoai.accounts.models import Membership
        from doithoai.units.hooks import on_organisation_changed

        user_locked_out.connect(on_locked_out, dispatch_uid="doithoai-login-locked-out")
        user_logged_in.connect(on_logged_in, dispatch_uid="doithoai-session-touch")
        navigation.register()
        unit_rules.register()
        on_organisation_changed(access_changed)
        for signal in (post_save, post_delete):
            signal.connect(on_membership_changed, sender=Membership, dispatch_uid="doithoai-access")
