"""The roster as PDF (值班表, landscape) and as a spreadsheet."""

from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty.models import Post
from duty.views.common import parse_month, require_duty_access
from duty.views.roster import _grid_context, grid_context
from office.pdf import render_pdf
from office.services.exports import export_request
from office.spreadsheets import Styled, build_xlsx, xlsx_response

GAP_FILL = "F8D7DA"  # a shift nobody is on


def _cell_text(shift) -> str:
    if shift is None:
        return ""
    return "\n".join(
        f"{'★' if a.role == 'leader' else ''}{a.person.display_name}"
        for a in shift.assignments.all()
    )


@require_POST
def roster_pdf(request):
    """A month's roster is a large table: a worker renders it and the person is told."""
    require_duty_access(request.user)
    month = parse_month(request.POST.get("month"), localdate())
    post = request.POST.get("post", "")
    post_id = get_object_or_404(Post, pk=post).pk if post.isdigit() else None
    export = export_request(
        owner=request.user,
        title=_("Duty roster %(month)s") % {"month": month.strftime("%Y-%m")},
        filename=f"值班表-{month:%Y-%m}.pdf",
        builder="duty.views.exports.roster_pdf_bytes",
        arguments={"month": month.strftime("%Y-%m"), "post": post_id},
    )
    return redirect(export)


def roster_pdf_bytes(*, user, month: str, post: int | None = None) -> bytes:
    """The 值班表 PDF, built in the background for `user` (same scope as the page)."""
    require_duty_access(user)
    context = grid_context(
        user,
        month=parse_month(month, localdate()),
        post=Post.objects.filter(pk=post).first() if post else None,
    )
    with translation.override("zh-hans"):  # the record is a Chinese office form
        return render_pdf("duty/pdf/roster.html", context)


def roster_xlsx(request):
    require_duty_access(request.user)
    context = _grid_context(request)
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
    content = build_xlsx(
        title=context["month_param"],
        header=header,
        rows=rows,
        widths=[12] + [18] * (len(header) - 1),
    )
    return xlsx_response(content, f"值班表-{context['month_param']}.xlsx")
