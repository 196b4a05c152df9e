"""会签: the departments the drafter names sign before 签发, each with an opinion, shown on the
发文稿纸; 签发 is refused, saying which departments are missing, until all have signed."""

import pytest
from django.urls import reverse

from documents import selectors, services
from documents.models import Countersign, OutgoingDocument
from office import todo
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from tests.factories import DepartmentFactory, UserFactory
from tests.pdf import pdf_text

DATA = {
    "series": "ban",
    "title": "关于调整差旅费标准的通知",
    "kind": "notice",
    "urgency": "normal",
    "security_level": "internal",
    "main_recipients": "各处室",
    "copy_recipients": "",
    "body": "各处室：\n经研究，调整差旅费标准如下。",
    "attachment_note": "",
    "keywords": "",
    "copies": 10,
}


@pytest.fixture
def finance_head(db):
    return UserFactory(username="hugang", name="胡刚")


@pytest.fixture
def personnel_head(db):
    return UserFactory(username="huangtao", name="黄涛")


@pytest.fixture
def departments(finance_head, personnel_head):
    return [
        DepartmentFactory(code="fin", name="财务处", head=finance_head),
        DepartmentFactory(code="hr", name="人事处", head=personnel_head),
    ]


@pytest.fixture
def submitted(clerk, departments):
    document = services.outgoing_create(by=clerk, data=DATA, countersign_departments=departments)
    services.outgoing_submit(document_id=document.pk, by=clerk)
    return document


def row_of(document, head):
    return Countersign.objects.get(document=document, department__head=head)


def sign(document, head, opinion="同意。"):
    row = row_of(document, head)
    return services.countersign_sign(
        document_id=document.pk, countersign_id=row.pk, by=head, opinion=opinion
    )


def test_sign_off_waits_for_every_department(submitted, clerk, director, finance_head):
    services.outgoing_review(document_id=submitted.pk, by=director)
    sign(submitted, finance_head, "经费标准符合规定，同意。")
    with pytest.raises(TransitionNotAllowed) as refused:
        services.outgoing_sign(document_id=submitted.pk, by=director)
    assert "人事处" in str(refused.value) and "财务处" not in str(refused.value)
    submitted.refresh_from_db()
    assert submitted.status == "signing" and not submitted.number


def test_signed_off_once_all_have_signed(submitted, clerk, director, finance_head, personnel_head):
    services.outgoing_review(document_id=submitted.pk, by=director)
    sign(submitted, finance_head)
    sign(submitted, personnel_head, "人员安排无意见。")
    signed = services.outgoing_sign(document_id=submitted.pk, by=director)
    assert signed.status == "signed" and signed.number


def test_the_heads_see_the_draft_and_have_it_to_do(submitted, finance_head, client_for, staff):
    assert client_for(finance_head).get(submitted.get_absolute_url()).status_code == 200
    assert client_for(staff).get(submitted.get_absolute_url()).status_code == 404
    items = todo.inbox_for(finance_head)["todo"]["items"]
    assert [item.url for item in items] == [submitted.get_absolute_url()]
    sign(submitted, finance_head)
    assert not selectors.countersigns_awaiting(finance_head).exists()


def test_only_the_head_or_the_person_named_signs(submitted, staff, finance_head, departments):
    row = row_of(submitted, finance_head)
    with pytest.raises(NotAllowed):
        services.countersign_sign(
            document_id=submitted.pk, countersign_id=row.pk, by=staff, opinion="同意"
        )
    with pytest.raises(NotAllowed):  # only the head names who signs for the department
        services.countersign_delegate(
            document_id=submitted.pk, countersign_id=row.pk, by=staff, person=staff
        )
    services.countersign_delegate(
        document_id=submitted.pk, countersign_id=row.pk, by=finance_head, person=staff
    )
    services.countersign_sign(
        document_id=submitted.pk, countersign_id=row.pk, by=staff, opinion="代处长会签：同意。"
    )
    row.refresh_from_db()
    assert row.is_signed and row.signed_by == staff


def test_an_opinion_is_required_and_signing_is_once(submitted, finance_head):
    with pytest.raises(DomainError):
        sign(submitted, finance_head, "  ")
    sign(submitted, finance_head)
    with pytest.raises(TransitionNotAllowed):
        sign(submitted, finance_head, "再签一次")


def test_a_draft_not_yet_submitted_is_not_countersigned(clerk, departments, finance_head):
    document = services.outgoing_create(by=clerk, data=DATA, countersign_departments=departments)
    with pytest.raises(TransitionNotAllowed):
        sign(document, finance_head)


def test_returned_to_the_drafter_every_department_signs_again(submitted, director, finance_head):
    sign(submitted, finance_head)
    services.outgoing_return(document_id=submitted.pk, by=director, reason="请修改标准")
    assert not row_of(submitted, finance_head).is_signed


def test_the_drafter_changes_the_departments(clerk, departments):
    document = services.outgoing_create(by=clerk, data=DATA, countersign_departments=departments)
    services.outgoing_update(
        document_id=document.pk, by=clerk, data=DATA, countersign_departments=departments[:1]
    )
    assert list(document.countersigns.values_list("department__name", flat=True)) == ["财务处"]


def test_the_page_and_the_signoff_sheet_show_each_opinion(
    submitted, clerk, finance_head, personnel_head, client_for
):
    client = client_for(finance_head)
    row = row_of(submitted, finance_head)
    url = reverse("documents:outgoing_countersign", args=[submitted.pk, row.pk])
    assert "会签" in client.get(submitted.get_absolute_url()).content.decode()
    empty = client.post(url, {"opinion": ""})
    assert empty.status_code == 200 and not row_of(submitted, finance_head).is_signed
    client.post(url, {"opinion": "经费标准符合规定，同意。"})
    again = client.get(url, follow=True)
    assert "该步骤已完成" in again.content.decode()
    sheet = client_for(clerk).get(reverse("documents:outgoing_sheet_pdf", args=[submitted.pk]))
    text = pdf_text(sheet.content)
    assert "会签" in text and "经费标准符合规定，同意。" in text and "胡刚" in text
    assert "人事处：（待会签）" in text.replace(" ", "")
    page = client_for(clerk).get(submitted.get_absolute_url()).content.decode()
    assert "经费标准符合规定，同意。" in page and "待会签" in page


def test_the_draft_form_names_the_departments(clerk, departments, client_for):
    client = client_for(clerk)
    client.post(
        reverse("documents:outgoing_create"),
        {**DATA, "countersign_departments": [d.pk for d in departments]},
    )
    document = OutgoingDocument.objects.get()
    assert document.countersigns.count() == 2
    form = client.get(reverse("documents:outgoing_edit", args=[document.pk])).content.decode()
    assert "会签部门" in form
