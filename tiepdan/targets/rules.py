"""How a ward states a target's result: % of plan, change on last year, status. Pure, no ORM.

There is no national fixed percentage: plans come from the unit's own resolutions (DOMAIN §11).
Numbers are written the Vietnamese way — decimal comma, dot between thousands — rounded half up
to the number of decimals set on each indicator, as the published reports round them
(8 of 7 → "114,3 %", 18 of 26 → "69,23 %").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

HIGHER = "higher"
LOWER = "lower"

NOT_YET = "not_yet"
ACHIEVED = "achieved"
EXCEEDED = "exceeded"

HUNDRED = Decimal(100)


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals` places (the way the published figures are rounded)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int | None, decimals: int = 0) -> str:
    """'1.250,5': dot between thousands, decimal comma; '' for no value."""
    if value is None:
        return ""
    rounded = quantize(Decimal(value), decimals)
    sign = "-" if rounded < 0 else ""
    whole, _dot, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if decimals > 0 else f"{sign}{text}"


def percent_of_plan(actual: Decimal | None, plan: Decimal) -> Decimal | None:
    """Actual as a percentage of the plan; None when there is no result or no positive plan."""
    if actual is None or plan is None or plan <= 0:
        return None
    return Decimal(actual) * HUNDRED / Decimal(plan)


def change_on_last_year(actual: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Change in % on the same period last year; None without a positive previous value."""
    if actual is None or previous is None or previous <= 0:
        return None
    return (Decimal(actual) / Decimal(previous) - 1) * HUNDRED


def format_percent(value: Decimal | None, decimals: int) -> str:
    """'114,3 %'; '' when there is nothing to show."""
    if value is None:
        return ""
    return f"{format_number(value, decimals)} %"


def format_change(value: Decimal | None, decimals: int = 0) -> str:
    """'+8 %', '-3,5 %', '0 %': the sign written out as the reports do."""
    if value is None:
        return ""
    rounded = quantize(value, decimals)
    sign = "+" if rounded > 0 else ""
    return f"{sign}{format_number(rounded, decimals)} %"


def status(actual: Decimal | None, plan: Decimal, direction: str = HIGHER) -> str:
    """Not yet / achieved / exceeded, respecting whether higher or lower is better."""
    if actual is None:
        return NOT_YET
    if actual == plan:
        return ACHIEVED
    better = actual > plan if direction == HIGHER else actual < plan
    return EXCEEDED if better else NOT_YET


def rating_streak(ratings: dict[int, str], year: int) -> int:
    """How many years running, ending with `year`, the unit has held that year's rating."""
    rating = ratings.get(year)
    if not rating:
        return 0
    streak = 0
    while ratings.get(year - streak) == rating:
        streak += 1
    return streak


def streak_words(streak: int) -> str:
    """'năm thứ ba liên tiếp' for a streak of three; '' for one year or none."""
    words = {
        2: _("the second year running"),
        3: _("the third year running"),
        4: _("the fourth year running"),
        5: _("the fifth year running"),
    }
    if streak < 2:
        return ""
    return words.get(streak) or _("year %(n)s running") % {"n": streak}


def plan_problem(plan: Decimal | None, direction: str) -> str | None:
    """Why a plan value cannot be used, or None when it can."""
    if plan is None:
        return _("Enter the plan value.")
    if plan < 0:
        return _("A plan value cannot be negative.")
    if plan == 0 and direction == HIGHER:
        return _(
            "A plan of zero leaves nothing to measure against; enter the planned number, "
            "or choose “lower is better” for a target such as “no new cases”."
        )
    return None
