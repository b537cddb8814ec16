import pytest

from tiepdan.accounts import demo as accounts_demo
from tiepdan.demo.registry import Demo
from tiepdan.dialogues import demo
from tiepdan.orgunits import demo as orgunits_demo

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_both_wards_once():
    """Running the seeder twice changes nothing the second time."""
    first = Demo()
    orgunits_demo.seed(first)
    accounts_demo.seed(first)
    demo.seed(first)
    assert len([line for line in first.log if line.startswith("dialogues")]) == 2
    again = Demo()
    orgunits_demo.seed(again)
    accounts_demo.seed(again)
    demo.seed(again)
    assert not [line for line in again.log if line.startswith("dialogues")]
