"""Domain errors shared by services, HTML views and the API (mapped to HTTP once, in config.api)."""


class DomainError(Exception):
    """A rule of the domain refuses the request; the message is for the user (translated)."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code


class NotAllowed(DomainError):
    status_code = 403

    def __init__(self, message: str, *, field: str | None = None, code: str = "forbidden") -> None:
        super().__init__(message, field=field, code=code)


class Conflict(DomainError):
    status_code = 409

    def __init__(self, message: str, *, field: str | None = None, code: str = "conflict") -> None:
        super().__init__(message, field=field, code=code)
