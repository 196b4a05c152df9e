"""The demo: seals with images, a week of uses, a sealed and signed document, a loan out."""

import pytest
from django.utils.timezone import now

from documents import demo as documents_demo
from office import demo as office_demo
from seals import demo, signing
from seals.models import Seal, SealLoan, SealRequest, SealUse

pytestmark = pytest.mark.django_db


def test_seed_is_realistic_and_idempotent():
    office_demo.seed(lambda *_: None)
    documents_demo.seed(lambda *_: None)
    demo.seed(lambda *_: None)
    assert Seal.objects.count() == 6
    assert Seal.objects.exclude(image="").count() == 4
    assert {"in_use", "lent_out"} <= set(Seal.objects.values_list("status", flat=True))
    uses = SealUse.objects.all()
    days = {use.used_at.date() for use in uses}
    assert uses.count() >= 7 and len(days) >= 5
    assert all(use.used_at <= now() for use in uses)
    sealed = uses.get(electronic=True)
    verdict = signing.verify_pdf(sealed.sealed_pdf.read())
    assert verdict.genuine and verdict.token == sealed.token
    assert set(SealRequest.objects.values_list("status", flat=True)) >= {
        "pending",
        "approved",
        "used",
    }
    assert SealLoan.objects.filter(status="out").count() == 1
    assert SealLoan.objects.filter(status="returned").count() == 1
    counts = [m.objects.count() for m in (Seal, SealUse, SealRequest, SealLoan)]
    demo.seed(lambda *_: None)
    assert [m.objects.count() for m in (Seal, SealUse, SealRequest, SealLoan)] == counts
