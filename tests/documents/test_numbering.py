"""Receipt and document numbers: gap-free and unique, also under concurrent transactions."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils.timezone import localdate, now

from documents.models import IncomingDocument, SerialCounter
from documents.services import incoming_register, next_serial


def register_data(title="关于加强值班工作的通知"):
    return {
        "source_org": "市应急管理局",
        "source_number": "市应急发〔2026〕3号",
        "title": title,
        "kind": "notice",
        "urgency": "normal",
        "security_level": "internal",
        "copies": 2,
        "received_at": now() - timedelta(hours=1),
        "deadline": None,
        "keywords": "",
        "summary": "",
    }


def test_receipt_numbers_follow_on_per_year(clerk):
    first = incoming_register(by=clerk, data=register_data())
    second = incoming_register(by=clerk, data=register_data("第二份"))
    year = localdate().year
    assert (first.serial, second.serial) == (1, 2)
    assert second.number == f"收文〔{year}〕2号"


def test_a_rolled_back_registration_gives_its_number_back(clerk):
    incoming_register(by=clerk, data=register_data())
    with pytest.raises(RuntimeError), transaction.atomic():
        incoming_register(by=clerk, data=register_data("回滚"))
        raise RuntimeError("simulated failure after numbering")
    third = incoming_register(by=clerk, data=register_data("第三份"))
    assert third.serial == 2


@pytest.mark.django_db(transaction=True)
def test_next_serial_refuses_to_run_outside_a_transaction():
    with pytest.raises(RuntimeError):
        next_serial(series="x", year=2026)


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_gap_free_numbers(clerk):
    """Eight clerks press Register at the same instant: numbers 1..8, no gap, no duplicate."""
    workers, barrier, errors = 8, threading.Barrier(8), []

    def register(index):
        try:
            barrier.wait(timeout=10)
            incoming_register(by=clerk, data=register_data(f"并发登记{index}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    serials = sorted(IncomingDocument.objects.values_list("serial", flat=True))
    assert serials == list(range(1, workers + 1))
    assert SerialCounter.objects.get(series="incoming").last == workers


@pytest.mark.django_db(transaction=True)
def test_a_transaction_holding_the_counter_makes_the_next_one_wait(clerk):
    """While one registration is open (counter row locked), another blocks, then follows on."""
    started, release, results = threading.Event(), threading.Event(), []

    def slow():
        try:
            with transaction.atomic():
                results.append(incoming_register(by=clerk, data=register_data("慢")).serial)
                started.set()
                release.wait(timeout=10)
        finally:
            connection.close()

    def fast():
        try:
            started.wait(timeout=10)
            results.append(incoming_register(by=clerk, data=register_data("快")).serial)
        finally:
            connection.close()

    threads = [threading.Thread(target=slow), threading.Thread(target=fast)]
    for thread in threads:
        thread.start()
    started.wait(timeout=10)
    threads[1].join(timeout=1)
    assert threads[1].is_alive(), "the second registration must wait for the counter lock"
    release.set()
    for thread in threads:
        thread.join(timeout=30)
    assert results == [1, 2]
