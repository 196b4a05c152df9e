"""Uploads: size limit, type by content (not only by name), server-made names, served as
attachments. Apps subclass AttachmentBase and call validate_upload in their forms."""

import os
import uuid

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

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
            original_name=os.path.basename(upload.name)[:200],
            size=upload.size,
            uploaded_by=by,
            **fields,
        )


def attachment_response(attachment: AttachmentBase) -> FileResponse:
    """Always a download (Content-Disposition: attachment), never rendered inline."""
    return FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name
    )
