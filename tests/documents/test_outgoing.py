"""The outgoing workflow: transition table, versions, return reasons, numbering, issue."""

import pytest
from django.utils.timezone import localdate

from documents.models import Distribution, OutgoingDocument
from documents.services import (
    document_archive,
    outgoing_create,
    outgoing_issue,
    outgoing_return,
    outgoing_review,
    outgoing_sign,
    outgoing_submit,
    outgoing_update,
)
from office.errors import DomainError, NotAllowed
from office.models import AuditEvent, Notification

from .factories import OutgoingFactory

S = OutgoingDocument.Status
ALL = [s for s, _label in S.choices]
ALLOWED = {
    (S.DRAFT, S.REVIEW),
    (S.REVIEW, S.SIGNING),
    (S.REVIEW, S.DRAFT),
    (S.SIGNING, S.SIGNED),
    (S.SIGNING, S.DRAFT),
    (S.SIGNED, S.ISSUED),
    (S.ISSUED, S.ARCHIVED),
}


def step(document, target, clerk, director, by=None):
    """Drive the service that leads to `target`, as the one who takes that step or as `by`:
    the drafter submits, a clerk reviews, the director signs or returns, a clerk issues."""
    pk = document.pk
    if target == S.REVIEW:
        outgoing_submit(document_id=pk, by=by or document.drafted_by)
    elif target == S.SIGNING:
        outgoing_review(document_id=pk, by=by or clerk, note="文字已核")
    elif target == S.SIGNED:
        outgoing_sign(document_id=pk, by=by or director)
    elif target == S.DRAFT:
        outgoing_return(document_id=pk, by=by or director, reason="请补充经费来源")
    elif target == S.ISSUED:
        outgoing_issue(document_id=pk, by=by or clerk)
    elif target == S.ARCHIVED:
        document = OutgoingDocument.objects.get(pk=pk)
        document_archive(document=document, by=by or clerk, retention="D30", category="BGS")


@pytest.mark.parametrize(("source", "target"), [(s, t) for s in ALL for t in ALL if s != t])
def test_transition_table(source, target, clerk, director, staff):
    from django.utils.timezone import now

    document = OutgoingFactory(status=source, drafted_by=staff, signed_at=now())
    if (source, target) in ALLOWED:
        step(document, target, clerk, director)
        document.refresh_from_db()
        assert document.status == target
        assert AuditEvent.objects.filter(target_id=str(document.pk)).exists()
    else:
        with pytest.raises(DomainError):
            step(document, target, clerk, director)
        document.refresh_from_db()
        assert document.status == source


# Besides someone from another department, who else must be refused at each step.
ALSO_WRONG = {
    S.REVIEW: [],  # a clerk may submit a draft for the drafter
    S.SIGNING: ["staff"],  # the drafter never reviews their own draft
    S.SIGNED: ["clerk", "staff"],
    S.DRAFT: ["staff"],
    S.ISSUED: ["director", "staff"],
    S.ARCHIVED: ["director", "staff"],
}


@pytest.mark.parametrize(("source", "target"), [(s, t) for s in ALL for t in ALL if s != t])
def test_transition_table_refuses_the_wrong_actor(source, target, clerk, director, staff,
                                                  other_staff):  # fmt: skip
    from django.utils.timezone import now

    document = OutgoingFactory(status=source, drafted_by=staff, signed_at=now())
    people = {"clerk": clerk, "director": director, "staff": staff}
    for actor in [other_staff, *(people[name] for name in ALSO_WRONG[target])]:
        with pytest.raises(NotAllowed):
            step(document, target, clerk, director, by=actor)
    document.refresh_from_db()
    assert document.status == source
    assert not AuditEvent.objects.filter(target_id=str(document.pk)).exists()


def draft_data(**overrides):
    data = {
        "series": "ban",
        "title": "关于印发值班制度的通知",
        "kind": "notice",
        "urgency": "normal",
        "security_level": "internal",
        "main_recipients": "各处室",
        "copy_recipients": "局领导",
        "body": "各处室：\n现将值班制度印发给你们，请遵照执行。",
        "attachment_note": "值班制度",
        "keywords": "值班",
        "copies": 20,
    }
    return {**data, **overrides}


def test_every_text_change_keeps_a_version(clerk):
    document = outgoing_create(by=clerk, data=draft_data())
    outgoing_update(document_id=document.pk, by=clerk, data=draft_data(body="第二稿"))
    outgoing_update(document_id=document.pk, by=clerk, data=draft_data(body="第二稿", copies=5))
    versions = list(document.versions.order_by("number").values_list("number", "body"))
    assert versions == [(1, draft_data()["body"]), (2, "第二稿")]


def test_unknown_series_is_refused(clerk):
    with pytest.raises(DomainError):
        outgoing_create(by=clerk, data=draft_data(series="nope"))
    assert not OutgoingDocument.objects.exists()


def test_return_keeps_the_reason_and_goes_back_to_draft(clerk, director):
    document = OutgoingFactory(status=S.SIGNING, drafted_by=clerk)
    with pytest.raises(DomainError):
        outgoing_return(document_id=document.pk, by=director, reason="")
    outgoing_return(document_id=document.pk, by=director, reason="标题不规范")
    document.refresh_from_db()
    assert document.status == S.DRAFT and document.return_reason == "标题不规范"
    assert AuditEvent.objects.get(verb="documents.outgoing_returned").data["step"] == "signing"
    assert Notification.objects.filter(recipient=clerk, kind="documents.returned").exists()


def test_sign_off_numbers_per_series_and_year(clerk, director, settings):
    settings.DOCUMENTS_OUTGOING_SERIES = {"ban": "办发", "banhan": "办函"}
    year = localdate().year
    numbers = []
    for series in ("ban", "ban", "banhan", "ban"):
        document = OutgoingFactory(status=S.SIGNING, drafted_by=clerk, series=series)
        numbers.append(outgoing_sign(document_id=document.pk, by=director).number)
    assert numbers == [
        f"办发〔{year}〕1号",
        f"办发〔{year}〕2号",
        f"办函〔{year}〕1号",
        f"办发〔{year}〕3号",
    ]


def test_a_returned_and_resigned_document_keeps_no_gap(clerk, director):
    first = OutgoingFactory(status=S.SIGNING, drafted_by=clerk)
    outgoing_return(document_id=first.pk, by=director, reason="改")
    second = OutgoingFactory(status=S.SIGNING, drafted_by=clerk)
    assert outgoing_sign(document_id=second.pk, by=director).serial == 1


def test_issue_delivers_to_internal_inboxes(clerk, director, staff, other_staff):
    document = OutgoingFactory(
        status=S.SIGNED,
        drafted_by=clerk,
        number="办发〔2026〕1号",
        security_level="secret",
        access=[clerk],
    )
    document.internal_recipients.set([staff, other_staff])
    outgoing_issue(document_id=document.pk, by=clerk)
    assert set(Distribution.objects.values_list("recipient__username", flat=True)) == {
        "staff",
        "other",
    }
    assert Notification.objects.filter(recipient=staff, kind="documents.issued").exists()
    # Recipients of a secret document are put on its access list.
    assert set(document.access_list.all()) >= {staff, other_staff}
