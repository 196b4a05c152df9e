from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from office.login import AdminLoginForm, LoginView
from office.views import home, notifications, search, system

admin.site.login_form = AdminLoginForm  # the admin's sign-in has the portal's checks

urlpatterns = [
    path("", home.home, name="home"),
    path("profile/", home.profile, name="profile"),
    path(
        "profile/calendar-token/", home.calendar_token_regenerate, name="calendar_token_regenerate"
    ),
    path("calendar/<str:token>.ics", home.calendar_feed, name="calendar_feed"),
    path("files/<int:pk>/", home.generated_file, name="generated_file"),
    path("search/", search.portal_search, name="search"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/<int:pk>/", notifications.notification_open, name="notification_open"),
    path(
        "notifications/read-all/",
        notifications.notification_mark_all_read,
        name="notifications_read_all",
    ),
    path("healthz", system.healthz, name="healthz"),
    path("i18n/setlang/", system.set_language_view, name="set_language"),
    path("accounts/login/", LoginView.as_view(), name="login"),  # bounded, rate-limited
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("supervision/", include("supervision.urls")),
    path("documents/", include("documents.urls")),
    path("meetings/", include("meetings.urls")),
    path("reception/", include("reception.urls")),
    path("duty/", include("duty.urls")),
    path("seals/", include("seals.urls")),
    path("vehicles/", include("vehicles.urls")),
    path("supplies/", include("supplies.urls")),
    path("petitions/", include("petitions.urls")),
    path("schedule/", include("schedule.urls")),
    path("chronicle/", include("chronicle.urls")),
]

handler400 = "office.views.system.error_400"
handler403 = "office.views.system.error_403"
handler404 = "office.views.system.error_404"
handler500 = "office.views.system.error_500"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
