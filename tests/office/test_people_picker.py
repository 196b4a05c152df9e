"""The people picker (office.widgets): grouped by department, pinyin initials in the options,
a plain <select> that works without JavaScript."""

import re

import pytest
from django import forms

from office.models import User
from office.widgets import DepartmentMultiPicker, PeopleMultiPicker, PeoplePicker, pinyin_keys
from tests.factories import DepartmentFactory, UserFactory


def test_pinyin_keys_give_full_pinyin_and_initials():
    assert pinyin_keys("张晓明") == ("zhangxiaoming", "zxm")


def test_a_surname_read_two_ways_gives_both_initials():
    full, initials = pinyin_keys("曾国藩")
    assert "zgf" in initials.split() and "cgf" in initials.split()


@pytest.fixture
def people(db):
    office = DepartmentFactory(code="office", name="办公室", order=1)
    finance = DepartmentFactory(code="finance", name="财务处", order=2)
    return {
        "wang": UserFactory(username="wang", name="王芳", department=finance),
        "zhang": UserFactory(username="zhang", name="张晓明", department=office),
        "li": UserFactory(username="li", name="李四", department=office),
        "loner": UserFactory(username="loner", name="赵六", department=None),
    }


class _Form(forms.Form):
    owner = forms.ModelChoiceField(queryset=User.objects.all(), widget=PeoplePicker())
    readers = forms.ModelMultipleChoiceField(
        queryset=User.objects.all(), widget=PeopleMultiPicker(), required=False
    )


def _groups(html: str) -> list[tuple[str, list[str]]]:
    return [
        (label, re.findall(r">([^<]+)</option>", body))
        for label, body in re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', html, re.S)
    ]


def test_people_are_grouped_by_department_in_pinyin_order(people):
    html = str(_Form()["owner"])
    assert 'data-picker="people"' in html
    assert _groups(html) == [
        ("办公室", ["李四", "张晓明"]),
        ("财务处", ["王芳"]),
        ("未分配部门", ["赵六"]),
    ]


def test_options_carry_initials_pinyin_and_department(people):
    html = str(_Form()["readers"])
    option = re.search(rf'<option value="{people["zhang"].pk}"[^>]*>', html).group(0)
    assert 'data-initials="zxm"' in option
    assert 'data-pinyin="zhangxiaoming"' in option
    assert 'data-department="办公室"' in option
    assert "multiple" in html


def test_chosen_people_stay_selected_and_validate(people):
    form = _Form({"owner": people["li"].pk, "readers": [people["wang"].pk, people["zhang"].pk]})
    assert form.is_valid(), form.errors
    html = str(form["readers"])
    assert re.search(rf'value="{people["wang"].pk}"[^>]*selected', html)
    assert not re.search(rf'value="{people["li"].pk}"[^>]*selected', html)
    assert set(form.cleaned_data["readers"]) == {people["wang"], people["zhang"]}


def test_single_picker_keeps_its_empty_choice(people):
    html = str(_Form()["owner"])
    assert '<option value="" selected>' in html


def test_rendering_does_not_query_per_person(people, django_assert_max_num_queries):
    form = _Form()
    with django_assert_max_num_queries(1):
        str(form["owner"])


def test_department_picker_is_searchable_by_initials(people):
    from office.models import Department

    class DepartmentForm(forms.Form):
        departments = forms.ModelMultipleChoiceField(
            queryset=Department.objects.all(), widget=DepartmentMultiPicker()
        )

    html = str(DepartmentForm()["departments"])
    assert 'data-picker="departments"' in html
    assert 'data-initials="cwc"' in html  # 财务处
    assert "<optgroup" not in html
