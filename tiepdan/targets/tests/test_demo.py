import pytest

from tiepdan.targets import demo
from tiepdan.targets.lines import programme_lines
from tiepdan.targets.models import Programme

pytestmark = pytest.mark.django_db

PUBLISHED = {
    "party-admissions": ("8", "7", "114,3 %"),
    "land-tax": ("4,8", "3,8", "126,2 %"),
    "budget-revenue": ("105,8", "125,0", "84,6 %"),
    "military-service": ("15", "15", "100 %"),
    "criminal-cases": ("18", "26", "69,23 %"),
    "fire-safety-groups": ("6", "6", "100 %"),
}


def test_the_demo_programme_gives_the_published_figures(ward_a):
    """The percentages the ward published for 2023, with its own rounding (DOMAIN §11)."""
    demo.seed_ward(ward_a)
    demo.seed_ward(ward_a)  # idempotent
    programme = Programme.objects.get(unit=ward_a, year=2023)
    lines = {
        line.code: line for line in programme_lines(programme.targets.prefetch_related("results"))
    }
    assert {
        c: (ln.value_text, ln.plan_text, ln.percent_text) for c, ln in lines.items()
    } == PUBLISHED
    assert lines["budget-revenue"].change_text == "+8 %"
