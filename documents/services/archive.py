"""Archiving (归档) after DA/T 22-2015: item numbers per year, retention and category."""

from django.db import transaction
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from documents import permissions as can
from documents.conf import fonds_code
from documents.models import ArchiveRecord, IncomingDocument, OutgoingDocument
from office.errors import DomainError, require_actor
from office.services import audit

from .numbering import next_serial


def archive_code(*, fonds: str, year: int, retention: str, category: str, item: int) -> str:
    """档号: 全宗号-年度-保管期限代码-机构(问题)代码-件号, e.g. Z001-2026-Y-BGS-0001."""
    return f"{fonds}-{year}-{retention}-{category}-{item:04d}"


@transaction.atomic
def document_archive(
    *, document, by, retention: str, category: str, pages: int = 1, note: str = ""
) -> ArchiveRecord:
    """Archive a completed incoming or issued outgoing document; it is read-only afterwards."""
    require_actor(can.is_clerk(by))
    model = type(document)
    document = model.objects.select_for_update().get(pk=document.pk)
    document.require_transition(
        "archived", _("Only a completed or issued document can be archived.")
    )
    category = category.strip().upper()
    if not category:
        raise DomainError(_("Give the organisation or category code."))
    if isinstance(document, IncomingDocument):
        responsible, when, link = document.source_org, document.received_at, "incoming"
        doc_number = document.source_number
    elif isinstance(document, OutgoingDocument):
        responsible, when, link = document.issuer, document.signed_at, "outgoing"
        doc_number = document.number
    else:  # pragma: no cover - a programming error, not user input
        raise TypeError(model)
    year = localtime(when).year
    item = next_serial(series=f"archive:{retention}:{category}", year=year)
    fonds = fonds_code()
    record = ArchiveRecord.objects.create(
        **{link: document},
        fonds=fonds,
        year=year,
        retention=retention,
        category=category,
        item_number=item,
        archive_code=archive_code(
            fonds=fonds, year=year, retention=retention, category=category, item=item
        ),
        responsible=responsible,
        doc_number=doc_number,
        title=document.title,
        doc_date=localtime(when).date(),
        pages=pages,
        security_level=document.security_level,
        note=note,
        archived_by=by,
    )
    document.status = "archived"
    document.save(update_fields=["status", "updated_at"])
    audit(
        actor=by,
        verb="documents.archived",
        target=document,
        data={"archive_code": record.archive_code},
    )
    return record
