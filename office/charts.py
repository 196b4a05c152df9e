"""Column charts drawn on the server as SVG (no JavaScript, nothing the CSP refuses).

    chart = column_chart(
        series=[Series("on_time", _("On time"), "#198754"), Series("late", _("Late"), "#dc3545")],
        columns=[Column("11月", {"on_time": 3, "late": 1}, url="...", note="75%"), ...],
        title=_("Items by month"),
    )
    {% include "office/partials/_chart.html" with chart=chart %}

One series is a bar chart, several a stacked one (bottom-up in the order of `series`).
Colours are SVG attributes, so no stylesheet is needed; the include draws its own legend.
"""

from dataclasses import dataclass, field

HEIGHT, STEP, BAR, MARGIN = 160, 40, 26, 8


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    color: str


@dataclass
class Column:
    label: str
    values: dict
    url: str = ""
    note: str = ""  # a second line under the label, e.g. a rate
    title: str = ""  # the tooltip; default "label: total"
    x: float = 0
    segments: list = field(default_factory=list)  # [(Series, y, height, value)] bottom-up

    @property
    def total(self):
        return sum(value or 0 for value in self.values.values())

    @property
    def centre(self) -> float:
        return self.x + BAR / 2


def column_chart(*, series: list[Series], columns: list[Column], title: str = "") -> dict:
    """Scale every column to the largest total and place its segments in the viewBox."""
    peak = max([column.total for column in columns] + [1])
    for index, column in enumerate(columns):
        column.x = index * STEP + MARGIN
        bottom, column.segments = HEIGHT, []
        for one in series:
            value = column.values.get(one.key) or 0
            height = round(HEIGHT * value / peak, 1)
            bottom -= height
            if value:
                column.segments.append((one, round(bottom, 1), height, value))
        column.title = column.title or f"{column.label}: {column.total}"
    return {
        "series": series,
        "columns": columns,
        "width": len(columns) * STEP + MARGIN,
        "height": HEIGHT,
        "full_height": HEIGHT + 30,
        "bar": BAR,
        "peak": peak,
        "title": title,
    }
