"""One rule of who sees an item: its people; read only, whoever may open its source; an item
from a 秘密/机密 source only the source's readers, its owner and co-owners."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from supervision.models import Task
from supervision.selectors import tasks_for, todo_to_verify
from supervision.statistics import statistics_for
from tests.documents.factories import IncomingFactory
from tests.factories import UserFactory
from tests.supervision.factories import TaskFactory

BOARD = reverse("supervision:index")


def _from(document, **kwargs) -> Task:
    return TaskFactory(
        source_kind=Task.SourceKind.INSTRUCTION,
        source_type=ContentType.objects.get_for_model(document),
        source_id=document.pk,
        source_label=str(document),
        **kwargs,
    )


@pytest.fixture
def secret_item(director, clerk, staff, other_staff):
    document = IncomingFactory(
        title="关于绝密工程的批示", security_level="secret", registered_by=clerk, access=[clerk]
    )
    return _from(
        document, title="落实绝密工程", assigned_by=director, owner=staff, co_owners=[other_staff]
    )


def test_a_secret_sourced_item_is_404_to_a_supervisor_who_cannot_open_the_source(
    client_for, supervisor, secret_item
):
    client = client_for(supervisor)
    assert client.get(secret_item.get_absolute_url()).status_code == 404
    board = client.get(BOARD, {"q": "绝密"}).content.decode()
    assert "落实绝密工程" not in board
    assert "落实绝密工程" not in client.get(BOARD).content.decode()
    assert statistics_for(supervisor)["overall"].total == 0
    assert not tasks_for(supervisor).filter(pk=secret_item.pk).exists()


def test_a_secret_sourced_item_is_seen_by_the_sources_readers_owner_and_co_owners(
    client_for, director, clerk, staff, other_staff, secret_item
):
    for person in (director, clerk, staff, other_staff):
        page = client_for(person).get(secret_item.get_absolute_url())
        assert page.status_code == 200 and "落实绝密工程" in page.content.decode()


def test_a_secret_sourced_item_is_not_to_verify_for_a_supervisor_who_cannot_see_it(
    supervisor, secret_item
):
    Task.objects.filter(pk=secret_item.pk).update(status=Task.Status.COMPLETION_REQUESTED)
    assert not todo_to_verify(supervisor).exists()


def test_readers_of_an_internal_source_see_its_item_read_only(client_for, director, staff):
    reader = UserFactory(username="reader")  # registered it: may open it, no part in the item
    document = IncomingFactory(title="一般来文", registered_by=reader, access=[reader])
    item = _from(document, title="落实一般来文", assigned_by=director, owner=staff)
    page = client_for(reader).get(item.get_absolute_url())
    assert page.status_code == 200
    text = page.content.decode()
    assert "落实一般来文" in text and 'id="chase-form"' not in text
    # on the document's page, the reader's link opens
    assert item in tasks_for(reader)


def test_an_adhoc_item_stays_with_its_people(client_for, outsider, task):
    assert client_for(outsider).get(task.get_absolute_url()).status_code == 404
    assert not tasks_for(outsider).exists()


def test_the_document_page_lists_only_items_the_viewer_may_open(client_for, director, clerk, staff):
    document = IncomingFactory(title="来文", registered_by=clerk, access=[clerk])
    visible = _from(document, title="看得见的事项", assigned_by=director, owner=staff)
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert "看得见的事项" in page and visible.get_absolute_url() in page
    assert client_for(clerk).get(visible.get_absolute_url()).status_code == 200


def test_a_supervisor_cannot_chase_or_instruct_a_secret_sourced_item(supervisor, secret_item):
    from office.errors import NotAllowed
    from supervision.models import Note
    from supervision.services import note_add, tasks_chase

    with pytest.raises(NotAllowed):
        tasks_chase(task_ids=[secret_item.pk], by=supervisor, text="催办")
    with pytest.raises(NotAllowed):
        note_add(task_id=secret_item.pk, by=supervisor, kind="comment", text="意见")
    assert not Note.objects.exists()


def test_an_item_keeps_whether_its_source_is_restricted(secret_item, clerk, staff, other_staff):
    # Issue 17: every scoped query reads this column instead of a subquery over the 秘密/机密
    # documents; it is set when the item is made (service, split or factory alike).
    assert secret_item.source_restricted
    plain = _from(IncomingFactory(title="一般来文", registered_by=clerk), owner=staff)
    assert not plain.source_restricted
    from supervision.services import task_split

    part = {"owner": other_staff, "title": "分解", "deadline": secret_item.deadline}
    [child] = task_split(task_id=secret_item.pk, by=staff, parts=[part])
    assert child.source_restricted


def test_the_scoped_query_reads_the_flag(supervisor):
    assert '"supervision_task"."source_restricted"' in str(tasks_for(supervisor).query)
