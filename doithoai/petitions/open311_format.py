"""Open311 GeoReport v2 answers in the format the path names: `.json` or `.xml`.

The XML follows the spec's element names: a list is a root element holding one element per row
(`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`), a list inside a
row holds one element per value (`<formats><format>…`, `<attributes><attribute>…`,
`<values><value>…`), None is an empty element and booleans are `true`/`false`. Every document
starts with the XML declaration naming UTF-8, as the spec requires.
"""

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.http import HttpResponse

FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}

# A list under this key holds elements of this name.
ITEM_NAMES = {
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}

# What XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE and U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = _NOT_XML.sub("", str(value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _element(name: str, value: Any, out: list[str]) -> None:
    if isinstance(value, Mapping):
        out.append(f"<{name}>")
        for key, inner in value.items():
            _element(key, inner, out)
        out.append(f"</{name}>")
    elif isinstance(value, Sequence) and not isinstance(value, str):
        out.append(f"<{name}>")
        for inner in value:
            _element(ITEM_NAMES.get(name, "item"), inner, out)
        out.append(f"</{name}>")
    elif value is None or value == "":
        out.append(f"<{name}/>")
    else:
        out.append(f"<{name}>{_text(value)}</{name}>")


def xml_document(root: str, body: Any, item: str = "") -> str:
    """`body` as XML under `root`: a list of rows, each an `item` element, or one mapping."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n']
    if item:
        out.append(f"<{root}>")
        for row in body:
            _element(item, row, out)
        out.append(f"</{root}>")
    else:
        _element(root, body, out)
    return "".join(out)


def answer(fmt: str, body: Any, *, root: str, item: str = "", status: int = 200) -> HttpResponse:
    """`body` (a list of rows or a mapping) in `fmt`; in XML under `root` (and `item` per row)."""
    if fmt == "xml":
        content = xml_document(root, body, item)
    else:
        content = json.dumps(body, ensure_ascii=False)
    return HttpResponse(content, status=status, content_type=FORMATS.get(fmt, FORMATS["json"]))


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The spec's error answer: a list of {code, description}; `<errors><error>…` in XML."""
    return answer(
        fmt,
        [{"code": status, "description": description}],
        root="errors",
        item="error",
        status=status,
    )
