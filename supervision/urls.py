from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.task_create, name="task_create"),
    path("items/<int:pk>/", views.task_detail, name="task_detail"),
    path("items/<int:pk>/accept/", views.task_accept, name="task_accept"),
    path("items/<int:pk>/report/", views.task_report, name="task_report"),
    path("items/<int:pk>/complete/", views.task_complete, name="task_complete"),
    path("items/<int:pk>/verify/", views.task_verify, name="task_verify"),
    path("items/<int:pk>/send-back/", views.task_return, name="task_return"),
    path("items/<int:pk>/cancel/", views.task_cancel, name="task_cancel"),
    path("items/<int:pk>/chase/", views.task_chase, name="task_chase"),
    path("items/<int:pk>/reply/", views.task_reply, name="task_reply"),
    path("items/<int:pk>/note/", views.task_note, name="task_note"),
    path("items/<int:pk>/split/", views.task_split, name="task_split"),
    path("items/<int:pk>/pdf/", views.task_pdf, name="task_pdf"),
    path("chase/", views.board_chase, name="board_chase"),
    path("items/<int:pk>/extension/", views.extension_request, name="extension_request"),
    path("extensions/<int:pk>/decide/", views.extension_decide, name="extension_decide"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("statistics/", views.statistics, name="statistics"),
    path("circulars/", views.circular_list, name="circular_list"),
    path("circulars/new/", views.circular_request, name="circular_request"),
    path("circular/<int:year>/<int:month>/pdf/", views.circular_pdf, name="circular_pdf"),
]
