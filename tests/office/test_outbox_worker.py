"""Redis goes away for real while people book a meeting, ask for PDFs and are notified: every
request answers as usual, and once Redis is back the running worker and the outbox sweep
deliver each e-mail once and finish each export.

The test runs a Redis of its own on a free port, so the shared development Redis stays up."""

import email
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis
from django.db import transaction
from django.urls import reverse
from django.utils.timezone import localdate

from meetings.models import Meeting
from office.models import GeneratedFile, OutboxMessage
from office.services import notify
from supervision.models import Circular
from tests.meetings.factories import RoomFactory, at
from tests.office.test_reminders_worker import start_worker, stop, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]


class RedisServer:
    """A throw-away redis-server without persistence: a restart loses every queued message."""

    def __init__(self, workdir: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.workdir, self.process = workdir, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url, socket_timeout=1)
        assert wait_for(lambda: _answers(client), 10), "redis-server did not start"

    def consumers(self) -> int:
        """Connections waiting for tasks (a worker's BRPOP)."""
        clients = redis.Redis.from_url(self.url, socket_timeout=1).client_list()
        return sum(c["cmd"] == "brpop" for c in clients)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def _answers(client) -> bool:
    try:
        return client.ping()
    except redis.RedisError:
        return False


@pytest.fixture
def own_redis(tmp_path, settings, monkeypatch):
    """Point this process and the worker at a Redis of the test's own."""
    from office.celery import app

    server = RedisServer(tmp_path)
    server.start()
    settings.REDIS_URL = settings.CELERY_BROKER_URL = server.url  # start_worker reads REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = server.url
    yield server
    app.conf.broker_url = previous
    server.stop()


def send(task_name: str, *args) -> None:
    """Through the broker, as beat (or a duplicate publish) would."""
    from office.celery import app

    with app.connection_for_write() as connection:
        app.send_task(task_name, args=args, connection=connection)


def sent_mail(folder: Path) -> list[email.message.Message]:
    """The messages Django's file-based backend wrote (one file per connection)."""
    messages = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip()))
    return messages


def _booking(room, chair, recorder, invited) -> dict:
    return {
        "title": "预算编制专题会",
        "kind": "topical",
        "start": at(2, 14).strftime("%Y-%m-%dT%H:%M"),
        "end": at(2, 15).strftime("%Y-%m-%dT%H:%M"),
        "room": room.pk,
        "chair": chair.pk,
        "recorder": recorder.pk,
        "required_attendees": [p.pk for p in invited],
        "weeks": 1,
        "agenda-TOTAL_FORMS": 0,
        "agenda-INITIAL_FORMS": 0,
    }


def test_redis_outage_loses_nothing_and_sends_nothing_twice(
    own_redis, tmp_path, monkeypatch, client, client_for, clerk, director, leader, staff,
    other_staff, supervisor,
):  # fmt: skip
    mailbox = (tmp_path / "mail").resolve()  # the worker runs elsewhere: absolute paths
    mailbox.mkdir()
    monkeypatch.setenv("EMAIL_URL", f"filemail:///{mailbox}")  # four slashes: absolute
    monkeypatch.setenv("MEDIA_ROOT", str((tmp_path / "media").resolve()))
    worker = start_worker(0)  # running before the outage: it must survive Redis restarting
    try:
        assert wait_for(lambda: own_redis.consumers() > 0, 60), "the worker never connected"
        own_redis.stop()
        timings = {}

        def timed(name, call):
            started = time.monotonic()
            response = call()
            timings[name] = time.monotonic() - started
            return response

        as_clerk = client_for(clerk)
        booked = timed(
            "meeting",
            lambda: as_clerk.post(
                reverse("meetings:create"),
                _booking(RoomFactory(), director, clerk, [staff, other_staff]),
            ),
        )
        catalogue = timed(
            "catalogue", lambda: as_clerk.post(reverse("documents:archive_catalogue_pdf"))
        )
        roster = timed("roster", lambda: client_for(leader).post(reverse("duty:roster_pdf")))
        circular = timed(
            "circular",
            lambda: client_for(supervisor).post(
                reverse("supervision:circular_request"), {"month": f"{localdate():%Y-%m}"}
            ),
        )

        def a_service_notifies():
            with transaction.atomic():
                notify(recipients=[staff], title="请审阅来文", actor=clerk, email=True)

        timed("notify", a_service_notifies)
        health = client.get("/healthz")

        responses = [booked, catalogue, roster, circular]
        assert [r.status_code for r in responses] == [302] * 4, timings
        assert health.status_code == 503 and health.json()["broker"]["ok"] is False
        assert max(timings.values()) < 5, timings
        assert Meeting.objects.count() == 1
        assert GeneratedFile.objects.filter(status="pending").count() == 2
        queued = OutboxMessage.objects.filter(dispatched_at__isnull=True, done_at__isnull=True)
        assert queued.count() == 7  # 3 invitations, 2 exports, 1 circular, 1 e-mail copy
        assert not list(mailbox.iterdir())

        own_redis.start()
        back = time.monotonic()
        send("office.tasks.sweep_outbox")  # the next beat tick after Redis is back
        all_done = wait_for(
            lambda: not OutboxMessage.objects.filter(done_at__isnull=True).exists(), 120
        )
        delivered_after = time.monotonic() - back
        send("office.tasks.sweep_outbox")  # later ticks, and every message once more
        for message_id in OutboxMessage.objects.values_list("pk", flat=True):
            send("office.tasks.deliver", message_id)
        time.sleep(3)
    finally:
        log = stop(worker)
    assert all_done, log
    assert "Connection to broker lost" in log  # the same worker reconnected and delivered
    mails = sent_mail(mailbox)
    invited = sorted([director.email, staff.email, other_staff.email])
    assert sorted(m["To"] for m in mails) == sorted([*invited, staff.email]), log
    assert sum(m.is_multipart() for m in mails) == 3  # the invitations carry their .ics
    assert set(GeneratedFile.objects.values_list("status", flat=True)) == {"ready"}
    assert Circular.objects.get().status == "ready"
    print(
        f"\noutbox outage: {len(timings)} actions answered in "
        + ", ".join(f"{k} {v:.2f}s" for k, v in timings.items())
        + f"; {OutboxMessage.objects.count()} side effects delivered {delivered_after:.1f}s"
        " after Redis came back"
    )
