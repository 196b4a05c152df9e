"""The one PDF renderer: Django template -> WeasyPrint -> bytes.

Fonts: the CSS names a CJK font explicitly (static/office/pdf/base.css). The URL fetcher
serves only the project's own static files; any other URL (file:, http:, data:, paths
outside static) is refused, so a template cannot make it read the disk or the network.
"""

import mimetypes
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Every PDF is rendered with this base URL; the fetcher maps it to static files and never
# goes to the network (.invalid is a reserved name that resolves nowhere).
STATIC_BASE = "https://static.invalid/"


class ForbiddenResource(Exception):
    pass


def static_path(url: str) -> str:
    """The file behind `x` or `/static/x` (resolved against STATIC_BASE); refuse all else."""
    parsed = urlparse(url)
    if f"{parsed.scheme}://{parsed.netloc}/" == STATIC_BASE and not parsed.query:
        relative = unquote(parsed.path).lstrip("/")
        prefix = settings.STATIC_URL.lstrip("/")
        if relative.startswith(prefix):  # "/static/x" resolved against the base URL
            relative = relative[len(prefix) :]
    else:
        raise ForbiddenResource(f"PDF resources must be static files, not {url!r}")
    if not relative or ".." in relative.split("/"):
        raise ForbiddenResource(url)
    path = finders.find(relative)
    if not path:
        raise ForbiddenResource(f"no static file {relative!r}")
    return path


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        path = static_path(url)
        with open(path, "rb") as handle:
            body = handle.read()
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime})


def render_pdf(template_name: str, context: dict | None = None) -> bytes:
    html = render_to_string(template_name, context or {})
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=StaticOnlyFetcher()).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, download: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(download, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
