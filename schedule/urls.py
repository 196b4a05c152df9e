from django.urls import path

from . import views

app_name = "schedule"

urlpatterns = [
    path("", views.index, name="index"),
    path("week.pdf", views.week_pdf, name="week_pdf"),
    path("publish/", views.publish, name="publish"),
    path("entries/new/", views.entry_edit, name="entry_create"),
    path("entries/<int:pk>/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("leaders/", views.leaders, name="leaders"),
    path("leaders/<int:pk>/remove/", views.leader_remove, name="leader_remove"),
]
