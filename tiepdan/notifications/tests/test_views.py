"""The pages: the list (newest first, paged), open and mark read, e-mail choices, the outbox."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from conftest import make_user
from tiepdan.notifications.kinds import Delivery, Kind
from tiepdan.notifications.models import Notification, OutboxMessage, Preference
from tiepdan.notifications.tests.factories import tell
from tiepdan.notifications.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
PREFERENCES = reverse("notifications:preferences")
OUTBOX = reverse("notifications:outbox")


def test_the_list_shows_the_unread_in_bold_with_the_bell(client, ward_a, officer_a):
    unread = tell(officer_a, ward_a, key="a")
    read = tell(officer_a, ward_a, key="b", url="/don-thu/2/")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    client.force_login(officer_a)
    page = client.get(LIST).content.decode()
    assert f'fw-bold" href="{reverse("notifications:open", args=[unread.pk])}"' in page
    assert f'text-decoration-none" href="{reverse("notifications:open", args=[read.pk])}"' in page
    assert 'aria-label="Thông báo: 1 chưa đọc"' in page
    assert page.count("Đánh dấu đã đọc</button>") == 1


def test_the_list_is_paged_newest_first(client, ward_a, officer_a):
    start = timezone.now()
    for n in range(PAGE_SIZE + 2):
        notification = tell(officer_a, ward_a, key=f"k{n}", params={"number": f"{n}/PA"})
        Notification.objects.filter(pk=notification.pk).update(
            created_at=start + timedelta(minutes=n)
        )
    client.force_login(officer_a)
    first = client.get(LIST)
    numbers = [n.params["number"] for n in first.context["page"].items]
    assert numbers[0] == f"{PAGE_SIZE + 1}/PA" and len(numbers) == PAGE_SIZE
    second = client.get(LIST, {"after": first.context["page"].next_cursor})
    assert [n.params["number"] for n in second.context["page"].items] == ["1/PA", "0/PA"]


def test_opening_marks_read_and_goes_to_the_record(client, ward_a, officer_a):
    notification = tell(officer_a, ward_a, url="/don-thu/7/")
    client.force_login(officer_a)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/don-thu/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_readers_notification_is_not_found(client, ward_a, officer_a, leader_a):
    theirs = tell(leader_a, ward_a)
    client.force_login(officer_a)
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    response = client.post(reverse("notifications:mark_read", args=[theirs.pk]))
    assert response.status_code == 404


def test_a_notification_about_a_record_out_of_reach_is_not_listed(client, ward_b, officer_a):
    hidden = tell(officer_a, ward_b)
    client.force_login(officer_a)
    assert list(client.get(LIST).context["page"].items) == []
    assert client.get(reverse("notifications:open", args=[hidden.pk])).status_code == 404


def test_mark_read_and_mark_all_read_say_what_happened(client, ward_a, officer_a):
    first = tell(officer_a, ward_a, key="a")
    tell(officer_a, ward_a, key="b")
    tell(officer_a, ward_a, key="c")
    client.force_login(officer_a)
    response = client.post(
        reverse("notifications:mark_read", args=[first.pk]),
        {"next": LIST + "?after=x"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == LIST + "?after=x"
    assert "Đã đánh dấu là đã đọc." in response.content.decode()
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Đã đánh dấu 2 thông báo là đã đọc." in response.content.decode()
    assert not Notification.objects.filter(read_at=None).exists()
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Không có thông báo nào chưa đọc." in response.content.decode()


def test_marking_read_needs_a_post(client, ward_a, officer_a):
    notification = tell(officer_a, ward_a)
    client.force_login(officer_a)
    assert client.get(reverse("notifications:mark_read", args=[notification.pk])).status_code == 405
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405


def test_mark_read_goes_back_only_to_the_list(client, ward_a, officer_a):
    notification = tell(officer_a, ward_a)
    client.force_login(officer_a)
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]),
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == LIST


def test_the_preferences_page_shows_the_defaults_and_saves_a_choice(client, leader_a):
    client.force_login(leader_a)
    form = client.get(PREFERENCES).context["form"]
    assert form.initial[Kind.DRAFT_SUBMITTED] == Delivery.IMMEDIATE
    assert form.initial[Kind.DEADLINE_PASSED] == Delivery.DIGEST
    data = dict(form.initial) | {Kind.DEADLINE_PASSED: Delivery.OFF}
    response = client.post(PREFERENCES, data, follow=True)
    assert "Đã lưu lựa chọn nhận thư của bạn." in response.content.decode()
    assert list(Preference.objects.values_list("kind", "delivery")) == [
        (Kind.DEADLINE_PASSED, Delivery.OFF)
    ]


def test_an_unknown_choice_is_shown_next_to_its_field(client, leader_a):
    client.force_login(leader_a)
    response = client.post(PREFERENCES, {Kind.DEADLINE_PASSED: "weekly"})
    assert response.status_code == 200
    assert response.context["form"].errors[Kind.DEADLINE_PASSED]
    assert not Preference.objects.exists()


def test_the_demos_superuser_reads_the_outbox_newest_first(client, ward_a, settings):
    settings.DEMO = True
    settings.EMAIL_BACKEND = "tiepdan.notifications.mail.OutboxBackend"
    old = OutboxMessage.objects.create(to="a@x.vn", subject="Thư cũ", body="Cũ")
    OutboxMessage.objects.filter(pk=old.pk).update(sent_at=timezone.now() - timedelta(days=1))
    OutboxMessage.objects.create(to="b@x.vn", subject="Thư mới", body="Dòng 1\nDòng 2")
    client.force_login(make_user("root", ward_a, is_superuser=True))
    page = client.get(OUTBOX).content.decode()
    assert page.index("Thư mới") < page.index("Thư cũ")
    assert "Dòng 1<br>Dòng 2" in page


def test_a_unit_admin_may_not_read_citizens_mail_in_the_outbox(client, admin_a, settings):
    """Mail to citizens holds what they wrote, a denouncer's letter too (rule 19)."""
    settings.DEMO = True
    client.force_login(admin_a)
    assert client.get(OUTBOX).status_code == 403


