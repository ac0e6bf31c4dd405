"""Collect every public page and public API answer, and look in them for personal data.

Used by the acceptance test (test_public_privacy_scan.py). What counts as public: the home page,
each public round's page, notice and projector, the results index, every page of every results
board and every issue page it links, the public form, the lookup (posted) and the receipt (from
the session) of a real tracking code, the petitioner's feedback page, Open311's lists and its
request (by public id), and every GET endpoint under /api/v1/public/ of the OpenAPI document (its
path parameters filled in). A POST answer's url reads "POST <path>"."""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

from django.test import Client
from django.urls import reverse

from doithoai.core.privacy import personal_data_findings
from doithoai.dialogues.models import Invitee, Round, Speaker, Statement
from doithoai.petitions.models import Petition
from doithoai.petitions.views_public import RECEIPT_CODE

PUBLIC_STATES = ("announced", "held", "concluded")
# Filling the path parameters of public API endpoints; a new parameter must be added here.
PUBLIC_PATH_PARAMETERS = {"round_id", "code"}


@dataclass
class Answer:
    url: str
    status: int
    texts: list[str]  # what a reader sees: a page's visible text; each string of a JSON answer
    raw: str

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "input" and ("type", "hidden") in attrs:
            return  # tokens, not read by anyone
        for name, value in attrs:  # what a reader also meets: titles, alt texts, values
            if name in ("title", "alt", "value", "placeholder", "aria-label") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(part.strip() for part in parser.parts if part.strip())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def fetch(client: Client, url: str, data: dict[str, str] | None = None) -> Answer:
    response = client.get(url) if data is None else client.post(url, data)
    raw = response.content.decode()
    if response.get("Content-Type", "").startswith(("application/json", "application/problem")):
        texts = list(_strings(json.loads(raw)))
    else:
        texts = [visible_text(raw)]
    label = url if data is None else f"POST {url}"
    return Answer(label, response.status_code, texts, unescape(raw))


def _board_pages(client: Client, round_id: int) -> Iterator[Answer]:
    board = reverse("portal-board", args=[round_id])
    number = 1
    while True:
        answer = fetch(client, f"{board}?trang={number}")
        yield answer
        if 'rel="next"' not in answer.raw:
            return
        number += 1


def _open311_pages(client: Client) -> list[Answer]:
    """Every page of Open311's list of requests, from the first petition on."""
    pages = []
    for number in range(1, 100):
        url = f"{reverse('open311-requests')}?start_date=2000-01-01T00:00:00&page_size=200"
        pages.append(fetch(client, f"{url}&page={number}"))
        if pages[-1].status != 200 or not pages[-1].texts:
            break
    return pages


def public_answers(client: Client, *, code: str) -> list[Answer]:
    """Every public page and public API answer of the site as it is now."""
    session = client.session  # the receipt shows the petition this visitor just sent
    session[RECEIPT_CODE] = code
    session.save()
    public_id = Petition.objects.get(code=code).public_id
    answers = [
        fetch(client, url)
        for url in (
            reverse("public-home"),
            reverse("portal-results"),
            reverse("petition-new-public"),
            reverse("petition-lookup"),
            reverse("petition-receipt"),
            reverse("followup-feedback"),
            reverse("open311-services"),
            reverse("open311-request", args=[public_id]),
        )
    ]
    answers.append(fetch(client, reverse("petition-lookup"), {"ma": code}))
    answers += _open311_pages(client)
    rounds = list(Round.objects.filter(state__in=PUBLIC_STATES).values_list("pk", flat=True))
    for pk in rounds:
        for name in ("dialogue-public", "dialogue-notice", "dialogue-projector"):
            answers.append(fetch(client, reverse(name, args=[pk])))
        answers.append(fetch(client, reverse("dialogue-projector-live", args=[pk])))
        for page in _board_pages(client, pk):
            answers.append(page)
            prefix = reverse("portal-board", args=[pk])
            for issue_id in sorted(set(re.findall(rf'href="{prefix}(\d+)/"', page.raw))):
                answers.append(fetch(client, reverse("portal-issue", args=[pk, int(issue_id)])))
    answers += _public_api(client, rounds=rounds, code=code)
    return answers


def _public_api(client: Client, *, rounds: Iterable[int], code: str) -> list[Answer]:
    document = client.get("/api/v1/openapi.json").json()
    answers = []
    for path, operations in sorted(document["paths"].items()):
        if not path.startswith("/api/v1/public/") or "get" not in operations:
            continue
        parameters = set(re.findall(r"{(\w+)}", path))
        unknown = parameters - PUBLIC_PATH_PARAMETERS
        assert not unknown, f"{path}: add a value for {unknown} to the public scan"
        values: list[dict[str, object]] = [{}]
        if "round_id" in parameters:
            values = [{**v, "round_id": pk} for v in values for pk in rounds]
        if "code" in parameters:
            values = [{**v, "code": code} for v in values]
        for filled in values:
            url = re.sub(r"{(\w+)}", lambda m, f=filled: str(f[m.group(1)]), path)  # type: ignore[misc]
            answers.append(fetch(client, url))
    return answers


def personal_values() -> set[str]:
    """Names, phones, e-mails, addresses and tax codes of petitioners, registrants and speakers."""
    values: set[str] = set()
    for row in Petition.objects.values_list(
        "submitter_name", "phone", "email", "submitter_address", "tax_code"
    ):
        values.update(row)
    for row in Invitee.objects.values_list("name", "phone"):
        values.update(row)
    values.update(Speaker.objects.values_list("name", flat=True))
    values.update(Statement.objects.values_list("speaker_name", flat=True))
    return {v.strip() for v in values if v and len(v.strip()) > 4}


def leaks(answers: Iterable[Answer], values: set[str]) -> list[str]:
    """What personal data each answer shows: a value from the database, or what the public-words
    check finds (honorific + name, phone, e-mail, ID and house numbers)."""
    found: list[str] = []
    if not values:
        return [f"{a.url}: {f.kind} {f.fragment!r}" for a in answers for f in _findings(a)]
    pattern = re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)))
    for answer in answers:
        for value in sorted(
            {m.group(0) for m in pattern.finditer(answer.raw + "\n" + answer.text)}
        ):
            found.append(f"{answer.url}: {value!r} from the database")
        found += [f"{answer.url}: {f.kind} {f.fragment!r}" for f in _findings(answer)]
    return found


def _findings(answer: Answer) -> list[Any]:
    return [finding for text in answer.texts for finding in personal_data_findings(text)]
