"""Registering with attachments: a count limit like supervision's; long names keep .pdf."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import IncomingAttachment, IncomingDocument

from .test_views import PDF_BYTES, register_post


def _pdf(name="扫描.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def test_too_many_attachments_show_the_form_and_save_nothing(clerk, client_for, settings):
    settings.UPLOAD_MAX_FILES = 3
    response = client_for(clerk).post(
        reverse("documents:incoming_register"),
        {**register_post(), "attachments": [_pdf(f"{n}.pdf") for n in range(4)]},
    )
    assert response.status_code == 200 and "最多" in response.content.decode()
    assert not IncomingDocument.objects.exists() and not IncomingAttachment.objects.exists()


def test_a_long_file_name_keeps_its_extension(clerk, client_for):
    name = "关于" + "很长的文件名" * 60 + ".pdf"
    client_for(clerk).post(
        reverse("documents:incoming_register"), {**register_post(), "attachments": _pdf(name)}
    )
    attachment = IncomingAttachment.objects.get()
    assert len(attachment.original_name) == 200 and attachment.original_name.endswith(".pdf")
