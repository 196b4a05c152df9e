"""Demo supervision items in every state, and bulk rows for benchmarks.

Items are filed and moved through the real services (so history, notifications and reminders
look as in real use), then dated back where the story needs a past deadline. Idempotent:
an item whose title exists is left alone. Documents and meetings link their own items.
"""

import datetime
import random

from django.db.models import Max
from django.utils import timezone

from office.demo import user
from office.models import Department, User

from . import services
from .demo_history import spread_history
from .models import Task

# title, source kind, source reference, assigner, owner, co-owners, days to deadline, story,
# report cycle, what is to be done
ITEMS = [
    ("完成办公楼消防设施全面检查", "adhoc", "", "director", "sunli", [], 12, "assigned", "none",
     "对办公楼消防栓、灭火器、应急照明和疏散通道逐层检查，形成问题清单并限期整改。"),
    ("落实机关节能降耗工作方案", "instruction", "收文〔2026〕15号 关于做好节能降耗工作的通知",
     "director", "hugang", ["staff"], 20, "reporting", "weekly",
     "按照批示要求制定节能降耗具体措施，每周报送用电用水数据。"),
    ("修订公务接待管理办法", "resolution", "2026年第9次主任办公会", "clerk", "reception", [],
     2, "reporting", "none", "对照最新规定修订接待标准、审批流程和费用结算办法。"),
    ("推进办公系统国产化适配", "resolution", "2026年第8次主任办公会", "clerk", "maxiaoyu", [],
     -4, "reporting", "monthly", "完成公文、会议、值班模块在国产操作系统和浏览器上的适配测试。"),
    ("整理2025年度文书档案", "adhoc", "", "clerk", "linna", ["clerk"], 5, "submitted", "none",
     "按照DA/T 22要求完成2025年度文书档案的整理、编号和装盒。"),
    ("报送第三季度财务分析报告", "instruction", "收文〔2026〕9号 关于报送季度财务分析的通知",
     "director", "hugang", [], -10, "on_time", "none", "分析三季度预算执行情况并提出建议。"),
    ("开展值班人员业务培训", "adhoc", "", "supervisor", "leader", ["officer"], -20, "late",
     "none", "组织全体值班人员学习应急处置流程并进行一次桌面推演。"),
    ("更新全员通讯录", "adhoc", "", "clerk", "huangtao", [], 8, "cancelled", "none",
     "核对各部门人员变动，更新内部通讯录。"),
    ("组织年度干部考核材料", "instruction", "收文〔2026〕21号 关于开展年度考核工作的通知",
     "director", "huangtao", [], 6, "extension_pending", "none",
     "收集各部门考核材料，汇总形成考核工作报告。"),
    ("完善视频会议系统", "resolution", "2026年第9次主任办公会", "clerk", "maxiaoyu", [], 8,
     "returned", "none", "解决分会场音视频不同步问题，完成三次联调测试。"),
    ("机房UPS电源更换", "adhoc", "", "supervisor", "maxiaoyu", [], 3, "extended", "none",
     "更换机房UPS电池组并完成切换演练。"),
    ("食堂满意度调查", "adhoc", "", "clerk", "sunli", [], -35, "on_time", "none",
     "开展职工食堂满意度问卷调查并提出改进措施。"),
    ("规范公文格式培训", "adhoc", "", "supervisor", "staff", [], 6, "assigned", "none",
     "组织各处室文秘人员学习GB/T 9704公文格式要求。"),
    ("清理过期通知公告", "adhoc", "", "clerk", "officer", [], -8, "reporting", "none",
     "清理门户网站和公告栏过期通知，建立定期清理机制。"),
    ("编制年度工作总结", "instruction", "主任批示", "director", "linna", ["sunli"], -62,
     "on_time", "none", "汇总各部门年度工作情况，起草办公室年度工作总结。"),
    ("落实安全生产大检查问题整改", "resolution", "2026年第7次主任办公会", "director",
     "sunli", ["hugang"], -48, "late", "none", "对安全生产大检查发现的12项问题逐项整改销号。"),
    ("更新应急预案", "adhoc", "", "supervisor", "leader", [], -90, "on_time", "none",
     "修订突发事件总体应急预案及专项预案。"),
    ("整改档案室温湿度不达标问题", "adhoc", "", "supervisor", "staff", [], -6, "chased", "none",
     "加装恒温恒湿设备，档案室温度14-24℃、湿度45%-60%，每日记录。"),
    ("创建节约型机关示范单位", "instruction", "主任批示", "director", "hugang",
     ["sunli", "linna"], 25, "split", "none", "对照创建标准分解任务，按期完成创建验收。"),
]  # fmt: skip

