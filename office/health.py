"""GET /healthz for load balancers and orchestrators.

Answered by the first middleware, before the host check and the HTTPS redirect: a probe talks
plain HTTP to the process's own address, which is neither in ALLOWED_HOSTS nor behind TLS.
It reveals nothing but reachability and the version.
"""

import redis
from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

PATH = "/healthz"


def health_response() -> JsonResponse:
    """Database and broker reachability and the version; 503 when either is down."""
    result = {"version": settings.VERSION, "database": {"vendor": connection.vendor}}
    try:
        with connection.cursor() as cursor:
            cursor.execute("select 1")
        result["database"]["ok"] = True
    except Exception as exc:  # reported, not raised: this page must answer
        result["database"].update(ok=False, error=type(exc).__name__)
    try:
        redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_timeout=2, socket_connect_timeout=2
        ).ping()
        result["broker"] = {"ok": True}
    except Exception as exc:
        result["broker"] = {"ok": False, "error": type(exc).__name__}
    ok = result["database"]["ok"] and result["broker"]["ok"]
    result["status"] = "ok" if ok else "degraded"
    response = JsonResponse(result, status=200 if ok else 503)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    """First in MIDDLEWARE: /healthz never meets ALLOWED_HOSTS or SECURE_SSL_REDIRECT."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
