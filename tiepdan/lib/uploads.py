"""The one checker for untrusted uploads: each use names an `UploadPolicy` (types, size, wording).

The type is decided by the content (`filetype`), never by the file's name or the browser's
content type. Every picture is decoded and re-encoded, so its EXIF tags (GPS position, device)
never reach storage; PDFs, office documents and recordings pass through once their type is known.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import filetype
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from tiepdan.lib.errors import DomainError

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

MB = 1024 * 1024
MAX_FILES = 5
IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Decompression bombs: refuse pictures larger than a 50-megapixel camera's.
Image.MAX_IMAGE_PIXELS = 50_000_000
UNREADABLE_PICTURE = _("“%(name)s” could not be read as a picture.")
NOT_ACCEPTED = _("This file type is not accepted here (allowed: %(types)s).")
TOO_LARGE = _("“%(name)s” is larger than %(megabytes)s MB.")


@dataclass(frozen=True)
class CleanFile:
    """A checked upload: its name follows its content, and a picture holds no metadata."""

    name: str
    content_type: str
    data: bytes

    def as_file(self) -> ContentFile:
        """Wrap the bytes for a FileField, so storage receives this copy and not the upload."""
        return ContentFile(self.data, name=self.name)


@dataclass(frozen=True)
class UploadPolicy:
    """What one use accepts and how it says no; messages may use %(name)s, %(types)s and
    %(megabytes)s."""

    types: frozenset[str]
    max_bytes: int
    field: str
    too_large: StrPromise = TOO_LARGE
    wrong_type: StrPromise = NOT_ACCEPTED

    def _refuse(self, message: StrPromise, name: str) -> DomainError:
        values = {"name": name, "types": self.type_names(), "megabytes": self.max_bytes // MB}
        return DomainError(str(message) % values, field=self.field)

    def type_names(self) -> str:
        """The accepted types as a person knows them: "JPEG, PDF, PNG"."""
        return ", ".join(sorted(_type_name(mime) for mime in self.types))


def _type_name(mime: str) -> str:
    kind = filetype.get_type(mime=mime)
    return IMAGE_FORMATS.get(mime) or (kind.extension if kind else mime).upper()


# Photos and PDFs a citizen or an officer attaches to a case.
ATTACHMENT = UploadPolicy(
    types=frozenset({*IMAGE_FORMATS, PDF}),
    max_bytes=10 * MB,
    field="attachments",
    too_large=_("“%(name)s” is larger than 10 MB."),
    wrong_type=_("“%(name)s” is not a photo (JPEG, PNG, WebP) or a PDF file."),
)
# The scan or photo of a signed record in the reception book.
SCAN = UploadPolicy(
    types=frozenset({PDF, "image/jpeg", "image/png"}), max_bytes=20 * MB, field="scan"
)
# An online session's recording; 60 MB is the front proxy's body limit (docs/operations.md),
# and the file is held in memory while it is stored.
RECORDING = UploadPolicy(
    types=frozenset({"video/mp4", "video/webm", "audio/mpeg", "audio/mp4", "audio/x-wav"}),
    max_bytes=60 * MB,
    field="recording",
)
# What shows a directive has been carried out: a report, minutes or a photo.
EVIDENCE = UploadPolicy(
    types=frozenset({PDF, "image/jpeg", "image/png", DOCX, XLSX}),
    max_bytes=20 * MB,
    field="evidence",
    too_large=_("The file is larger than 20 MB."),
    wrong_type=_("Attach a PDF, Word, Excel, JPEG or PNG file."),
)


def _reencode(data: bytes, content_type: str) -> bytes:
    """Decode and re-encode an image: only pixels survive, no EXIF, XMP or GPS tags."""
    with Image.open(io.BytesIO(data)) as opened:
        img: Image.Image = ImageOps.exif_transpose(opened) or opened
        # Save from pixels alone, whatever metadata a Pillow version would carry over.
        img.info = {k: v for k, v in img.info.items() if k == "transparency"}
        fmt = IMAGE_FORMATS[content_type]
        if fmt == "JPEG" and img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        out = io.BytesIO()
        img.save(out, format=fmt, quality=85)
        return out.getvalue()


def clean_upload(upload: UploadedFile, policy: UploadPolicy = ATTACHMENT) -> CleanFile:
    """Check one file by its content and size for `policy`; return a safe copy or raise."""
    name = upload.name or "tep"
    upload.seek(0)  # A form or an earlier check may have read some of it.
    data = upload.read(policy.max_bytes + 1)  # Never more than the limit into memory.
    if len(data) > policy.max_bytes:
        raise policy._refuse(policy.too_large, name)
    kind = filetype.guess(data)
    if kind is None or kind.mime not in policy.types:
        raise policy._refuse(policy.wrong_type, name)
    if kind.mime in IMAGE_FORMATS:
        try:
            data = _reencode(data, kind.mime)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            raise policy._refuse(UNREADABLE_PICTURE, name) from exc
    stem = name.rsplit(".", 1)[0][:100] or "tep"
    return CleanFile(f"{stem}.{kind.extension}", kind.mime, data)


def clean_uploads(uploads: list[UploadedFile]) -> list[CleanFile]:
    """Check a case's attachments: at most MAX_FILES, each under ATTACHMENT."""
    if len(uploads) > MAX_FILES:
        raise DomainError(
            gettext("Attach at most %(count)s files.") % {"count": MAX_FILES}, field="attachments"
        )
    return [clean_upload(u) for u in uploads]
