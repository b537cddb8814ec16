"""Untrusted attachments: type checked by content (`filetype`), images re-encoded to drop EXIF."""

from __future__ import annotations

import io
from dataclasses import dataclass

import filetype
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from PIL import Image, ImageOps, UnidentifiedImageError

from tiepdan.lib.errors import DomainError

MAX_FILES = 5
MAX_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
ALLOWED_TYPES = {*IMAGE_TYPES, "application/pdf"}
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/pdf": "pdf",
}
# Decompression bombs: refuse pictures larger than a 50-megapixel camera's.
Image.MAX_IMAGE_PIXELS = 50_000_000


@dataclass(frozen=True)
class CleanFile:
    name: str
    content_type: str
    data: bytes


def _reencode(data: bytes, content_type: str) -> bytes:
    """Decode and re-encode an image: only pixels survive, no EXIF or GPS tags."""
    with Image.open(io.BytesIO(data)) as opened:
        img: Image.Image = ImageOps.exif_transpose(opened) or opened
        out = io.BytesIO()
        fmt = IMAGE_TYPES[content_type]
        if fmt == "JPEG" and img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        img.save(out, format=fmt, quality=85)
        return out.getvalue()


def clean_upload(upload: UploadedFile) -> CleanFile:
    """Check one file by its content and size; return a safe copy or raise DomainError."""
    name = upload.name or "tep"
    if (upload.size or 0) > MAX_BYTES:
        raise DomainError(
            gettext("“%(name)s” is larger than 10 MB.") % {"name": name}, field="attachments"
        )
    data = upload.read()
    kind = filetype.guess(data)
    mime = kind.mime if kind else ""
    if mime not in ALLOWED_TYPES:
        raise DomainError(
            gettext("“%(name)s” is not a photo (JPEG, PNG, WebP) or a PDF file.") % {"name": name},
            field="attachments",
        )
    if mime in IMAGE_TYPES:
        try:
            data = _reencode(data, mime)
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
            raise DomainError(
                gettext("“%(name)s” could not be read as a picture.") % {"name": name},
                field="attachments",
            ) from exc
    stem = name.rsplit(".", 1)[0][:100] or "tep"
    return CleanFile(f"{stem}.{EXTENSIONS[mime]}", mime, data)


def clean_uploads(uploads: list[UploadedFile]) -> list[CleanFile]:
    if len(uploads) > MAX_FILES:
        raise DomainError(
            gettext("Attach at most %(count)s files.") % {"count": MAX_FILES}, field="attachments"
        )
    return [clean_upload(u) for u in uploads]
