"""The `vnhealth` command: build the warehouse, query it, check it, export it, render reports.

Every subcommand reads the warehouse named by ``--warehouse FILE`` (default:
ROOT/data/warehouse.duckdb); see :mod:`vnhealth.cli.commands`. The exit status is the same
everywhere (:data:`EXIT_STATUS`, also printed by ``vnhealth --help`` and in the README).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from vnhealth import __version__
from vnhealth.cli.commands import HelpFormatter, add_warehouse_option, examples, subcommand
from vnhealth.inputs.errors import VnhealthError

# Modules under vnhealth/commands/ that add subcommands (sql, tables, check, export, render,
# explorer, eval, add).
COMMAND_MODULES: tuple[str, ...] = ("sql", "check", "export", "render", "explorer", "evaluate",
                                    "review", "add")


# What every subcommand's exit status means (README "Exit codes" has the same table).
EXIT_STATUS: tuple[tuple[str, str, str], ...] = (
    ("0", "done", "xong"),
    ("1", "a check found rows (check), a bar was not reached (eval --min-recall, "
          "--min-precision), a report run failed (render), the data dictionary is out of date "
          "(dictionary --check)",
     "kiểm tra có dòng vi phạm, chưa đạt ngưỡng, một báo cáo lỗi"),
    ("2", "bad input or usage: an unknown option, a missing or invalid parameter or file, a "
          "check that could not run; nothing was replaced",
     "tham số hoặc dữ liệu vào không hợp lệ; không thay đổi gì"),
    ("130", "interrupted by Ctrl-C (render: also by SIGTERM); build returns 128 + the "
            "signal's number, 143 for SIGTERM",
     "bị ngắt; giữ nguyên kết quả tốt gần nhất"),
)


class Interrupted(KeyboardInterrupt):
    """A stop signal (SIGINT, SIGTERM, SIGHUP) as an exception: unlike the default action of
    SIGTERM, it runs the build's `finally` and `with` exits, which stop the worker process and
    remove the temp files."""

    def __init__(self, signum: int) -> None:
        super().__init__()  # no text: main() reads a KeyboardInterrupt's text as its message
        self.signum = signum


def _stop_signals() -> list[int]:
    import signal

    return [signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP")
                                             else [])]


def _on_stop_signal(signum: int, _frame: object) -> None:
    import signal

    # The first signal starts the clean exit; repeats (Ctrl-C pressed again, a supervisor's
    # second SIGTERM) are ignored so they cannot cut the clean-up short. SIGKILL still works,
    # and the worker dies with its parent even then.
    for s in _stop_signals():
        signal.signal(s, signal.SIG_IGN)
    raise Interrupted(signum)


def _cmd_build(args: argparse.Namespace) -> int:
    import signal

    from vnhealth.build.writer import LibraryWorker

    previous = {s: signal.signal(s, _on_stop_signal) for s in _stop_signals()}
    try:
        # the worker that writes the warehouse starts first: it loads pandas and DuckDB while
        # this process imports the extraction and reads the documents
        with LibraryWorker() as library:
            from vnhealth.build.warehouse import build

            report = build(args.root, args.out, args.report_json, library)
    except KeyboardInterrupt as exc:
        print("error: build interrupted; the previous warehouse is unchanged", file=sys.stderr)
        # the shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM)
        return 128 + getattr(exc, "signum", signal.SIGINT)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
    print(report.summary())
    return 0


def _epilog() -> str:
    import textwrap

    status = "\n".join(textwrap.fill(f"{en} · {vi}", 86, initial_indent=f"  {code:>3}  ",
                                     subsequent_indent=" " * 7, break_on_hyphens=False)
                       for code, en, vi in EXIT_STATUS)
    return examples(
        "vnhealth build                  # data/raw → data/warehouse.duckdb",
        "vnhealth tables --brief         # what is in the warehouse",
        "vnhealth sql 'SELECT * FROM v_gaps WHERE year = $year' --param year=2030",
        "vnhealth explorer               # reports/explorer.html, one offline page",
        notes="exit status (every subcommand):\n" + status + "\n\n"
              "`vnhealth COMMAND --help` shows each command's options and examples.")


def parser() -> argparse.ArgumentParser:
    """The `vnhealth` argument parser with every subcommand."""
    p = argparse.ArgumentParser(
        prog="vnhealth",
        description="Compare the health targets Vietnamese provinces set themselves "
                    "(So sánh chỉ tiêu y tế các tỉnh tự đặt ra).",
        formatter_class=HelpFormatter, epilog=_epilog())
    p.add_argument("--version", action="version", version=f"vnhealth {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = subcommand(sub, "build", help="extract the raw documents into data/warehouse.duckdb",
                   description="Check, extract and harmonize data/raw/ into the warehouse; "
                               "the previous warehouse is replaced only when the build and "
                               "its checks succeed.",
                   epilog=examples(
                       "vnhealth build",
                       "vnhealth build --warehouse other.duckdb --report-json build.json",
                       notes="exit status: 0, 2 on bad input (the previous warehouse kept), "
                             "130/143 when interrupted."))
    b.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    add_warehouse_option(b, "warehouse file to write (default: ROOT/data/warehouse.duckdb)",
                         dest="out", aliases=("--out", "--db"))
    b.add_argument("--report-json", metavar="FILE",
                   help="also write the build report as JSON to this file")
    b.set_defaults(func=_cmd_build)
    # Further commands live in vnhealth.cli.commands.<name>, each with register(subparsers).
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vnhealth.cli.commands.{name}")
        module.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run `vnhealth` with ``argv``; returns the exit status (see :data:`EXIT_STATUS`)."""
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except VnhealthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        # A file the command was pointed at cannot be read or written (permissions, a full
        # disk): the user's to fix, so a message rather than a traceback.
        where = f" {exc.filename}" if exc.filename else ""
        print(f"error:{where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        # A command says what an interruption left behind in the exception's text (render
        # does; build has its own handler); the others only read, so nothing was changed.
        message = str(exc) or "interrupted; nothing was changed"
        print(f"error: {message}", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
