"""Factories for cases (required fields only); services make everything with a lifecycle."""

from datetime import date

import factory

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.cases.services import answers
from tiepdan.citizens.models import Citizen

TODAY = date(2026, 11, 23)


class CitizenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citizen

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Dân {n}")
    id_number = factory.Sequence(lambda n: f"0792030{n:05d}")
    phone = "+84912345678"
    email = factory.Sequence(lambda n: f"dan{n}@example.vn")
    address = "12 Lê Lợi, Phường Bến Thành"


def receive(
    unit,
    actor=None,
    *,
    kind=Case.Kind.FEEDBACK,
    received_on=date(2026, 11, 2),
    citizen=True,
    **extra,
):
    """Receive a case through the service, as staff would."""
    intake = services.Intake(
        channel=extra.pop("channel", Case.Channel.IN_PERSON),
        kind=kind,
        subject=extra.pop("subject", "Ngập nước đường Lê Lợi sau mưa"),
        content=extra.pop("content", "Mỗi lần mưa lớn, đoạn đường trước nhà số 12 ngập sâu 30 cm."),
        received_on=received_on,
        citizens=[(CitizenFactory(), "submitter")] if citizen else [],
        **extra,
    )
    return services.receive_case(intake, unit=unit, actor=actor, today=TODAY)


def classified(unit, actor, **kwargs):
    data = kwargs.pop("data", {})
    case = receive(unit, actor, **kwargs)
    services.classify(
        case, services.ClassifyInput(kind=case.kind, field=case.field, **data), actor=actor
    )
    return case


def accepted(unit, actor, **kwargs):
    case = classified(unit, actor, **kwargs)
    services.decide(case, actor=actor, decision="accept", today=TODAY)
    return case


def answered(unit, officer, leader, *, citizen=None, text="Phường đã xử lý xong.", **kwargs):
    """A case answered through the services: accepted, drafted, approved by `leader`, sent.

    `citizen` (a saved Citizen) replaces the generated sender."""
    case = accepted(unit, officer, citizen=citizen is None, **kwargs)
    if citizen is not None:
        case.case_citizens.create(citizen=citizen)
    response = answers.draft_answer(case, actor=officer, text=text)
    answers.approve_answer(response, actor=leader)
    answers.send_answer(response, actor=officer, today=TODAY)
    case.refresh_from_db()
    return case
