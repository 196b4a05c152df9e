from django.urls import path

from . import views

app_name = "chronicle"

urlpatterns = [
    path("", views.index, name="index"),
    path("year.pdf", views.year_pdf, name="year_pdf"),
    path("suggestions/", views.suggestions, name="suggestions"),
    path("new/", views.entry_create, name="create"),
    path("<int:pk>/", views.entry, name="entry"),
    path("<int:pk>/discard/", views.discard, name="discard"),
]
