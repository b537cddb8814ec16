"""The State report on citizen reception, letter handling and case resolution (Circular 01/2024)."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import charts, queries
from tiepdan.reports.content.report import (
    Chart,
    Progress,
    Report,
    Section,
    Table,
    compare,
    n,
    pct,
    signer,
    targets_section,
    unit_title,
)
from tiepdan.reports.periods import Window

KIND_KEYS = ["complaint", "denunciation", "petition", "feedback"]


def kind_labels() -> dict[str, str]:
    return {
        "complaint": _("Complaints"),
        "denunciation": _("Denunciations"),
        "petition": _("Petitions"),
        "feedback": _("Feedback"),
    }


def build_state(unit: OrgUnit, window: Window, today: date, progress: Progress) -> Report:
    """Gather the figures of the unit's subtree and write the State report."""
    ids = queries.unit_ids(unit)
    name = unit_title(unit)
    is_province = unit.level == OrgUnit.Level.PROVINCE
    label = window.period.label()
    report = Report(
        kind="state", unit=unit, window=window,
        issuer=_("People’s Committee of %(unit)s") % {"unit": name}, superior="",
        place=name, on=today,
        title=_("REPORT"),
        summary=_("Results of citizen reception, letter handling and the resolution of "
                  "complaints and denunciations in %(period)s") % {"period": label},
        signer_on_behalf=_("On behalf of the People’s Committee"),
        signer_title=_("Chairman"),
        signer_name=signer(unit, User.Post.CHAIRMAN),
    )  # fmt: skip
    report.recipients = state_recipients(unit)
    communes = OrgUnit.objects.subtree_of(unit).communes().count() if is_province else 1
    report.sections.append(_intro(window))
    progress(20)
    reception = queries.reception_figures(ids, window, communes)
    before = queries.reception_figures(ids, window.last_year(), communes)
    dialogues = queries.dialogue_figures(ids, window)
    report.sections.append(_reception_section(reception, before, dialogues))
    progress(40)
    by_unit = queries.case_counts_by_unit(ids, window, today) if is_province else None
    cases = queries.case_figures(ids, window, today, by_unit)
    last_year = queries.case_figures(ids, window.last_year(), today)
    report.sections.extend(_case_sections(cases, last_year))
    progress(60)
    if is_province:
        report.sections.append(_ranking_section(unit, window, today, by_unit))
    else:
        report.sections.append(
            targets_section(unit, window, _("IV. WORK PROGRAMME TARGETS"), groups=None)
        )
    progress(80)
    report.sections.append(_mediation_section(queries.mediation_figures(ids, window)))
    directives = queries.directive_figures(ids, window, today)
    report.sections.append(_closing_section(directives, cases))
    return report


def state_recipients(unit: OrgUnit) -> list[str]:
    if unit.level == OrgUnit.Level.PROVINCE:
        return [_("Government Inspectorate (to report)"), _("Standing Board of the Party "
                "Committee (to report)"), _("Filed: Office")]  # fmt: skip
    province = unit.province()
    above = unit_title(province) if province else ""
    return [
        _("People’s Committee of %(province)s (to report)") % {"province": above},
        _("Inspectorate of %(province)s") % {"province": above},
        _("Standing Board of the ward’s Party Committee"),
        _("Filed: Office"),
    ]


def _intro(window: Window) -> Section:
    return Section(
        "",
        [
            _("The report covers data from %(start)s to %(end)s.")
            % {"start": window.start.strftime("%d/%m/%Y"), "end": window.end.strftime("%d/%m/%Y")}
        ],
    )


def _reception_section(
    now: queries.ReceptionFigures,
    before: queries.ReceptionFigures,
    dialogues: queries.DialogueFigures,
) -> Section:
    section = Section(_("I. CITIZEN RECEPTION"))
    section.paragraphs.append(
        _("Citizens were received %(entries)s times (%(people)s people, %(groups)s group visits)"
          "%(compare)s.")
        % {"entries": n(now.entries), "people": n(now.people), "groups": n(now.groups),
           "compare": compare(now.entries, before.entries)}
    )  # fmt: skip
    section.paragraphs.append(
        _("The Chairman held %(chairman)s reception days (at least %(required)s required, one a "
          "week: Law on Citizen Reception Art. 15); the Party Secretary held %(secretary)s "
          "(at least %(secretary_required)s, two a month: Regulation 11); %(adhoc)s were "
          "unscheduled.")
        % {"chairman": n(now.chairman_days), "required": n(now.chairman_required),
           "secretary": n(now.secretary_days), "secretary_required": n(now.secretary_required),
           "adhoc": n(now.adhoc_days)}
    )  # fmt: skip
    labels = kind_labels()
    rows: list[list[object]] = [[labels[k], now.by_kind.get(k, 0), before.by_kind.get(k, 0)]
                                for k in KIND_KEYS]  # fmt: skip
    rows.append([_("Total"), now.entries, before.entries])
    section.paragraphs.append(
        _("%(held)s direct dialogues with citizens were held (%(complaints)s in resolving "
          "complaints).")
        % {"held": n(dialogues.held), "complaints": n(dialogues.complaint_dialogues)}
    )  # fmt: skip
    section.tables.append(
        Table(_("Reception by type of matter"),
              [_("Type"), _("This period"), _("Same period last year")], rows, [7, 4, 4])
    )  # fmt: skip
    return section


