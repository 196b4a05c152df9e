"""Uploads: size limit, type by content (not only by name), server-made names, served as
attachments. Apps subclass AttachmentBase and call validate_upload in their forms."""

import logging
import os
import uuid
import xml.etree.ElementTree as ElementTree
import zipfile

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from office.conf import setting

# extension -> MIME types its content may be sniffed as
ALLOWED_TYPES = {
    "pdf": {"application/pdf"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
    "gif": {"image/gif"},
    "tif": {"image/tiff"},
    "tiff": {"image/tiff"},
    "docx": {
        "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    },
    "xlsx": {
        "application/zip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    "pptx": {
        "application/zip",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    },
    "ofd": {"application/zip"},  # 版式文档 OFD is a zip container
    "doc": {"application/x-ole-storage", "application/msword"},
    "xls": {"application/x-ole-storage", "application/vnd.ms-excel"},
    "zip": {"application/zip"},
    "txt": {"text/plain"},
}


def validate_upload(upload, *, allowed: set[str] | None = None, max_bytes: int | None = None):
    """Raise ValidationError (translated) unless the file's size, name and content agree."""
    max_bytes = max_bytes or settings.UPLOAD_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB."),
            params={"size": round(upload.size / 1048576, 1), "limit": max_bytes // 1048576},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    allowed = allowed or set(ALLOWED_TYPES)
    if extension not in allowed or extension not in ALLOWED_TYPES:
        raise ValidationError(
            _("Files of type “%(ext)s” are not accepted. Accepted: %(allowed)s."),
            params={"ext": extension or "?", "allowed": ", ".join(sorted(allowed))},
            code="bad_extension",
        )
    head = upload.read(8192)
    upload.seek(0)
    if extension == "txt":
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if len(head) < 8192:  # a cut multi-byte character at the end is fine
                raise ValidationError(_("The text file is not UTF-8."), code="bad_content") from exc
        return
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES[extension]:
        raise ValidationError(
            _("The file's content does not match its name (.%(ext)s)."),
            params={"ext": extension},
            code="bad_content",
        )
    if extension in CONTAINERS and not _is_container(upload, extension):
        raise ValidationError(
            _("The file's content does not match its name (.%(ext)s)."),
            params={"ext": extension},
            code="bad_content",
        )


# A .docx/.xlsx/.pptx is a zip whose [Content_Types].xml names its main part; an .ofd (GB/T
# 33190) a zip with OFD.xml at its root. Any other zip renamed is refused.
OOXML_MAIN_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
CONTAINERS = {*OOXML_MAIN_TYPES, "ofd"}
_CONTENT_TYPES_MAX = 1024 * 1024
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _is_container(upload, extension: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension == "ofd":
                return "OFD.xml" in names
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > _CONTENT_TYPES_MAX:
                return False
            manifest = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError):
        return False
    finally:
        upload.seek(0)
    if b"<!DOCTYPE" in manifest.upper():  # no entities to expand
        return False
    try:
        root = ElementTree.fromstring(manifest)
    except ElementTree.ParseError:
        return False
    main = OOXML_MAIN_TYPES[extension]
    parts = {
        override.get("PartName", "").lstrip("/")
        for override in root.iter(f"{_CT}Override")
        if override.get("ContentType") == main
    }
    return bool(parts & names)


def max_files() -> int:
    """How many files one upload field takes at a time (UPLOAD_MAX_FILES, default 10)."""
    return setting("UPLOAD_MAX_FILES", 10, int)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads in one field: at most max_files(), each through validate_upload."""

    widget = MultipleFileInput

    def __init__(self, *, allowed: set[str] | None = None, **kwargs):
        self.allowed = allowed
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > max_files():
            raise ValidationError(
                _("At most %(count)s files at a time."),
                params={"count": max_files()},
                code="too_many",
            )
        cleaned = [super(MultipleFileField, self).clean(upload, initial) for upload in files]
        for upload in cleaned:
            validate_upload(upload, allowed=self.allowed)
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned


def short_name(name: str, limit: int = 200) -> str:
    """The original file name cut to `limit` characters, keeping its extension."""
    name = os.path.basename(name or "")
    if len(name) <= limit:
        return name
    stem, extension = os.path.splitext(name)
    extension = extension[:20]
    return stem[: limit - len(extension)] + extension


def upload_path(instance, filename: str) -> str:
    """A server-made name; the original name is kept on the record, never on disk."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"uploads/{instance._meta.app_label}/{now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class AttachmentBase(models.Model):
    file = models.FileField(_("file"), upload_to=upload_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    @classmethod
    def from_upload(cls, upload, *, by, **fields):
        """An unsaved attachment for a validated upload."""
        return cls(
            file=upload,
            original_name=short_name(upload.name, 200),
            size=upload.size,
            uploaded_by=by,
            **fields,
        )


def open_stored(field_file):
    """A stored file opened for reading. One missing from storage (media not restored with
    the database, a disk swapped) is a 404 and an error in the log for the operator, not a
    500 for the person who clicked."""
    try:
        return field_file.open("rb")
    except FileNotFoundError:
        logging.getLogger("office.uploads").error("stored file missing: %s", field_file.name)
        raise Http404(_("The file is missing from storage; the office has been told.")) from None


def stored_file_response(field_file, filename: str) -> FileResponse:
    """A stored file as a download (Content-Disposition: attachment), never rendered inline."""
    response = FileResponse(open_stored(field_file), as_attachment=True, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_response(attachment: AttachmentBase) -> FileResponse:
    return stored_file_response(attachment.file, attachment.original_name)
