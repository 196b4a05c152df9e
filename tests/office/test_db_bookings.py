"""office.db.no_overlap and violates: one room, one car or one driver is never booked twice."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from office.db import violates
from tests.meetings.factories import MeetingFactory, RoomFactory

NINE = datetime.datetime(2026, 6, 1, 1, 0, tzinfo=datetime.UTC)  # 09:00 China time
HOUR = datetime.timedelta(hours=1)

pytestmark = pytest.mark.django_db


def test_an_overlapping_booking_is_refused_and_named_by_its_constraint():
    room = RoomFactory()
    MeetingFactory(room=room, start=NINE, end=NINE + 2 * HOUR)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        MeetingFactory(room=room, start=NINE + HOUR, end=NINE + 3 * HOUR)
    assert violates(caught.value, "meeting_room_no_overlap")
    assert not violates(caught.value, "dispatch_vehicle_no_overlap", "dispatch_driver_no_overlap")


def test_back_to_back_bookings_and_other_rooms_are_free():
    room = RoomFactory()
    MeetingFactory(room=room, start=NINE, end=NINE + HOUR)
    MeetingFactory(room=room, start=NINE + HOUR, end=NINE + 2 * HOUR)  # from its end: '[)'
    MeetingFactory(start=NINE, end=NINE + HOUR)  # another room at the same time
    assert room.meetings.count() == 2


def test_an_error_without_a_constraint_is_no_clash():
    assert not violates(ValueError("no database here"), "meeting_room_no_overlap")
