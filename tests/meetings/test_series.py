"""Weekly series: cancelling the following meetings or all, a week skipped for a clash booked
again later; and a cancelled meeting's guests are no longer expected at reception."""

import pytest

from meetings import services
from meetings.models import Meeting
from office.errors import DomainError
from reception.models import Visit

from .factories import at

pytestmark = pytest.mark.usefixtures("english")


def test_series_cancel_following_and_all(meeting_data, clerk):
    meetings = services.meeting_create(data=meeting_data(guests=[]), by=clerk, weeks=4)
    n = services.series_cancel(
        meeting_id=meetings[2].pk, by=clerk, reason="调整", scope="following"
    )
    assert n == 2
    statuses = [m.status for m in Meeting.objects.order_by("start")]
    assert statuses == ["scheduled", "scheduled", "cancelled", "cancelled"]
    assert (
        services.series_cancel(meeting_id=meetings[0].pk, by=clerk, reason="取消", scope="all") == 2
    )


def test_a_week_skipped_for_a_clash_can_be_booked_again(meeting_data, clerk, director):
    blocker = services.meeting_create(
        data=meeting_data(title="占用", start=at(8, 9), end=at(8, 10), guests=[]), by=director
    )[0]
    meetings = services.meeting_create(
        data=meeting_data(guests=[]), by=clerk, weeks=3, skip_clashes=True
    )
    assert len(meetings) == 2
    gaps = services.series_gaps(meetings[0])
    assert gaps == [blocker.start.astimezone().date()] or len(gaps) == 1
    with pytest.raises(DomainError):  # still taken
        services.series_readd(meeting_id=meetings[0].pk, day=gaps[0], by=clerk)
    services.meeting_cancel(meeting_id=blocker.pk, by=director, reason="改期")
    again = services.series_readd(meeting_id=meetings[0].pk, day=gaps[0], by=clerk)
    assert again.series == meetings[0].series and again.status == "scheduled"
    assert services.series_gaps(meetings[0]) == []


# cancelling tells reception


def test_cancelling_a_meeting_cancels_its_guests_visits(meeting_data, clerk, receptionist):
    from office.models import Notification

    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    services.meeting_guests_preregister(meeting_id=meeting.pk, by=clerk)
    services.meeting_cancel(meeting_id=meeting.pk, by=clerk, reason="改期")
    assert set(Visit.objects.values_list("status", flat=True)) == {"cancelled"}
    assert Notification.objects.filter(
        recipient=receptionist, kind="reception.visit_cancelled"
    ).exists()


@pytest.mark.parametrize("day", ["NaN", ""])
def test_booking_a_week_again_without_a_date_says_so(meeting_data, clerk, client_for, day):
    meetings = services.meeting_create(data=meeting_data(guests=[]), by=clerk, weeks=3)
    response = client_for(clerk).post(
        f"/meetings/{meetings[0].pk}/series/readd/", {"day": day}, follow=True
    )
    assert response.status_code == 200
    assert "请选择该系列中被跳过、要重新预订的周次。" in response.content.decode()
    assert Meeting.objects.count() == 3
