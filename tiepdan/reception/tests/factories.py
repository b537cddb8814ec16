"""Factories for reception records (required fields only)."""

from datetime import date, time

import factory

from tiepdan.reception.models import ReceptionDay, ReceptionEntry


class ReceptionDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionDay

    on = date(2026, 12, 10)
    starts_at = time(7, 30)
    ends_at = time(11, 0)
    place = "Phòng tiếp công dân, UBND phường"
    status = ReceptionDay.Status.PUBLISHED
    published_on = date(2026, 11, 23)

    @factory.lazy_attribute
    def unit(self):
        return self.leader.unit


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionEntry

    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    received_on = date(2026, 11, 20)
    full_name = "Nguyễn Văn Bình"
    address = "12 Lê Lợi, Phường Bến Thành"
    id_kind = "cccd"
    id_number = "079085001234"
    summary = "Phản ánh lấn chiếm vỉa hè"
    kind = ReceptionEntry.Kind.FEEDBACK
    route = ReceptionEntry.Route.ACCEPT
