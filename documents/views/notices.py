"""Notices (通知公告): list, draft, publish, pin, withdraw, read tracking, PDF, home panel."""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from office.middleware import same_origin_navigation
from office.pdf import pdf_response, render_pdf
from office.views.actions import action

from .. import permissions as can
from .. import selectors, services
from ..forms import FilterForm, NoticeForm
from ..models import Notice
from ..services.notices import audience_of
from .common import page_or_partial


def _notice(request, pk: int) -> Notice:
    return get_object_or_404(selectors.notices_for(request.user), pk=pk)


def notice_list(request):
    form = FilterForm(request.GET or None, statuses=Notice.Status.choices)
    filters = form.filters() if request.GET else {}
    return page_or_partial(
        request,
        "documents/notice_list.html",
        "documents/partials/_notice_rows.html",
        {"form": form, "can_manage": can.can_manage_notices(request.user)},
        lambda: selectors.notice_list(request.user, filters),
    )


def _notice_form(request, notice=None):
    form = NoticeForm(request.POST or None, instance=notice)

    def save(data):
        departments = list(data["departments"])
        if notice is None:
            return services.notice_create(by=request.user, data=data, departments=departments)
        return services.notice_update(
            notice_id=notice.pk, by=request.user, data=data, departments=departments
        )

    return action(
        request,
        allowed=can.can_manage_notices(request.user)
        and (notice is None or notice.status == Notice.Status.DRAFT),
        form=form,
        perform=save,
        success=_("Notice saved."),
        redirect_to=lambda saved: saved,
        page=lambda form: render(
            request, "documents/notice_form.html", {"form": form, "notice": notice}
        ),
    )


def notice_create(request):
    return _notice_form(request)


def notice_edit(request, pk: int):
    return _notice_form(request, _notice(request, pk))


def notice_detail(request, pk: int):
    notice = _notice(request, pk)
    if same_origin_navigation(request):  # a link on another site does not count as read
        services.notice_mark_read(notice=notice, user=request.user)
    context = {"notice": notice, "can_manage": can.can_manage_notices(request.user)}
    if context["can_manage"] and notice.status != Notice.Status.DRAFT:
        audience = audience_of(notice)
        context["reads"] = notice.reads.filter(user__in=audience).select_related(
            "user", "user__department"
        )
        context["audience_count"] = audience.count()
    return render(request, "documents/notice_detail.html", context)


def _notice_step(request, pk, service, success, **kwargs):
    notice = _notice(request, pk)
    return action(
        request,
        redirect_to=notice,
        allowed=can.can_manage_notices(request.user),
        success=success,
        perform=lambda data: service(notice_id=notice.pk, by=request.user, **kwargs),
    )


@require_POST
def notice_publish(request, pk: int):
    return _notice_step(request, pk, services.notice_publish, _("Published."))


@require_POST
def notice_withdraw(request, pk: int):
    return _notice_step(request, pk, services.notice_withdraw, _("Withdrawn."))


@require_POST
def notice_redraft(request, pk: int):
    return _notice_step(request, pk, services.notice_redraft, _("Back to draft."))


@require_POST
def notice_pin(request, pk: int):
    pinned = request.POST.get("pinned") == "1"
    return _notice_step(
        request, pk, services.notice_pin, _("Pinned.") if pinned else _("Unpinned."), pinned=pinned
    )


def notice_pdf(request, pk: int):
    notice = _notice(request, pk)
    pdf = render_pdf("documents/pdf/notice.html", {"notice": notice})
    return pdf_response(pdf, f"{notice.title[:60]}.pdf")


def home_panel(request) -> str:
    """The home page's panel of current notices (pinned first), unread ones marked."""
    if not request.user.is_authenticated:
        return ""
    notices = list(
        selectors.current_notices_for(request.user)
        .select_related("published_by")
        .order_by("-pinned", "-published_at")[:6]
    )
    return render_to_string(
        "documents/partials/_home_notices.html", {"notices": notices}, request=request
    )
