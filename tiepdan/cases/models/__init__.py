"""The cases app's models, one module per concern; import them from here.

`case` holds the case, its status and timeline; `records` the answer and the files; `settings` a
unit's own fields, periods, numbering and notice wording; `identity` the denouncer-identity
access log; `duplicates` the duplicate-detection index.
"""

from tiepdan.cases.models.case import (
    CODE_ALPHABET,
    CODE_LENGTH,
    DECISION_STATUS,
    OPEN,
    RUNNING,
    Case,
    CaseCitizen,
    CaseEvent,
    CaseQuerySet,
    Matter,
    Status,
    format_code,
    new_tracking_code,
    normalize_code,
)
from tiepdan.cases.models.duplicates import DuplicateKey, TermCount
from tiepdan.cases.models.identity import IdentityAccess
from tiepdan.cases.models.records import Attachment, Response
from tiepdan.cases.models.settings import (
    DEFAULT_FIELDS,
    CasePolicy,
    Field,
    NoticeTemplate,
    RegistrationCounter,
)
from tiepdan.cases.rules import Decision, Kind, Stage

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "DECISION_STATUS",
    "DEFAULT_FIELDS",
    "OPEN",
    "RUNNING",
    "Attachment",
    "Case",
    "CaseCitizen",
    "CaseEvent",
    "CasePolicy",
    "CaseQuerySet",
    "Decision",
    "DuplicateKey",
    "Field",
    "IdentityAccess",
    "Kind",
    "Matter",
    "NoticeTemplate",
    "RegistrationCounter",
    "Response",
    "Stage",
    "Status",
    "TermCount",
    "format_code",
    "new_tracking_code",
    "normalize_code",
]
