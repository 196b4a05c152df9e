"""The circular renders through office's one mechanism: claim, render outside the lock,
store only if nobody asked again meanwhile."""

import datetime

import pytest

from office import exports
from supervision.models import Circular
from supervision.services.circulars import circular_render, circular_request

pytestmark = pytest.mark.django_db


def test_a_circular_asked_for_again_while_rendering_is_stored_by_the_newer_render(
    supervisor, monkeypatch
):
    month = datetime.date(2026, 10, 1)
    circular = circular_request(month=month, by=supervisor)
    real = exports.builder("supervision.circular")

    def asked_again_meanwhile(*, user, month):
        circular_request(month=datetime.date.fromisoformat(f"{month}-01"), by=supervisor)
        return real(user=user, month=month)

    monkeypatch.setattr(exports, "_builders", dict(exports._builders))
    exports.register_builder("supervision.circular", asked_again_meanwhile)
    assert circular_render(circular_id=circular.pk) is False
    circular.refresh_from_db()
    assert circular.status == Circular.Status.PENDING and not circular.file
    exports.register_builder("supervision.circular", real)
    assert circular_render(circular_id=circular.pk) is True
    assert circular_render(circular_id=circular.pk) is False  # twice: nothing more to do
    circular.refresh_from_db()
    assert circular.status == Circular.Status.READY
    assert circular.file.read().startswith(b"%PDF")