def _case_sections(now: queries.CaseFigures, before: queries.CaseFigures) -> list[Section]:
    receiving = Section(_("II. RECEIVING AND HANDLING LETTERS"))
    receiving.paragraphs.append(
        _("%(total)s letters in total: %(carried)s carried over and %(received)s received in the "
          "period%(compare)s; %(multi)s signed by five or more people; %(inadmissible)s "
          "inadmissible.")
        % {"total": n(now.total), "carried": n(now.carried_over), "received": n(now.received),
           "compare": compare(now.received, before.received), "multi": n(now.multi_signer),
           "inadmissible": n(now.inadmissible)}
    )  # fmt: skip
    receiving.paragraphs.append(
        _("Decisions: %(accepted)s accepted for handling, %(transferred)s transferred, "
          "%(guided)s guided, %(archived)s archived.")
        % {"accepted": n(now.accepted), "transferred": n(now.transferred),
           "guided": n(now.guided), "archived": n(now.archived)}
    )  # fmt: skip
    labels = kind_labels()
    rows: list[list[object]] = [[labels[k], now.by_kind.get(k, 0), before.by_kind.get(k, 0)]
                                for k in KIND_KEYS]  # fmt: skip
    rows.append([_("Total"), now.received, before.received])
    receiving.tables.append(
        Table(_("Letters received by type"),
              [_("Type"), _("This period"), _("Same period last year")], rows, [7, 4, 4])
    )  # fmt: skip
    if now.received or before.received:
        png = charts.bars(
            [labels[k] for k in KIND_KEYS],
            [(_("This period"), [now.by_kind.get(k, 0) for k in KIND_KEYS]),
             (_("Same period last year"), [before.by_kind.get(k, 0) for k in KIND_KEYS])],
            title=_("Letters received by type"),
        )  # fmt: skip
        receiving.charts.append(Chart(_("Letters received by type"), png))
    resolving = Section(_("III. RESOLUTION OF CASES WITHIN COMPETENCE"))
    resolving.paragraphs.append(_resolution_text(now))
    return [receiving, resolving]


def _ranking_section(
    province: OrgUnit, window: Window, today: date, by_unit: queries.ByUnit | None
) -> Section:
    lines = queries.cases_by_commune(province, window, today, by_unit)
    section = Section(_("IV. RESULTS BY WARD AND COMMUNE"))
    rows: list[list[object]] = [
        [
            i,
            ln.name,
            ln.received,
            ln.answered,
            ln.answered_on_time,
            pct(ln.on_time_rate),
            ln.overdue,
        ]
        for i, ln in enumerate(lines, start=1)
    ]
    section.tables.append(
        Table(_("Ranking by on-time rate"),
              [_("Rank"), _("Unit"), _("Received"), _("Answered"), _("On time"),
               _("On-time rate"), _("Overdue")], rows, [1.5, 4.8, 2, 2, 2, 2, 2])
    )  # fmt: skip
    return section


def _closing_section(directives: queries.DirectiveFigures, cases: queries.CaseFigures) -> Section:
    section = Section(_("VI. ASSESSMENT AND TASKS FOR THE NEXT PERIOD"))
    section.paragraphs.append(
        _("Leaders issued %(issued)s directives; %(done)s were completed, %(on_time)s of them on "
          "time; %(overdue)s remain open past their deadline.")
        % {"issued": n(directives.issued), "done": n(directives.done),
           "on_time": n(directives.done_on_time), "overdue": n(directives.open_overdue)}
    )  # fmt: skip
    section.paragraphs.append(
        _(
            "In the next period the unit will keep the reception schedule, answer every case "
            "within its deadline and settle the %(overdue)s overdue cases first."
        )
        % {"overdue": n(cases.overdue)}
    )
    return section


def _resolution_text(now: queries.CaseFigures) -> str:
    values = {
        "answered": n(now.answered),
        "resolved": pct(now.resolved_rate),
        "on_time": n(now.answered_on_time),
        "rate": pct(now.on_time_rate),
        "overdue": n(now.overdue),
    }
    if now.on_time_rate is None or now.resolved_rate is None:
        return _("%(answered)s cases answered; %(overdue)s cases are past their deadline.") % values
    return (
        _(
            "%(answered)s cases answered (%(resolved)s of those to resolve), %(on_time)s on time "
            "(%(rate)s); %(overdue)s cases are past their deadline."
        )
        % values
    )


def _mediation_section(figures: queries.MediationFigures) -> Section:
    section = Section(_("V. GRASSROOTS MEDIATION"))
    section.paragraphs.append(
        _(
            "Mediation teams received %(cases)s cases; %(succeeded)s were mediated successfully "
            "and %(failed)s unsuccessfully (success rate %(rate)s); %(ongoing)s are still being "
            "mediated."
        )
        % {
            "cases": n(figures.cases),
            "succeeded": n(figures.succeeded),
            "failed": n(figures.failed),
            "rate": pct(figures.success_rate),
            "ongoing": n(figures.ongoing),
        }
    )
    return section
