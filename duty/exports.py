"""The duty app's exports: the month roster (值班表) as PDF and spreadsheet.

`roster_pdf` is registered as the background builder "duty.roster_pdf" (extensions.py); the
spreadsheet is made in the request. Both show what the roster page shows the user."""

from django.utils import translation
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from office.pdf import render_pdf
from office.spreadsheets import Styled, build_xlsx

GAP_FILL = "F8D7DA"  # a shift nobody is on


def roster_pdf(*, user, month: str, post: int | None = None) -> bytes:
    """Background builder: the 值班表 PDF for `user` (same scope as the page)."""
    from duty.models import Post
    from duty.views.common import parse_month, require_duty_access
    from duty.views.roster import grid_context

    require_duty_access(user)
    context = grid_context(
        user,
        month=parse_month(month, localdate()),
        post=Post.objects.filter(pk=post).first() if post else None,
    )
    with translation.override("zh-hans"):  # the record is a Chinese office form
        return render_pdf("duty/pdf/roster.html", context)


def roster_spreadsheet(context: dict) -> bytes:
    """The month grid of the roster page's context as .xlsx (a gap is filled red)."""
    grid = context["grid"]
    header = [_("Date")] + [
        f"{post.name} {template.name}" for post in grid.posts for template in grid.templates
    ]
    rows = (
        [day.strftime("%Y-%m-%d")]
        + [
            Styled(_cell_text(shift), wrap=True, fill=GAP_FILL if gap else None)
            for _post, _template, shift, gap in cells
        ]
        for day, cells in grid.rows
    )
    return build_xlsx(
        title=context["month_param"],
        header=header,
        rows=rows,
        widths=[12] + [18] * (len(header) - 1),
    )


def _cell_text(shift) -> str:
    if shift is None:
        return ""
    return "\n".join(
        f"{'★' if a.role == 'leader' else ''}{a.person.display_name}"
        for a in shift.assignments.all()
    )
