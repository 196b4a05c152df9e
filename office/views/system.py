from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.i18n import set_language

from office.health import health_response


@login_not_required
def healthz(request):
    """Served by office.health.HealthCheckMiddleware; the route keeps the URL name."""
    return health_response()


# The language switch must work on the login page too.
set_language_view = login_not_required(set_language)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_500(request):
    return render(request, "500.html", status=500)


def error_400(request, exception=None):
    return render(request, "400.html", status=400)
