"""Uploads: office containers checked by their own manifest, long names keep their
extension, one limit on the number of files per field."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from office.uploads import MultipleFileField, short_name, validate_upload

CT = "application/vnd.openxmlformats-officedocument.{}.main+xml"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _ooxml(part: str, kind: str) -> bytes:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{part}" ContentType="{CT.format(kind)}"/></Types>'
    )
    return _zip({"[Content_Types].xml": types.encode(), part: b"<x/>", "_rels/.rels": b"<r/>"})


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


DOCX = _ooxml("word/document.xml", "wordprocessingml.document")
PPTX = _ooxml("ppt/presentation.xml", "presentationml.presentation")
PLAIN_ZIP = _zip({"readme.txt": b"hello", "data.bin": b"\x00" * 10})


def _upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("报告.docx", DOCX),
        ("统计.xlsx", _xlsx()),
        ("汇报.pptx", PPTX),
        ("公文.ofd", _zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<d/>"})),
    ],
)
def test_real_office_files_are_accepted(name, content):
    validate_upload(_upload(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("报告.docx", PLAIN_ZIP),
        ("统计.xlsx", PLAIN_ZIP),
        ("汇报.pptx", PLAIN_ZIP),
        ("公文.ofd", PLAIN_ZIP),
        ("报告.docx", _xlsx()),  # a workbook renamed
        ("统计.xlsx", DOCX),
        ("公文.ofd", _zip({"Doc_0/OFD.xml": b"<x/>"})),  # not at the root
        (
            "报告.docx",
            _zip({"[Content_Types].xml": b"<!DOCTYPE x [<!ENTITY a 'b'>]><Types/>"}),
        ),
    ],
)
def test_a_renamed_zip_is_refused(name, content):
    with pytest.raises(ValidationError, match="does not match|不符"):
        validate_upload(_upload(name, content))


def test_the_upload_can_be_read_again_after_the_check():
    upload = _upload("报告.docx", DOCX)
    validate_upload(upload)
    assert upload.read() == DOCX


def test_a_long_name_is_cut_but_keeps_its_extension():
    name = "关" * 300 + ".docx"
    short = short_name(name, 200)
    assert len(short) == 200 and short.endswith(".docx")
    assert short_name("short.pdf") == "short.pdf"
    assert short_name("../../etc/passwd.txt") == "passwd.txt"


def test_one_limit_on_the_number_of_files(settings):
    settings.UPLOAD_MAX_FILES = 2
    field = MultipleFileField(allowed={"txt"})
    files = [_upload(f"{n}.txt", b"text") for n in range(3)]
    with pytest.raises(ValidationError, match="2"):
        field.clean(files)
    assert len(field.clean(files[:2])) == 2
