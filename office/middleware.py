"""Keeps the current request's client address where audit() can read it."""

from contextvars import ContextVar

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def client_ip(request) -> str | None:
    # Behind a proxy the README asks for X-Forwarded-For to be set by the proxy itself.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    return (
        (forwarded.split(",")[0].strip() or None) if forwarded else request.META.get("REMOTE_ADDR")
    )


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
