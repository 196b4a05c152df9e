"""The use log (用印登记簿) as a spreadsheet and as a PDF register."""

from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from office.pdf import render_pdf
from office.spreadsheets import build_xlsx


def _person(user) -> str:
    return user.display_name if user else ""


def use_rows(uses) -> list[list]:
    return [
        [
            localtime(use.used_at).strftime("%Y-%m-%d %H:%M"),
            use.seal.name,
            use.subject,
            use.copies,
            _person(use.used_by),
            _person(use.approved_by),
            _("Electronic") if use.electronic else _("Paper"),
        ]
        for use in uses
    ]


HEADER = [
    "Time",
    "Seal",
    "What",
    "Copies",
    "Used by",
    "Approved by",
    "How",
]


def header() -> list[str]:
    labels = {
        "Time": _("Time"),
        "Seal": _("Seal"),
        "What": _("What was sealed"),
        "Copies": _("Copies"),
        "Used by": _("Used by"),
        "Approved by": _("Approved by"),
        "How": _("How"),
    }
    return [str(labels[key]) for key in HEADER]


def uses_xlsx(uses, *, title: str) -> bytes:
    return build_xlsx(
        title=title, header=header(), rows=use_rows(uses), widths=(17, 20, 50, 8, 12, 12, 10)
    )


def uses_pdf(uses, *, title: str, organisation: str) -> bytes:
    return render_pdf(
        "seals/pdf/use_register.html",
        {"title": title, "organisation": organisation, "header": header(), "rows": use_rows(uses)},
    )
