"""Request-wide helpers: the client's address for audit() and axes, and security headers."""

import ipaddress
from contextvars import ContextVar

from office.conf import setting

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


def valid_ip(value) -> str | None:
    """The address in canonical form, or None if `value` is not one address (inet would fail)."""
    if not isinstance(value, str):
        return None
    try:
        address = ipaddress.ip_address(value.strip().split("%", 1)[0])  # no IPv6 zone in inet
    except ValueError:
        return None
    return str(address)


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = n the X-Forwarded-For entry n hops from the right.

    Only the entries our own proxies appended can be believed: everything to their left is
    whatever the client sent. A missing, short or malformed header falls back to REMOTE_ADDR.
    """
    remote = valid_ip(request.META.get("REMOTE_ADDR"))
    try:
        trusted = int(setting("TRUSTED_PROXY_COUNT", 0, int))
    except (TypeError, ValueError):
        trusted = 0
    if trusted <= 0:
        return remote
    hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < trusted:
        return remote
    return valid_ip(hops[-trusted]) or remote


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)


def same_origin_navigation(request) -> bool:
    """True if this request came from the portal's own pages, a bookmark or a typed address.

    Opening a record may record a read receipt; a link or image on another site must not.
    Browsers send Sec-Fetch-Site; without it (older browsers) a Referer from another host
    is the tell, and a request with neither is taken as typed.
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in {"same-origin", "none"}
    referer = request.headers.get("Referer")
    if not referer:
        return True
    from django.utils.http import url_has_allowed_host_and_scheme

    return url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


# No page uses these; QR codes are shown, never scanned through the camera.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "serial",
        "usb",
    )
)


class SecurityHeadersMiddleware:
    """Permissions-Policy on every response; no-store on whatever a signed-in user is sent.

    Pages, confidential PDFs, attachments and exports must not stay in a shared browser's or
    proxy's cache. A view that chose its own Cache-Control keeps it. Static files never get
    here (WhiteNoise answers them first, with far-future caching).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store"
        return response
