"""The shared input helpers: text cleaning, the plausible-date window, GET parameters."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from office.params import date_param, int_param, month_param, text_param
from office.validators import clean_text, date_window, is_plausible_date, validate_plausible_date

FROZEN = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(FROZEN, tick=False)


def test_word_soft_line_break_becomes_a_new_line():
    assert clean_text("first\x0bsecond\x0cthird\u2028fourth\r\nfifth") == (
        "first\nsecond\nthird\nfourth\nfifth"
    )


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "esc\x1b[0m"])
def test_other_control_characters_are_refused(text):
    with pytest.raises(ValidationError):
        clean_text(text)


def test_scripts_are_still_refused():
    with pytest.raises(ValidationError):
        clean_text("ok\x0b<script>alert(1)</script>")


def test_date_window_runs_from_2000_to_ten_years_ahead(frozen):
    assert date_window() == (datetime.date(2000, 1, 1), datetime.date(2036, 12, 31))


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(1, 1, 1),
        datetime.date(9999, 12, 31),
        datetime.datetime(1, 1, 1, tzinfo=datetime.UTC),
        datetime.datetime(9999, 12, 31, 23, 59, tzinfo=datetime.UTC),
        datetime.date(1999, 12, 31),
    ],
)
def test_far_dates_are_refused_with_a_message(frozen, value):
    assert not is_plausible_date(value)
    with pytest.raises(ValidationError, match="2000"):
        validate_plausible_date(value)


def test_setting_moves_the_window(frozen, settings):
    settings.OFFICE_DATE_MIN_YEAR = 1990
    assert is_plausible_date(datetime.date(1995, 5, 1))


def _get(query):
    return RequestFactory().get("/", query)


@pytest.mark.parametrize("raw", ["9999-12-31", "0001-01-01", "x", "2026-02-30", "\x00"])
def test_bad_dates_fall_back_to_the_default(frozen, raw):
    assert date_param(_get({"date": raw}), "date", "default") == "default"


def test_good_date_and_month(frozen):
    request = _get({"date": "2026-11-30", "month": "2026-02"})
    assert date_param(request, "date") == datetime.date(2026, 11, 30)
    assert month_param(request, "month") == datetime.date(2026, 2, 1)


@pytest.mark.parametrize("raw", ["9999-12", "0001-01", "2026-13", "99999999999-1", "-"])
def test_bad_months_fall_back_to_the_default(frozen, raw):
    assert month_param(_get({"month": raw}), "month", None) is None


@pytest.mark.parametrize("raw", ["99999999999", "-1", "١٢", "1e3", "\x00"])
def test_bad_integers_fall_back(raw):
    assert int_param(_get({"n": raw}), "n", 7) == 7


def test_text_param_drops_nul():
    assert text_param(_get({"q": "\x00会议\x00"}), "q") == "会议"


def _project_forms():
    import importlib
    import inspect
    import pkgutil

    from django import forms

    for app in ["documents", "duty", "meetings", "office", "reception", "supervision"]:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if "forms" in info.name or "filters" in info.name:
                module = importlib.import_module(info.name)
                for _name, cls in inspect.getmembers(module, inspect.isclass):
                    if issubclass(cls, forms.BaseForm) and cls.__module__ == info.name:
                        yield cls


def test_every_form_with_a_date_field_checks_the_window():
    from django import forms

    from office.forms import PlausibleDatesMixin

    dated = [
        cls
        for cls in _project_forms()
        if any(
            isinstance(field, forms.DateField | forms.DateTimeField)
            for field in cls.base_fields.values()
        )
    ]
    assert len(dated) >= 10
    assert [cls for cls in dated if not issubclass(cls, PlausibleDatesMixin)] == []


@pytest.mark.django_db
def test_filtersets_refuse_far_dates(frozen):
    from reception.filters import VisitLogFilter
    from reception.models import Visit

    log = VisitLogFilter({"date_from": "9999-12-31"}, queryset=Visit.objects.all())
    assert list(log.qs) == [] and "date_from" in log.form.errors
