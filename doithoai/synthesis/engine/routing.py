"""Suggested department for a topic, with per-unit overrides supplied by the caller."""

from __future__ import annotations

from collections.abc import Mapping

from .normalize import fold, tokens

# Default routing: topic code -> department code of a city/district people's committee.
DEFAULT_ROUTING: dict[str, str] = {
    "dat_dai": "tnmt",
    "quy_hoach": "qldt",
    "xay_dung": "qldt",
    "gpmb": "gpmb",
    "do_thi": "qldt",
    "giao_thong": "qldt",
    "moi_truong": "tnmt",
    "kinh_doanh": "kinh_te",
    "an_sinh": "ldtbxh",
    "y_te_giao_duc": "gddt",
    "an_ninh": "cong_an",
    "hanh_chinh": "vp",
    "dien_nuoc": "kinh_te",
    "khac": "vhtt",
}
_HEALTH = {"y", "benh", "tram", "thuoc", "tiem", "vac", "kham", "bac", "si"}
_SCHOOL = {"truong", "hoc", "giao", "vien", "lop", "mam", "non", "phi"}


def suggest_department(
    topic: str,
    unit: str | None = None,
    overrides: Mapping[tuple[str, str], str] | None = None,
    table: Mapping[str, str] | None = None,
    text: str | None = None,
) -> str:
    """Department code for ``topic``.

    ``overrides`` maps (unit, topic) to a department and wins over ``table`` (topic → department,
    default :data:`DEFAULT_ROUTING`); units are compared folded. For ``y_te_giao_duc`` the text,
    when given, decides between health (``yte``) and education (``gddt``).
    """
    if overrides and unit:
        key = fold(unit)
        for (o_unit, o_topic), dept in overrides.items():
            if o_topic == topic and fold(o_unit) == key:
                return dept
    routes = table if table is not None else DEFAULT_ROUTING
    dept = routes.get(topic, DEFAULT_ROUTING.get(topic, "vp"))
    if topic == "y_te_giao_duc" and text and dept == DEFAULT_ROUTING[topic]:
        words = tokens(text)
        health = sum(w in _HEALTH for w in words)
        school = sum(w in _SCHOOL for w in words)
        if health > school:
            return "yte"
    return dept
