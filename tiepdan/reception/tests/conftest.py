import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """Assertions match the English msgids; the Vietnamese catalogue is checked elsewhere."""
    with translation.override("en"):
        yield
