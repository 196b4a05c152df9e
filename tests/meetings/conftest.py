import pytest

from meetings.services import MeetingData

from .factories import RoomFactory, at


@pytest.fixture
def english():
    """The messages are matched in English, whatever an earlier request left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def room(db):
    return RoomFactory(name="第一会议室", capacity=12)


@pytest.fixture
def meeting_data(room, director, clerk, staff):
    """make(**changes) -> MeetingData for tomorrow 09:00–10:30 in `room`."""

    def make(**changes):
        values = {
            "title": "主任办公会",
            "kind": "office",
            "chair": director,
            "recorder": clerk,
            "start": at(1, 9),
            "end": at(1, 10, 30),
            "room": room,
            "required": [staff],
            "agenda": [{"title": "研究年度工作要点", "presenter": "孙丽"}],
            "guests": [("张三", "市财政局")],
        }
        values.update(changes)
        return MeetingData(**values)

    return make
