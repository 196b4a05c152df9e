from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("items/<int:pk>/", views.task_detail, name="task_detail"),
]
