"""The command line as a newcomer meets it: `vnhealth --version`, one option name for the
warehouse in every subcommand, one table of exit codes, and every example — in the README's
shell blocks and in each subcommand's `--help` — run as written, through bash, in a copy of
the project (so `$year` in double quotes or a run name that does not exist fails here first).

Examples that take minutes or need a browser are listed in NOT_RUN with the reason and show
as skipped; `VNHEALTH_SLOW_EXAMPLES=1` runs the `vnhealth` ones too (the `make` targets are
what CI runs itself).
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import REPO_ROOT, copy_project

from vnhealth import __version__
from vnhealth.cli.main import EXIT_STATUS, main, parser

BIN = Path(sys.executable).parent
README = REPO_ROOT / "README.md"
SLOW = os.environ.get("VNHEALTH_SLOW_EXAMPLES") == "1"
SHELL_BLOCKS = ("sh", "bash", "shell")

# Examples not run by default (a regular expression on the command → why).
NOT_RUN: dict[str, str] = {
    r"^make\b": "a make target: sets up .venv and runs a whole pipeline (CI runs it itself)",
    r"vnhealth render( --changed)?\s*(#.*)?$": "renders every report of the manifest and "
                                               "prints the PDF briefs (minutes, Chromium)",
    r"benchmarks/": "a benchmark (minutes)",
}
# Exit statuses an example may end with besides 0, because the data decides.
ALSO_OK: dict[str, set[int]] = {r"^vnhealth check\b": {1}}


# -- finding the examples -------------------------------------------------------------------------

def _commands(lines: list[str]) -> list[str]:
    """Commands from shell lines: continuation lines joined, blank and comment lines dropped."""
    out: list[str] = []
    pending = ""
    for line in lines:
        text = pending + line.strip()
        if text.endswith("\\"):
            pending = text[:-1] + " "
            continue
        pending = ""
        if text and not text.startswith("#"):
            out.append(text)
    return out


def readme_examples() -> list[str]:
    """Every command in the README's fenced sh/bash/shell blocks, in order."""
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", README.read_text(encoding="utf-8"),
                        flags=re.MULTILINE | re.DOTALL)
    return [c for lang, body in blocks if lang in SHELL_BLOCKS
            for c in _commands(body.splitlines())]


def subparsers() -> dict[str, object]:
    p = parser()
    action = next(a for a in p._actions if a.dest == "command")
    return dict(action.choices)


def help_examples(name: str) -> list[str]:
    """The commands under "examples:" in a subcommand's help (`vnhealth` for the main one)."""
    epilog = (parser() if name == "vnhealth" else subparsers()[name]).epilog or ""
    found = re.search(r"^examples:\n((?:[ \t]+.*\n?)+)", epilog, flags=re.MULTILINE)
    return _commands(found[1].splitlines()) if found else []


def _reason(command: str) -> str | None:
    bare = command.removeprefix(".venv/bin/")
    return next((why for pattern, why in NOT_RUN.items() if re.search(pattern, bare)), None)


SOURCES = ["README.md", "vnhealth", *subparsers()]
SKIPPED = [(source, c) for source in SOURCES
           for c in (readme_examples() if source == "README.md" else help_examples(source))
           if _reason(c)]


# -- a copy of the project to run them in ---------------------------------------------------------

