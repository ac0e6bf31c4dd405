"""Server-side SVG charts: accessible names, escaped labels, bars in proportion."""

import re

from doithoai.reports.charts import Point, bar_chart, column_chart


def test_bar_chart_is_accessible_and_escaped():
    svg = str(
        bar_chart([Point("<b>Đất đai</b>", 40), Point("Môi trường", 10)], title="T", chart_id="c")
    )
    assert svg.startswith('<svg class="chart" role="img"')
    assert '<title id="c-t">T</title>' in svg
    assert "&lt;b&gt;Đất đai&lt;/b&gt;: 40; Môi trường: 10" in svg
    assert "<b>" not in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths == [300.0, 75.0]


def test_column_chart_and_empty():
    svg = str(column_chart([Point("2016", 5), Point("2017", 10)], title="Xu hướng", chart_id="x"))
    assert svg.count("<rect") == 2 and "2017: 10" in svg
    assert str(bar_chart([], title="T", chart_id="e")) == ""
