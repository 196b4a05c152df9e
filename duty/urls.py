from django.urls import path

from . import views

app_name = "duty"

urlpatterns = [
    path("", views.index, name="index"),
    path("now/", views.my_shift, name="my_shift"),
    path("board/", views.board, name="board"),
    path("reminders/", views.reminders, name="reminders"),
    path("roster/", views.roster, name="roster"),
    path("roster/pdf/", views.roster_pdf, name="roster_pdf"),
    path("roster/xlsx/", views.roster_xlsx, name="roster_xlsx"),
    path("roster/generate/", views.roster_generate, name="roster_generate"),
    path("setup/", views.setup, name="setup"),
    path("shifts/<int:pk>/", views.shift_detail, name="shift_detail"),
    path("shifts/<int:pk>/assign/", views.assignment_add, name="assignment_add"),
    path("shifts/<int:pk>/log/", views.log_add, name="log_add"),
    path("shifts/<int:pk>/incident/", views.incident_add, name="incident_add"),
    path("shifts/<int:pk>/spend/", views.spend_add, name="spend_add"),
    path("shifts/<int:pk>/handover/", views.handover_file, name="handover_file"),
    path("assignments/<int:pk>/remove/", views.assignment_remove, name="assignment_remove"),
    path("assignments/<int:pk>/swap/", views.swap_create, name="swap_create"),
    path("log/", views.log_list, name="log_list"),
    path("log/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path(
        "incidents/<int:pk>/acknowledge/", views.incident_acknowledge, name="incident_acknowledge"
    ),
    path("incidents/<int:pk>/resolve/", views.incident_resolve, name="incident_resolve"),
    path("spending/", views.spend_list, name="spend_list"),
    path("spending/<int:pk>/", views.spend_detail, name="spend_detail"),
    path(
        "spending/<int:pk>/<str:decision>/",
        views.spend_decide,
        name="spend_decide",
    ),
    path("handovers/", views.handover_list, name="handover_list"),
    path("handovers/<int:pk>/", views.handover_detail, name="handover_detail"),
    path("handovers/<int:pk>/edit/", views.handover_edit, name="handover_edit"),
    path("handovers/<int:pk>/accept/", views.handover_accept, name="handover_accept"),
    path("handovers/<int:pk>/dispute/", views.handover_dispute, name="handover_dispute"),
    path("handovers/<int:pk>/pdf/", views.handover_pdf, name="handover_pdf"),
    path("swaps/", views.swap_list, name="swap_list"),
    path("swaps/<int:pk>/", views.swap_detail, name="swap_detail"),
    path("swaps/<int:pk>/<str:action>/", views.swap_act, name="swap_act"),
]