HOME_PDF = "Downloads/kh-22-ubnd.pdf"
SON_LA_TXT = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 99/KH-UBND
Sơn La, ngày 2 tháng 2 năm 2026
KẾ HOẠCH
Nâng cao sức khỏe Nhân dân giai đoạn 2026-2030
- Tuổi thọ trung bình đạt 76 tuổi vào năm 2030.
"""


def make_project(tmp: Path, warehouse: Path) -> tuple[Path, dict[str, str]]:
    """data/ and sql/, what the examples read (notebooks, the manifest, golden files), the
    session's warehouse, `.venv` linked, and the documents `vnhealth add` examples name; with
    the environment the commands run in."""
    from test_add import HEADER, TARGET, tiny_docx, tiny_pdf

    root = copy_project(tmp / "project")
    for part in ("notebooks", "tests/golden", "tests/data/real_dev"):
        shutil.copytree(REPO_ROOT / part, root / part)
    (root / "reports").mkdir()
    shutil.copy(REPO_ROOT / "reports" / "reports.yaml", root / "reports" / "reports.yaml")
    shutil.copy(warehouse, root / "data" / "warehouse.duckdb")
    (root / ".venv").symlink_to(REPO_ROOT / ".venv")
    home = tmp / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / HOME_PDF).write_bytes(tiny_pdf([HEADER, [TARGET]]))
    other = [line.replace("22/KH", "23/KH") for line in HEADER]
    tiny_docx(root / "plan.docx", [other, ["- Tỷ lệ tiêm chủng đầy đủ đạt 95% năm 2030."]])
    (root / "plan.txt").write_text(SON_LA_TXT, encoding="utf-8")
    env = {**os.environ, "VNHEALTH_ROOT": str(root), "HOME": str(home),
           "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
           "VNHEALTH_CHROMIUM": ""}  # briefs as HTML only: no browser in these runs
    return root, env


def run_example(command: str, root: Path, env: dict[str, str]) -> str | None:
    """Run one example through bash; what went wrong, or None."""
    done = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900, stdin=subprocess.DEVNULL)
    allowed = {0}.union(*(codes for pattern, codes in ALSO_OK.items()
                          if re.search(pattern, command.removeprefix(".venv/bin/"))))
    if done.returncode in allowed and "Traceback" not in done.stderr:
        return None
    return f"$ {command}\n  exit {done.returncode}\n  {done.stderr.strip()[-1500:]}"


@pytest.mark.parametrize("source", SOURCES)
def test_examples_run_as_written(source: str, tmp_path: Path, warehouse_path: Path) -> None:
    commands = readme_examples() if source == "README.md" else help_examples(source)
    if source != "README.md":
        assert commands, f"`vnhealth {source} --help` shows no examples"
    root, env = make_project(tmp_path, warehouse_path)
    # In order, in one copy, as someone following the text would: a later example may read
    # what an earlier one wrote (review --apply reads the file review wrote).
    failures = [f for c in commands if not _reason(c)
                for f in [run_example(c, root, env)] if f]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("source", "command"), SKIPPED,
                         ids=[f"{s}: {c[:50]}" for s, c in SKIPPED])
def test_long_examples(source: str, command: str, tmp_path: Path, warehouse_path: Path
                       ) -> None:
    reason = _reason(command)
    if not SLOW or command.startswith("make"):
        pytest.skip(f"{reason}; VNHEALTH_SLOW_EXAMPLES=1 runs the vnhealth ones")
    root, env = make_project(tmp_path, warehouse_path)
    assert run_example(command, root, env) is None


def test_readme_has_examples_and_no_shell_variable_in_double_quotes() -> None:
    commands = readme_examples()
    assert any(c.startswith("vnhealth sql '") and "$year" in c for c in commands)
    for c in commands:
        # the shell would replace $name inside "…" before DuckDB sees it
        assert not re.search(r'"[^"]*\$[a-z_]', c), c


# -- the options and the exit codes ---------------------------------------------------------------

def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"vnhealth {__version__}"


# The least each subcommand needs besides --warehouse.
REQUIRED: dict[str, list[str]] = {
    "build": [], "sql": ["SELECT 1"], "tables": [], "check": [], "dictionary": [],
    "export": ["--format", "csv", "--out", "OUT"], "render": [], "explorer": [],
    "eval": ["--golden", "tests/golden/observations.csv"], "review": [],
    "add": ["plan.txt", "--province", "son_la", "--no-build"],
}


def _dest(command: str, option: str) -> str:
    sub = subparsers()[command]
    return next(a.dest for a in sub._actions if option in a.option_strings)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", sorted(subparsers()))
def test_every_subcommand_takes_warehouse(command: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert command in REQUIRED, f"add {command} to REQUIRED"
    args = parser().parse_args([command, *REQUIRED[command], "--warehouse", "W.duckdb"])
    dest = _dest(command, "--warehouse")
    assert getattr(args, dest) == "W.duckdb"
    assert "--warehouse FILE" in subparsers()[command].format_help()
    # The old name still works, hidden from the help; silent in a script (stderr is not a
    # terminal here), and on a terminal with a warning naming the new one.
    old = parser().parse_args([command, *REQUIRED[command], "--db", "old.duckdb"])
    assert getattr(old, dest) == "old.duckdb"
    assert "--db" not in subparsers()[command].format_help()
    assert capsys.readouterr().err == ""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    parser().parse_args([command, *REQUIRED[command], "--db", "old.duckdb"])
    warned = terminal.getvalue()
    assert "--db is deprecated, use --warehouse" in warned and len(warned.splitlines()) == 1


@pytest.mark.parametrize("command", ["sql", "tables", "check", "export", "eval", "review",
                                     "explorer", "render", "dictionary"])
def test_a_missing_warehouse_is_one_line_exit_2(command: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.duckdb"
    args = [a.replace("OUT", str(tmp_path / "out")) for a in REQUIRED[command]]
    if command == "eval":
        args = ["--golden", str(REPO_ROOT / "tests/golden/observations.csv")]
    code = main([command, *args, "--warehouse", str(missing)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("error: ") and str(missing) in err and "Traceback" not in err
    assert not missing.exists()


def test_build_writes_where_warehouse_says(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path / "project")
    target = tmp_path / "elsewhere.duckdb"
    assert main(["build", "--root", str(root), "--warehouse", str(target)]) == 0
    assert target.is_file() and not (root / "data" / "warehouse.duckdb").exists()
    capsys.readouterr()
    again = tmp_path / "old_name.duckdb"
    assert main(["build", "--root", str(root), "--out", str(again)]) == 0  # the old name
    assert again.is_file()


def test_exit_codes_are_one_table_in_help_and_readme(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    section = README.read_text(encoding="utf-8").split("## Exit codes", 1)[1].split("\n## ")[0]
    readme_codes = re.findall(r"^\| `(\d+)` \|", section, flags=re.MULTILINE)
    assert readme_codes == [code for code, _en, _vi in EXIT_STATUS] == ["0", "1", "2", "130"]
    for code, en, _vi in EXIT_STATUS:
        assert re.search(rf"^\s+{code}  ", shown, flags=re.MULTILINE), code
        assert " ".join(en.split()[:3]) in " ".join(shown.split()), code


def test_usage_errors_exit_2_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["export", "--format", "xls", "--out", "x"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "--format" in err and "'csv', 'parquet', 'xlsx'" in err and "Traceback" not in err


def test_interrupted_render_exits_though_a_worker_thread_is_stuck() -> None:
    # After an interrupted render's summary, a worker thread stuck in a library call must not
    # hold the interpreter's exit (it joins such threads): the command ends with 130 anyway.
    code = (
        "import threading, time\n"
        "from vnhealth.cli.commands.render import _exit_within\n"
        "threading.Thread(target=time.sleep, args=(300,)).start()\n"
        "print('summary', flush=True)\n"
        "_exit_within(0.5, 130)\n"
    )
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 130
    assert done.stdout == "summary\n"
    assert time.monotonic() - started < 30
