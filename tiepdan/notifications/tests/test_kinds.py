"""The registry: each kind's sentence, its parameters (nothing else) and its defaults per role."""

import re
from datetime import date

import pytest
from django.utils import translation

from tiepdan.accounts import roles
from tiepdan.notifications import kinds
from tiepdan.notifications.kinds import Delivery, Kind


@pytest.mark.parametrize("kind", list(Kind))
def test_each_sentence_names_exactly_its_parameters(kind):
    event = kinds.EVENTS[kind]
    with translation.override("en"):
        english = str(event.sentence)
    assert set(re.findall(r"%\((\w+)\)s", english)) == set(event.params)


@pytest.mark.parametrize("kind", list(Kind))
def test_each_kind_reads_in_vietnamese(kind):
    params = {
        name: "2026-12-08" if name in kinds.DATE_PARAMS else "7"
        for name in kinds.EVENTS[kind].params
    }
    with translation.override("en"):
        english = (kinds.render(kind, params), str(kind.label))
    with translation.override("vi"):
        vietnamese = (kinds.render(kind, params), str(kind.label))
    assert vietnamese[0] != english[0] and vietnamese[1] != english[1]


def test_the_sentence_is_rendered_in_the_readers_language():
    params = kinds.clean_params(Kind.DEADLINE_SOON, {"number": "3/PA", "due_on": date(2026, 12, 8)})
    with translation.override("vi"):
        assert (
            kinds.render(Kind.DEADLINE_SOON, params) == "Vụ việc 3/PA đến hạn vào ngày 08/12/2026."
        )
    with translation.override("en"):
        assert kinds.render(Kind.DEADLINE_SOON, params) == "Case 3/PA is due on 08/12/2026."


def test_a_missing_parameter_shows_a_dash_not_an_error():
    with translation.override("en"):
        assert kinds.render(Kind.CASE_ASSIGNED, {}) == "Case — is assigned to you."


def test_only_the_sentences_parameters_are_kept():
    """Rule 19: a name, an address or a phone number cannot ride along with a number."""
    with pytest.raises(ValueError, match="takes exactly"):
        kinds.clean_params(Kind.CASE_ASSIGNED, {"number": "15/TC", "citizen": "Nguyễn Văn Tố"})
    with pytest.raises(ValueError, match="takes exactly"):
        kinds.clean_params(Kind.DEADLINE_SOON, {"number": "15/TC"})
    with pytest.raises(ValueError, match="unknown"):
        kinds.clean_params("case_gossip", {})
    with pytest.raises(ValueError, match="text, a number or a date"):
        kinds.clean_params(Kind.CASE_ASSIGNED, {"number": {"full_name": "Nguyễn Văn Tố"}})


def test_a_long_comment_is_cut():
    params = kinds.clean_params(Kind.DRAFT_RETURNED, {"number": "1/PA", "comment": "x" * 2000})
    assert len(params["comment"]) == kinds.MAX_TEXT


@pytest.mark.parametrize(
    ("role", "kind", "delivery"),
    [
        (roles.LEADER, Kind.DRAFT_SUBMITTED, Delivery.IMMEDIATE),
        (roles.LEADER, Kind.DEADLINE_PASSED, Delivery.DIGEST),
        (roles.LEADER, Kind.CASE_ASSIGNED, Delivery.DIGEST),
        (roles.HANDLING_OFFICER, Kind.CASE_ASSIGNED, Delivery.IMMEDIATE),
        (roles.HANDLING_OFFICER, Kind.CASE_ASSIGNED_DEPARTMENT, Delivery.IMMEDIATE),
        (roles.HANDLING_OFFICER, Kind.DRAFT_RETURNED, Delivery.IMMEDIATE),
        (roles.HANDLING_OFFICER, Kind.DEADLINE_SOON, Delivery.DIGEST),
        (roles.RECEPTION_OFFICER, Kind.CASE_RECEIVED, Delivery.IMMEDIATE),
        (roles.MEDIATOR, Kind.MEDIATION_ASSIGNED, Delivery.IMMEDIATE),
        (roles.UNIT_ADMIN, Kind.CASE_RECEIVED, Delivery.DIGEST),
    ],
)
def test_the_defaults_follow_the_role(role, kind, delivery):
    assert kinds.default_delivery(kind, [role]) == delivery


def test_a_user_with_several_roles_gets_the_most_urgent():
    both = [roles.LEADER, roles.HANDLING_OFFICER]
    assert kinds.default_delivery(Kind.CASE_ASSIGNED, both) == Delivery.IMMEDIATE
    assert kinds.default_delivery(Kind.DRAFT_SUBMITTED, both) == Delivery.IMMEDIATE
