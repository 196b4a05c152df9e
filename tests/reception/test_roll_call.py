"""The emergency roll call: everyone in the building now (visitors inside with host and badge,
the staff on duty), marked safe one by one, closed with the result; only reception, the duty
room and the director."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from office.errors import DomainError, NotAllowed
from office.models import AuditEvent, Notification
from office.presence import who_is_here
from reception import services
from reception.models import RollCall, RollCallEntry
from tests.duty.factories import assign, shift_running_now
from tests.reception.factories import visit_with


@pytest.fixture
def building(staff, receptionist, officer, leader):
    """Inside now: 张明 (badge A1, host staff) and the shift's leader and officer; 李华 of
    the same visit has left, 王芳 of another visit has not arrived."""
    visit = visit_with(host=staff, visitors=2)
    zhang, li = visit.visitors.all()
    services.visitor_check_in(visitor_id=zhang.pk, badge_number="A1", by=receptionist)
    services.visitor_check_in(visitor_id=li.pk, badge_number="A2", by=receptionist)
    services.visitor_check_out(visitor_id=li.pk, by=receptionist)
    visit_with(host=staff, visitors=3)  # expected, nobody arrived
    shift = shift_running_now()
    assign(shift, leader, role="leader")
    assign(shift, officer)
    return {"zhang": zhang, "shift": shift}


def _everyone():
    return {p.name: (section.provider.key, p) for section in who_is_here() for p in section.people}


def test_who_is_here_lists_visitors_inside_and_the_staff_on_duty(building, staff):
    people = _everyone()
    assert set(people) == {"张明", "leader", "officer"}
    key, zhang = people["张明"]
    assert key == "reception.visitors" and zhang.badge == "A1"
    assert staff.display_name in zhang.detail and "华北电力设计院" in zhang.detail
    assert people["officer"][0] == "duty.on_duty"
    assert "总值班室" in people["officer"][1].detail


@pytest.mark.parametrize("role", ["receptionist", "director", "leader", "officer"])
def test_reception_the_duty_room_and_the_director_start_a_roll_call(building, role, request):
    user = request.getfixturevalue(role)
    roll_call = services.roll_call_start(by=user)
    names = list(roll_call.entries.values_list("name", flat=True))
    assert names == ["张明", "leader", "officer"] and roll_call.headcount == 3
    assert AuditEvent.objects.filter(verb="reception.roll_call_started").exists()


@pytest.mark.parametrize("role", ["staff", "clerk", "supervisor"])
def test_nobody_else_starts_one(building, role, request):
    with pytest.raises(NotAllowed):
        services.roll_call_start(by=request.getfixturevalue(role))
    assert not RollCall.objects.exists()


def test_one_roll_call_at_a_time(building, receptionist, officer):
    services.roll_call_start(by=receptionist)
    with pytest.raises(DomainError):
        services.roll_call_start(by=officer)
    assert RollCall.objects.count() == 1


def test_marking_safe_records_the_time_and_is_safe_twice(building, receptionist, officer):
    roll_call = services.roll_call_start(by=receptionist)
    entry = roll_call.entries.get(name="张明")
    services.roll_call_mark(entry_id=entry.pk, by=receptionist)
    first = RollCallEntry.objects.get(pk=entry.pk).safe_at
    services.roll_call_mark(entry_id=entry.pk, by=officer)  # a second warden taps the name
    entry.refresh_from_db()
    assert first is not None and entry.safe_at == first and entry.marked_by == receptionist
    assert AuditEvent.objects.filter(verb="reception.roll_call_safe").count() == 1
    services.roll_call_mark(entry_id=entry.pk, by=receptionist, safe=False)
    assert RollCallEntry.objects.get(pk=entry.pk).safe_at is None


def test_closing_records_the_result_and_freezes_the_list(building, receptionist):
    roll_call = services.roll_call_start(by=receptionist)
    for entry in roll_call.entries.exclude(name="officer"):
        services.roll_call_mark(entry_id=entry.pk, by=receptionist)
    services.roll_call_close(roll_call_id=roll_call.pk, by=receptionist, note="三楼东侧未清点")
    roll_call.refresh_from_db()
    assert roll_call.status == RollCall.Status.CLOSED and roll_call.closed_by == receptionist
    assert (roll_call.safe_count, roll_call.headcount) == (2, 3)
    event = AuditEvent.objects.get(verb="reception.roll_call_closed")
    assert event.data["missing"] == ["officer"]
    with pytest.raises(DomainError):
        services.roll_call_mark(entry_id=roll_call.entries.get(name="officer").pk, by=receptionist)
    with pytest.raises(DomainError):
        services.roll_call_close(roll_call_id=roll_call.pk, by=receptionist)
    # A drill with someone missing tells nobody; a real evacuation tells the director.
    assert not Notification.objects.filter(kind="reception.roll_call_missing").exists()


def test_a_real_evacuation_with_someone_missing_tells_the_director(
    building, receptionist, director
):
    roll_call = services.roll_call_start(by=receptionist, drill=False)
    services.roll_call_close(roll_call_id=roll_call.pk, by=receptionist)
    note = Notification.objects.get(recipient=director, kind="reception.roll_call_missing")
    assert "张明" in note.body and "officer" in note.body


# --- pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["staff", "clerk"])
def test_the_pages_are_closed_to_others(building, role, request, client_for):
    client = client_for(request.getfixturevalue(role))
    assert client.get(reverse("reception:roll_call")).status_code == 403
    assert client.get(reverse("reception:roll_call_now_pdf")).status_code == 403
    assert client.post(reverse("reception:roll_call_start")).status_code == 403
    assert not RollCall.objects.exists()


def test_the_page_lists_everyone_inside(building, officer, client_for):
    page = client_for(officer).get(reverse("reception:roll_call")).content.decode()
    assert "张明" in page and "A1" in page and "officer" in page and "leader" in page
    assert "李华" not in page and "王芳" not in page
    assert "紧急清点" in page


def test_the_page_queries_do_not_grow_with_people(
    building, receptionist, client_for, django_assert_max_num_queries
):
    client = client_for(receptionist)
    client.get(reverse("reception:roll_call"))
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("reception:roll_call"))
    more = visit_with(host=building["zhang"].visit.host, visitors=5)
    for n, person in enumerate(more.visitors.all()):
        services.visitor_check_in(visitor_id=person.pk, badge_number=f"M{n}", by=receptionist)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("reception:roll_call"))


def test_the_pdf_lists_everyone_inside(building, director, client_for):
    response = client_for(director).get(reverse("reception:roll_call_now_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("张明", "A1", "officer", "leader", "值班人员", "访客"):
        assert expected in text


def test_a_drill_through_the_pages(building, receptionist, client_for):
    client = client_for(receptionist)
    response = client.post(reverse("reception:roll_call_start"), {"drill": "1"})
    roll_call = RollCall.objects.get()
    assert response["Location"] == roll_call.get_absolute_url() and roll_call.drill
    # While it is under way the roll-call page leads to it.
    assert client.get(reverse("reception:roll_call"))["Location"] == roll_call.get_absolute_url()
    entry = roll_call.entries.get(name="张明")
    response = client.post(
        reverse("reception:roll_call_mark", args=[entry.pk]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert f'id="entry-{entry.pk}"' in html and "已确认安全" in html
    assert (
        'id="roll-call-counts" class="d-flex flex-wrap gap-3 align-items-center mb-3" '
        'hx-swap-oob="true"' in html
    )
    assert '<span class="badge text-bg-success" id="count-safe">1</span>' in html
    response = client.post(reverse("reception:roll_call_close", args=[roll_call.pk]), {})
    page = client.get(roll_call.get_absolute_url()).content.decode()
    assert 'id="roll-call-result"' in page and "1 / 3" not in page
    pdf = client.get(reverse("reception:roll_call_pdf", args=[roll_call.pk]))
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "张明" in text and "1" in text
