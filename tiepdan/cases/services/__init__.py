"""Every write on a case, one module per concern; callers use the names listed here.

`intake` receives a case from any channel; `handling` classifies, decides, assigns, extends and
suspends; `answers` drafts the answer, submits it to a leader who approves or returns it, sends
it, then rating, reopening and closing; `publication` publishes answers without personal data;
`duplicates` keeps the duplicate index and the links between cases; `deadlines` is the reminder
and escalation job; `notify` the messages; `settings` a unit's own fields, periods and wording;
`core` the pieces they share.
"""

from tiepdan.cases.services.handling import (
    ClassifyInput,
    add_note,
    assign,
    bulk_assign,
    classify,
    decide,
    extend,
    mark_complex,
    resume,
    suspend,
)
from tiepdan.cases.services.intake import Intake, attach, receive_case, receive_with_sender
from tiepdan.cases.services.settings import (
    ensure_fields,
    save_field,
    save_notice_template,
    save_policy,
)

__all__ = [
    "ClassifyInput",
    "Intake",
    "add_note",
    "assign",
    "attach",
    "bulk_assign",
    "classify",
    "decide",
    "ensure_fields",
    "extend",
    "mark_complex",
    "receive_case",
    "receive_with_sender",
    "resume",
    "save_field",
    "save_notice_template",
    "save_policy",
    "suspend",
]
