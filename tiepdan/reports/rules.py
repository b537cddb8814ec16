"""Pure rules of the reports: how many reception days the law requires in a window."""

from __future__ import annotations

from datetime import date, timedelta

# Regulation 11-QĐi/TW as amended by KL 215-KL/TW: a commune Secretary receives citizens at
# least 2 days a month (DOMAIN §1, rule 1).
SECRETARY_DAYS_PER_MONTH = 2
# Law on Citizen Reception 42/2013 Art. 15: the commune Chairman at least 1 day a week (rule 2).
CHAIRMAN_DAYS_PER_WEEK = 1


def months_touched(start: date, end: date) -> int:
    """Months in [start, end]; a window cut off on the same day (15/12–14/1) counts one."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    # A window cut off on the same day of each month spans one extra calendar month.
    if start.day > 1 and end.day < start.day:
        months -= 1
    return max(months, 0)


def weeks_touched(start: date, end: date) -> int:
    """Monday-to-Sunday weeks with at least one working weekday in [start, end]."""
    weeks = 0
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        friday = monday + timedelta(days=4)
        if friday >= start and monday <= end:
            weeks += 1
        monday += timedelta(days=7)
    return weeks


def secretary_days_required(start: date, end: date) -> int:
    return SECRETARY_DAYS_PER_MONTH * months_touched(start, end)


def chairman_days_required(start: date, end: date) -> int:
    return CHAIRMAN_DAYS_PER_WEEK * weeks_touched(start, end)
