"""Assets: unique tags, transfers told to both custodians, repairs reminded once on the
deadline and tracked to done."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from office.errors import DomainError, NotAllowed
from office.models import Notification, Reminder
from office.services.reminders import due_reminder_ids, reminders_send_batch
from supplies import services
from supplies.models import Asset, AssetTransfer

pytestmark = pytest.mark.django_db


@pytest.fixture
def laptop(staff, storekeeper):
    return services.asset_save(
        asset=Asset(tag="ZC-0001", name="笔记本电脑", custodian=staff, location="301室"),
        by=storekeeper,
    )


def test_tag_numbers_are_unique(laptop, staff, storekeeper):
    with pytest.raises(DomainError):
        services.asset_save(
            asset=Asset(tag="ZC-0001", name="打印机", custodian=staff, location="302室"),
            by=storekeeper,
        )


def test_only_the_storekeeper_keeps_the_register(staff):
    with pytest.raises(NotAllowed):
        services.asset_save(
            asset=Asset(tag="ZC-0002", name="打印机", custodian=staff, location="302室"), by=staff
        )


def test_transfer_recorded_and_both_told(laptop, staff, other_staff, storekeeper):
    services.asset_transfer(asset_id=laptop.pk, to=other_staff, location="305室", by=storekeeper)
    laptop.refresh_from_db()
    assert (laptop.custodian, laptop.location) == (other_staff, "305室")
    transfer = AssetTransfer.objects.get()
    assert (transfer.from_custodian, transfer.to_custodian) == (staff, other_staff)
    told = set(
        Notification.objects.filter(kind="supplies.asset_transferred").values_list(
            "recipient", flat=True
        )
    )
    assert told == {staff.pk, other_staff.pk}


def test_transfer_to_the_same_custodian_refused(laptop, staff, storekeeper):
    with pytest.raises(DomainError):
        services.asset_transfer(asset_id=laptop.pk, to=staff, location="", by=storekeeper)


def test_repair_reminded_once_on_the_deadline_and_done(laptop, staff, other_staff):
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 50, tzinfo=datetime.UTC)):
        today = timezone.localdate()
        repair = services.repair_report(
            asset_id=laptop.pk,
            fault="无法开机",
            handler=other_staff,
            deadline=today + datetime.timedelta(days=2),
            by=staff,
        )
        laptop.refresh_from_db()
        assert laptop.status == Asset.Status.REPAIR
        assert Notification.objects.filter(recipient=other_staff, kind="supplies.repair_assigned")
        assert not due_reminder_ids()
    deadline_morning = timezone.make_aware(
        datetime.datetime.combine(repair.deadline, datetime.time(9, 5))
    )
    with time_machine.travel(deadline_morning):
        reminders_send_batch(reminder_ids=due_reminder_ids())
        reminders_send_batch(reminder_ids=due_reminder_ids())
    assert Reminder.objects.get(recipient=other_staff).sent_at is not None
    assert Notification.objects.filter(recipient=other_staff, reminder__isnull=False).count() == 1
    with pytest.raises(NotAllowed):
        services.repair_done(repair_id=repair.pk, outcome="更换电源", by=staff)
    services.repair_done(repair_id=repair.pk, outcome="更换电源", by=other_staff)
    laptop.refresh_from_db()
    assert laptop.status == Asset.Status.IN_USE
    assert Notification.objects.filter(recipient=staff, kind="supplies.repair_done")


def test_done_repair_is_not_reminded(laptop, staff, other_staff):
    repair = services.repair_report(
        asset_id=laptop.pk,
        fault="屏幕闪烁",
        handler=other_staff,
        deadline=timezone.localdate() + datetime.timedelta(days=1),
        by=staff,
    )
    services.repair_done(repair_id=repair.pk, outcome="已修复", by=other_staff)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        reminders_send_batch(reminder_ids=due_reminder_ids())
    assert not Notification.objects.filter(recipient=other_staff, reminder__isnull=False)


def test_a_past_deadline_and_a_second_open_repair_refused(laptop, staff, other_staff):
    with pytest.raises(DomainError):
        services.repair_report(
            asset_id=laptop.pk,
            fault="x",
            handler=other_staff,
            deadline=timezone.localdate() - datetime.timedelta(days=1),
            by=staff,
        )
    services.repair_report(
        asset_id=laptop.pk, fault="x", handler=other_staff, deadline=timezone.localdate(), by=staff
    )
    with pytest.raises(DomainError):
        services.repair_report(
            asset_id=laptop.pk,
            fault="y",
            handler=other_staff,
            deadline=timezone.localdate(),
            by=staff,
        )
