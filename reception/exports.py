"""The reception app's exports: the visitor log as a spreadsheet (ID numbers masked)."""

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from office.spreadsheets import build_xlsx


def visit_log_spreadsheet(rows) -> bytes:
    """One row per visitor of `rows` (selectors.export_rows_for) as .xlsx."""
    header = [
        _("Expected arrival"),
        _("Expected departure"),
        _("Name"),
        _("Organisation"),
        _("Phone"),
        _("ID type"),
        _("ID number"),
        _("Host"),
        _("Purpose"),
        _("Status"),
        _("Badge number"),
        _("Checked in"),
        _("Checked out"),
    ]
    lines = (
        [
            _cell_time(visitor.visit.expected_arrival),
            _cell_time(visitor.visit.expected_departure),
            visitor.name,
            visitor.visit.organisation,
            visitor.phone,
            visitor.get_id_type_display() if visitor.id_type else "",
            visitor.masked_id_number,
            visitor.visit.host.display_name,
            visitor.visit.purpose,
            visitor.visit.get_status_display(),
            visitor.badge_number,
            _cell_time(visitor.checked_in_at),
            _cell_time(visitor.checked_out_at),
        ]
        for visitor in rows.iterator(2000)
    )
    return build_xlsx(title=_("Visitor log"), header=header, rows=lines)


def _cell_time(moment) -> str:
    return localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
