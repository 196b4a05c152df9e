"""Choices shared by incoming and outgoing documents, the serial counter and the access log."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Func
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SecurityLevel(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    SECRET = "secret", _("Secret")
    CONFIDENTIAL = "confidential", _("Confidential")


# 秘密 / 机密: the director and the document's access list only; every opening is logged.
RESTRICTED_LEVELS = (SecurityLevel.SECRET, SecurityLevel.CONFIDENTIAL)


class Urgency(models.TextChoices):
    NORMAL = "normal", pgettext_lazy("documents", "Normal")
    URGENT = "urgent", pgettext_lazy("documents", "Urgent")
    EXTRA_URGENT = "extra_urgent", _("Extra urgent")


class DocumentKind(models.TextChoices):
    """The 15 kinds of official document (党政机关公文处理工作条例 art. 8), and other."""

    RESOLUTION = "resolution", _("Resolution")
    DECISION = "decision", pgettext_lazy("documents", "Decision")
    ORDER = "order", _("Order")
    COMMUNIQUE = "communique", _("Communiqué")
    ANNOUNCEMENT = "announcement", _("Announcement")
    PUBLIC_NOTICE = "public_notice", _("Public notice")
    OPINION = "opinion", _("Opinion")
    NOTICE = "notice", _("Notice")
    BULLETIN = "bulletin", _("Bulletin")
    REPORT = "report", _("Report")
    REQUEST = "request", _("Request for instructions")
    REPLY = "reply", _("Reply")
    MOTION = "motion", _("Motion")
    LETTER = "letter", _("Letter")
    SUMMARY = "summary", _("Minutes summary")
    OTHER = "other", _("Other")


class SerialCounter(models.Model):
    """The last number handed out in a series and year; locked with SELECT FOR UPDATE so
    numbers are gap-free and unique under concurrency (the number is taken in the same
    transaction that saves the document: a rollback gives the number back)."""

    series = models.CharField(_("series"), max_length=60)
    year = models.PositiveIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="serial_once_per_year")
        ]
        verbose_name = _("serial counter")
        verbose_name_plural = _("serial counters")

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last}"


class AccessLog(models.Model):
    """One opening of a 秘密 / 机密 document, its PDF or an attachment: who and when."""

    class What(models.TextChoices):
        PAGE = "page", _("Document page")
        PDF = "pdf", _("PDF")
        ATTACHMENT = "attachment", _("Attachment")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    incoming = models.ForeignKey(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_logs",
    )
    outgoing = models.ForeignKey(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="access_logs",
    )
    what = models.CharField(_("opened"), max_length=12, choices=What.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("confidential access")
        verbose_name_plural = _("confidential accesses")

    def __str__(self) -> str:
        return f"{self.user_id} {self.what} {self.opened_at:%Y-%m-%d %H:%M}"

    @property
    def document(self):
        return self.incoming or self.outgoing


class DocumentBase(models.Model):
    """What incoming and outgoing documents share: number, title, kind, level, access list."""

    year = models.PositiveIntegerField(_("year"), null=True, blank=True, db_index=True)
    serial = models.PositiveIntegerField(_("serial"), null=True, blank=True)
    number = models.CharField(_("number"), max_length=60, blank=True)
    title = models.CharField(pgettext_lazy("documents", "title"), max_length=200)
    kind = models.CharField(
        pgettext_lazy("documents", "kind"), max_length=20, choices=DocumentKind.choices
    )
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    security_level = models.CharField(
        _("security level"),
        max_length=20,
        choices=SecurityLevel.choices,
        default=SecurityLevel.INTERNAL,
        db_index=True,
    )
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    access_list = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("access list"),
        blank=True,
        related_name="+",
        help_text=_("Who may see a secret or confidential document besides the director."),
    )
    created_at = models.DateTimeField(
        pgettext_lazy("documents", "created at"), auto_now_add=True, db_index=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_restricted(self) -> bool:
        return self.security_level in RESTRICTED_LEVELS

    @property
    def is_archived(self) -> bool:
        return self.status == "archived"


def search_grams(text: str) -> list[str]:
    """The grams a search term must all have: itself if one character, else its overlapping
    two-character grams (the document side is documents_search_grams() in SQL: every 1- and
    2-character gram, as Lucene's CJK bigram analyzer does, whitespace left out)."""
    if len(text) == 1:
        return [text]
    grams = {text[i : i + 2] for i in range(len(text) - 1)}
    return sorted(gram for gram in grams if not any(char.isspace() for char in gram))


class SearchableMixin(models.Model):
    """`search_text` holds the searchable fields upper-cased, kept in step on every save;
    `search_grams`, generated from it by PostgreSQL, holds its 1- and 2-character grams in a
    GIN index: a one- or two-character Chinese term (会议, 值班), which no trigram index can
    narrow, is an index lookup, and a longer one needs all its bigrams and then a LIKE on the
    few rows that have them (documents.selectors.text_match)."""

    SEARCH_FIELDS: tuple[str, ...] = ()

    search_text = models.TextField(editable=False, blank=True, default="")
    search_grams = models.GeneratedField(
        expression=Func(
            F("search_text"),
            function="documents_search_grams",
            output_field=ArrayField(models.TextField()),
        ),
        output_field=ArrayField(models.TextField()),
        db_persist=True,
        editable=False,
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.SEARCH_FIELDS):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        # Stored upper-cased so a search is a plain LIKE: PostgreSQL's upper() on every row
        # of CJK text would cost more than the scan itself.
        return "\n".join(str(getattr(self, field) or "") for field in self.SEARCH_FIELDS).upper()


def gram_index(prefix: str) -> GinIndex:
    """The GIN index over search_grams (array containment: search_grams @> '{会议}')."""
    return GinIndex(fields=["search_grams"], name=f"{prefix}_search_grams")
