"""What a page offers: its forms (fields, kinds, current values) and its links, read with
html.parser the way a browser would submit them."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit


@dataclass
class Field:
    name: str
    kind: str  # input type, "select", "textarea", "submit"
    value: str = ""
    choices: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    action: str  # path, no query
    method: str
    query: str
    fields: dict[str, Field] = field(default_factory=dict)
    multipart: bool = False
    page: str = ""

    def signature(self) -> tuple:
        return (self.action, self.method, tuple(sorted(self.fields)))


class _Parser(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Field | None = None
        self._option: str | None = None
        self._textarea: Field | None = None

    def _url(self, value: str | None) -> str:
        return urljoin(self.base, value or self.base)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        for attr in ("href", "hx-get", "hx-post", "action", "formaction"):
            if a.get(attr) and not a[attr].startswith(("#", "mailto:", "javascript:")):
                self.links.append(self._url(a[attr]))
        if tag == "form":
            parts = urlsplit(self._url(a.get("action")))
            self._form = Form(
                action=parts.path,
                method=(a.get("method") or "get").lower(),
                query=parts.query,
                multipart="multipart" in a.get("enctype", ""),
                page=self.base,
            )
            self.forms.append(self._form)
            return
        form = self._form
        if form is None or "name" not in a or tag not in ("input", "select", "textarea", "button"):
            if tag == "option" and self._select is not None:
                self._option = a.get("value")
                if "selected" in a and self._option is not None:
                    self._select.value = self._option
            return
        name, kind = a["name"], (a.get("type") or "text").lower()
        if name == "csrfmiddlewaretoken":
            return
        if tag == "select":
            self._select = form.fields.setdefault(name, Field(name, "select"))
            self._select.multiple = "multiple" in a
            return
        if tag == "textarea":
            self._textarea = form.fields.setdefault(name, Field(name, "textarea"))
            return
        if tag == "button":
            kind = "submit"
        existing = form.fields.get(name)
        if kind in ("radio", "checkbox", "submit"):
            entry = existing or form.fields.setdefault(name, Field(name, kind, ""))
            entry.choices.append(a.get("value", "on"))
            if "checked" in a and not entry.value:
                entry.value = a.get("value", "on")
            return
        if existing is None:
            form.fields[name] = Field(name, kind, a.get("value", ""))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "option":
            if self._select is not None and self._option is not None:
                self._select.choices.append(self._option)
            self._option = None
        elif tag == "textarea":
            self._textarea = None


def read_page(path: str, html: str) -> tuple[list[Form], list[str]]:
    """(forms, links) of a page at `path`; links are absolute paths with their query."""
    parser = _Parser("http://testserver" + path)
    parser.feed(html)
    links = []
    for url in parser.links:
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver"):
            links.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return parser.forms, links


def query_names(link: str) -> set[str]:
    return {name for name, _value in parse_qsl(urlsplit(link).query, keep_blank_values=True)}
