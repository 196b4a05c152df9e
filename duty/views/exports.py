"""The roster as PDF (值班表, landscape) and as a spreadsheet."""

from io import BytesIO

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from duty.models import Post
from duty.views.common import parse_month, require_duty_access
from duty.views.roster import _grid_context, grid_context
from office.pdf import render_pdf
from office.services.exports import export_request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GAP_FILL = PatternFill("solid", fgColor="F8D7DA")


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
    book = Workbook()
    sheet = book.active
    sheet.title = context["month_param"]
    header = [_("Date")] + [
        f"{post.name} {template.name}" for post in grid.posts for template in grid.templates
    ]
    sheet.append([str(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for day, cells in grid.rows:
        sheet.append([day.strftime("%Y-%m-%d")] + [_cell_text(c[2]) for c in cells])
        row = sheet.max_row
        for column, (_post, _template, _shift, gap) in enumerate(cells, start=2):
            target = sheet.cell(row=row, column=column)
            target.alignment = Alignment(wrap_text=True, vertical="top")
            if gap:
                target.fill = GAP_FILL
    sheet.column_dimensions["A"].width = 12
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 18
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        True, f"值班表-{context['month_param']}.xlsx"
    )
    return response
