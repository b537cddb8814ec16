from datetime import date, timedelta

import factory

from tiepdan.cases.models import Case, Status


class CaseFactory(factory.django.DjangoModelFactory):
    """A case row with the dates the figures read (entered directly: reports only read them)."""

    class Meta:
        model = Case

    year = 2026
    number = factory.Sequence(lambda n: n + 1)
    channel = Case.Channel.IN_PERSON
    kind = "feedback"
    subject = factory.Sequence(lambda n: f"Phản ánh số {n}")
    content = "Nội dung phản ánh về trật tự đô thị."
    received_on = date(2026, 11, 2)
    due_on = factory.LazyAttribute(lambda o: o.received_on + timedelta(days=10))
    status = Status.ACCEPTED
    decision = "accept"
    decided_on = factory.LazyAttribute(lambda o: o.received_on)
