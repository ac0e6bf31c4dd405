"""`doithoai api-token create|list|revoke`: API keys from the shell, through the same services
as the page (run as the set-up actor, `actor=None`)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.services import api_token_create, api_token_revoke

MIN_PREFIX = 4


class Command(BaseCommand):
    help = (
        "API keys: `create USERNAME --name NAME` (prints the key once), `list [USERNAME]`, "
        "`revoke PREFIX`. Keys and their hashes are never listed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="create a key and print it once")
        create.add_argument("username")
        create.add_argument("--name", required=True, help="what the key is for (≤ 100 chars)")
        listing = actions.add_parser("list", help="list keys (of USERNAME, or all)")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="revoke the key whose prefix is PREFIX")
        revoke.add_argument("prefix", help=f"the listed prefix (at least {MIN_PREFIX} chars)")
        revoke.add_argument("--reason", default="", help="recorded with the event")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            self._create(options["username"], options["name"])
        elif action == "list":
            self._list(options["username"])
        else:
            self._revoke(options["prefix"], options["reason"])

    def _create(self, username: str, name: str) -> None:
        user = _user(username)
        name = name.strip()
        if not name or len(name) > 100 or "\x00" in name:
            raise CommandError("Tên khóa phải có từ 1 đến 100 ký tự / name must be 1-100 chars")
        token, key = api_token_create(actor=None, user=user, name=name)
        self.stdout.write(
            f"Đã tạo khóa {token.name} ({token.prefix}…) cho {user.username}. "
            "Sao chép ngay, khóa không hiện lại / copy it now, it is shown only once:"
        )
        self.stdout.write(key)

    def _list(self, username: str | None) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("-created_at", "-pk")
        if username is not None:
            tokens = tokens.filter(user=_user(username))
        self.stdout.write("prefix\tname\towner\tcreated\tlast_used\trevoked")
        for token in tokens:
            last_used = token.last_used_at.isoformat() if token.last_used_at else "-"
            self.stdout.write(
                f"{token.prefix}\t{token.name}\t{token.user.username}\t"
                f"{token.created_at.isoformat()}\t{last_used}\t{'yes' if token.revoked else 'no'}"
            )

    def _revoke(self, prefix: str, reason: str) -> None:
        if len(prefix) < MIN_PREFIX:
            raise CommandError(
                f"Mã đầu quá ngắn (ít nhất {MIN_PREFIX} ký tự) / prefix too short: {prefix!r}"
            )
        matches = list(
            ApiToken.objects.select_related("user").filter(prefix__startswith=prefix)[:10]
        )
        if not matches:
            raise CommandError(f"Không có khóa nào có mã đầu / no key with prefix {prefix!r}")
        if len(matches) > 1:
            found = ", ".join(f"{t.prefix} ({t.name}, {t.user.username})" for t in matches)
            raise CommandError(
                f"Mã đầu khớp nhiều khóa, không thu hồi / ambiguous prefix {prefix!r}: {found}"
            )
        token = matches[0]
        if token.revoked:
            self.stdout.write(f"Khóa {token.prefix}… đã bị thu hồi trước đó / already revoked")
            return
        api_token_revoke(actor=None, token=token, reason=reason)
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã thu hồi khóa {token.name} ({token.prefix}…) của {token.user.username}"
            )
        )


def _user(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"Không có tài khoản / unknown user {username!r}")
    return user
