"""The roster: shifts, assignments, generation by rotation. Nobody on two overlapping shifts."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from duty.models import Assignment, Post, Shift, ShiftTemplate
from duty.permissions import can_manage_roster
from duty.services.reminders import schedule_assignment_reminders, schedule_late_handover
from duty.services.rest import rest_warnings
from office.errors import DomainError, require_actor
from office.services import audit

MAX_GENERATE_DAYS = 92


def shift_for(*, post: Post, template: ShiftTemplate, day: date) -> Shift:
    """The shift of `template` at `post` on `day`, created on first use."""
    starts_at, ends_at = template.bounds_on(day)
    shift, _created = Shift.objects.get_or_create(
        post=post,
        template=template,
        date=day,
        defaults={"starts_at": starts_at, "ends_at": ends_at},
    )
    return shift


def overlapping_assignment(*, person, starts_at, ends_at, exclude_pks=()) -> Assignment | None:
    return (
        Assignment.objects.filter(person=person, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(pk__in=list(exclude_pks))
        .select_related("shift__post", "shift__template")
        .first()
    )


def require_free(*, person, shift: Shift, exclude_pks=()) -> None:
    clash = overlapping_assignment(
        person=person, starts_at=shift.starts_at, ends_at=shift.ends_at, exclude_pks=exclude_pks
    )
    if clash is not None:
        raise DomainError(
            _("%(person)s is already on an overlapping shift: %(shift)s.")
            % {"person": person, "shift": clash.shift}
        )


@transaction.atomic
def assignment_add(*, shift: Shift, person, role: str, by) -> Assignment:
    """Put a person on a shift, as its leader or an officer."""
    require_actor(can_manage_roster(by))
    shift = Shift.objects.select_for_update().select_related("post", "template").get(pk=shift.pk)
    if role == Assignment.Role.LEADER and shift.assignments.filter(role=role).exists():
        raise DomainError(_("This shift already has a shift leader."))
    if role == Assignment.Role.LEADER and not person.has_role("shift_leader"):
        raise DomainError(_("%(person)s is not a shift leader.") % {"person": person})
    if not person.has_role("shift_leader", "duty_officer"):
        raise DomainError(_("%(person)s is not on the duty staff.") % {"person": person})
    require_free(person=person, shift=shift)
    warnings = rest_warnings(person=person, starts_at=shift.starts_at, ends_at=shift.ends_at)
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                shift=shift,
                person=person,
                role=role,
                starts_at=shift.starts_at,
                ends_at=shift.ends_at,
            )
    except IntegrityError as exc:  # a concurrent assignment won the race
        raise DomainError(
            _("%(person)s is already on an overlapping shift.") % {"person": person}
        ) from exc
    audit(
        actor=by,
        verb="duty.assignment_added",
        target=shift,
        data={"person": person.pk, "role": role},
    )
    schedule_assignment_reminders(assignment)
    schedule_late_handover(shift)
    assignment.rest_warnings = warnings  # shown to whoever made the change
    return assignment


@transaction.atomic
def assignment_remove(*, assignment: Assignment, by) -> None:
    """Take a person off a shift whose handover has not been filed."""
    require_actor(can_manage_roster(by))
    assignment = (
        Assignment.objects.select_for_update().select_related("shift").get(pk=assignment.pk)
    )
    if hasattr(assignment.shift, "handover"):
        raise DomainError(_("The handover of this shift has been filed; its roster is closed."))
    audit(
        actor=by,
        verb="duty.assignment_removed",
        target=assignment.shift,
        data={"person": assignment.person_id, "role": assignment.role},
    )
    assignment.delete()


@dataclass
class GenerateResult:
    shifts: int
    assignments: int
    warnings: list = field(default_factory=list)  # rest rules broken (duty.services.rest)


@transaction.atomic
def roster_generate(
    *,
    post: Post,
    templates: list[ShiftTemplate],
    first_day: date,
    last_day: date,
    leaders: list,
    officers: list,
    officers_per_shift: int,
    by,
) -> GenerateResult:
    """Fill shifts by rotating the lists of people; any clash stops it and saves nothing."""
    require_actor(can_manage_roster(by))
    if last_day < first_day:
        raise DomainError(_("The last day must not be before the first day."))
    if (last_day - first_day).days >= MAX_GENERATE_DAYS:
        raise DomainError(
            _("Generate at most %(days)s days at a time.") % {"days": MAX_GENERATE_DAYS}
        )
    if officers_per_shift > len(officers):
        raise DomainError(_("There are fewer officers than places per shift."))
    made = GenerateResult(shifts=0, assignments=0)
    slot, officer_turn = 0, 0
    day = first_day
    ordered = sorted(templates, key=lambda t: (t.order, t.start_time))
    while day <= last_day:
        for template in ordered:
            shift = shift_for(post=post, template=template, day=day)
            made.shifts += 1
            taken = set(shift.assignments.values_list("person_id", flat=True))
            has_leader = shift.assignments.filter(role=Assignment.Role.LEADER).exists()
            if leaders and not has_leader:
                leader = leaders[slot % len(leaders)]
                if leader.pk not in taken:
                    added = assignment_add(
                        shift=shift, person=leader, role=Assignment.Role.LEADER, by=by
                    )
                    made.warnings.extend(added.rest_warnings)
                    taken.add(leader.pk)
                    made.assignments += 1
            for _place in range(officers_per_shift):
                officer = officers[officer_turn % len(officers)]
                officer_turn += 1
                if officer.pk in taken:
                    continue
                added = assignment_add(
                    shift=shift, person=officer, role=Assignment.Role.OFFICER, by=by
                )
                made.warnings.extend(added.rest_warnings)
                taken.add(officer.pk)
                made.assignments += 1
            slot += 1
        day += timedelta(days=1)
    audit(
        actor=by,
        verb="duty.roster_generated",
        target=post,
        data={
            "from": first_day.isoformat(),
            "to": last_day.isoformat(),
            "shifts": made.shifts,
            "assignments": made.assignments,
            "rest_warnings": len(made.warnings),
        },
    )
    return made
