"""The people picker: one widget for every choice of a person or a department.

Without JavaScript it is a plain <select> (people grouped by department in <optgroup>s, in
pinyin order); static/office/js/picker.js turns every `select[data-picker]` into a Tom Select
(static/vendor/tom-select/) searchable by name, pinyin, pinyin initials and department. The
initials are computed here, server-side, and travel in the options' data attributes.

    owner = forms.ModelChoiceField(queryset=people, widget=PeoplePicker())
    readers = forms.ModelMultipleChoiceField(queryset=people, widget=PeopleMultiPicker())
    departments = forms.ModelMultipleChoiceField(queryset=..., widget=DepartmentMultiPicker())
"""

from functools import lru_cache

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pypinyin import Style, lazy_pinyin, pinyin

# More heteronym combinations than this and only the usual reading is offered.
_MAX_READINGS = 4


@lru_cache(maxsize=4096)
def pinyin_keys(text: str) -> tuple[str, str]:
    """("zhangxiaoming", "zxm") for 张晓明: full pinyin and initials, lower case. A surname
    read two ways (曾 zeng/ceng, 单 shan/dan) gives both initials, space-separated."""
    text = (text or "").strip()
    if not text:
        return "", ""
    full = "".join(lazy_pinyin(text, errors="default")).lower().replace(" ", "")
    usual = "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER) if p).lower()
    readings = pinyin(text[0], style=Style.FIRST_LETTER, heteronym=True)[0]
    rest = usual[1:]
    initials = [usual]
    for first in readings[:_MAX_READINGS]:
        candidate = (first[:1] + rest).lower()
        if candidate not in initials:
            initials.append(candidate)
    return full, " ".join(initials)


def _person_department(person):
    return getattr(person, "department", None)


class _PickerMixin:
    """Options of a ModelChoiceField with pinyin data; people grouped by department."""

    picker = "people"
    group = True

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs.setdefault("data-picker", self.picker)
        self.attrs.setdefault(
            "data-placeholder", gettext_lazy("Type a name, pinyin initials or department")
        )
        self.attrs.setdefault("data-no-results", gettext_lazy("Nobody matches."))

    def _instances(self):
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return None
        if self.group and not queryset.query.is_sliced and not queryset.query.combinator:
            queryset = queryset.select_related("department")
        return queryset

    def optgroups(self, name, value, attrs=None):
        queryset = self._instances()
        if queryset is None:  # plain choices: as Django draws them
            return super().optgroups(name, value, attrs)
        field = self.choices.field
        chosen = {str(v) for v in value}
        groups: list = []
        if getattr(field, "empty_label", None) is not None and not self.allow_multiple_selected:
            groups.append(
                (None, [self.create_option(name, "", field.empty_label, chosen <= {""}, 0)], 0)
            )
        buckets: dict = {}
        for instance in queryset:
            choice_value, label = self.choices.choice(instance)
            key = self._group_of(instance)
            buckets.setdefault(key, []).append((instance, choice_value, label))
        for key in sorted(buckets, key=self._group_order):
            index = len(groups)
            members = buckets[key]
            if self.group:  # people in pinyin order; departments keep their own order
                members = sorted(members, key=lambda row: pinyin_keys(str(row[2]))[0])
            options = [
                self.create_option(
                    name,
                    choice_value,
                    label,
                    str(choice_value) in chosen,
                    index,
                    subindex=subindex,
                )
                for subindex, (_instance, choice_value, label) in enumerate(members)
            ]
            groups.append((self._group_label(key), options, index))
        return groups

    def _group_of(self, instance):
        if not self.group:
            return None
        return _person_department(instance)

    @staticmethod
    def _group_order(department):
        if department is None:
            return (1, 0, "")
        return (0, department.order, pinyin_keys(department.name)[0])

    def _group_label(self, department):
        if not self.group:
            return None
        return department.name if department is not None else _("No department")

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            text = getattr(instance, "display_name", None) or getattr(instance, "name", "")
            full, initials = pinyin_keys(str(text))
            option["attrs"]["data-pinyin"] = full
            option["attrs"]["data-initials"] = initials
            department = _person_department(instance) if self.group else None
            if department is not None:
                option["attrs"]["data-department"] = department.name
        return option


class PeoplePicker(_PickerMixin, forms.Select):
    """One person (ModelChoiceField over users)."""


class PeopleMultiPicker(_PickerMixin, forms.SelectMultiple):
    """Several people (ModelMultipleChoiceField over users); without JS a tall list."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs.setdefault("size", 8)
        self.attrs.setdefault("data-remove-title", gettext_lazy("Remove"))


class DepartmentPicker(_PickerMixin, forms.Select):
    """One department, searchable by name and its pinyin initials."""

    picker, group = "departments", False

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs["data-placeholder"] = gettext_lazy("Type a department or its pinyin initials")
        self.attrs["data-no-results"] = gettext_lazy("No department matches.")


class DepartmentMultiPicker(DepartmentPicker, forms.SelectMultiple):
    """Several departments."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.attrs.setdefault("size", 6)
        self.attrs.setdefault("data-remove-title", gettext_lazy("Remove"))
