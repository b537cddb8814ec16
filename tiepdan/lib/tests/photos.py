"""Pictures for upload tests: a phone photo that gives away where and with what it was taken."""

from __future__ import annotations

import io
from typing import IO

from PIL import Image

GPS_IFD = 0x8825
MAKE = 0x010F


def gps_photo(fmt: str = "JPEG") -> bytes:
    """A small picture tagged with the camera's make and a GPS latitude, as phones write it."""
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[GPS_IFD] = {2: (10.0, 46.0, 12.0)}  # GPSLatitude: 10° 46' 12"
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def exif_of(stored: IO[bytes] | bytes) -> dict:
    """The EXIF tags a reader of the stored picture would find, GPS included."""
    with Image.open(io.BytesIO(stored) if isinstance(stored, bytes) else stored) as img:
        exif = img.getexif()
        return {**exif, **exif.get_ifd(GPS_IFD)}
