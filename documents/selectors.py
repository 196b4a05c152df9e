"""Every read of documents goes through these, scoped to the user (out of scope -> 404).

Confidentiality (DESIGN.md): incoming documents as incoming_for says (内部 is need to know);
outgoing 公开 / 内部 — every member of staff; 秘密 / 机密 — the director and the document's
access list only. Outgoing drafts are working papers: until signed they
are seen by the drafter, the office (clerk, director) and the drafting department's head.
"""

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When

from office.models import User
from office.people import people

from .models import (
    AccessLog,
    Circulation,
    Countersign,
    Distribution,
    IncomingDocument,
    Instruction,
    Notice,
    NoticeRead,
    OutgoingDocument,
)
from .models.common import SecurityLevel, search_grams
from .permissions import is_clerk, is_director, is_office

OPEN_LEVELS = ("public", "internal")


def _on_access_list(model, user) -> Q:
    """pk IN (the user's access-list rows): PostgreSQL hashes the small list once. (A
    correlated EXISTS ORed with the level is estimated so costly that it triggers JIT
    compilation: 0.6 s instead of 0.1 s for a count over 100,000 documents.)"""
    through = model.access_list.through
    column = f"{model._meta.model_name}_id"
    return Q(pk__in=through.objects.filter(user_id=user.pk).values(column))


def _level_scope(model, user) -> Q:
    if is_director(user):
        return Q()
    return Q(security_level__in=OPEN_LEVELS) | _on_access_list(model, user)


def _incoming_need_to_know(user) -> Q:
    """内部: the documents whose workflow names the user — registrar, proposer, a leader it
    was routed to (批示), lead or co-handler, reader — or that were assigned to a department
    the user heads. One UNION of index look-ups (an OR of joins would filter every row)."""
    through = IncomingDocument.co_handlers.through
    headed = User.objects.filter(department__head=user).values("pk")
    named = (
        IncomingDocument.objects.filter(lead_handler=user)
        .values("pk")
        .union(
            IncomingDocument.objects.filter(registered_by=user).values("pk"),
            IncomingDocument.objects.filter(proposed_by=user).values("pk"),
            IncomingDocument.objects.filter(instructed_by=user).values("pk"),
            Instruction.objects.filter(leader=user).values("document_id"),
            Circulation.objects.filter(reader=user).values("document_id"),
            through.objects.filter(user_id=user.pk).values("incomingdocument_id"),
            IncomingDocument.objects.filter(lead_handler__in=headed).values("pk"),
            through.objects.filter(user__in=headed).values("incomingdocument_id"),
        )
    )
    return Q(security_level=SecurityLevel.INTERNAL, pk__in=named)


def incoming_for(user) -> QuerySet[IncomingDocument]:
    """THE rule of who reads an incoming document (list, page, search, PDF, attachments,
    to-do and counts all start here): 公开 — everyone; 内部 — the registering office (clerks),
    the director and the people named in its workflow or heading a department it was
    assigned to; 秘密 / 机密 — the director and the access list."""
    if not user.is_authenticated:
        return IncomingDocument.objects.none()
    if is_director(user):
        return IncomingDocument.objects.all()
    if is_clerk(user):
        return IncomingDocument.objects.filter(_level_scope(IncomingDocument, user))
    # The ids first, as one UNION (公开, 内部 and named, on the access list): for a member of
    # staff that set is small, and the list, its count and search start from it (10 ms at
    # 30,000 documents; the same three conditions ORed made PostgreSQL test every row).
    through = IncomingDocument.access_list.through
    candidates = (
        IncomingDocument.objects.filter(security_level=SecurityLevel.PUBLIC)
        .values("pk")
        .union(
            IncomingDocument.objects.filter(_incoming_need_to_know(user)).values("pk"),
            through.objects.filter(user_id=user.pk).values("incomingdocument_id"),
        )
    )
    return IncomingDocument.objects.filter(pk__in=candidates)


