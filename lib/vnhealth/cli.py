"""The `vnhealth` command: build the warehouse (and, as issues land, query and render it)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from vnhealth.errors import VnhealthError

# Modules under vnhealth/commands/ that add subcommands (sql, tables, check, export, render,
# explorer, eval, add).
COMMAND_MODULES: tuple[str, ...] = ("sql", "check", "export", "render", "explorer", "evaluate",
                                    "review", "add")


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

    from vnhealth.warehouse import build

    previous = {s: signal.signal(s, _on_stop_signal) for s in _stop_signals()}
    try:
        report = build(args.root, args.out, args.report_json)
    except KeyboardInterrupt as exc:
        print("error: build interrupted; the previous warehouse is unchanged", file=sys.stderr)
        # the shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM)
        return 128 + getattr(exc, "signum", signal.SIGINT)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
    print(report.summary())
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vnhealth",
        description="Compare the health targets Vietnamese provinces set themselves.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the raw documents into data/warehouse.duckdb")
    b.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    b.add_argument("--out", help="warehouse file to write (default: ROOT/data/warehouse.duckdb)")
    b.add_argument("--report-json", help="also write the build report as JSON to this file")
    b.set_defaults(func=_cmd_build)
    # Further commands live in vnhealth.commands.<name>, each with register(subparsers).
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vnhealth.commands.{name}")
        module.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except VnhealthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        # A command says what an interruption left behind in the exception's text (render
        # does; build has its own handler); the others only read, so nothing was changed.
        message = str(exc) or "interrupted; nothing was changed"
        print(f"error: {message}", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
