"""Role × level × view: 秘密 / 机密 only for the director and the access list, 404 elsewhere."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import AccessLog, Circulation, IncomingAttachment
from office import todo

from .factories import IncomingFactory, OutgoingFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = ["director", "clerk", "supervisor", "staff", "listed"]
LEVELS = ["public", "internal", "secret", "confidential"]
VIEWS = ["list", "detail", "search", "pdf", "attachment", "todo"]


def can_see(role, level):
    return level in ("public", "internal") or role in ("director", "listed")


@pytest.fixture
def people(director, clerk, supervisor, staff, other_staff):
    return {
        "director": director,
        "clerk": clerk,
        "supervisor": supervisor,
        "staff": staff,
        "listed": other_staff,
    }


def make_incoming(level, people):
    registrar = people["clerk"] if level in ("public", "internal") else people["director"]
    document = IncomingFactory(
        title="关于值班安排的通知",
        security_level=level,
        registered_by=registrar,
        status="handling",
        access=[people["listed"]],
    )
    IncomingAttachment.from_upload(
        SimpleUploadedFile("扫描件.pdf", PDF_BYTES, "application/pdf"),
        by=registrar,
        document=document,
    ).save()
    for role in ROLES:
        Circulation.objects.create(document=document, reader=people[role], sent_by=registrar)
    return document


def visible(client, view, document):
    if view == "list":
        return document.title in client.get(reverse("documents:incoming_list")).content.decode()
    if view == "search":
        response = client.get(reverse("documents:search"), {"q": "值班"})
        return document.number in response.content.decode()
    if view == "todo":
        return any(
            item.url == document.get_absolute_url()
            for item in todo.inbox_for(client.user)["toread"]["items"]
        )
    url = {
        "detail": document.get_absolute_url(),
        "pdf": reverse("documents:incoming_pdf", args=[document.pk]),
        "attachment": document.attachments.first().get_absolute_url(),
    }[view]
    status = client.get(url).status_code
    assert status in (200, 404)
    return status == 200


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", ROLES)
def test_incoming_matrix(role, level, people, client_for):
    document = make_incoming(level, people)
    # The clerk of a secret document here is not its registrar and is not on the list.
    if level not in ("public", "internal"):
        document.access_list.remove(people["clerk"])
    client = client_for(people[role])
    client.user = people[role]
    seen = {view: visible(client, view, document) for view in VIEWS}
    expected = can_see(role, level)
    assert seen == dict.fromkeys(VIEWS, expected)
    logged = AccessLog.objects.filter(incoming=document, user=people[role])
    if level in ("secret", "confidential") and expected:
        assert set(logged.values_list("what", flat=True)) == {"page", "pdf", "attachment"}
    else:
        assert not logged.exists()


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", ROLES)
def test_outgoing_matrix(role, level, people, client_for):
    document = OutgoingFactory(
        title="值班工作规定",
        status="issued",
        number="办发〔2026〕9号",
        security_level=level,
        drafted_by=people["director"],
        access=[people["listed"]],
    )
    client = client_for(people[role])
    expected = can_see(role, level)
    listed = document.title in client.get(reverse("documents:outgoing_list")).content.decode()
    found = (
        document.number in client.get(reverse("documents:search"), {"q": "值班"}).content.decode()
    )
    detail = client.get(document.get_absolute_url()).status_code
    pdf = client.get(reverse("documents:outgoing_pdf", args=[document.pk])).status_code
    sheet = client.get(reverse("documents:outgoing_sheet_pdf", args=[document.pk])).status_code
    assert (listed, found) == (expected, expected)
    assert {detail, pdf, sheet} == ({200} if expected else {404})


def test_the_director_sees_who_opened_a_secret_document(people, client_for):
    document = make_incoming("secret", people)
    client_for(people["listed"]).get(document.get_absolute_url())
    page = client_for(people["director"]).get(reverse("documents:access_log")).content.decode()
    assert "other" in page and document.title in page
    assert client_for(people["listed"]).get(reverse("documents:access_log")).status_code == 403


def test_unsigned_drafts_are_working_papers(people, client_for):
    draft = OutgoingFactory(status="draft", drafted_by=people["clerk"], security_level="public")
    assert client_for(people["staff"]).get(draft.get_absolute_url()).status_code == 404
    assert client_for(people["director"]).get(draft.get_absolute_url()).status_code == 200


def test_only_the_director_keeps_the_access_list(clerk, director, staff, other_staff):
    from documents.services import access_grant, access_revoke
    from office.errors import NotAllowed

    document = IncomingFactory(registered_by=clerk, security_level="secret", access=[staff])
    with pytest.raises(NotAllowed):
        access_grant(document=document, user=other_staff, by=clerk)
    with pytest.raises(NotAllowed):
        access_revoke(document=document, user=staff, by=clerk)
    assert list(document.access_list.all()) == [staff]
    access_grant(document=document, user=other_staff, by=director)
    access_revoke(document=document, user=staff, by=director)
    assert list(document.access_list.all()) == [other_staff]