def outgoing_for(user) -> QuerySet[OutgoingDocument]:
    if not user.is_authenticated:
        return OutgoingDocument.objects.none()
    scoped = OutgoingDocument.objects.filter(_level_scope(OutgoingDocument, user))
    if is_office(user):
        return scoped
    unsigned = (
        OutgoingDocument.Status.DRAFT,
        OutgoingDocument.Status.REVIEW,
        OutgoingDocument.Status.SIGNING,
    )
    return scoped.filter(
        ~Q(status__in=unsigned)
        | Q(drafted_by=user)
        | Q(department__head=user)
        | Q(pk__in=_countersigner_rows(user).values("document_id"))
        | _on_access_list(OutgoingDocument, user)
    )


def _countersigner_rows(user) -> QuerySet[Countersign]:
    return Countersign.objects.filter(Q(department__head=user) | Q(delegate=user))


def countersigns_awaiting(user) -> QuerySet[Countersign]:
    """会签 the user signs for a department, on documents submitted and not yet signed off."""
    if not user.is_authenticated:
        return Countersign.objects.none()
    return (
        _countersigner_rows(user)
        .filter(
            status=Countersign.Status.PENDING,
            document__status__in=(OutgoingDocument.Status.REVIEW, OutgoingDocument.Status.SIGNING),
            document__in=outgoing_for(user),
        )
        .select_related("document")
    )


def notices_for(user) -> QuerySet[Notice]:
    """Managers (clerk, director) see every notice; others the published ones meant for them."""
    if not user.is_authenticated:
        return Notice.objects.none()
    if is_office(user):
        return Notice.objects.all()
    audience = Q(to_all=True)
    if user.department_id:
        audience |= Q(departments=user.department_id)
    published = Notice.objects.filter(status=Notice.Status.PUBLISHED)
    # A department filter through the M2M can repeat rows: select by id instead.
    return Notice.objects.filter(pk__in=published.filter(audience).values("pk"))


def current_notices_for(user) -> QuerySet[Notice]:
    from django.utils.timezone import localdate

    read = NoticeRead.objects.filter(notice=OuterRef("pk"), user_id=user.pk)
    return (
        notices_for(user)
        .filter(status=Notice.Status.PUBLISHED)
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=localdate()))
        .annotate(is_read=Exists(read))
    )


def incoming_list(user, filters: dict | None = None) -> QuerySet[IncomingDocument]:
    """The incoming list: scoped, filtered, with what each row shows (no per-row queries)."""
    queryset = incoming_for(user).select_related("lead_handler")
    return apply_filters(queryset, filters or {})


def outgoing_list(user, filters: dict | None = None) -> QuerySet[OutgoingDocument]:
    queryset = outgoing_for(user).select_related("drafted_by", "department")
    return apply_filters(queryset, filters or {})


def text_match(term: str) -> Q:
    """Case-insensitive substring match through the gram index: a document has the term's
    grams (one lookup in search_grams' GIN index); only a term longer than two characters
    (or with a space) needs the LIKE on search_text (stored upper-cased, as the term is made)
    to tell "会议室" from "会议 ... 议室" among the few rows that have them all."""
    term = term.upper()
    grams = search_grams(term)
    exact = Q(search_text__contains=term)
    if not grams:
        return exact
    match = Q(search_grams__contains=grams)
    return match if grams == [term] else match & exact


def ranked(queryset: QuerySet, term: str) -> QuerySet:
    """Search results: the term in the title first, then elsewhere; newest first on ties."""
    in_title = Case(When(title__icontains=term, then=Value(1)), default=Value(0))
    return queryset.order_by(in_title.desc(), *queryset.model._meta.ordering)


FILTER_KEYS = ("kind", "status", "security_level", "year")


def apply_filters(queryset: QuerySet, filters: dict) -> QuerySet:
    """Filters come cleaned by a form (documents.forms.filters): values are valid choices."""
    term = (filters.get("q") or "").strip()
    if term:
        queryset = ranked(queryset.filter(text_match(term)), term)
    for key in FILTER_KEYS:
        if filters.get(key):
            queryset = queryset.filter(**{key: filters[key]})
    return queryset


