"""Errors that reach the user: each names the file (and line) at fault and what would be valid."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


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


def select_named(items: Iterable[T], wanted: Iterable[str] | None, name_of: Callable[[T], str],
                 what: str, error: type[VnhealthError] = ParameterError, *,
                 prefix: str = "", quote: bool = False, known_as: str = "known") -> list[T]:
    """The items whose names are wanted (all when none are), or an error listing valid names.

    >>> select_named(["a", "b"], ["b"], str, "check")
    ['b']
    """
    items = list(items)
    wanted = list(wanted or [])
    if not wanted:
        return items
    known = {name_of(i) for i in items}
    unknown = [n for n in wanted if n not in known]
    if unknown:
        shown = ", ".join(repr(n) if quote else n for n in unknown)
        raise error(f"{prefix}no {what} named {shown}; {known_as}: {', '.join(sorted(known))}")
    return [i for i in items if name_of(i) in wanted]
