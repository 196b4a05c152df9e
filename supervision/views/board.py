"""The board (督办台账): every item the user may see, filtered, with its light."""

from django.db.models import Count, OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from office import datacache
from office.pagination import paginate
from office.roles import has_role
from office.views.actions import action

from .. import permissions as perms
from ..filters import PRIMARY_FILTERS, TaskFilter
from ..forms import TaskForm
from ..models import Note, board_order
from ..selectors import board_for
from ..services import task_create_from

PAGE_SIZE = 50


def index(request):
    """Filters in the query string (bookmarkable); htmx swaps only the results.

    Kept until the next write or the next minute (office.datacache; the lights move with
    the date), per browser: the results carry the bulk 催办 form."""
    only_results = bool(request.htmx) and not request.htmx.boosted
    part = "_board_results" if only_results else "_board"
    html = datacache.rendered(
        request,
        f"supervision.board:{part}?{request.GET.urlencode()}",
        f"supervision/partials/{part}.html",
        lambda: _board_context(request),
        with_csrf=True,
    )
    if only_results:
        return HttpResponse(html)
    return render(request, "supervision/index.html", {"body": html})


def _board_context(request) -> dict:
    filters = TaskFilter(request.GET or None, queryset=board_for(request.user))
    query = request.GET.copy()
    query.pop("page", None)
    chases = (
        Note.objects.filter(task=OuterRef("pk"), kind=Note.Kind.CHASE)
        .order_by()
        .values("task")
        .annotate(n=Count("pk"))
        .values("n")
    )
    tasks = filters.qs.order_by(*board_order()).annotate(chases=Subquery(chases))
    form = filters.form
    return {
        "filters": filters,
        "primary_fields": [form[name] for name in PRIMARY_FILTERS],
        "more_fields": [field for field in form if field.name not in PRIMARY_FILTERS],
        "more_open": any(
            request.GET.get(field.name) for field in form if field.name not in PRIMARY_FILTERS
        ),
        "page": paginate(request, tasks, PAGE_SIZE),
        "query": query.urlencode(),
        "can_file": perms.can_file(request.user),
        "can_chase": has_role(request.user, "supervisor", "director"),
        "light_red": request.GET.get("light") == "red",
    }


def task_create(request):
    """Clerks, supervisors and the director file ad-hoc items (other sources file their own)."""
    return action(
        request,
        allowed=perms.can_file(request.user),
        form=TaskForm(request.POST or None),
        perform=lambda data: task_create_from(
            source=None,
            source_kind=data["source_kind"],
            source_label=data["source_label"],
            title=data["title"],
            description=data["description"],
            owner=data["owner"],
            owner_department=data["owner_department"],
            co_owners=list(data["co_owners"]),
            deadline=data["deadline"],
            assigned_by=request.user,
            priority=data["priority"],
            report_cycle=data["report_cycle"],
        ),
        success=_("The item has been filed and its owner told."),
        redirect_to=lambda task: task,
        page=lambda form: render(request, "supervision/task_form.html", {"form": form}),
    )
