from django.urls import path

from .views import arrangements, desk, log, rollcall, visits, watchlist

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
    path("visits/<int:pk>/visitors/new/", visits.visitor_add, name="visitor_add"),
    path("visitors/<int:pk>/check-in/", desk.check_in, name="check_in"),
    path("visitors/<int:pk>/check-out/", desk.check_out, name="check_out"),
    path(
        "visits/<int:pk>/arrangements/new/",
        arrangements.arrangement_create,
        name="arrangement_create",
    ),
    path("arrangements/<int:pk>/", arrangements.arrangement_detail, name="arrangement_detail"),
    path("arrangements/<int:pk>/edit/", arrangements.arrangement_edit, name="arrangement_edit"),
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
    path("roll-call/", rollcall.roll_call_index, name="roll_call"),
    path("roll-call/now.pdf", rollcall.roll_call_now_pdf, name="roll_call_now_pdf"),
    path("roll-call/start/", rollcall.roll_call_start, name="roll_call_start"),
    path("roll-call/<int:pk>/", rollcall.roll_call_detail, name="roll_call_detail"),
    path("roll-call/<int:pk>/roll-call.pdf", rollcall.roll_call_pdf, name="roll_call_pdf"),
    path("roll-call/<int:pk>/close/", rollcall.roll_call_close, name="roll_call_close"),
    path("roll-call/entries/<int:pk>/safe/", rollcall.roll_call_mark, name="roll_call_mark"),
    path("watch-list/", watchlist.watch_list, name="watch_list"),
    path("watch-list/<int:pk>/remove/", watchlist.watch_entry_remove, name="watch_entry_remove"),
]
