from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="index"),
    path("new/", views.meeting_create, name="create"),
    path("board/", views.board, name="board"),
    path("rooms/", views.room_list, name="rooms"),
    path("rooms/new/", views.room_edit, name="room_create"),
    path("rooms/<int:pk>/", views.room_edit, name="room_edit"),
    path("rooms/<int:pk>/deactivate/", views.room_deactivate, name="room_deactivate"),
    path("rooms/<int:pk>/door/renew/", views.room_door_renew, name="room_door_renew"),
    path("rooms/<int:pk>/door/<str:token>/", views.room_door, name="room_door"),
    path("afterwards/", views.meeting_record_afterwards, name="record_afterwards"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/edit/", views.meeting_edit, name="edit"),
    path("<int:pk>/schedule/", views.meeting_schedule, name="schedule"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/series/readd/", views.series_readd, name="series_readd"),
    path("<int:pk>/room-booking/", views.room_booking_decide, name="room_booking_decide"),
    path("<int:pk>/held/", views.meeting_held, name="held"),
    path("<int:pk>/guests/reception/", views.meeting_guests_preregister, name="guests_preregister"),
    path("<int:pk>/reply/", views.meeting_reply, name="reply"),
    path("<int:pk>/attendance/", views.attendance_record, name="attendance"),
    path("<int:pk>/materials/", views.material_upload, name="material_upload"),
    path("<int:pk>/materials/<int:material_pk>/", views.material_download, name="material"),
    path(
        "<int:pk>/materials/<int:material_pk>/delete/",
        views.material_delete,
        name="material_delete",
    ),
    path("<int:pk>/screen/", views.sign_in_screen, name="screen"),
    path("<int:pk>/sign-in/", views.sign_in, name="sign_in"),
    path("<int:pk>/minutes/", views.minutes_page, name="minutes"),
    path("<int:pk>/minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/minutes/return/", views.minutes_return, name="minutes_return"),
    path("<int:pk>/minutes/pdf/", views.minutes_pdf, name="minutes_pdf"),
]
