from decimal import Decimal

import factory

from tiepdan.targets.models import Programme, Target


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    year = 2026
    title = factory.LazyAttribute(lambda o: f"Chương trình công tác năm {o.year}")


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"target-{n}")
    name = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    group = Target.Group.PARTY
    measure = "đảng viên"
    plan = Decimal(7)
