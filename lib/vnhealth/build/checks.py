"""The data checks as a gate: each check of sql/checks/ (and those written from the schema) runs
on a warehouse; an error-level check with rows stops the build."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vnhealth.build.query import (
    QueryError,
    Result,
    format_result,
    run_query,
)
from vnhealth.build.sqlfiles import SqlFile, check_files
from vnhealth.inputs.errors import InputError, VnhealthError, select_named
from vnhealth.inputs.paths import ProjectPaths

LEVELS = ("error", "warning")
_LEVEL_RE = re.compile(r"--\s*level\s*:\s*(\S*)\s*$", re.IGNORECASE)


def check_level(check: SqlFile, shown: Any = None) -> str:
    """The level a check declares in its header (``-- level: error|warning``); error if none."""
    for number, line in enumerate(check.sql.splitlines(), start=1):
        if not line.startswith("--"):
            break
        m = _LEVEL_RE.match(line)
        if m:
            if m[1].lower() not in LEVELS:
                raise InputError(f"level must be one of {', '.join(LEVELS)}, got {m[1]!r}",
                                 path=shown or check.path, line=number)
            return m[1].lower()
    return "error"


@dataclass
class CheckOutcome:
    """What one check found: its rows, or the error that stopped it."""

    check: SqlFile
    result: Result | None
    error: str | None = None
    level: str = "error"

    @property
    def passed(self) -> bool:
        return self.error is None and self.result is not None and not self.result.rows

    @property
    def n_rows(self) -> int:
        return len(self.result.rows) if self.result is not None else 0

    def rows_text(self, limit: int, fmt: str = "table", indent: str = "      ") -> str:
        """The first `limit` offending rows, formatted and indented, and how many more."""
        assert self.result is not None
        shown = Result(self.result.columns, self.result.types, self.result.rows[:limit])
        body = "".join(f"{indent}{line}\n" for line in format_result(shown, fmt).splitlines())
        if self.n_rows > limit:
            body += f"{indent}… {self.n_rows - limit} more (--limit {self.n_rows} to see all)\n"
        return body


def run_checks(con: Any, paths: ProjectPaths, names: list[str] | None = None
               ) -> list[CheckOutcome]:
    """Run the checks of ``paths.sql / 'checks'`` (all, or those named) on an open warehouse."""
    checks = select_named(check_files(paths.sql), names, lambda c: c.name, "check",
                          VnhealthError)
    if not checks:
        raise VnhealthError(f"no checks found in {paths.relative(paths.sql / 'checks')}")
    outcomes = []
    for check in checks:
        where = str(paths.relative(check.path))
        level = check_level(check, where)
        try:
            outcomes.append(CheckOutcome(check, run_query(con, check.sql, where=where),
                                         level=level))
        except QueryError as exc:
            # One broken check must not hide what the others find.
            outcomes.append(CheckOutcome(check, None, str(exc), level=level))
    return outcomes


def gate(con: Any, paths: ProjectPaths, limit: int = 5) -> list[str]:
    """The build's gate: run every check on `con` (the new database). Raises VnhealthError
    naming each error-level check that found rows (with its first `limit` rows) or that could
    not run; returns one warning per warning-level check that found rows. A project without
    checks passes."""
    if not check_files(paths.sql):
        return []
    outcomes = run_checks(con, paths)
    broken = [o for o in outcomes if o.error is not None]
    failed = [o for o in outcomes if o.level == "error" and o.error is None and not o.passed]
    if broken or failed:
        parts = [f"check {o.check.name} could not run: {o.error}" for o in broken]
        parts += [f"check {o.check.name} ({paths.relative(o.check.path)}) found {o.n_rows} "
                  f"offending row{'s' if o.n_rows != 1 else ''}: {o.check.title}\n"
                  + o.rows_text(limit).rstrip("\n") for o in failed]
        raise VnhealthError("\n".join(parts) + "\nthe build stopped; the previous warehouse is "
                            "unchanged (`vnhealth check --warehouse FILE` runs the checks "
                            "on a warehouse)")
    return [f"check {o.check.name} found {o.n_rows} row{'s' if o.n_rows != 1 else ''}: "
            f"{o.check.title.rstrip('.')} (`vnhealth check {o.check.name}` shows them)"
            for o in outcomes if o.level == "warning" and not o.passed]
