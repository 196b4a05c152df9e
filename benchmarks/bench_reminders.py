"""10,000 reminders due at once: one beat tick, a real Celery worker (2 processes), the time
until every one is delivered, and a check that each was delivered exactly once."""

import os
import subprocess
import sys
import time

from benchmarks.common import ROOT, setup_django

COUNT = int(os.environ.get("BENCH_REMINDERS", "10000"))
QUEUE_DB = 13  # a Redis database of its own: a developer's worker never takes these tasks


def main() -> None:
    setup_django("office_bench_reminders")  # small: only users and reminders
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Count
    from django.utils.timezone import now

    from office import demo as office_demo
    from office.celery import app
    from office.models import Notification, Reminder, User

    office_demo.seed(lambda message: None)
    Notification.objects.filter(kind="reminder.bench").delete()
    Reminder.objects.filter(kind="bench").delete()
    people = list(User.objects.filter(is_active=True)[:20])
    user_type = ContentType.objects.get_for_model(User)
    due = now() - timedelta(minutes=1)
    Reminder.objects.bulk_create(
        Reminder(
            kind="bench",
            target_type=user_type,
            target_id=str(people[i % len(people)].pk),
            recipient=people[i % len(people)],
            occurrence=f"bench-{i}",
            due_at=due,
            title=f"提醒{i}",
            url="/",
        )
        for i in range(COUNT)
    )
    redis = os.environ["REDIS_URL"].rsplit("/", 1)[0] + f"/{QUEUE_DB}"
    env = {**os.environ, "REDIS_URL": redis, "DEBUG": "false", "SECRET_KEY": "bench-" + "k" * 50}
    env["ALLOWED_HOSTS"] = "office.example.org"
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "office", "worker", "--concurrency=2"]
        + ["--loglevel=WARNING", "--without-heartbeat", "--without-gossip", "--without-mingle"],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(5)  # the worker connects
        started = time.monotonic()
        with app.connection_for_write(redis) as connection:
            app.send_task("office.tasks.dispatch_due_reminders", connection=connection)
        pending = Reminder.objects.filter(kind="bench", status=Reminder.Status.PENDING)
        while pending.exists() and time.monotonic() - started < 600:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
    finally:
        worker.terminate()
        worker.wait(30)
    sent = Reminder.objects.filter(kind="bench", status=Reminder.Status.SENT).count()
    per_reminder = (
        Notification.objects.filter(kind="reminder.bench")
        .values("reminder_id")
        .annotate(n=Count("pk"))
    )
    twice = sum(1 for row in per_reminder if row["n"] > 1)
    print(f"\n{COUNT} reminders due at once: {sent} sent in {elapsed:.1f} s, {twice} twice")


if __name__ == "__main__":
    main()
