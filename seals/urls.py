from django.urls import path

from .views import loans, register, requests, uses, verify

app_name = "seals"

urlpatterns = [
    path("", register.index, name="index"),
    path("new/", register.seal_create, name="seal_create"),
    path("<int:pk>/", register.seal_detail, name="seal_detail"),
    path("<int:pk>/edit/", register.seal_edit, name="seal_edit"),
    path("<int:pk>/image/", register.seal_image, name="seal_image"),
    path("<int:pk>/retire/", register.seal_retire, name="seal_retire"),
    path("<int:pk>/lend/", loans.loan_new, name="loan_new"),
    path("requests/", requests.request_list, name="request_list"),
    path("requests/new/", requests.request_new, name="request_new"),
    path("requests/<int:pk>/", requests.request_detail, name="request_detail"),
    path(
        "requests/<int:pk>/<str:decision>/decide/",
        requests.request_decide,
        name="request_decide",
    ),
    path("requests/<int:pk>/cancel/", requests.request_cancel, name="request_cancel"),
    path("requests/<int:pk>/apply/", requests.request_apply, name="request_apply"),
    path("requests/<int:pk>/sealed.pdf", requests.sealed_pdf, name="sealed_pdf"),
    path("requests/<int:pk>/file/", requests.request_upload, name="request_upload"),
    path("uses/", uses.use_list, name="use_list"),
    path("uses/register.xlsx", uses.use_xlsx, name="use_xlsx"),
    path("uses/register.pdf", uses.use_pdf, name="use_pdf"),
    path("loans/", loans.loan_list, name="loan_list"),
    path("loans/<int:pk>/", loans.loan_detail, name="loan_detail"),
    path("loans/<int:pk>/return/", loans.loan_return, name="loan_return"),
    path("verify/", verify.verify, name="verify"),
]