REPORT_TEXTS = [
    "已召开专题会议研究部署，明确了责任分工和时间节点。",
    "已完成前期调研，正在起草具体方案。",
    "主要工作已完成约六成，剩余部分正在推进。",
]


def seed(log) -> None:
    today = timezone.localdate()
    made = 0
    for entry in ITEMS:
        title, kind, reference, assigner, owner, co_owners, days, story, cycle, text = entry
        if Task.objects.filter(title=title).exists():
            continue
        _tell_story(
            title=title,
            kind=kind,
            reference=reference,
            assigner=user(assigner),
            owner=user(owner),
            co_owners=[user(name) for name in co_owners],
            deadline=today + datetime.timedelta(days=days),
            story=story,
            cycle=cycle,
            description=text,
        )
        made += 1
    log(f"supervision: {made} new items ({Task.objects.count()} in all)")


def _tell_story(*, title, kind, reference, assigner, owner, co_owners, deadline, story, cycle,
                description) -> None:  # fmt: skip
    today = timezone.localdate()
    task = services.task_create_from(
        source=None,
        source_kind=kind,
        source_label=reference,
        title=title,
        description=description,
        owner=owner,
        co_owners=co_owners,
        deadline=max(deadline, today + datetime.timedelta(days=1)),
        assigned_by=assigner,
        priority="urgent" if "消防" in title or "安全" in title else "normal",
        report_cycle=cycle,
    )
    supervisor = user("supervisor")
    if story in ("assigned", "cancelled"):
        if story == "cancelled":
            services.task_cancel(
                task_id=task.pk, by=assigner, reason="已并入年度人事信息核对工作。"
            )
        return _date_back(task, deadline)
    services.task_accept(task_id=task.pk, by=owner)
    for text in REPORT_TEXTS[: 2 if story != "assigned" else 0]:
        services.progress_report_add(task_id=task.pk, by=owner, text=text)
    if story == "extension_pending":
        services.extension_request(task_id=task.pk, by=owner, reason="部分部门材料尚未报送。",
                                   new_deadline=deadline + datetime.timedelta(days=10))  # fmt: skip
    elif story == "extended":
        extension = services.extension_request(
            task_id=task.pk, by=owner, reason="电池组供货延迟。",
            new_deadline=deadline + datetime.timedelta(days=12),
        )  # fmt: skip
        services.extension_decide(extension_id=extension.pk, by=assigner, approve=True,
                                  note="同意，请抓紧协调供货。")  # fmt: skip
        filed = timezone.now() - datetime.timedelta(days=20)
        return spread_history(task, filed=filed, end=timezone.now())
    elif story == "chased":  # red: chased twice, the owner explains, the director instructs
        services.task_chase(
            task_id=task.pk, by=supervisor, text="该事项已逾期，请说明原因并尽快办结。"
        )
        services.note_reply(
            task_id=task.pk,
            by=owner,
            text="设备供应商延迟供货，已协调本周内到货安装，预计三日内办结。",
        )
        services.task_chase(task_id=task.pk, by=user("director"), text="请于本周五前办结销号。")
        services.note_add(task_id=task.pk, by=user("director"), kind="instruction",
                          text="请督查室跟踪落实，逾期纳入月度通报。")  # fmt: skip
    elif story == "split":  # split between the co-owners; one part verified, one under way
        first, second = co_owners[:2]
        soon, later = today + datetime.timedelta(days=5), today + datetime.timedelta(days=15)
        parts = services.task_split(task_id=task.pk, by=owner, parts=[
            {"owner": first, "title": f"{title}：制定实施方案", "deadline": soon},
            {"owner": second, "title": f"{title}：组织宣传动员", "deadline": later},
        ])  # fmt: skip
        services.task_accept(task_id=parts[0].pk, by=first)
        services.task_completion_request(task_id=parts[0].pk, by=first, result="实施方案已印发。")
        services.task_completion_verify(task_id=parts[0].pk, by=supervisor)
        services.task_accept(task_id=parts[1].pk, by=second)
        services.progress_report_add(task_id=parts[1].pk, by=second, text="宣传材料已设计完成。")
    elif story == "returned":
        services.task_completion_request(task_id=task.pk, by=owner, result="已完成调试。")
        services.task_completion_return(task_id=task.pk, by=supervisor,
                                        reason="缺少三次联调测试记录，请补充。")  # fmt: skip
    elif story in ("submitted", "on_time", "late"):
        services.task_completion_request(
            task_id=task.pk, by=owner, result="已按要求全部完成，相关材料已归档。"
        )
        if story != "submitted":
            services.task_completion_verify(task_id=task.pk, by=supervisor)
            Task.objects.filter(pk=task.pk).update(on_time=story == "on_time")
    _date_back(task, deadline)


