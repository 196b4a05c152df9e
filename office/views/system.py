import redis
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language


@login_not_required
@never_cache
def healthz(request):
    """Liveness for load balancers: database and broker reachability, version."""
    result = {"version": settings.VERSION, "database": {"vendor": connection.vendor}}
    try:
        with connection.cursor() as cursor:
            cursor.execute("select 1")
        result["database"]["ok"] = True
    except Exception as exc:  # reported, not raised: this page must answer
        result["database"].update(ok=False, error=type(exc).__name__)
    try:
        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2).ping()
        result["broker"] = {"ok": True}
    except Exception as exc:
        result["broker"] = {"ok": False, "error": type(exc).__name__}
    ok = result["database"]["ok"] and result["broker"]["ok"]
    result["status"] = "ok" if ok else "degraded"
    return JsonResponse(result, status=200 if ok else 503)


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
