from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tiepdan.targets import rules

amounts = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False)
plans = st.decimals(min_value=Decimal("0.0001"), max_value=10**9, places=4, allow_nan=False)


def parse_vn(text: str) -> Decimal:
    return Decimal(text.replace(" %", "").replace(".", "").replace(",", "."))


def test_it_writes_eight_of_seven_as_the_ward_does():
    """Percent of plan with one decimal and a decimal comma (DOMAIN §11: local targets)."""
    assert rules.format_percent(rules.percent_of_plan(Decimal(8), Decimal(7)), 1) == "114,3 %"


def test_it_writes_eighteen_of_twenty_six_with_two_decimals():
    """Decimals are set per indicator (DOMAIN §11)."""
    assert rules.format_percent(rules.percent_of_plan(Decimal(18), Decimal(26)), 2) == "69,23 %"


def test_it_gives_the_published_land_tax_percentage_from_exact_amounts():
    """4,8 of 3,8 billion đồng is published as 126,2 %: the exact amounts give it (DOMAIN §11)."""
    value, plan = Decimal("4.796"), Decimal("3.8")
    assert rules.format_number(value, 1) == "4,8"
    assert rules.format_percent(rules.percent_of_plan(value, plan), 1) == "126,2 %"


def test_it_writes_the_change_on_last_year_with_its_sign():
    assert rules.format_change(rules.change_on_last_year(Decimal(108), Decimal(100))) == "+8 %"
    assert rules.format_change(Decimal("-3.46"), 1) == "-3,5 %"
    assert rules.format_change(Decimal("0.2"), 0) == "0 %"


def test_it_groups_thousands_with_dots():
    assert rules.format_number(Decimal("1234567.891"), 2) == "1.234.567,89"
    assert rules.format_number(Decimal("-1000"), 0) == "-1.000"
    assert rules.format_number(None) == ""


def test_it_never_divides_by_zero():
    """A zero plan or a zero last year gives no percentage, never an error (issue 7 bad input)."""
    assert rules.percent_of_plan(Decimal(5), Decimal(0)) is None
    assert rules.change_on_last_year(Decimal(5), Decimal(0)) is None
    assert rules.format_percent(None, 1) == ""


def test_it_respects_the_direction_of_a_target():
    assert rules.status(Decimal(15), Decimal(15)) == rules.ACHIEVED
    assert rules.status(Decimal(8), Decimal(7)) == rules.EXCEEDED
    assert rules.status(Decimal(18), Decimal(26)) == rules.NOT_YET
    assert rules.status(Decimal(2), Decimal(3), rules.LOWER) == rules.EXCEEDED
    assert rules.status(Decimal(4), Decimal(3), rules.LOWER) == rules.NOT_YET
    assert rules.status(None, Decimal(3)) == rules.NOT_YET


def test_it_refuses_plans_that_make_no_sense():
    assert rules.plan_problem(Decimal(0), rules.HIGHER)
    assert rules.plan_problem(Decimal(-1), rules.LOWER)
    assert rules.plan_problem(Decimal(0), rules.LOWER) is None
    assert rules.plan_problem(Decimal(7), rules.HIGHER) is None


def test_it_counts_a_rating_streak():
    history = {2021: "excellent", 2022: "excellent", 2023: "excellent", 2020: "good"}
    assert rules.rating_streak(history, 2023) == 3
    assert rules.rating_streak(history, 2020) == 1
    assert rules.rating_streak(history, 2024) == 0
    assert rules.streak_words(3) == "năm thứ ba liên tiếp"
    assert rules.streak_words(1) == ""


@given(actual=amounts, plan=plans, decimals=st.integers(0, 3))
def test_the_written_percentage_is_the_rounded_exact_ratio(actual, plan, decimals):
    """Reading the text back gives the exact ratio rounded half up to the indicator's decimals."""
    exact = actual * 100 / plan
    text = rules.format_percent(rules.percent_of_plan(actual, plan), decimals)
    assert text.endswith(" %")
    assert parse_vn(text) == rules.quantize(exact, decimals)
    fraction = text[:-2].rpartition(",")[2] if decimals else ""
    assert len(fraction) == decimals


@given(actual=amounts, plan=plans)
def test_status_agrees_with_the_percentage(actual, plan):
    percent = rules.percent_of_plan(actual, plan)
    state = rules.status(actual, plan, rules.HIGHER)
    assert (state == rules.NOT_YET) == (percent < 100)
    assert (state == rules.EXCEEDED) == (percent > 100)
    lower = rules.status(actual, plan, rules.LOWER)
    assert (lower == rules.EXCEEDED) == (percent < 100)


@given(actual=amounts, plan=st.decimals(min_value=-5, max_value=0, places=2, allow_nan=False))
def test_no_plan_at_or_below_zero_gives_a_percentage(actual, plan):
    assert rules.percent_of_plan(actual, plan) is None


@given(
    value=st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False),
    decimals=st.integers(0, 4),
)
def test_formatted_numbers_read_back(value, decimals):
    assert parse_vn(rules.format_number(value, decimals)) == rules.quantize(value, decimals)