def _date_back(task: Task, deadline: datetime.date) -> None:
    """Put the story at its real dates: filed weeks before the deadline, done around it, each
    step of its history in between (supervision.demo_history), relative to now."""
    filed = timezone.make_aware(
        datetime.datetime.combine(deadline - datetime.timedelta(days=30), datetime.time(9, 30))
    )
    filed = min(filed, timezone.now() - datetime.timedelta(days=2))
    Task.objects.filter(pk=task.pk).update(deadline=deadline, original_deadline=deadline)
    task.refresh_from_db()
    end, delay = timezone.now(), 0
    if task.status == Task.Status.COMPLETED:
        delay = -2 if task.on_time else 5
        end = filed + datetime.timedelta(days=31 + delay)
    spread_history(task, filed=filed, end=end)
    if task.status == Task.Status.COMPLETED:  # the statistics read these two exactly
        done = filed + datetime.timedelta(days=30 + delay)
        Task.objects.filter(pk=task.pk).update(
            completion_requested_at=done, completed_at=done + datetime.timedelta(days=1)
        )
    for child in task.children.all():
        spread_history(child, filed=child.created_at, end=end)  # from the parent's split


def seed_scale(count: int, log) -> int:
    """Make sure there are `count` items, spread over the last year and the coming two months
    (only the missing ones are bulk-created); returns how many were added."""
    count = max(0, count - Task.objects.count())  # from here: how many to add
    rng = random.Random(20261123)
    today = timezone.localdate()
    now = timezone.now()
    departments = list(Department.objects.all())
    people = list(User.objects.filter(is_active=True, department__isnull=False))
    assigners = [user(name) for name in ("director", "clerk", "supervisor")]
    start = (Task.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
    kinds = Task.SourceKind.values
    batch = []
    for number in range(start, start + count):
        owner = rng.choice(people)
        deadline = today + datetime.timedelta(days=rng.randint(-365, 60))
        status, on_time, done = _scale_status(rng, deadline, today, now)
        batch.append(
            Task(
                title=f"督办事项（规模测试）第{number}号",
                description="规模测试数据。",
                source_kind=rng.choice(kinds),
                owner=owner,
                owner_department=owner.department
                if rng.random() < 0.9
                else rng.choice(departments),
                assigned_by=rng.choice(assigners),
                deadline=deadline,
                original_deadline=deadline,
                status=status,
                on_time=on_time,
                completed_at=done,
                completion_requested_at=done,
            )
        )
        if len(batch) == 2000:
            Task.objects.bulk_create(batch)
            batch = []
    Task.objects.bulk_create(batch)
    log(f"supervision: {count} items added ({Task.objects.count()} in all)")
    return count


def _scale_status(rng, deadline, today, now):
    if deadline < today and rng.random() < 0.85:
        on_time = rng.random() < 0.8
        return Task.Status.COMPLETED, on_time, now
    if rng.random() < 0.03:
        return Task.Status.CANCELLED, None, None
    status = rng.choice([Task.Status.ASSIGNED, Task.Status.IN_PROGRESS, Task.Status.IN_PROGRESS])
    return status, None, None


__all__ = ["seed", "seed_scale"]
