"""The one PDF renderer: Django template -> WeasyPrint -> bytes.

Fonts: the CSS names its faces explicitly (static/office/pdf/*.css). Besides the system's
fonts (fontconfig), the Fandol faces that Debian ships inside texlive-lang-chinese (仿宋, 楷体,
黑体, 宋体; outside fontconfig's directories) are added to one font configuration per thread,
which is reused across renders (building it costs more than a small PDF). The URL fetcher
serves only the project's own static files; any other URL (file:, http:, data:, paths
outside static) is refused, so a template cannot make it read the disk or the network.
"""

import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import HTML
from weasyprint.text.ffi import ffi, fontconfig, pangoft2
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Debian's texlive-lang-chinese installs the Fandol OpenType faces here (GPL with the font
# exception); fontconfig does not look there by itself.
FANDOL_DIR = Path("/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol")
FANDOL_FACES = (
    "FandolFang-Regular.otf",
    "FandolHei-Regular.otf",
    "FandolKai-Regular.otf",
    "FandolSong-Regular.otf",
    "FandolSong-Bold.otf",
)

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


# In-memory resources a render is given (a sealed PDF's seal image, never a file on a public
# URL): `inline_url(name)` in the template, `resources={name: (bytes, mime)}` to the render.
INLINE_PREFIX = f"{STATIC_BASE}__inline__/"


def inline_url(name: str) -> str:
    return f"{INLINE_PREFIX}{name}"


class StaticOnlyFetcher(URLFetcher):
    def __init__(self, *args, resources: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.resources = resources or {}

    def fetch(self, url, headers=None):
        if url.startswith(INLINE_PREFIX):
            name = url[len(INLINE_PREFIX) :]
            if name not in self.resources:
                raise ForbiddenResource(url)
            body, mime = self.resources[name]
            return URLFetcherResponse(url, body, {"Content-Type": mime})
        path = static_path(url)
        with open(path, "rb") as handle:
            body = handle.read()
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime})


_local = threading.local()


def font_config() -> FontConfiguration:
    """This thread's font configuration: the system fonts plus the Fandol faces."""
    config = getattr(_local, "font_config", None)
    if config is None:
        config = FontConfiguration()
        added = False
        for name in FANDOL_FACES:
            path = FANDOL_DIR / name
            if path.exists():
                added |= bool(fontconfig.FcConfigAppFontAddFile(config._config, bytes(path)))
        if added:
            pangoft2.pango_fc_font_map_config_changed(ffi.cast("PangoFcFontMap *", config.font_map))
        _local.font_config = config
    return config


def layout_html(html: str, *, resources: dict | None = None):
    """Lay the HTML out into pages (a WeasyPrint Document) without writing the PDF yet;
    `resources` {name: (bytes, mime)} are the in-memory files `inline_url(name)` names."""
    fetcher = StaticOnlyFetcher(resources=resources)
    return HTML(string=html, base_url=STATIC_BASE, url_fetcher=fetcher).render(
        font_config=font_config()
    )


def write_pdf(document) -> bytes:
    return document.write_pdf()


def render_pdf(template_name: str, context: dict | None = None) -> bytes:
    return write_pdf(layout_html(render_to_string(template_name, context or {})))


def pdf_response(pdf: bytes, filename: str, *, download: bool = False) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(download, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
