"""seed(): a month of documents in every state, idempotent; seed_scale(): bulk, numbered."""

from documents import demo
from documents.models import IncomingDocument, Notice, OutgoingDocument, SerialCounter
from office import demo as office_demo


def test_seed_fills_every_state_once(db):
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    incoming_states = set(IncomingDocument.objects.values_list("status", flat=True))
    outgoing_states = set(OutgoingDocument.objects.values_list("status", flat=True))
    assert incoming_states == {s for s, _ in IncomingDocument.Status.choices}
    assert outgoing_states == {s for s, _ in OutgoingDocument.Status.choices}
    assert Notice.objects.filter(status="published").exists()
    before = (IncomingDocument.objects.count(), OutgoingDocument.objects.count())
    demo.seed(lambda message: None)
    assert (IncomingDocument.objects.count(), OutgoingDocument.objects.count()) == before


def test_seed_scale_continues_the_numbering(db):
    office_demo.seed(lambda message: None)
    demo.seed_scale(50, lambda message: None)
    demo.seed_scale(80, lambda message: None)  # tops up to 80
    serials = sorted(IncomingDocument.objects.values_list("serial", flat=True))
    assert serials == list(range(1, 81))
    assert SerialCounter.objects.get(series="incoming").last == 80
