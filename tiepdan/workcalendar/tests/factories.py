from datetime import date

import factory

from tiepdan.workcalendar.models import Holiday


class HolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Holiday

    date = date(2027, 3, 8)
    kind = Holiday.Kind.DAY_OFF
    name = "Nghỉ thử"
    source = "1/TB-TEST"
    year = factory.LazyAttribute(lambda h: h.date.year)
