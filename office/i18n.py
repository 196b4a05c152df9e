"""Text written later in the reader's language: a msgid and its parameters, stored as JSON.

A notification is read (inbox), mailed and posted (webhook) in its recipient's language, not
in the language of whoever caused it. So services hand `notify()` the English msgid and its
parameters instead of a translated string:

    notify(title=Message(gettext_noop("Invitation: %(title)s"), title=meeting.title),
           body=[Message(gettext_noop("At %(start)s"), start=when(meeting.start, "Y-m-d l")),
                 gettext_lazy("Please reply.")], ...)

A parameter may be plain text or a number (shown as is), a lazy string or a `Message`
(translated when shown), or a date / time (`when(value, format)`; a bare date or datetime uses
DATE_FORMAT / DATETIME_FORMAT), formatted in the reader's language: 星期三 / Wednesday.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import Promise


class Message:
    """A msgid (optionally with a gettext context) and its parameters, rendered on demand."""

    def __init__(self, msgid, /, *, context: str = "", **params):
        if isinstance(msgid, Promise):  # gettext_lazy / pgettext_lazy: keep the msgid itself
            msgid, context = lazy_msgid(msgid, context)
        self.msgid, self.context, self.params = str(msgid), context, params

    def render(self) -> str:
        """In the active language."""
        if self.context:
            text = translation.pgettext(self.context, self.msgid)
        else:
            text = translation.gettext(self.msgid)
        if not self.params:
            return text
        return text % {key: _render_param(value) for key, value in self.params.items()}

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict:
        data = {"m": self.msgid, "p": {k: _encode_param(v) for k, v in self.params.items()}}
        if self.context:
            data["c"] = self.context
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Message":
        message = cls(data["m"], context=data.get("c", ""))
        message.params = {k: _decode_param(v) for k, v in data.get("p", {}).items()}
        return message


class When:
    """A date or time formatted in the reader's language (Django date format characters)."""

    def __init__(self, value: datetime.date, fmt: str = ""):
        self.value = value
        self.fmt = fmt or ("DATETIME_FORMAT" if isinstance(value, datetime.datetime) else "")
        self.fmt = self.fmt or "DATE_FORMAT"

    def render(self) -> str:
        value = self.value
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            value = timezone.localtime(value)
        return date_format(value, self.fmt)


def when(value: datetime.date, fmt: str = "") -> When:
    return When(value, fmt)


def lazy_msgid(text: Promise, context: str = "") -> tuple[str, str]:
    """The msgid (and context) a gettext_lazy / pgettext_lazy proxy was made from."""
    args = getattr(text, "_args", ())
    if len(args) == 1 and isinstance(args[0], str):
        return args[0], context
    if len(args) == 2 and all(isinstance(a, str) for a in args):
        return args[1], args[0]
    return str(text), context


def _encode_param(value):
    if isinstance(value, Message):
        return {"m": value.to_json()}
    if isinstance(value, Promise):
        msgid, context = lazy_msgid(value)
        return {"m": Message(msgid, context=context).to_json()}
    if isinstance(value, When):
        return {"d": value.value.isoformat(), "f": value.fmt, "t": _is_datetime(value.value)}
    if isinstance(value, datetime.date):
        return _encode_param(When(value))
    if value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)


def _is_datetime(value) -> bool:
    return isinstance(value, datetime.datetime)


def _decode_param(value):
    if isinstance(value, dict):
        if "m" in value:
            return Message.from_json(value["m"])
        if "d" in value:
            parse = datetime.datetime if value.get("t") else datetime.date
            return When(parse.fromisoformat(value["d"]), value.get("f", ""))
    return value


def _render_param(value):
    if isinstance(value, (Message, When)):
        return value.render()
    return "" if value is None else value


# Text as notify() and reminder_schedule() take it: a plain string (already written, kept as
# is), a lazy string, a Message, or a list of these (joined by line breaks).
def encode_text(value) -> list:
    parts = value if isinstance(value, (list, tuple)) else [value]
    encoded = []
    for part in parts:
        if part is None or part == "":
            continue
        if isinstance(part, (Message, Promise)):
            encoded.append((part if isinstance(part, Message) else Message(part)).to_json())
        else:
            encoded.append(str(part))
    return encoded


def render_text(encoded: Iterable, language: str | None = None) -> str:
    """Encoded text in `language` (the active one when None)."""
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return "\n".join(
            Message.from_json(part).render() if isinstance(part, dict) else str(part)
            for part in encoded
        )


def needs_rendering(value) -> bool:
    parts = value if isinstance(value, (list, tuple)) else [value]
    return any(isinstance(part, (Message, Promise)) for part in parts)


def user_language(user) -> str:
    """The language a person reads in: the one they last chose, else the portal's."""
    language = getattr(user, "language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