def test_there_is_no_outbox_outside_a_demo(client, ward_a, settings):
    settings.DEMO = False
    client.force_login(make_user("root", ward_a, is_superuser=True))
    assert client.get(OUTBOX).status_code == 404


def test_an_officer_cannot_read_the_outbox(client, officer_a):
    client.force_login(officer_a)
    assert client.get(OUTBOX).status_code == 403


@pytest.mark.parametrize("url", [LIST, PREFERENCES])
def test_the_pages_render_for_each_staff_role(
    client, url, officer_a, leader_a, mediator_a, admin_a
):
    for user in (officer_a, leader_a, mediator_a, admin_a):
        client.force_login(user)
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [LIST, PREFERENCES, OUTBOX])
def test_an_anonymous_visitor_is_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")


@pytest.mark.parametrize("url", [LIST, PREFERENCES, OUTBOX])
def test_an_account_without_a_staff_role_is_refused(client, ward_a, url):
    nobody = make_user("nobody", ward_a)
    assert not Group.objects.filter(user=nobody).exists()
    client.force_login(nobody)
    assert client.get(url).status_code == 403


def test_the_outbox_is_in_the_menu_of_a_demo_for_those_who_may_read_it(
    client, ward_a, admin_a, settings
):
    root = make_user("root", ward_a, is_superuser=True)
    settings.DEMO = True
    client.force_login(root)
    assert f'href="{OUTBOX}"' in client.get(LIST).content.decode()
    client.force_login(admin_a)
    assert f'href="{OUTBOX}"' not in client.get(LIST).content.decode()
    settings.DEMO = False
    client.force_login(root)
    assert f'href="{OUTBOX}"' not in client.get(LIST).content.decode()
