"""Walk-ins in one step, a visitor added to a visit, arrangements changed until approved."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.timezone import localdate, localtime, now

from office.errors import DomainError, NotAllowed
from office.models import ApprovalChain, AuditEvent, Notification
from reception import services
from reception.models import Arrangement, Visit, Visitor
from tests.reception.factories import ArrangementFactory, WatchListEntryFactory, visit_with

A = Arrangement.Status


def _walk_in(receptionist, host, **overrides):
    data = {
        "host": host,
        "by": receptionist,
        "organisation": "快递公司",
        "purpose": "送达文件",
        "expected_departure": now() + timedelta(hours=1),
        "visitor": services.VisitorData(name="郑飞", phone="13700001111"),
        "badge_number": "W1",
    }
    return services.walk_in_register(**{**data, **overrides})


# --- walk-in: registered and checked in at once ---------------------------------------------


def test_a_walk_in_is_inside_with_a_badge_and_the_host_hears_once(receptionist, staff):
    visitor = _walk_in(receptionist, staff)
    assert visitor.is_inside and visitor.badge_number == "W1"
    assert visitor.visit.status == Visit.Status.ARRIVED and visitor.visit.walk_in
    # The arrival, not a registration as well.
    assert list(Notification.objects.filter(recipient=staff).values_list("kind", flat=True)) == [
        "reception.arrived"
    ]
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"reception.visit_walk_in", "reception.visitor_checked_in"} <= verbs


def test_a_walk_in_with_a_badge_in_use_saves_nothing(receptionist, staff):
    _walk_in(receptionist, staff)
    with pytest.raises(DomainError, match="W1"):
        _walk_in(receptionist, staff, visitor=services.VisitorData(name="孙丽"))
    assert Visit.objects.count() == 1 and Visitor.objects.count() == 1


def test_a_walk_in_on_the_watch_list_waits_for_confirmation(receptionist, staff):
    WatchListEntryFactory(name="郑飞", added_by=receptionist)
    with pytest.raises(services.WatchListWarning):
        _walk_in(receptionist, staff)
    assert not Visit.objects.exists()
    visitor = _walk_in(receptionist, staff, watch_list_confirmed=True)
    assert visitor.is_inside and visitor.watch_list_confirmed


def test_the_walk_in_page_shows_the_watch_list_warning_and_saves_nothing(
    receptionist, staff, client_for
):
    WatchListEntryFactory(name="郑飞", added_by=receptionist)
    form = {
        "host": str(staff.pk),
        "purpose": "送达文件",
        "expected_departure": localtime(now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "badge_number": "W2",
        "visitor-name": "郑飞",
    }
    client = client_for(receptionist)
    response = client.post(reverse("reception:walk_in"), form)
    page = response.content.decode()
    assert response.status_code == 200 and 'id="watch-list-warning"' in page
    assert 'name="confirm_watch_list"' in page and not Visit.objects.exists()
    response = client.post(reverse("reception:walk_in"), {**form, "confirm_watch_list": "on"})
    assert response.status_code == 302 and Visitor.objects.get().is_inside


def test_the_walk_in_page_suggests_a_badge_and_offers_the_people_picker(receptionist, client_for):
    page = client_for(receptionist).get(reverse("reception:walk_in")).content.decode()
    assert 'name="badge_number"' in page and 'data-picker="people"' in page


# --- a visitor added to a visit ---------------------------------------------------------------


def test_the_host_adds_a_visitor_and_the_party_follows(staff):
    visit = visit_with(host=staff, visitors=2)
    added = services.visitor_add(
        visit_id=visit.pk, by=staff, visitor=services.VisitorData(name="钱七", phone="")
    )
    visit.refresh_from_db()
    assert visit.headcount == 3 and visit.party == "张明、李华、钱七"
    assert list(visit.visitors.values_list("name", flat=True)) == ["张明", "李华", "钱七"]
    assert added.visit_id == visit.pk and not added.checked_in_at
    assert AuditEvent.objects.filter(verb="reception.visitor_added").exists()


def test_a_visitor_added_to_an_arrived_visit_can_be_checked_in(staff, receptionist):
    visit = visit_with(host=staff)
    services.visitor_check_in(visitor_id=visit.visitors.get().pk, badge_number="1", by=receptionist)
    added = services.visitor_add(
        visit_id=visit.pk, by=receptionist, visitor=services.VisitorData(name="钱七")
    )
    assert Notification.objects.filter(recipient=staff, kind="reception.visitor_added").exists()
    services.visitor_check_in(visitor_id=added.pk, badge_number="2", by=receptionist)
    assert visit.visitors.filter(checked_in_at__isnull=False).count() == 2


def test_someone_else_cannot_add_visitors_to_a_visit(staff, other_staff):
    visit = visit_with(host=staff)
    with pytest.raises(NotAllowed):
        services.visitor_add(
            visit_id=visit.pk, by=other_staff, visitor=services.VisitorData(name="钱七")
        )
    assert visit.visitors.count() == 1


@pytest.mark.parametrize(
    "status", [Visit.Status.LEFT, Visit.Status.NO_SHOW, Visit.Status.CANCELLED]
)
def test_no_visitors_are_added_to_a_closed_visit(staff, status):
    visit = visit_with(host=staff, status=status)
    with pytest.raises(DomainError):
        services.visitor_add(visit_id=visit.pk, by=staff, visitor=services.VisitorData(name="钱七"))
    assert Visit.objects.get(pk=visit.pk).headcount == 1


def test_the_add_visitor_page(staff, other_staff, client_for):
    visit = visit_with(host=staff)
    url = reverse("reception:visitor_add", args=[visit.pk])
    assert client_for(other_staff).get(url).status_code == 404
    client = client_for(staff)
    detail = client.get(visit.get_absolute_url()).content.decode()
    assert 'id="visitor-add"' in detail
    response = client.post(url, {"visitor-name": "钱七", "visitor-phone": "123"})
    assert response.status_code == 200 and visit.visitors.count() == 1  # bad phone: nothing
    response = client.post(url, {"visitor-name": "钱七"}, follow=True)
    assert response.redirect_chain[-1][0] == visit.get_absolute_url()
    assert "钱七" in response.content.decode() and visit.visitors.count() == 2


# --- arrangements changed until approved --------------------------------------------------------


def _change(arrangement, by, **overrides):
    data = {
        "arrangement_id": arrangement.pk,
        "by": by,
        "kind": arrangement.kind,
        "on": arrangement.date,
        "responsible": arrangement.responsible,
        "cost_estimate": arrangement.cost_estimate,
        "people": arrangement.people,
        "standard": arrangement.standard,
        "details": arrangement.details,
    }
    return services.arrangement_update(**{**data, **overrides})


def _pending_chains(arrangement) -> int:
    return ApprovalChain.objects.filter(
        target_id=str(arrangement.pk), status=ApprovalChain.Status.PENDING
    ).count()


def test_a_planned_arrangement_is_changed_and_the_responsible_told(receptionist, staff):
    arrangement = ArrangementFactory(visit=visit_with(host=staff), responsible=staff)
    _change(arrangement, receptionist, people=6, standard="工作餐 每人50元")
    arrangement.refresh_from_db()
    assert arrangement.people == 6 and arrangement.status == A.PLANNED
    assert Notification.objects.filter(
        recipient=staff, kind="reception.arrangement_assigned"
    ).exists()
    event = AuditEvent.objects.get(verb="reception.arrangement_changed")
    assert event.data["changed"]["people"] == ["4", "6"]


def test_a_plan_changed_above_the_threshold_waits_for_the_director(receptionist, director):
    arrangement = ArrangementFactory(visit=visit_with())
    _change(arrangement, receptionist, cost_estimate=Decimal("5000"))
    arrangement.refresh_from_db()
    assert arrangement.status == A.AWAITING_APPROVAL and _pending_chains(arrangement) == 1
    services.arrangement_approve(arrangement_id=arrangement.pk, by=director)
    arrangement.refresh_from_db()
    assert arrangement.status == A.PLANNED
    with pytest.raises(DomainError):  # approved: no more changes
        _change(arrangement, receptionist, people=9)
    assert Arrangement.objects.get(pk=arrangement.pk).people == 4


def test_an_awaiting_plan_changed_below_the_threshold_goes_ahead(receptionist):
    visit = visit_with()
    arrangement = services.arrangement_create(
        visit_id=visit.pk,
        by=receptionist,
        kind=Arrangement.Kind.LODGING,
        on=localdate(),
        responsible=receptionist,
        cost_estimate=Decimal("3000"),
    )
    assert _pending_chains(arrangement) == 1
    _change(Arrangement.objects.get(pk=arrangement.pk), receptionist, cost_estimate=Decimal("300"))
    arrangement.refresh_from_db()
    assert arrangement.status == A.PLANNED and _pending_chains(arrangement) == 0


@pytest.mark.parametrize("status", [A.DONE, A.REJECTED, A.CANCELLED])
def test_a_closed_arrangement_cannot_be_changed(receptionist, status):
    arrangement = ArrangementFactory(visit=visit_with(), status=status)
    with pytest.raises(DomainError):
        _change(arrangement, receptionist, people=9)
    assert Arrangement.objects.get(pk=arrangement.pk).people == 4


def test_staff_cannot_change_arrangements(staff):
    arrangement = ArrangementFactory(visit=visit_with(host=staff), responsible=staff)
    with pytest.raises(NotAllowed):
        _change(arrangement, staff, people=9)


def test_the_change_page(receptionist, client_for):
    arrangement = ArrangementFactory(visit=visit_with())
    client = client_for(receptionist)
    detail = client.get(arrangement.get_absolute_url()).content.decode()
    assert 'id="arrangement-edit"' in detail
    url = reverse("reception:arrangement_edit", args=[arrangement.pk])
    page = client.get(url).content.decode()
    assert 'value="4"' in page  # the current number of people
    form = {
        "kind": "meal",
        "date": arrangement.date.isoformat(),
        "people": "8",
        "standard": "",
        "details": "",
        "cost_estimate": "-5",
        "responsible": str(arrangement.responsible_id),
    }
    assert client.post(url, form).status_code == 200  # a negative cost: the form again
    assert Arrangement.objects.get(pk=arrangement.pk).people == 4
    response = client.post(url, {**form, "cost_estimate": "480"})
    assert response["Location"] == arrangement.get_absolute_url()
    assert Arrangement.objects.get(pk=arrangement.pk).people == 8
    Arrangement.objects.filter(pk=arrangement.pk).update(status=A.DONE)
    detail = client.get(arrangement.get_absolute_url()).content.decode()
    assert 'id="arrangement-edit"' not in detail
    assert client.get(url)["Location"] == arrangement.get_absolute_url()
