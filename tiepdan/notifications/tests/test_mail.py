"""The demo's outbox backend keeps every mail and logs one line per mail, never the body."""

import logging

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from tiepdan.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox_backend(settings):
    settings.EMAIL_BACKEND = "tiepdan.notifications.mail.OutboxBackend"


def test_it_keeps_the_mail_and_logs_one_line(outbox_backend, caplog):
    with caplog.at_level(logging.INFO, logger="tiepdan.mail"):
        mail.send_mail(
            "Vụ việc 12/PA được giao cho bạn xử lý.",
            "Nội dung thư\nhttps://tiepdan.example/don-thu/1/",
            None,
            ["an@benthanh.example.gov.vn"],
        )
    message = OutboxMessage.objects.get()
    assert message.to == "an@benthanh.example.gov.vn"
    assert message.subject == "Vụ việc 12/PA được giao cho bạn xử lý."
    assert message.body.endswith("/don-thu/1/")
    lines = [r.getMessage() for r in caplog.records if r.name == "tiepdan.mail"]
    assert lines == ["mail to an@benthanh.example.gov.vn: Vụ việc 12/PA được giao cho bạn xử lý."]
    assert mail.outbox == []  # kept in the database, not sent anywhere


def test_it_keeps_each_of_several_mails_with_all_their_recipients(outbox_backend):
    messages = [
        EmailMessage("Một", "1", None, ["a@x.vn"], cc=["b@x.vn"]),
        EmailMessage("Hai", "2", None, ["c@x.vn"]),
    ]
    assert mail.get_connection().send_messages(messages) == 2
    assert list(OutboxMessage.objects.order_by("id").values_list("to", "subject")) == [
        ("a@x.vn, b@x.vn", "Một"),
        ("c@x.vn", "Hai"),
    ]
