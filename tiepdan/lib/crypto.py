"""Encryption at rest for CCCD and phone numbers, and keyed hashes to find them by exact value.

DOMAIN rule 26 (Law 91/2025; Decree 356/2025): ID and phone numbers are basic personal data and
are stored encrypted. The key comes from the environment, never from the database:

    TIEPDAN_DATA_KEY=<new key>,<older key>…     (or TIEPDAN_DATA_KEY_FILE=/run/secrets/…)

Each key is 32 random bytes in URL-safe base64 (`manage.py shell -c "from tiepdan.lib.crypto
import generate_key; print(generate_key())"`). Two keys are derived from each with HKDF-SHA256:
one for Fernet (AES-128-CBC + HMAC-SHA256, from the `cryptography` package) and one for the
HMAC-SHA256 lookup hash. The first key encrypts and hashes; the others still decrypt and still
find values, so a key is rotated by putting a new one first, re-encrypting (`rotate()`) and
re-hashing every row, then dropping the old key.

Without a key the server refuses to start (`require_data_key()`), rather than store clear
text. Tests and demo sites (TIEPDAN_DEMO=1) use a fixed, public development key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import logging
from dataclasses import dataclass
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

ENV_NAME = "TIEPDAN_DATA_KEY"
#: Public key for tests and demo sites only; anything encrypted with it is as good as clear text.
DEVELOPMENT_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(b"tiepdan development data key - public, never for real data").digest()
).decode()
_MISSING = (
    "TIEPDAN_DATA_KEY is not set. CCCD and phone numbers are encrypted at rest (Law 91/2025) and "
    "tiepdan will not store them in clear text. Generate a key with\n"
    '    python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"\n'
    "and set TIEPDAN_DATA_KEY (or TIEPDAN_DATA_KEY_FILE, the path of a file holding it). Keep a "
    "copy of the key with the backups: without it the numbers cannot be read."
)


class UndecryptableValue(ValueError):
    """Stored data that none of the configured keys can decrypt (wrong or dropped key)."""


@dataclass(frozen=True)
class DataKeys:
    fernet: MultiFernet
    lookup: tuple[bytes, ...]


def generate_key() -> str:
    """A new random key in the form TIEPDAN_DATA_KEY expects."""
    return Fernet.generate_key().decode()


def _derive(secret: bytes, purpose: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tiepdan " + purpose)
    return hkdf.derive(secret)


def _decode(text: str, position: int) -> bytes:
    try:
        secret = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        secret = b""
    if len(secret) != 32:
        raise ImproperlyConfigured(
            f"{ENV_NAME}: key number {position} is not 32 bytes in URL-safe base64 "
            "(44 characters ending in '='). Generate one with tiepdan.lib.crypto.generate_key()."
        )
    return secret


@lru_cache(maxsize=4)
def parse_keys(value: str) -> DataKeys:
    """Keys from a TIEPDAN_DATA_KEY value: comma- or space-separated, newest first."""
    texts = value.replace(",", " ").split()
    if not texts:
        raise ImproperlyConfigured(_MISSING)
    secrets = [_decode(text, i) for i, text in enumerate(texts, 1)]
    fernets = [Fernet(base64.urlsafe_b64encode(_derive(s, b"data encryption"))) for s in secrets]
    lookup = tuple(_derive(s, b"lookup hash") for s in secrets)
    return DataKeys(MultiFernet(fernets), lookup)


def _settings_module() -> str:
    """The settings module in force: the innermost one set, through any override_settings.

    Each override_settings layer reads SETTINGS_MODULE as None unless it set it, so the layers
    are walked down to the settings Django was started with.
    """
    holder: object = getattr(settings, "_wrapped", None)
    while holder is not None:
        module = vars(holder).get("SETTINGS_MODULE")
        if module:
            return str(module)
        holder = vars(holder).get("default_settings")
    return ""


def _insecure_key_allowed() -> bool:
    return bool(getattr(settings, "DEMO", False)) or _settings_module().endswith("settings_test")


def configured_value() -> str:
    """The key setting (config/settings.py reads it from the environment, or *_FILE)."""
    return str(getattr(settings, ENV_NAME, "") or "")


def data_keys() -> DataKeys:
    """The configured keys; the public development key on demo and test sites only."""
    value = configured_value()
    if not value.strip():
        if not _insecure_key_allowed():
            raise ImproperlyConfigured(_MISSING)
        value = DEVELOPMENT_KEY
    return parse_keys(value)


def require_data_key() -> None:
    """Stop start-up with a clear message when the key is missing or malformed."""
    data_keys()
    if not configured_value().strip():
        logger.warning(
            "%s is not set: using the public development key (demo/test only).", ENV_NAME
        )


def encrypt(plain: str) -> str:
    """Encrypt text with the newest key; the result is ASCII (a Fernet token)."""
    return data_keys().fernet.encrypt(plain.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt a value stored by `encrypt` with any configured key."""
    try:
        return data_keys().fernet.decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise UndecryptableValue(
            f"A stored value cannot be decrypted with the keys in {ENV_NAME} "
            "(was a key dropped or changed?)."
        ) from exc


def rotate(token: str) -> str:
    """Re-encrypt a stored value with the newest key (after a new key was put first)."""
    try:
        return data_keys().fernet.rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise UndecryptableValue(f"A stored value cannot be decrypted with {ENV_NAME}.") from exc


def _hash(key: bytes, value: str, purpose: str) -> str:
    message = purpose.encode() + b"\x00" + value.encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def lookup_hash(value: str, purpose: str) -> str:
    """HMAC-SHA256 (64 hex characters) of a normalised value, for an indexed exact lookup.

    `purpose` ("cccd", "phone") keeps equal strings of different kinds apart. Normalise first
    (`ids.parse_cccd(...).number`, `ids.normalize_phone(...)`): the hash matches exact values.
    """
    return _hash(data_keys().lookup[0], value, purpose)


def lookup_hashes(value: str, purpose: str) -> list[str]:
    """The value's hash under every configured key: query with `__in` while keys rotate."""
    return [_hash(key, value, purpose) for key in data_keys().lookup]
