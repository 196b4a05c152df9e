"""The outgoing document's page shows its seal state and 申请用印 (seals registers the panel
through office.related; documents does not import seals)."""

import pytest
from django.urls import reverse

from seals import services
from tests.documents.factories import OutgoingFactory

pytestmark = pytest.mark.django_db


def _page(client, document) -> str:
    return client.get(document.get_absolute_url()).content.decode()


def test_an_issued_document_offers_the_seal_request_with_itself_chosen(
    clerk, issued, client_for, settings
):
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(clerk)
    page = _page(client, issued)
    assert "未申请用印" in page
    link = f"{reverse('seals:request_new')}?document={issued.pk}"
    assert f'href="{link}"' in page and "申请用印" in page

    form = client.get(link).content.decode()
    assert f'<option value="{issued.pk}" selected>' in form


def test_the_page_follows_the_request_from_requested_to_sealed(
    clerk, director, seal, issued, client_for, settings
):
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(clerk)
    request = services.request_create(by=clerk, seal=seal, purpose="印发", document=issued)
    page = _page(client, issued)
    assert 'id="seal-state">待审批' in page and request.get_absolute_url() in page

    services.request_approve(request_id=request.pk, by=director)
    assert 'id="seal-state">已批准' in _page(client, issued)

    services.request_apply(request_id=request.pk, by=clerk)
    assert 'id="seal-state">已用印' in _page(client, issued)


def test_a_reader_sees_the_state_but_not_someone_elses_request(
    clerk, staff, seal, issued, client_for
):
    issued.internal_recipients.add(staff)
    request = services.request_create(by=clerk, seal=seal, purpose="印发", document=issued)
    page = _page(client_for(staff), issued)
    assert 'id="seal-panel"' in page
    assert request.get_absolute_url() not in page


def test_a_draft_has_no_seal_panel(clerk, client_for):
    draft = OutgoingFactory(drafted_by=clerk, status="draft")
    page = _page(client_for(clerk), draft)
    assert 'id="seal-panel"' not in page
    assert reverse("seals:request_new") not in page
