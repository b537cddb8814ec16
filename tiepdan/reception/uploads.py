"""Uploads are untrusted: accept only the file types a scan or a recording can be."""

from __future__ import annotations

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError

SCAN_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
RECORDING_TYPES = frozenset({"video/mp4", "video/webm", "audio/mpeg", "audio/mp4", "audio/x-wav"})


def check_type(upload: UploadedFile, allowed: frozenset[str], *, field: str) -> None:
    """Raise DomainError unless the file's content (not its name) is one of `allowed`."""
    head = upload.read(2048)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in allowed:
        raise DomainError(
            _("This file type is not accepted here (allowed: %(types)s).")
            % {"types": ", ".join(sorted(t.split("/")[1].upper() for t in allowed))},
            field=field,
        )
