"""Reception demo data: a week of visits around today, with arrangements and a watch list;
and seed_scale() for benchmarks (bulk inserts, no services)."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils.timezone import localdate, localtime, make_aware, now

from office.demo import user
from office.identity import resident_id_check_char

from . import services
from .models import Arrangement, RollCall, Visit, Visitor, WatchListEntry

# (day offset, hh:mm, hours, host, organisation, purpose, [visitors], outcome)
WEEK = [
    (
        -3,
        "09:30",
        2,
        "hugang",
        "市财政局预算处",
        "年度预算执行情况座谈",
        ["陈立新", "高媛"],
        "left",
    ),
    (-3, "14:00", 1, "huangtao", "省人社厅", "职称评审材料报送", ["潘浩"], "left"),
    (
        -2,
        "10:00",
        3,
        "sunli",
        "华北电力设计院",
        "办公楼配电改造方案交流",
        ["韩冰", "蒋涛", "唐敏"],
        "left",
    ),
    (-2, "15:30", 1, "staff", "中国银行市分行", "代发工资业务对接", ["冯倩"], "no_show"),
    (
        -1,
        "09:00",
        4,
        "director",
        "市政府办公室",
        "综合工作调研",
        ["宋志远", "许静", "邓可"],
        "left",
    ),
    (-1, "14:30", 2, "maxiaoyu", "浪潮软件公司", "协同办公系统升级演示", ["曹磊", "彭宇"], "left"),
    # Today's visits are placed around the moment the demo is loaded ("-1:00": an hour ago), so
    # that one is inside and three are still to come at any hour of the day.
    (0, "-1:00", 2, "hugang", "市审计局", "专项审计进场沟通", ["袁明", "邱华"], "arrived"),
    (0, "+0:30", 2, "staff", "市档案馆", "档案移交业务指导", ["罗琳"], "expected"),
    (
        0,
        "+1:30",
        3,
        "sunli",
        "兄弟单位办公室",
        "学习交流综合管理经验",
        ["薛峰", "魏红", "何平", "林涛"],
        "expected",
    ),
    (0, "+2:30", 1, "huangtao", "市人才服务中心", "人事档案转递", ["吕洋"], "expected"),
    (1, "09:30", 3, "director", "省委办公厅", "督查调研", ["程远", "孟琪", "董涛"], "expected"),
    (1, "14:00", 2, "maxiaoyu", "华为技术有限公司", "视频会议系统维护", ["傅军"], "expected"),
    (2, "10:00", 2, "hugang", "市税务局", "税收政策宣讲", ["马骏", "钟慧"], "expected"),
    (
        3,
        "09:00",
        8,
        "director",
        "友好城市代表团",
        "交流访问",
        ["石磊", "龙飞", "叶婷", "方圆", "黎明"],
        "expected",
    ),
]

ARRANGEMENTS = [
    # index into WEEK, kind, people, standard, cost, responsible, details
    (4, "meal", 6, "工作餐 每人80元", "480", "reception", "机关食堂二楼小餐厅"),
    (4, "meeting_room", 8, "", "0", "reception", "三楼第一会议室，准备汇报材料"),
    (8, "meal", 6, "工作餐 每人60元", "360", "reception", "食堂包间"),
    (10, "lodging", 3, "标准间 每间每晚450元", "2700", "reception", "市委招待所，两晚"),
    (10, "car", 3, "商务车", "300", "zhoujie", "高铁站接站 08:30"),
    (13, "meal", 10, "欢迎晚宴 每人150元", "1500", "reception", "按外事接待标准"),
    (13, "ticket", 5, "高铁二等座", "1100", "sunli", "返程车票，G字头"),
]


def demo_id(seed: int) -> str:
    born = datetime(1965, 1, 1) + timedelta(days=seed * 397 % 14000)
    first17 = f"110105{born:%Y%m%d}{seed % 1000:03d}"
    return first17 + resident_id_check_char(first17)


def _at(day_offset: int, hhmm: str) -> datetime:
    """A clock time `day_offset` days from today, or "+h:mm" / "-h:mm" from now (5-minute steps)."""
    if hhmm[0] in "+-":
        hours, minutes = map(int, hhmm[1:].split(":"))
        shift = timedelta(hours=hours, minutes=minutes) * (1 if hhmm[0] == "+" else -1)
        moment = now().replace(second=0, microsecond=0)
        return moment - timedelta(minutes=moment.minute % 5) + shift
    hour, minute = map(int, hhmm.split(":"))
    return make_aware(
        datetime.combine(localdate() + timedelta(days=day_offset), time(hour, minute))
    )


def seed(log) -> None:
    organisations = [row[4] for row in WEEK]
    if Visit.objects.filter(organisation__in=organisations).exists():
        log("reception: demo visits already present")
        return
    desk = user("reception")
    visits = []
    for n, (offset, hhmm, hours, host, org, purpose, names, _outcome) in enumerate(WEEK):
        arrival = _at(offset, hhmm)
        people = [
            services.VisitorData(
                name=name,
                phone=f"139{n:02d}{i:02d}{4321 + n * 7:04d}",
                id_type="resident_id" if i % 2 == 0 else "",
                id_number=demo_id(n * 10 + i) if i % 2 == 0 else "",
            )
            for i, name in enumerate(names)
        ]
        visit = services.visit_register(
            host=user(host),
            by=user(host) if n % 3 else desk,
            organisation=org,
            purpose=purpose,
            expected_arrival=arrival,
            expected_departure=arrival + timedelta(hours=hours),
            visitors=people,
        )
        visits.append(visit)
    for index, kind, people, standard, cost, responsible, details in ARRANGEMENTS:
        services.arrangement_create(
            visit_id=visits[index].pk,
            by=desk,
            kind=kind,
            on=localtime(visits[index].expected_arrival).date(),
            people=people,
            standard=standard,
            responsible=user(responsible),
            cost_estimate=Decimal(cost),
            details=details,
        )
    done = Arrangement.objects.filter(visit__in=visits[:6], status=Arrangement.Status.PLANNED)
    for arrangement in done:
        services.arrangement_complete(arrangement_id=arrangement.pk, by=desk)
    for visit, row in zip(visits, WEEK, strict=True):
        _play(visit, row[7], desk, visit.expected_arrival)
    _seed_changes(visits, desk)
    if not WatchListEntry.objects.exists():
        services.watch_entry_add(
            by=desk,
            name="钱某某",
            phone="13600001111",
            reason="曾多次无理纠缠工作人员，接待时请通知保卫科",
        )
    log(f"reception: {len(visits)} visits, {len(ARRANGEMENTS)} arrangements, 1 watch-list entry")


def _seed_changes(visits: list[Visit], desk) -> None:
    """A colleague joins the 市档案馆 visit; the 兄弟单位 lunch grows by two (still editable)."""
    archive = visits[7]
    services.visitor_add(
        visit_id=archive.pk, by=archive.host, visitor=services.VisitorData(name="孔晨")
    )
    lunch = Arrangement.objects.filter(visit=visits[8], kind=Arrangement.Kind.MEAL).first()
    if lunch is not None:
        services.arrangement_update(
            arrangement_id=lunch.pk,
            by=desk,
            kind=lunch.kind,
            on=lunch.date,
            responsible=lunch.responsible,
            cost_estimate=Decimal("480"),
            people=8,
            standard=lunch.standard,
            details=f"{lunch.details}，增加两位陪同",
        )


def seed_last(log) -> None:
    """After every app's seed (seed_demo): the drill's list holds the staff on duty as well."""
    _seed_drill(user("reception"))


def _seed_drill(desk) -> None:
    """A fire drill finished a quarter of an hour ago: everyone then inside marked safe."""
    if RollCall.objects.exists():
        return
    drill = services.roll_call_start(by=desk, drill=True)
    for entry in drill.entries.all():
        services.roll_call_mark(entry_id=entry.pk, by=desk)
    services.roll_call_close(
        roll_call_id=drill.pk, by=desk, note="消防疏散演练，全员于东侧广场集合"
    )
    moment = now()
    RollCall.objects.filter(pk=drill.pk).update(
        started_at=moment - timedelta(minutes=25), closed_at=moment - timedelta(minutes=15)
    )
    drill.entries.update(safe_at=moment - timedelta(minutes=20))


def _play(visit: Visit, outcome: str, desk, arrival: datetime) -> None:
    """Walk a demo visit through the desk, then move the timestamps to when it happened."""
    if outcome == "no_show":
        services.visit_mark_no_show(visit_id=visit.pk, by=desk)
        return
    if outcome == "expected":
        return
    for i, person in enumerate(visit.visitors.all()):
        services.visitor_check_in(
            visitor_id=person.pk, badge_number=f"{visit.pk % 100:02d}{i + 1}", by=desk
        )
        checked_in = arrival + timedelta(minutes=5 + i)
        Visitor.objects.filter(pk=person.pk).update(checked_in_at=checked_in)
        if outcome == "left":
            services.visitor_check_out(visitor_id=person.pk, by=desk)
            Visitor.objects.filter(pk=person.pk).update(
                checked_out_at=visit.expected_departure - timedelta(minutes=10 - i)
            )
    Visit.objects.filter(pk=visit.pk).update(
        arrived_at=arrival + timedelta(minutes=5),
        left_at=visit.expected_departure - timedelta(minutes=10) if outcome == "left" else None,
    )


SCALE_ORGS = [
    "市财政局", "市审计局", "市税务局", "市档案馆", "省人社厅", "华北电力设计院", "中国银行市分行",
    "浪潮软件公司", "市政府办公室", "省委办公厅", "市统计局", "市发改委", "市科协", "市交通局",
]  # fmt: skip
SCALE_NAMES = "张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗"
SCALE_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"]
SCALE_MARK = "（规模测试）"


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` scale visits over the last two years and the coming week,
    1-3 visitors each (only the missing ones are bulk-created); returns how many were added."""
    existing = Visit.objects.filter(purpose__endswith=SCALE_MARK).count()
    missing = count - existing
    if missing <= 0:
        log(f"reception: {existing} scale visits already present")
        return 0
    rng = random.Random(existing)
    hosts = list(
        user(name) for name in ["staff", "sunli", "huangtao", "maxiaoyu", "hugang", "director"]
    )
    desk = user("reception")
    moment, today = now(), localdate()
    start = make_aware(datetime.combine(today - timedelta(days=730), time(8)))
    batch = 5000
    for offset in range(0, missing, batch):
        visits, plans = [], []
        for n in range(offset, min(offset + batch, missing)):
            day = rng.randrange(0, 738)
            arrival = start + timedelta(days=day, minutes=rng.randrange(0, 9 * 60))
            departure = arrival + timedelta(hours=rng.choice([1, 2, 3]))
            people = [
                SCALE_NAMES[rng.randrange(len(SCALE_NAMES))] + rng.choice(SCALE_GIVEN)
                for _ in range(rng.choice([1, 1, 1, 2, 3]))
            ]
            if departure < moment:
                status = rng.choices(["left", "no_show", "cancelled"], [90, 6, 4])[0]
            elif arrival < moment:
                status = "arrived"
            else:
                status = "expected"
            visits.append(
                Visit(
                    host=hosts[n % len(hosts)],
                    registered_by=desk,
                    organisation=SCALE_ORGS[rng.randrange(len(SCALE_ORGS))],
                    purpose="业务洽谈" + SCALE_MARK,
                    expected_arrival=arrival,
                    expected_departure=departure,
                    party=services.visits.party_line(people),
                    headcount=len(people),
                    status=status,
                    arrived_at=arrival if status in ("arrived", "left") else None,
                    left_at=departure if status == "left" else None,
                )
            )
            plans.append(people)
        Visit.objects.bulk_create(visits, batch_size=2000)
        visitors, arrangements = [], []
        for visit, people in zip(visits, plans, strict=True):
            recent = visit.expected_arrival > moment - timedelta(days=180)
            inside = visit.status in ("arrived", "left")
            for i, name in enumerate(people):
                visitors.append(
                    Visitor(
                        visit=visit,
                        order=i,
                        name=name,
                        phone=f"13{rng.randrange(3, 10)}{rng.randrange(10**8):08d}",
                        id_type="resident_id" if recent else "",
                        id_number=demo_id(visit.pk * 3 + i) if recent else "",
                        badge_number=f"S{visit.pk}-{i}" if inside else "",
                        checked_in_at=visit.expected_arrival if inside else None,
                        checked_in_by=desk if inside else None,
                        checked_out_at=visit.expected_departure if visit.status == "left" else None,
                    )
                )
            if visit.pk % 10 == 0:
                arrangements.append(
                    Arrangement(
                        visit=visit,
                        kind="meal",
                        date=localtime(visit.expected_arrival).date(),
                        people=len(people),
                        standard="工作餐",
                        responsible=desk,
                        cost_estimate=Decimal(60 * len(people)),
                        status="done" if visit.status == "left" else "planned",
                        created_by=desk,
                    )
                )
        Visitor.objects.bulk_create(visitors, batch_size=5000)
        Arrangement.objects.bulk_create(arrangements, batch_size=2000)
        log(f"reception: {offset + len(visits)} / {missing} scale visits")
    return missing
