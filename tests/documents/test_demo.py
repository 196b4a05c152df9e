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


def test_seed_shows_two_leaders_and_countersigning(db):
    from documents.models import Countersign, Instruction

    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    routed = IncomingDocument.objects.get(title=demo.ROUTED_TITLE)
    given = routed.instructions.filter(status=Instruction.Status.GIVEN)
    assert routed.status == "instructed" and given.count() == 2
    assert routed.deadline == given.order_by("-given_at").first().due
    done, pending = (OutgoingDocument.objects.get(title=t) for t, _ in demo.COUNTERSIGNED)
    assert done.status == "signed" and not done.countersigns.filter(status="pending").exists()
    assert pending.status == "signing"
    assert list(
        pending.countersigns.filter(status=Countersign.Status.PENDING).values_list(
            "department__name", flat=True
        )
    ) == ["人事处"]
    demo.seed(lambda message: None)
    assert IncomingDocument.objects.filter(title=demo.ROUTED_TITLE).count() == 1
