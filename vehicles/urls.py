from django.urls import path

from . import views

app_name = "vehicles"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.trip_create, name="create"),
    path("trips/<int:pk>/", views.trip_detail, name="trip"),
    path("trips/<int:pk>/approve/", views.trip_approve, name="approve"),
    path("trips/<int:pk>/return/", views.trip_return, name="return"),
    path("trips/<int:pk>/cancel/", views.trip_cancel, name="cancel"),
    path("trips/<int:pk>/dispatch/", views.trip_dispatch, name="dispatch"),
    path("trips/<int:pk>/reassign/", views.trip_reassign, name="reassign"),
    path("trips/<int:pk>/record/", views.trip_complete, name="complete"),
    path("trips/<int:pk>/dispatch.pdf", views.dispatch_pdf, name="dispatch_pdf"),
    path("fleet/", views.fleet, name="fleet"),
    path("fleet/vehicles/new/", views.vehicle_edit, name="vehicle_create"),
    path("fleet/vehicles/<int:pk>/", views.vehicle_detail, name="vehicle"),
    path("fleet/vehicles/<int:pk>/edit/", views.vehicle_edit, name="vehicle_edit"),
    path("fleet/drivers/new/", views.driver_edit, name="driver_create"),
    path("fleet/drivers/<int:pk>/", views.driver_edit, name="driver_edit"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
]
