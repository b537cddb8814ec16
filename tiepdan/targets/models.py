"""A unit's yearly work programme of targets (chỉ tiêu), their results and the unit's ratings.

Plans come from the unit's own resolutions: there is no national fixed percentage (DOMAIN §11).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tiepdan.orgunits.models import OrgUnit
from tiepdan.targets import rules
from tiepdan.targets.periods import KINDS, Period


class ProgrammeQuerySet(models.QuerySet["Programme"]):
    def of_units(self, units: models.QuerySet[OrgUnit]) -> ProgrammeQuerySet:
        return self.filter(unit__in=units)


class Programme(models.Model):
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="programmes"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("programme title"), max_length=255)
    source = models.CharField(
        _("source resolution"),
        max_length=255,
        blank=True,
        help_text=_("The resolution or plan that sets these targets, with its number and date."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("work programme")
        verbose_name_plural = _("work programmes")
        ordering = ["unit", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="programme_one_per_unit_year"),
        ]
        permissions = [
            ("view_targets", _("Can view work programmes and targets")),
            ("manage_targets", _("Can set up work programmes and targets")),
            ("enter_target_results", _("Can enter target results")),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.unit})"


class Target(models.Model):
    class Group(models.TextChoices):
        PARTY = "party", _("Party building")
        ECONOMY = "economy", _("Economy and budget")
        DEFENCE = "defence", _("Defence and security")
        SOCIAL = "social", _("Culture and social affairs")
        URBAN = "urban", _("Urban order and environment")
        RECEPTION = "reception", _("Citizen reception and petitions")
        OTHER = "other", _("Other")

    class Direction(models.TextChoices):
        HIGHER = rules.HIGHER, _("Higher is better")
        LOWER = rules.LOWER, _("Lower is better")

    class Builtin(models.TextChoices):
        MANUAL = "", _("Entered by the responsible officer")
        RECEPTION_DAYS = "reception_days", _("Reception days held (of required)")
        CASES_ON_TIME = "cases_on_time", _("Cases answered on time (%)")
        CASES_GRASSROOTS = "cases_grassroots", _("Cases resolved at the grass roots (%)")
        MEDIATION_SUCCESS = "mediation_success", _("Mediation success rate (%)")
        DIRECTIVES_ON_TIME = "directives_on_time", _("Directives completed on time (%)")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="targets"
    )
    code = models.SlugField(
        _("short code"),
        max_length=40,
        help_text=_("Keeps the same target together from year to year (e.g. party-admissions)."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("indicator"), max_length=255)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    plan = models.DecimalField(_("plan value"), max_digits=18, decimal_places=4)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals of the percentage"), default=1, validators=[MaxValueValidator(4)]
    )
    value_decimals = models.PositiveSmallIntegerField(
        _("decimals of the values"), default=0, validators=[MaxValueValidator(4)]
    )
    change_decimals = models.PositiveSmallIntegerField(
        _("decimals of the change on last year"), default=0, validators=[MaxValueValidator(4)]
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    builtin = models.CharField(
        _("how the result is obtained"),
        max_length=30,
        choices=Builtin.choices,
        blank=True,
        default=Builtin.MANUAL,
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="targets",
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["programme", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="target_unique_code"),
            models.CheckConstraint(condition=Q(plan__gte=0), name="target_plan_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name

    def plan_text(self) -> str:
        return rules.format_number(self.plan, self.value_decimals)


class TargetResult(models.Model):
    """The result of one target for one period of the programme's year."""

    class Kind(models.TextChoices):
        MONTH = "month", _("Month")
        QUARTER = "quarter", _("Quarter")
        HALF = "half", _("Half-year")
        NINE_MONTHS = "nine_months", _("Nine months")
        YEAR = "year", _("Year")

    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, related_name="results"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("period"), max_length=12, choices=Kind.choices)
    index = models.PositiveSmallIntegerField(_("period number"), default=1)
    value = models.DecimalField(_("result"), max_digits=18, decimal_places=4)
    previous = models.DecimalField(
        _("same period last year"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    computed = models.BooleanField(_("computed from the system's data"), default=False)
    note = models.CharField(_("note"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        verbose_name = _("target result")
        verbose_name_plural = _("target results")
        ordering = ["target", "year", "kind", "index"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "year", "kind", "index"], name="result_one_per_period"
            ),
            models.CheckConstraint(condition=Q(kind__in=KINDS), name="result_known_period_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.target} · {self.period.code}"

    @property
    def period(self) -> Period:
        return Period(self.year, self.kind, self.index)

    def percent(self) -> Decimal | None:
        return rules.percent_of_plan(self.value, self.target.plan)

    def change(self) -> Decimal | None:
        return rules.change_on_last_year(self.value, self.previous)


class UnitRating(models.Model):
    """The unit's yearly rating by the level above (xếp loại), kept as history."""

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("Completed its tasks excellently")
        GOOD = "good", _("Completed its tasks well")
        DONE = "done", _("Completed its tasks")
        NOT_DONE = "not_done", _("Did not complete its tasks")

    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="ratings"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    rating = models.CharField(_("unit rating"), max_length=20, choices=Rating.choices)
    decided_by = models.CharField(_("decided by"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("yearly rating")
        verbose_name_plural = _("yearly ratings")
        ordering = ["unit", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="rating_one_per_unit_year"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.get_rating_display()}"

    def streak(self) -> int:
        history = dict(UnitRating.objects.filter(unit=self.unit).values_list("year", "rating"))
        return rules.rating_streak(history, self.year)
