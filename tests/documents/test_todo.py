"""The to-do inbox: each documents source shows what awaits the user, and only that."""

from django.utils.timezone import now

from documents.models import Circulation, Distribution
from office import todo

from .factories import IncomingFactory, OutgoingFactory


def labels(user, bucket="todo"):
    return {str(label): n for label, n in todo.inbox_for(user)[bucket]["sources"]}


def test_each_role_sees_its_own_queue(clerk, director, staff, other_staff, office_department):
    IncomingFactory(status="registered", registered_by=clerk)
    IncomingFactory(status="proposed", registered_by=clerk)
    IncomingFactory(status="handling", registered_by=clerk, lead_handler=staff)
    OutgoingFactory(status="signing", drafted_by=clerk)
    office_department.head = director
    office_department.save()
    OutgoingFactory(status="review", drafted_by=clerk)
    circulated = IncomingFactory(status="handling", registered_by=clerk)
    Circulation.objects.create(document=circulated, reader=other_staff, sent_by=clerk)
    issued = OutgoingFactory(status="issued", number="办发〔2026〕1号", drafted_by=clerk)
    Distribution.objects.create(document=issued, recipient=other_staff)

    assert labels(clerk).get("待我拟办") == 1 and "待我批示" not in labels(clerk)
    director_labels = labels(director)
    assert director_labels["待我批示"] == 1 and director_labels["待我签发"] == 1
    assert director_labels["待我核稿"] == 1
    assert labels(staff) == {"我的承办": 1}
    assert labels(other_staff, "toread") == {"传阅给我": 1, "印发给我": 1}
    Circulation.objects.update(read_at=now())
    Distribution.objects.update(read_at=now())
    assert labels(other_staff, "toread") == {}


def test_a_secret_document_is_not_counted_for_someone_off_the_list(clerk, staff):
    secret = IncomingFactory(status="handling", registered_by=clerk, security_level="secret")
    Circulation.objects.create(document=secret, reader=staff, sent_by=clerk)
    assert labels(staff, "toread") == {}