def notice_list(user, filters: dict | None = None) -> QuerySet[Notice]:
    filters = filters or {}
    queryset = notices_for(user).select_related("published_by")
    term = (filters.get("q") or "").strip()
    if term:
        queryset = ranked(queryset.filter(text_match(term)), term)
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("year"):
        queryset = queryset.filter(published_at__year=filters["year"])
    return queryset


# Inbox sources (office.todo): each a scoped queryset of what awaits the user.


def awaiting_proposal(user):
    if not is_clerk(user):
        return IncomingDocument.objects.none()
    return incoming_for(user).filter(status=IncomingDocument.Status.REGISTERED)


def awaiting_instruction(user):
    """Submitted to the user (呈批) and the user's turn; for a director also what was proposed
    before 呈批 rows existed."""
    if not user.is_authenticated:
        return IncomingDocument.objects.none()
    mine = Instruction.objects.filter(leader=user, status=Instruction.Status.PENDING)
    asked = Q(pk__in=mine.values("document_id"))
    if is_director(user):
        asked |= ~Exists(Instruction.objects.filter(document=OuterRef("pk")))
    return incoming_for(user).filter(asked, status=IncomingDocument.Status.PROPOSED)


def my_handling(user):
    # The ids first, as a UNION of two index look-ups: "lead OR co-handler" written as one OR
    # made PostgreSQL filter every open document (440 ms at 100,000; 0.3 ms this way).
    mine = (
        IncomingDocument.objects.filter(lead_handler=user, result="")
        .values("pk")
        .union(
            IncomingDocument.co_handlers.through.objects.filter(user_id=user.pk).values(
                "incomingdocument_id"
            )
        )
    )
    return incoming_for(user).filter(
        pk__in=mine,
        status__in=(IncomingDocument.Status.INSTRUCTED, IncomingDocument.Status.HANDLING),
    )


def circulations_to_read(user):
    return Circulation.objects.filter(
        reader=user,
        read_at__isnull=True,
        document__in=incoming_for(user).filter(status__in=IncomingDocument.OPEN),
    ).select_related("document")


def awaiting_review(user):
    docs = outgoing_for(user).filter(status=OutgoingDocument.Status.REVIEW)
    if is_office(user):
        return docs if is_director(user) else docs.exclude(drafted_by=user)
    return docs.filter(department__head=user).exclude(drafted_by=user)


def awaiting_signoff(user):
    if not is_director(user):
        return OutgoingDocument.objects.none()
    return outgoing_for(user).filter(status=OutgoingDocument.Status.SIGNING)


def distributions_to_read(user):
    return Distribution.objects.filter(
        recipient=user, read_at__isnull=True, document__in=outgoing_for(user)
    ).select_related("document")


def notices_to_read(user):
    read = NoticeRead.objects.filter(notice=OuterRef("pk"), user_id=user.pk)
    return current_notices_for(user).exclude(Exists(read))


def access_log_for(user) -> QuerySet[AccessLog]:
    if not is_director(user):
        return AccessLog.objects.none()
    return AccessLog.objects.select_related("user", "incoming", "outgoing")


def staff_choices() -> QuerySet[User]:
    return people().select_related("department")  # no superusers (office.people)


def leader_choices() -> QuerySet[User]:
    """Whom a 拟办 may be submitted to (呈批): the directors and the heads of departments."""
    heads = User.objects.filter(headed_departments__isnull=False).values("pk")
    return (
        staff_choices()
        .filter(Q(groups__name="director") | Q(pk__in=heads), is_superuser=False)
        .distinct()
    )


def issued_for_chronicle(since) -> QuerySet[OutgoingDocument]:
    """Outgoing documents issued since `since` that the chronicle may name: 公开 / 内部 only,
    never a 秘密 / 机密 title (the chronicle's sweep suggests each once)."""
    return OutgoingDocument.objects.filter(
        status__in=[OutgoingDocument.Status.ISSUED, OutgoingDocument.Status.ARCHIVED],
        issued_at__gte=since,
        security_level__in=OPEN_LEVELS,
    ).order_by("issued_at", "pk")
