"""office.presence: providers in their order, one line per person (the same key once)."""

import pytest

from office import presence


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(presence, "_providers", {})
    return presence


def test_sections_come_in_the_providers_order_and_a_person_is_listed_once(registry):
    guard = presence.Present(key="user:1", name="王五", role="值班员", detail="总值班室")
    registry.register("b.duty", "值班人员", lambda at: [guard], order=20)
    registry.register(
        "a.visitors",
        "访客",
        lambda at: [presence.Present(key="reception.visitor:3", name="张明", role="访客")],
        order=10,
    )
    registry.register("c.meetings", "会议", lambda at: [guard], order=30)  # 王五 again
    sections = registry.who_is_here()
    assert [s.label for s in sections] == ["访客", "值班人员", "会议"]
    assert [[p.name for p in s.people] for s in sections] == [["张明"], ["王五"], []]


def test_registering_again_replaces(registry):
    registry.register("x", "甲", lambda at: [])
    registry.register("x", "乙", lambda at: [])
    assert [p.label for p in registry.providers()] == ["乙"]
