"""Monthly figures (车辆使用统计): trips, kilometres, fuel or charge, costs, tolls; by vehicle,
by driver and by department. A trip counts in the month it left; only recorded trips count."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from office.charts import Column, Series, column_chart

from .models import Dispatch

SUMS = {
    "trips": Count("pk"),
    "km": Sum(F("odometer_end") - F("odometer_start")),
    "fuel": Sum("fuel_litres"),
    "charge": Sum("charge_kwh"),
    "energy_cost": Sum("energy_cost"),
    "tolls": Sum("tolls"),
}


@dataclass
class Row:
    label: str
    trips: int = 0
    km: int = 0
    fuel: Decimal = Decimal("0")
    charge: Decimal = Decimal("0")
    energy_cost: Decimal = Decimal("0")
    tolls: Decimal = Decimal("0")

    @property
    def cost(self) -> Decimal:
        return self.energy_cost + self.tolls

    def cells(self) -> list:
        return [
            self.label,
            self.trips,
            self.km,
            str(self.fuel),
            str(self.charge),
            str(self.energy_cost),
            str(self.tolls),
            str(self.cost),
        ]


def month_bounds(first: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
    return start, end


def _rows(records, by: str, label: str) -> list[Row]:
    rows = []
    for values in records.values(by, label).annotate(**SUMS).order_by(label):
        rows.append(
            Row(
                label=values[label] or _("No department"),
                trips=values["trips"],
                km=values["km"] or 0,
                fuel=values["fuel"] or Decimal("0"),
                charge=values["charge"] or Decimal("0"),
                energy_cost=values["energy_cost"] or Decimal("0"),
                tolls=values["tolls"] or Decimal("0"),
            )
        )
    return rows


def _total(rows: list[Row]) -> Row:
    total = Row(label=_("Total"))
    for row in rows:
        for name in ("trips", "km", "fuel", "charge", "energy_cost", "tolls"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    return total


def month_figures(first: datetime.date) -> dict:
    """Three tables and a chart of kilometres per vehicle (four queries)."""
    start, end = month_bounds(first)
    records = Dispatch.objects.filter(
        status=Dispatch.Status.COMPLETED, start__gte=start, start__lt=end
    )
    vehicles = _rows(records, "vehicle", "vehicle__plate")
    drivers = _rows(records, "driver", "driver__name")
    departments = _rows(records, "trip__department", "trip__department__name")
    chart = column_chart(
        series=[Series("km", _("Kilometres"), "#0d6efd")],
        columns=[
            Column(
                row.label[-5:], {"km": row.km}, note=str(row.trips), title=f"{row.label}: {row.km}"
            )
            for row in vehicles
        ],
        title=_("Kilometres per vehicle"),
    )
    return {
        "vehicles": vehicles,
        "drivers": drivers,
        "departments": departments,
        "total": _total(vehicles),
        "chart": chart,
    }


def header() -> list[str]:
    return [
        "",
        _("Number of trips"),
        _("Kilometres"),
        _("Fuel (litres)"),
        _("Charge (kWh)"),
        _("Fuel or charge cost (yuan)"),
        _("Tolls (yuan)"),
        _("Cost (yuan)"),
    ]
