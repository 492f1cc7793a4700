"""Errors that reach the user: each names the file (and line) at fault and what would be valid."""

from __future__ import annotations

from pathlib import Path


class VnhealthError(Exception):
    """A problem with the project's inputs or parameters, reported without a traceback."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.path = Path(path) if path is not None else None
        self.line = line
        self.detail = message
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}" + (f":{self.line}" if self.line else "") + ": "
        return f"{where}{self.detail}"


class InputError(VnhealthError):
    """A raw document, the manifest or a catalogue file is not what the build can use."""


class ParameterError(VnhealthError):
    """A parameter given by a user (CLI option, notebook parameter) is not valid."""
