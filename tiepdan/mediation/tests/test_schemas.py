"""The log book's list masks the parties' phone numbers; one case shows them (rule 26)."""

import pytest

from tiepdan.mediation.tests.conftest import register

pytestmark = pytest.mark.django_db
API = "/api/v1/mediation"


def test_the_list_masks_phones_and_one_case_shows_them(client, mediator_a, team):
    case = register(team, mediator_a)
    case.parties.filter(side="a").update(phone="")  # update() bypasses encryption: reset
    party = case.parties.get(side="a")
    party.phone = "+84912345678"
    party.save()
    client.force_login(mediator_a)
    listed = client.get(f"{API}/cases").json()["items"][0]["parties"]
    assert {"0912•••678"} <= {p["phone"] for p in listed}
    one = client.get(f"{API}/cases/{case.pk}").json()["parties"]
    assert "+84912345678" in {p["phone"] for p in one}
