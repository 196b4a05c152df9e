"""Role × level × view: 内部 is need to know (the office, the director, the people named in
the workflow and the heads of the departments it was assigned to); 秘密 / 机密 only for the
director and the access list; everyone else gets 404 — in lists, search, page, PDF,
attachment, to-do and its counts alike."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import AccessLog, Circulation, IncomingAttachment, Instruction
from office import todo
from tests.factories import DepartmentFactory, UserFactory

from .factories import IncomingFactory, OutgoingFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# leader: a 批示 was asked of them (呈批); head: heads the co-handler's department;
# outsider: a member of staff the document does not concern.
ROLES = [
    "director",
    "clerk",
    "leader",
    "handler",
    "co_handler",
    "head",
    "reader",
    "listed",
    "outsider",
]
LEVELS = ["public", "internal", "secret", "confidential"]
VIEWS = ["list", "detail", "search", "pdf", "attachment", "todo", "count"]
# Who has the document in a to-do list at all: the reader (待阅) and the handlers (待办).
IN_TODO = ("reader", "handler", "co_handler")


def can_see(role, level):
    if level == "public":
        return True
    if level == "internal":
        return role != "outsider"
    return role in ("director", "listed")


@pytest.fixture
def people(director, clerk, supervisor, staff, other_staff):
    head = UserFactory(username="head", name="处长")
    return {
        "director": director,
        "clerk": clerk,
        "leader": UserFactory(username="deputy", name="分管领导"),
        "handler": supervisor,
        "co_handler": UserFactory(
            username="cohandler", department=DepartmentFactory(code="it", head=head)
        ),
        "head": head,
        "reader": staff,
        "listed": other_staff,
        "outsider": UserFactory(username="outsider", name="无关人员"),
    }


def make_incoming(level, people):
    registrar = people["clerk"] if level in ("public", "internal") else people["director"]
    document = IncomingFactory(
        title="关于值班安排的通知",
        security_level=level,
        registered_by=registrar,
        status="handling",
        proposal="拟请领导阅示。",
        proposed_by=registrar,
        lead_handler=people["handler"],
        access=[people["listed"]],
    )
    document.co_handlers.add(people["co_handler"])
    Instruction.objects.create(
        document=document, leader=people["leader"], status="given", text="同意。"
    )
    Circulation.objects.create(document=document, reader=people["reader"], sent_by=registrar)
    IncomingAttachment.from_upload(
        SimpleUploadedFile("扫描件.pdf", PDF_BYTES, "application/pdf"),
        by=registrar,
        document=document,
    ).save()
    return document


def visible(client, view, document, user):
    if view == "list":
        return document.title in client.get(reverse("documents:incoming_list")).content.decode()
    if view == "search":
        response = client.get(reverse("documents:search"), {"q": "值班"})
        return document.number in response.content.decode()
    if view == "todo":
        inbox = todo.inbox_for(user)
        items = inbox["todo"]["items"] + inbox["toread"]["items"]
        return any(item.url == document.get_absolute_url() for item in items)
    if view == "count":
        inbox = todo.inbox_for(user)
        return inbox["todo"]["count"] + inbox["toread"]["count"] > 0
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
    user = people[role]
    client = client_for(user)
    seen = {view: visible(client, view, document, user) for view in VIEWS}
    expected = can_see(role, level)
    in_todo = expected and role in IN_TODO
    assert seen == {
        **dict.fromkeys(VIEWS, expected),
        "todo": in_todo,
        "count": in_todo,
    }
    logged = AccessLog.objects.filter(incoming=document, user=user)
    if level in ("secret", "confidential") and expected:
        assert set(logged.values_list("what", flat=True)) == {"page", "pdf", "attachment"}
    else:
        assert not logged.exists()


OUTGOING_ROLES = ["director", "clerk", "supervisor", "staff", "listed"]


def can_see_outgoing(role, level):
    return level in ("public", "internal") or role in ("director", "listed")


@pytest.fixture
def outgoing_people(director, clerk, supervisor, staff, other_staff):
    return {
        "director": director,
        "clerk": clerk,
        "supervisor": supervisor,
        "staff": staff,
        "listed": other_staff,
    }


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("role", OUTGOING_ROLES)
def test_outgoing_matrix(role, level, outgoing_people, client_for):
    people = outgoing_people
    document = OutgoingFactory(
        title="值班工作规定",
        status="issued",
        number="办发〔2026〕9号",
        security_level=level,
        drafted_by=people["director"],
        access=[people["listed"]],
    )
    client = client_for(people[role])
    expected = can_see_outgoing(role, level)
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


def test_unsigned_drafts_are_working_papers(outgoing_people, client_for):
    people = outgoing_people
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
