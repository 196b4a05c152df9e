from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/reject/", views.reject, name="reject"),
    path("<int:pk>/notice.pdf", views.notice_pdf, name="notice_pdf"),
    path("<int:pk>/notice-sent/", views.notice_sent, name="notice_sent"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/extension/", views.extension_request, name="extension"),
    path("<int:pk>/extension/<int:approve>/", views.extension_decide, name="extension_decide"),
    path("<int:pk>/satisfaction/", views.satisfaction, name="satisfaction"),
    path("<int:pk>/review/", views.review_request, name="review"),
    path("<int:pk>/review/result/", views.review_record, name="review_result"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics.xlsx", views.statistics_xlsx, name="statistics_xlsx"),
]
