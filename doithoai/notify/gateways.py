"""SMS gateways behind one small interface; chosen by `settings.DOITHOAI_SMS`.

    DOITHOAI_SMS = {"BACKEND": "doithoai.notify.gateways.HttpGateway",
                    "OPTIONS": {"url": "https://sms.example/send", "token": "..."}}

The default is the file backend (one JSON line per message under var/sms/), for development.
"""

import json
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class GatewayError(Exception):
    """A gateway could not deliver; the outbox records it and retries later."""


class SmsGateway(Protocol):
    def send(self, *, to: str, text: str) -> str:
        """Deliver one message and return the provider's message id."""


class FileGateway:
    def __init__(self, directory: str | Path | None = None) -> None:
        self.directory = Path(directory or Path(settings.BASE_DIR) / "var" / "sms")

    def send(self, *, to: str, text: str) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        message_id = uuid.uuid4().hex
        with (self.directory / "outbox.jsonl").open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": message_id, "to": to, "text": text}) + "\n")
        return message_id


class HttpGateway:
    """POSTs {"to", "text", "sender"} as JSON with a bearer token; expects 2xx and {"id": ...}."""

    def __init__(self, url: str, token: str = "", sender: str = "", timeout: float = 10) -> None:
        if not url.startswith(("https://", "http://")):
            raise ValueError("the SMS gateway URL must be http(s)")
        self.url, self.token, self.sender, self.timeout = url, token, sender, timeout

    def send(self, *, to: str, text: str) -> str:
        body = json.dumps({"to": to, "text": text, "sender": self.sender}).encode()
        request = urllib.request.Request(  # noqa: S310 - scheme checked in __init__
            self.url, data=body, method="POST", headers={"Content-Type": "application/json"}
        )
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                payload: Any = json.loads(response.read() or b"{}")
        except (OSError, ValueError) as error:
            raise GatewayError(str(error)) from error
        return str(payload.get("id", "")) if isinstance(payload, dict) else ""


def get_gateway() -> SmsGateway:
    config: dict[str, Any] = getattr(settings, "DOITHOAI_SMS", {}) or {}
    backend = import_string(config.get("BACKEND", "doithoai.notify.gateways.FileGateway"))
    gateway: SmsGateway = backend(**config.get("OPTIONS", {}))
    return gateway
