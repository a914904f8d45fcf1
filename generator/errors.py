"""Errors that end a command cleanly: a message for the user and an exit code, no traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (bad argument, unknown ref, missing password).

    The CLI prints the message, in Dutch where it speaks to data stewards, and exits
    with `exit_code`.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class UsageError(UserError):
    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)
