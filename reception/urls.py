from django.urls import path

from .views import arrangements, desk, log, visits, watchlist

app_name = "reception"

urlpatterns = [
    path("", visits.index, name="index"),
    path("visits/new/", visits.visit_register, name="visit_register"),
    path("walk-in/", visits.walk_in, name="walk_in"),
    path("visits/<int:pk>/", visits.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", visits.visit_edit, name="visit_edit"),
    path("visits/<int:pk>/cancel/", visits.visit_cancel, name="visit_cancel"),
    path("visits/<int:pk>/no-show/", visits.visit_no_show, name="visit_no_show"),
    path("visits/<int:pk>/badges.pdf", desk.badge_pdf, name="badge_pdf"),
    path("visitors/<int:pk>/check-in/", desk.check_in, name="check_in"),
    path("visitors/<int:pk>/check-out/", desk.check_out, name="check_out"),
    path(
        "visits/<int:pk>/arrangements/new/",
        arrangements.arrangement_create,
        name="arrangement_create",
    ),
    path("arrangements/<int:pk>/", arrangements.arrangement_detail, name="arrangement_detail"),
    path(
        "arrangements/<int:pk>/approve/",
        arrangements.arrangement_approve,
        name="arrangement_approve",
    ),
    path(
        "arrangements/<int:pk>/reject/", arrangements.arrangement_reject, name="arrangement_reject"
    ),
    path(
        "arrangements/<int:pk>/complete/",
        arrangements.arrangement_complete,
        name="arrangement_complete",
    ),
    path(
        "arrangements/<int:pk>/cancel/", arrangements.arrangement_cancel, name="arrangement_cancel"
    ),
    path("log/", log.visit_log, name="log"),
    path("log/export.xlsx", log.visit_log_export, name="log_export"),
    path("summary/", log.daily_summary, name="summary"),
    path("watch-list/", watchlist.watch_list, name="watch_list"),
    path("watch-list/<int:pk>/remove/", watchlist.watch_entry_remove, name="watch_entry_remove"),
]
