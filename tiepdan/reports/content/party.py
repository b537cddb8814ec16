"""The Party report on Regulation 11-QĐi/TW (as amended by KL 215): the Secretary's reception."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import queries
from tiepdan.reports.content.report import (
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
from tiepdan.targets.models import Target


def build_party(unit: OrgUnit, window: Window, today: date, progress: Progress) -> Report:
    """The Secretary's reception days, letters, directives and Party-building targets."""
    ids = queries.unit_ids(unit)
    name = unit_title(unit)
    province = unit.province()
    report = Report(
        kind="party", unit=unit, window=window,
        issuer=_("Party Committee of %(unit)s") % {"unit": name},
        superior=(_("Party Organisation of %(province)s") % {"province": unit_title(province)})
        if province and province != unit else "",
        place=name, on=today,
        title=_("REPORT"),
        summary=_("Carrying out Regulation 11-QĐi/TW on the Party Secretary receiving citizens "
                  "and handling their feedback in %(period)s") % {"period": window.period.label()},
        signer_on_behalf=_("On behalf of the Party Committee"),
        signer_title=_("Secretary"),
        signer_name=signer(unit, User.Post.SECRETARY),
    )  # fmt: skip
    report.recipients = [
        _("Standing Board of the provincial Party Committee (to report)"),
        _("Internal Affairs Commission of the provincial Party Committee"),
        _("Propaganda and Mass Mobilisation Commission of the provincial Party Committee"),
        _("Filed: Party Committee office"),
    ]
    reception = queries.reception_figures(ids, window)
    before = queries.reception_figures(ids, window.last_year())
    progress(30)
    report.sections.append(_reception(reception, before))
    report.sections.append(_dialogues(queries.dialogue_figures(ids, window)))
    cases = queries.case_figures(ids, window, today)
    last_year = queries.case_figures(ids, window.last_year(), today)
    report.sections.append(_letters(cases, last_year))
    progress(60)
    directives = queries.directive_figures(ids, window, today)
    report.sections.append(_directives(directives))
    report.sections.append(
        targets_section(unit, window, _("5. Party-building targets"), groups={Target.Group.PARTY})
    )
    progress(80)
    return report


def _reception(now: queries.ReceptionFigures, before: queries.ReceptionFigures) -> Section:
    section = Section(_("1. The Secretary’s reception of citizens"))
    shortfall = now.secretary_days < now.secretary_required
    section.paragraphs.append(
        _("The Party Secretary held %(days)s periodic reception days against the %(required)s "
          "that Regulation 11 requires (two a month)%(warning)s; %(adhoc)s unscheduled sessions "
          "were held in all; %(entries)s citizens' visits were recorded%(compare)s.")
        % {"days": n(now.secretary_days), "required": n(now.secretary_required),
           "warning": _(", short of the requirement") if shortfall else "",
           "adhoc": n(now.adhoc_days), "entries": n(now.entries),
           "compare": compare(now.entries, before.entries)}
    )  # fmt: skip
    section.tables.append(
        Table(
            _("Reception days"),
            [_("Item"), _("This period"), _("Required")],
            [[_("Reception days of the Secretary"), now.secretary_days, now.secretary_required],
             [_("Reception days of the Chairman"), now.chairman_days, now.chairman_required],
             [_("Unscheduled sessions"), now.adhoc_days, "—"]],
            [8, 3.5, 3.5],
        )
    )  # fmt: skip
    return section


def _letters(now: queries.CaseFigures, before: queries.CaseFigures) -> Section:
    section = Section(_("3. Letters received and the written replies"))
    values = {
        "received": n(now.received),
        "compare": compare(now.received, before.received),
        "answered": n(now.answered),
        "rate": pct(now.on_time_rate),
        "overdue": n(now.overdue),
    }
    if now.on_time_rate is None:
        text = _(
            "%(received)s letters were received%(compare)s; %(answered)s were answered; "
            "%(overdue)s are past their deadline."
        )
    else:
        text = _(
            "%(received)s letters were received%(compare)s; %(answered)s were answered, "
            "%(rate)s of them on time; %(overdue)s are past their deadline."
        )
    section.paragraphs.append(text % values)
    return section


def _directives(figures: queries.DirectiveFigures) -> Section:
    section = Section(_("4. Directions after receiving citizens"))
    values = {
        "issued": n(figures.issued),
        "done": n(figures.done),
        "rate": pct(figures.on_time_rate),
        "overdue": n(figures.open_overdue),
    }
    if figures.on_time_rate is None:
        text = _(
            "%(issued)s directions were given; none was completed in the period; "
            "%(overdue)s remain open past their deadline."
        )
    else:
        text = _(
            "%(issued)s directions were given; %(done)s were completed (%(rate)s on time); "
            "%(overdue)s remain open past their deadline."
        )
    section.paragraphs.append(text % values)
    return section


def _dialogues(figures: queries.DialogueFigures) -> Section:
    section = Section(_("2. Direct dialogue with citizens"))
    section.paragraphs.append(
        _(
            "%(held)s direct dialogues with citizens were held, %(secretary)s of them chaired by "
            "the Party Secretary; %(complaints)s were dialogues in resolving complaints."
        )
        % {
            "held": n(figures.held),
            "secretary": n(figures.by_secretary),
            "complaints": n(figures.complaint_dialogues),
        }
    )
    return section
