"""Charts drawn on the server as inline SVG: no script, no CDN, readable without colour.

Each chart is an `<svg role="img">` with a `<title>` and a `<desc>` that says what it shows; the
page puts the same numbers in a table next to it, so nothing is only in the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

BAR = "#1d5e9e"
MAX_BARS = 12


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    text: str = ""  # what is printed next to the bar; the value by default


def _fmt(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:.1f}"


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(points: Sequence[Point], *, title: str, chart_id: str) -> SafeString:
    """Horizontal bars, largest first as given, at most MAX_BARS."""
    shown = list(points)[:MAX_BARS]
    if not shown:
        return SafeString("")
    top = max((p.value for p in shown), default=0) or 1
    label_w, bar_w, row_h = 230, 300, 26
    height = row_h * len(shown) + 10
    width = label_w + bar_w + 90
    parts = []
    for i, p in enumerate(shown):
        y = 5 + i * row_h
        w = max(1.0, bar_w * p.value / top) if p.value else 0
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="13">{}</text>',
                label_w - 6,
                y + 17,
                _shorten(p.label, 34),
                label_w,
                y + 4,
                f"{w:.1f}",
                row_h - 8,
                BAR,
                f"{label_w + w + 6:.1f}",
                y + 17,
                p.text or _fmt(p.value),
            )
        )
    desc = "; ".join(f"{p.label}: {p.text or _fmt(p.value)}" for p in shown)
    return _svg(chart_id, title, desc, width, height, mark_safe("".join(parts)))  # noqa: S308


def column_chart(points: Sequence[Point], *, title: str, chart_id: str) -> SafeString:
    """Vertical columns in the given order (a trend over rounds or years)."""
    shown = list(points)[-MAX_BARS * 2 :]
    if not shown:
        return SafeString("")
    top = max((p.value for p in shown), default=0) or 1
    col_w, gap, plot_h = 34, 14, 180
    width = 20 + len(shown) * (col_w + gap)
    height = plot_h + 70
    parts = []
    for i, p in enumerate(shown):
        x = 10 + i * (col_w + gap)
        h = max(1.0, plot_h * p.value / top) if p.value else 0
        y = 20 + plot_h - h
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>',
                x,
                f"{y:.1f}",
                col_w,
                f"{h:.1f}",
                BAR,
                x + col_w // 2,
                f"{y - 4:.1f}",
                p.text or _fmt(p.value),
                x + col_w // 2,
                plot_h + 38,
                _shorten(p.label, 8),
            )
        )
    desc = "; ".join(f"{p.label}: {p.text or _fmt(p.value)}" for p in shown)
    return _svg(chart_id, title, desc, width, height, mark_safe("".join(parts)))  # noqa: S308


def _svg(chart_id: str, title: str, desc: str, width: int, height: int, body: str) -> SafeString:
    return format_html(
        '<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="{}-t {}-d">'
        '<title id="{}-t">{}</title><desc id="{}-d">{}</desc>{}</svg>',
        width,
        height,
        width,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        escape(desc),
        body,
    )
