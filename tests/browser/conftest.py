"""Browser tests of the site's foundation. The fixtures live in tests/browser/fixtures.py, which the
root conftest.py registers for the whole suite; every test in this folder is marked `browser`."""

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.path).startswith(here + "/"):
            item.add_marker(pytest.mark.browser)
