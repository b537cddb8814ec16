"""A reader sees their own notifications about records still in their units."""

import pytest
from django.utils import translation

from tiepdan.notifications.models import Notification
from tiepdan.notifications.tests.factories import tell
from tiepdan.orgunits.services import ensure_group

pytestmark = pytest.mark.django_db


def test_a_reader_sees_only_their_own(ward_a, officer_a, leader_a):
    mine = tell(officer_a, ward_a)
    tell(leader_a, ward_a)
    assert list(Notification.objects.for_reader(officer_a)) == [mine]


def test_a_record_below_the_readers_unit_is_shown(ward_a, officer_a):
    group = ensure_group(ward_a, "Khu phố 3")
    assert list(Notification.objects.for_reader(officer_a)) == []
    mine = tell(officer_a, group)
    assert list(Notification.objects.for_reader(officer_a)) == [mine]


def test_a_record_the_reader_can_no_longer_see_is_hidden(ward_a, ward_b, officer_a):
    """The officer moved to ward B: ward A's case no longer shows."""
    tell(officer_a, ward_a)
    officer_a.unit = ward_b
    officer_a.save(update_fields=["unit"])
    assert not Notification.objects.for_reader(officer_a).exists()


def test_an_account_without_a_unit_sees_none_and_a_superuser_all(ward_a, ward_b, officer_a):
    tell(officer_a, ward_b)
    assert not Notification.objects.for_reader(officer_a).exists()
    officer_a.is_superuser = True
    assert Notification.objects.for_reader(officer_a).count() == 1
    officer_a.is_superuser, officer_a.unit = False, None
    officer_a.save(update_fields=["is_superuser", "unit"])
    assert not Notification.objects.for_reader(officer_a).exists()


def test_the_sentence_and_the_link(ward_a, officer_a, settings):
    notification = tell(officer_a, ward_a, url="/don-thu/9/")
    with translation.override("vi"):
        assert str(notification) == "Vụ việc 15/TC-2026 được giao cho bạn xử lý."
    assert notification.absolute_url() == "https://tiepdan.benthanh.example.gov.vn/don-thu/9/"
