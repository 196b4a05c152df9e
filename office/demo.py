"""The office's part of the demo data: departments, the seven demo accounts, more staff.

Each feature app may have a `demo.py` with `seed(log)`; seed_demo calls them in
INSTALLED_APPS order after this one. Every seed is idempotent: a second run changes nothing.
"""

from django.contrib.auth.models import Group

from office.models import Department, User

DEMO_PASSWORD = "demo12345"

DEPARTMENTS = [
    # code, name, parent code
    ("office", "办公室", None),
    ("general", "综合科", "office"),
    ("secretariat", "文秘科", "office"),
    ("duty-room", "总值班室", "office"),
    ("reception", "接待科", "office"),
    ("inspection", "督查室", "office"),
    ("finance", "财务处", None),
    ("personnel", "人事处", None),
    ("it-centre", "信息中心", None),
]

# username, name, department, title, roles
DEMO_USERS = [
    ("director", "王建国", "office", "办公室主任", ["director"]),
    ("clerk", "李秀英", "secretariat", "文秘", ["clerk"]),
    ("leader", "张伟", "duty-room", "值班长", ["shift_leader", "duty_officer"]),
    ("officer", "刘洋", "duty-room", "值班员", ["duty_officer"]),
    ("reception", "陈静", "reception", "接待员", ["receptionist"]),
    ("supervisor", "杨帆", "inspection", "督办员", ["supervisor"]),
    ("staff", "赵磊", "finance", "科员", []),
    ("finance", "钱芳", "finance", "会计", ["finance"]),  # a step of the spending chain
    ("keeper", "何玉兰", "general", "印章管理员", ["seal_keeper"]),
    ("dispatcher", "高志远", "general", "车辆调度员", ["dispatcher"]),
    ("storekeeper", "罗小梅", "general", "库管员", ["storekeeper"]),
    ("petitions", "谢文博", "general", "信访专员", ["petition_officer"]),
]

EXTRA_STAFF = [
    ("zhoujie", "周杰", "duty-room", "值班员", ["duty_officer"]),
    ("wumin", "吴敏", "duty-room", "值班员", ["duty_officer"]),
    ("zhengqiang", "郑强", "duty-room", "值班长", ["shift_leader", "duty_officer"]),
    ("sunli", "孙丽", "general", "科长", []),
    ("huangtao", "黄涛", "personnel", "处长", []),
    ("maxiaoyu", "马晓雨", "it-centre", "工程师", []),
    ("hugang", "胡刚", "finance", "处长", []),
    ("linna", "林娜", "secretariat", "文秘", ["clerk"]),
]


def seed(log) -> None:
    departments = {}
    for order, (code, name, parent) in enumerate(DEPARTMENTS):
        departments[code], _created = Department.objects.get_or_create(
            code=code, defaults={"name": name, "parent": departments.get(parent), "order": order}
        )
    created = 0
    for username, name, dept, title, roles in DEMO_USERS + EXTRA_STAFF:
        user, is_new = User.objects.get_or_create(
            username=username,
            defaults={
                "name": name,
                "department": departments[dept],
                "title": title,
                "email": f"{username}@example.com",
                "phone": f"0105555{len(username):02d}{ord(username[0]) % 100:02d}",
            },
        )
        if is_new:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.set(Group.objects.filter(name__in=roles))
            created += 1
    heads = {
        "office": "director",
        "duty-room": "leader",
        "finance": "hugang",
        "personnel": "huangtao",
        "general": "sunli",
    }
    for code, username in heads.items():
        Department.objects.filter(code=code, head__isnull=True).update(
            head=User.objects.get(username=username)
        )
    admin, is_new = User.objects.get_or_create(
        username="admin", defaults={"name": "系统管理员", "is_staff": True, "is_superuser": True}
    )
    if is_new:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    log(f"office: {len(departments)} departments, {created} new accounts")


def user(username: str) -> User:
    return User.objects.get(username=username)
