"""The one exception of the importers: a French message for staff, nothing written."""

from __future__ import annotations


class ImportFailed(Exception):
    """The input cannot be imported: ``message`` says why, ``hint`` how to fix it."""

    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(message)

    def render(self) -> str:
        return f"✗ {self.message}" + (f"\n    {self.hint}" if self.hint else "")
