"""Vehicles demo data: leaders' own cars and the pool, drivers (one with a login), and trips
in every state placed around the moment of loading, including the seeds' case: the deputy
county head's car lent to the county head for the morning, with a reason, a stand-in car and
the deputy told; and a confirmed trip reassigned to another car, its passengers told.

Trips go through the services (chains, notices, audit); idempotent: a second run adds
nothing."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from office.demo import DEMO_PASSWORD
from office.models import Department, User
from office.services.approvals import current_step

from . import services
from .models import Dispatch, Driver, Trip, Vehicle

MARK = "（演示）"


def at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _user(username: str, name: str, title: str, department, roles=()) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "name": name,
            "title": title,
            "department": department,
            "email": f"{username}@example.com",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.set(Group.objects.filter(name__in=roles))
    return user


def _fleet(county_head, deputy, driver_user):
    cars = {}
    for plate, kind, model, seats, power, leader, status in [
        ("京A·00001", "sedan", "红旗H5", 4, "fuel", county_head, "in_service"),
        ("京A·00002", "sedan", "红旗H5", 4, "fuel", deputy, "in_service"),
        ("京A·10001", "sedan", "大众帕萨特", 4, "fuel", None, "in_service"),
        ("京A·10002", "mpv", "别克GL8", 6, "hybrid", None, "in_service"),
        ("京A·10003", "sedan", "比亚迪汉EV", 4, "electric", None, "in_service"),
        ("京A·10004", "minibus", "丰田考斯特", 19, "fuel", None, "in_service"),
        ("京A·10005", "suv", "长城哈弗H6", 4, "fuel", None, "maintenance"),
    ]:
        cars[plate], _created = Vehicle.objects.get_or_create(
            plate=plate,
            defaults={
                "kind": kind,
                "model_name": model,
                "seats": seats,
                "power": power,
                "leader": leader,
                "status": status,
            },
        )
    drivers = {}
    for name, user, licence, phone in [
        ("王师傅", driver_user, "A1", "13800010001"),
        ("李师傅", None, "B1", "13800010002"),
        ("张师傅", None, "C1", "13800010003"),
        ("赵师傅", None, "A1", "13800010004"),
    ]:
        drivers[name], _created = Driver.objects.get_or_create(
            name=name, defaults={"user": user, "licence_class": licence, "phone": phone}
        )
    return cars, drivers


def _trip(by, days: int, hours: str, destination: str, purpose: str, *, also=(), car=None):
    """A trip from 县政府 `days` from today, `hours` "9:00-11:30", for `by` and `also`."""
    start, end = (at(days, *map(int, moment.split(":"))) for moment in hours.split("-"))
    passengers = [by, *also]
    data = services.TripData(
        origin="县政府",
        destination=destination,
        start=start,
        end=end,
        purpose=purpose + MARK,
        people=len(passengers),
        passengers=passengers,
        preferred_vehicle=car,
    )
    return services.trip_request(data=data, by=by)


def _approve(trip) -> Trip:
    step = current_step(trip)
    if step is not None:
        approver = step.person or User.objects.filter(groups__name=step.role).first()
        services.trip_decide(trip_id=trip.pk, by=approver, approve=True)
    trip.refresh_from_db()
    return trip


def seed(log) -> None:
    if Trip.objects.filter(purpose__endswith=MARK).exists():
        log("vehicles: demo data already present")
        return
    leaders, _created = Department.objects.get_or_create(
        code="county-leaders", defaults={"name": "县政府领导", "order": 0}
    )
    county_head = _user("xianzhang", "李国华", "县长", leaders)
    deputy = _user("fuxianzhang", "赵文斌", "副县长", leaders)
    driver_user = _user("driver", "王建军", "驾驶员", Department.objects.get(code="general"))
    dispatcher = User.objects.get(username="dispatcher")
    staff, clerk = User.objects.get(username="staff"), User.objects.get(username="clerk")
    sunli, huangtao = User.objects.get(username="sunli"), User.objects.get(username="huangtao")
    cars, drivers = _fleet(county_head, deputy, driver_user)

    # A week of recorded trips (the monthly figures), one a day, in the pool's cars.
    odometer = {"京A·10001": 48200, "京A·10002": 30550, "京A·10003": 12040}
    for day, (plate, driver, km) in zip(
        range(-7, 0),
        [
            ("京A·10001", "李师傅", 46),
            ("京A·10002", "张师傅", 88),
            ("京A·10003", "王师傅", 35),
            ("京A·10001", "赵师傅", 120),
            ("京A·10002", "李师傅", 64),
            ("京A·10003", "张师傅", 52),
            ("京A·10001", "王师傅", 27),
        ],
        strict=True,
    ):
        trip = _approve(
            _trip(staff if day % 2 else clerk, day, "9:00-11:30", "市财政局", "报送材料")
        )
        services.trip_dispatch(
            trip_id=trip.pk, vehicle=cars[plate], driver=drivers[driver], by=dispatcher
        )
        start = odometer[plate]
        odometer[plate] = start + km
        electric = cars[plate].power == "electric"
        services.trip_complete(
            trip_id=trip.pk,
            by=dispatcher,
            odometer_start=start,
            odometer_end=start + km,
            fuel_litres=None if electric else Decimal(km) * Decimal("0.09"),
            charge_kwh=Decimal(km) * Decimal("0.15") if electric else None,
            energy_cost=Decimal(km) * Decimal("0.7"),
            tolls=Decimal("15") if km > 60 else Decimal("0"),
        )

    # Waiting for the department head (胡刚, head of finance).
    _trip(staff, 2, "9:00-12:00", "市审计局", "审计资料对接")
    # Waiting for the director (the county leaders' department has no head of its own); the
    # earliest trip awaiting approval, so the fuzz suite's director meets the decision forms.
    _trip(county_head, 1, "15:00-18:00", "市信访局", "接访")
    # Approved, awaiting a car.
    _approve(_trip(sunli, 3, "8:30-17:00", "XX镇政府", "乡镇督查", also=[huangtao]))
    # Returned with a reason.
    returned = _trip(staff, 4, "14:00-15:00", "县图书馆", "借阅资料")
    services.trip_decide(
        trip_id=returned.pk,
        by=User.objects.get(username="hugang"),
        approve=False,
        reason="路程很近，请步行或乘公交。",
    )
    # Cancelled by the requester.
    cancelled = _approve(_trip(clerk, 2, "14:00-16:00", "市档案馆", "档案移交"))
    services.trip_cancel(trip_id=cancelled.pk, by=clerk, reason="档案馆改期接收")
    # Dispatched: the driver with a login sees it on his phone.
    ahead = _approve(_trip(staff, 1, "14:00-17:30", "市发改委", "项目申报", also=[huangtao]))
    services.trip_dispatch(
        trip_id=ahead.pk,
        vehicle=cars["京A·10002"],
        driver=drivers["王师傅"],
        by=dispatcher,
        note="请提前十分钟到楼下",
    )
    # Reassigned: first 京A·10001, then the EV because the sedan goes for repair.
    moved = _approve(_trip(clerk, 1, "9:00-11:00", "市政务服务中心", "办理证照"))
    services.trip_dispatch(
        trip_id=moved.pk, vehicle=cars["京A·10001"], driver=drivers["李师傅"], by=dispatcher
    )
    services.trip_reassign(
        trip_id=moved.pk,
        vehicle=cars["京A·10003"],
        driver=drivers["李师傅"],
        by=dispatcher,
        reason="京A·10001 临时送修，改派电动车。",
    )
    # The seeds' case: the county head's own car is at its annual inspection; the deputy's
    # car is lent to him for the morning, with a reason, and the deputy is told at once and
    # offered the MPV meanwhile.
    lent = _approve(_trip(county_head, 1, "8:30-12:00", "市政府", "参加全市经济工作会议"))
    services.trip_dispatch(
        trip_id=lent.pk,
        vehicle=cars["京A·00002"],
        driver=drivers["赵师傅"],
        by=dispatcher,
        lend_reason="县长专车上午年检，市里会议不能迟到。",
        stand_in=cars["京A·10004"],
    )
    # The deputy's own trip in the afternoon, in his own car: nobody needs to approve.
    own = _trip(deputy, 1, "14:30-17:00", "县经济开发区", "调研企业复工", car=cars["京A·00002"])
    services.trip_dispatch(
        trip_id=own.pk, vehicle=cars["京A·00002"], driver=drivers["赵师傅"], by=dispatcher
    )
    log(f"vehicles: {Vehicle.objects.count()} vehicles, {Trip.objects.count()} trips")


SCALE_MARK = "（规模测试）"
SCALE_PLACES = ["市政府", "市财政局", "市档案馆", "高铁站", "XX镇政府", "县经济开发区", "市委党校"]


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` recorded scale trips over the last two years, each with its
    completed dispatch (bulk inserts, no services); returns how many were added."""
    import random

    existing = Trip.objects.filter(purpose__endswith=SCALE_MARK).count()
    missing = count - existing
    if missing <= 0:
        log(f"vehicles: {existing} scale trips already present")
        return 0
    rng = random.Random(existing)
    car, _created = Vehicle.objects.get_or_create(
        plate="京A·99999", defaults={"seats": 7, "kind": "mpv", "model_name": "规模测试车"}
    )
    driver, _created = Driver.objects.get_or_create(
        name="规模测试驾驶员", defaults={"phone": "13899999999"}
    )
    people = list(User.objects.filter(is_active=True, is_superuser=False)[:20])
    dispatcher = User.objects.get(username="dispatcher")
    first = at(-730, 8)
    batch = 2000
    for offset in range(0, missing, batch):
        size = min(batch, missing - offset)
        trips = []
        for n in range(size):
            start = first + datetime.timedelta(days=rng.randrange(0, 728), hours=rng.randrange(9))
            person = people[(offset + n) % len(people)]
            trips.append(
                Trip(
                    requested_by=person,
                    department_id=person.department_id,
                    origin="县政府",
                    destination=rng.choice(SCALE_PLACES),
                    start=start,
                    end=start + datetime.timedelta(hours=rng.choice([1, 2, 4])),
                    purpose="公务用车" + SCALE_MARK,
                    status=Trip.Status.COMPLETED,
                )
            )
        Trip.objects.bulk_create(trips)
        Dispatch.objects.bulk_create(
            Dispatch(
                trip=trip,
                vehicle=car,
                driver=driver,
                start=trip.start,
                end=trip.end,
                status=Dispatch.Status.COMPLETED,
                dispatched_by=dispatcher,
                odometer_start=1000,
                odometer_end=1000 + rng.randrange(5, 200),
                energy_cost=Decimal("50"),
                completed_at=trip.end,
            )
            for trip in trips
        )
    log(f"vehicles: {missing} scale trips added")
    return missing
