from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.i18n import set_language

from office.health import health_response


@login_not_required
def healthz(request):
    """Served by office.health.HealthCheckMiddleware; the route keeps the URL name."""
    return health_response()


@login_not_required  # the language switch must work on the login page too
def set_language_view(request):
    """Django's switch; a signed-in person's choice is also stored, so what the portal sends
    them (notifications, e-mails, webhooks) is written in it (office.i18n.user_language)."""
    response = set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if (
        request.method == "POST"
        and user.is_authenticated
        and language in dict(settings.LANGUAGES)
        and user.language != language
    ):
        user.language = language
        user.save(update_fields=["language"])
    return response


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_500(request):
    return render(request, "500.html", status=500)


def error_400(request, exception=None):
    return render(request, "400.html", status=400)
