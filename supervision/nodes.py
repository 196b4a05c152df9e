"""The time nodes of an item (交办, 接收, 分解, 报告, 催办, 延期, 完成, 核验/销号), from its own
record and rows: shown on the item, printed on the 督办单, searched on the board."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import pgettext_lazy

from .models import Extension, Note, ProgressReport, Task

LABELS = {
    "assigned": pgettext_lazy("supervision node", "Assigned"),
    "accepted": pgettext_lazy("supervision node", "Received"),
    "split": pgettext_lazy("supervision node", "Split"),
    "reported": pgettext_lazy("supervision node", "Reported"),
    "chased": pgettext_lazy("supervision node", "Chased"),
    "replied": pgettext_lazy("supervision node", "Explained"),
    "instruction": pgettext_lazy("supervision node", "Instructed"),
    "comment": pgettext_lazy("supervision node", "Commented"),
    "extended": pgettext_lazy("supervision node", "Extended"),
    "completion": pgettext_lazy("supervision node", "Completion reported"),
    "verified": pgettext_lazy("supervision node", "Verified and closed"),
    "cancelled": pgettext_lazy("supervision node", "Cancelled"),
    "escalated": pgettext_lazy("supervision node", "Escalated to the director"),
}
NOTE_NODES = {
    Note.Kind.CHASE: "chased",
    Note.Kind.REPLY: "replied",
    Note.Kind.INSTRUCTION: "instruction",
    Note.Kind.COMMENT: "comment",
}


@dataclass
class Node:
    key: str
    when: object
    who: str = ""
    text: str = ""

    @property
    def label(self) -> str:
        return str(LABELS[self.key])


def time_nodes(task: Task, *, reports=None, notes=None, extensions=None, children=None):
    """Oldest first. Pass the rows the page already loaded to save their queries."""
    reports = task.reports.select_related("author") if reports is None else reports
    notes = task.notes.select_related("author") if notes is None else notes
    extensions = task.extensions.select_related("decided_by") if extensions is None else extensions
    children = task.children.select_related("owner") if children is None else children
    nodes = [Node("assigned", task.created_at, str(task.assigned_by), task.title)]
    if task.accepted_at:
        nodes.append(Node("accepted", task.accepted_at, str(task.owner)))
    for child in children:
        nodes.append(
            Node("split", child.created_at, str(child.owner), f"{child.title} · {child.deadline}")
        )
    for report in reports:
        nodes.append(Node("reported", report.created_at, str(report.author), report.text))
    for note in notes:
        who = str(note.author) if note.author else str(pgettext_lazy("supervision", "System"))
        nodes.append(Node(NOTE_NODES[note.kind], note.created_at, who, note.text))
    for extension in extensions:
        if extension.status == Extension.Status.APPROVED:
            nodes.append(
                Node(
                    "extended",
                    extension.decided_at,
                    str(extension.decided_by or ""),
                    f"{extension.old_deadline} → {extension.new_deadline}",
                )
            )
    if task.escalated_at:
        nodes.append(Node("escalated", task.escalated_at))
    if task.completion_requested_at:
        nodes.append(Node("completion", task.completion_requested_at, str(task.owner), task.result))
    if task.completed_at:
        nodes.append(Node("verified", task.completed_at, str(task.verified_by or "")))
    if task.cancelled_at:
        nodes.append(Node("cancelled", task.cancelled_at, "", task.cancel_reason))
    return sorted((node for node in nodes if node.when), key=lambda node: node.when)


# Board filter: items that passed a node ("searchable").
NODE_FILTERS = {
    "chased": lambda: Q(Exists(Note.objects.filter(task=OuterRef("pk"), kind=Note.Kind.CHASE))),
    "replied": lambda: Q(Exists(Note.objects.filter(task=OuterRef("pk"), kind=Note.Kind.REPLY))),
    "instruction": lambda: Q(
        Exists(Note.objects.filter(task=OuterRef("pk"), kind=Note.Kind.INSTRUCTION))
    ),
    "split": lambda: (
        Q(Exists(Task.objects.filter(parent=OuterRef("pk")))) | Q(parent__isnull=False)
    ),
    "extended": lambda: Q(
        Exists(Extension.objects.filter(task=OuterRef("pk"), status=Extension.Status.APPROVED))
    ),
    "reported": lambda: Q(Exists(ProgressReport.objects.filter(task=OuterRef("pk")))),
    "escalated": lambda: Q(escalated_at__isnull=False),
}


def text_match(value: str) -> Q:
    """q on the board: the title, the description and every note and report of the item."""
    return (
        Q(title__icontains=value)
        | Q(description__icontains=value)
        | Q(Exists(Note.objects.filter(task=OuterRef("pk"), text__icontains=value)))
        | Q(Exists(ProgressReport.objects.filter(task=OuterRef("pk"), text__icontains=value)))
    )
