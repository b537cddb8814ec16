"""The request a staff page receives: the login middleware has run, so `user` is an account.

Annotate a staff view's request with `StaffRequest` and `request.user` is a `User` to the type
checker, with its unit, department and capabilities, rather than "a user or anonymous".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


class StaffRequest(HttpRequest):
    user: User
