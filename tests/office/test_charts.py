from django.template.loader import render_to_string

from office.charts import Column, Series, column_chart


def test_columns_scale_to_the_largest_total_and_stack_bottom_up():
    series = [Series("a", "A", "#111111"), Series("b", "B", "#222222")]
    chart = column_chart(
        series=series,
        columns=[Column("1", {"a": 2, "b": 2}, url="/x/"), Column("2", {"a": 1}), Column("3", {})],
    )
    first, second, third = chart["columns"]
    assert [(s.key, y, h) for s, y, h, _v in first.segments] == [
        ("a", 80.0, 80.0),
        ("b", 0.0, 80.0),
    ]
    assert [(s.key, y, h) for s, y, h, _v in second.segments] == [("a", 120.0, 40.0)]
    assert third.segments == [] and chart["peak"] == 4


def test_the_include_draws_svg_with_colours_links_and_a_legend_without_script():
    chart = column_chart(
        series=[Series("cars", "车辆", "#0d6efd")],
        columns=[Column("11", {"cars": 5}, url="/vehicles/?m=11", note="5")],
        title="每月出车",
    )
    html = render_to_string("office/partials/_chart.html", {"chart": chart, "id": "c1"})
    assert 'id="c1"' in html and 'aria-label="每月出车"' in html
    assert 'fill="#0d6efd"' in html and 'href="/vehicles/?m=11"' in html
    assert "<title>11: 5</title>" in html and "车辆" in html
    assert "<script" not in html and "<style" not in html
