"""The one door to a dialogue: scope by unit, then the capability."""

from __future__ import annotations

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.dialogues.models import Dialogue

VIEW = "dialogues.view_dialogue"
MANAGE = "dialogues.manage_dialogues"


def get_dialogue_for(user: User, pk: object, *, write: bool = False) -> Dialogue:
    """Fetch a dialogue the user may see (404 otherwise); with write, one they may record."""
    queryset = Dialogue.objects.select_related("unit", "chaired_by")
    return get_in_scope(queryset, user, pk, read=VIEW, write=MANAGE, for_write=write)
