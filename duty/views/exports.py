"""The roster as PDF (值班表, landscape, made by a worker) and as a spreadsheet."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.timezone import localdate
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from duty.exports import roster_spreadsheet
from duty.models import Post
from duty.views.common import parse_month, require_duty_access
from duty.views.roster import _grid_context
from office.services.exports import export_request
from office.spreadsheets import xlsx_response


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
        builder="duty.roster_pdf",
        arguments={"month": month.strftime("%Y-%m"), "post": post_id},
    )
    return redirect(export)


def roster_xlsx(request):
    require_duty_access(request.user)
    context = _grid_context(request)
    return xlsx_response(roster_spreadsheet(context), f"值班表-{context['month_param']}.xlsx")
