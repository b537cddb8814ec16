"""One way for a page to run a service and tell the person what happened.

A form's input is checked by the form, the rule by the service: a `DomainError` the service
raises is shown next to its field (or above the form), and a success is said in a message.
A button without a form (approve, close, mark) reports its error as a message instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib import messages
from django.http import HttpRequest

from tiepdan.lib.errors import DomainError

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What running an action gave: `ok`, the service's result, and its error if it refused."""

    ok: bool
    value: T | None = None
    error: DomainError | None = None


def show_error(form: forms.BaseForm, error: DomainError) -> None:
    """Put a domain error next to the field it names, or above the form."""
    form.add_error(error.field if error.field in form.fields else None, error.message)


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], T],
    *,
    success: str = "",
) -> Outcome[T]:
    """Validate `form`, then run `action(cleaned_data)`; a refusal becomes a form error."""
    if not form.is_valid():
        return Outcome(False)
    try:
        value = action(form.cleaned_data)
    except DomainError as error:
        show_error(form, error)
        return Outcome(False, error=error)
    if success:
        messages.success(request, success)
    return Outcome(True, value)


def perform(request: HttpRequest, action: Callable[[], T], *, success: str = "") -> Outcome[T]:
    """Run an action that has no form of its own; a refusal becomes an error message."""
    try:
        value = action()
    except DomainError as error:
        messages.error(request, error.message)
        return Outcome(False, error=error)
    if success:
        messages.success(request, success)
    return Outcome(True, value)
