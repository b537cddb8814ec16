from datetime import date

import factory

from tiepdan.directives.models import Directive


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    title = factory.Sequence(lambda n: f"Rà soát quy chế tiếp công dân {n}")
    content = "Rà soát, sửa đổi quy chế tiếp công dân của phường."
    source_kind = Directive.SourceKind.WORK_MEETING
    issued_on = date(2026, 11, 2)
    due_on = date(2026, 11, 30)
