"""`vnhealth build` exits cleanly: when signalled, on unusable output paths, on a full disk.

Each test runs the real command in a subprocess on its own copy of the repository's data. To
signal a build mid-way, the copy gets one more document (a real one repeated), which makes the
build take a second or two; the tests poll for the moment to signal (worker forked, temp file
written) instead of sleeping. The build runs in its own session, so every process it forked
shares its process group: "nothing survives" means no live process is left in that group.
Processes are read from /proc, so these tests run on Linux only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import copy_project

if not sys.platform.startswith("linux"):
    pytest.skip("reads processes from /proc", allow_module_level=True)

REPO_ROOT = Path(__file__).resolve().parents[2]
WAREHOUSE = Path("data/warehouse.duckdb")
MANIFEST = Path("data/raw/documents.yaml")
INTERRUPTED = "error: build interrupted; the previous warehouse is unchanged"
TIMEOUT_S = 60  # generous: only reached when something hangs
SLOW_COPIES = 3  # copies of a real document added: a longer build, still a quick one


def vnhealth() -> list[str]:
    script = Path(sys.executable).parent / "vnhealth"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]


def build_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}


def run(args: list[str], cwd: Path, prefix: list[str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or vnhealth()), *args], cwd=cwd, env=build_env(),
                          capture_output=True, text=True, timeout=TIMEOUT_S)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(path: Path) -> tuple[int, str]:
    """Inode and contents: a rebuild from the same inputs is byte-identical, a new inode is not."""
    return path.stat().st_ino, sha256_file(path)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.01)


# --- processes, from /proc ---------------------------------------------------------------------


def proc_stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, process group) of a process, None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # the command name may hold spaces
    return fields[0], int(fields[1]), int(fields[2])


def live_processes() -> dict[int, tuple[str, int, int]]:
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := proc_stat(int(entry.name))) and stat[0] != "Z":
            found[int(entry.name)] = stat
    return found


def children(pid: int) -> list[int]:
    return [p for p, (_s, ppid, _g) in live_processes().items() if ppid == pid]


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group: a reaped-or-not dead worker is gone."""
    return [p for p, (_s, _pp, group) in live_processes().items() if group == pgid]


def has_open(pid: int, path: Path) -> bool:
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    targets = set()
    for fd in fds:
        try:
            targets.add(os.readlink(fd))
        except OSError:
            continue
    return str(path) in targets


# --- projects ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's data. Its 'previous warehouse' is a stand-in file: the build
    never reads the old warehouse, and a stand-in saves a build per test run."""
    root = tmp_path_factory.mktemp("exits") / "project"
    copy_project(root)
    (root / WAREHOUSE).write_bytes(b"the previous warehouse\n")
    return root


@pytest.fixture
def project(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(template, root)
    return root


def make_slow(root: Path) -> None:
    """Add a large document (a real one, repeated) to the manifest, with its sha256."""
    src = (root / "data/raw/son_la_2026_2030_kh_01.txt").read_bytes()
    data = src * SLOW_COPIES
    (root / "data/raw/slow.txt").write_bytes(data)
    with (root / MANIFEST).open("a", encoding="utf-8") as fh:
        fh.write(
            "  - id: slow_copy\n    province: son_la\n    title: \"a large document\"\n"
            "    doc_number: null\n    issuer: \"test\"\n    issued_on: null\n"
            "    issued_text: \"not stated\"\n    period_start: 2026\n    period_end: 2030\n"
            f"    file: slow.txt\n    sha256: {hashlib.sha256(data).hexdigest()}\n")


class Build:
    """A `vnhealth build` running in its own session (process group = its pid)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.proc = subprocess.Popen([*vnhealth(), "build", "--root", str(root)],
                                     cwd=root.parent, env=build_env(), text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     start_new_session=True)
        self.pid = self.proc.pid
        self.temp = root / "data" / f".warehouse.duckdb.tmp-{self.pid}"

    def running(self) -> bool:
        return self.proc.poll() is None

    def wait_until(self, condition: Callable[[], bool], what: str) -> None:
        wait_for(lambda: condition() or not self.running(), what)
        assert self.running(), f"the build ended before {what}:\n{self.proc.stderr.read()}"

    def worker_started(self) -> bool:
        return bool(children(self.pid))

    def worker_writing(self) -> bool:
        # the temp database exists and this process closed it: the worker is adding its tables
        return (self.temp.exists() and not has_open(self.pid, self.temp)
                and self.worker_started())

    def finish(self) -> tuple[int, str]:
        _out, err = self.proc.communicate(timeout=TIMEOUT_S)
        return self.proc.returncode, err

    def kill_leftovers(self) -> None:
        if self.running():
            self.proc.kill()
        for pid in group_members(self.pid):
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def slow_build(project: Path):
    make_slow(project)
    started: list[Build] = []

    def start() -> Build:
        started.append(Build(project))
        return started[-1]

    yield start
    for b in started:  # a failed test must not leave processes behind
        b.kill_leftovers()


def assert_nothing_survives(build: Build) -> None:
    wait_for(lambda: not group_members(build.pid),
             f"every process of the build's group has ended: {group_members(build.pid)}",
             timeout=10)


# --- signals -----------------------------------------------------------------------------------


def test_sigterm_while_the_worker_writes_stops_it_and_removes_the_temp_files(
        project: Path, slow_build: Callable[[], Build]) -> None:
    before = fingerprint(project / WAREHOUSE)
    build = slow_build()
    build.wait_until(build.worker_writing, "the worker writes the temp warehouse")
    build.proc.send_signal(signal.SIGTERM)
    code, err = build.finish()

    assert code == 143, err
    assert INTERRUPTED in err and "Traceback" not in err, err
    assert_nothing_survives(build)
    assert temp_files(project / "data") == []
    assert fingerprint(project / WAREHOUSE) == before


def test_sigint_during_extraction_stops_the_warming_worker(
        project: Path, slow_build: Callable[[], Build]) -> None:
    before = fingerprint(project / WAREHOUSE)
    build = slow_build()
    build.wait_until(build.worker_started, "the worker is forked")
    build.proc.send_signal(signal.SIGINT)
    code, err = build.finish()

    assert code == 130, err
    assert INTERRUPTED in err and "Traceback" not in err, err
    assert_nothing_survives(build)
    assert temp_files(project / "data") == []
    assert fingerprint(project / WAREHOUSE) == before


def test_sigkill_the_worker_dies_with_its_parent_and_the_next_build_removes_its_temp_files(
        project: Path, slow_build: Callable[[], Build]) -> None:
    before = fingerprint(project / WAREHOUSE)
    manifest = (project / MANIFEST).read_text(encoding="utf-8")
    build = slow_build()
    build.wait_until(build.worker_writing, "the worker writes the temp warehouse")
    build.proc.kill()
    build.finish()

    # nobody can clean up after SIGKILL: the worker must notice by itself that it is orphaned
    assert_nothing_survives(build)
    assert fingerprint(project / WAREHOUSE) == before
    assert build.temp.name in temp_files(project / "data")
    # A temp file of a build that is still running (this test's process) must be left alone.
    live = project / "data" / f".warehouse.duckdb.tmp-{os.getpid()}"
    live.write_bytes(b"a live build's file")
    (project / MANIFEST).write_text(manifest, encoding="utf-8")  # a quick build again

    # (this build also checks that a good build writes its report: one build less to wait for)
    report = project / "build.json"
    result = run(["build", "--root", str(project), "--report-json", str(report)],
                 project.parent)
    assert result.returncode == 0, result.stderr
    assert temp_files(project / "data") == [live.name]
    assert '"observations"' in report.read_text(encoding="utf-8")
    assert temp_files(project) == []


# --- output paths ------------------------------------------------------------------------------


def break_a_document(root: Path) -> None:
    """Change one raw document's bytes: a build that reads the inputs fails on its sha256, so
    an error about an output path proves the path was checked before any extraction."""
    raw = root / "data/raw/son_la_2026_2030_kh_01.txt"
    raw.write_bytes(raw.read_bytes() + b"\nchanged\n")


@pytest.mark.parametrize(("option", "rel", "valid"), [
    ("--out", "data", "is a directory"),
    ("--out", "data/raw/documents.yaml/sub/warehouse.duckdb", "cannot be created"),
    ("--report-json", "missing/report.json", "does not exist"),
    ("--report-json", "data", "is a directory"),
    ("--report-json", "data/warehouse.duckdb", "is the warehouse"),
], ids=["out-is-a-directory", "out-parent-cannot-be-created", "report-folder-missing",
        "report-is-a-directory", "report-is-the-warehouse"])
def test_unusable_output_path_is_refused_before_extraction(
        project: Path, option: str, rel: str, valid: str) -> None:
    break_a_document(project)
    before = fingerprint(project / WAREHOUSE)
    path = project / rel
    result = run(["build", "--root", str(project), option, str(path)], project.parent)

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {option} {path}: "), result.stderr
    assert valid in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert fingerprint(project / WAREHOUSE) == before
    assert temp_files(project / "data") == []
    assert not (project / "missing").exists()


def test_out_in_a_read_only_folder_is_refused_before_extraction(
        project: Path, read_only_folder: Path) -> None:
    break_a_document(project)
    out = read_only_folder / "w.duckdb"
    result = run(["build", "--root", str(project), "--out", str(out)], project.parent)

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: --out {out}: "), result.stderr
    assert "not writable" in result.stderr and "Traceback" not in result.stderr


# --- failures while writing --------------------------------------------------------------------


def mount_tmpfs(folder: Path, options: str) -> None:
    """Mount a tmpfs on `folder` (root only), or skip the test."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder the build may not write into: mode 555, or for root (whom modes do not stop)
    a read-only tmpfs."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mount_tmpfs(folder, "ro,size=64k")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 1 MB tmpfs (root only): too small for the warehouse, so the build meets ENOSPC."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mount_tmpfs(folder, "size=1M")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_full_disk_gives_a_clean_error_and_leaves_no_temp_file(
        project: Path, tiny_disk: Path) -> None:
    out = tiny_disk / "warehouse.duckdb"
    out.write_bytes(b"the previous warehouse\n")
    before = fingerprint(out)
    result = run(["build", "--root", str(project), "--out", str(out)], project.parent)

    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"error: cannot write the warehouse to {out}: No space left on "
                             "device; the previous warehouse is unchanged\n")
    assert fingerprint(out) == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["warehouse.duckdb"]


# Runs the CLI with every write of a temp file by Path.write_text failing as on a full disk:
# the build report is written that way, after the warehouse is complete but before either is
# renamed into place.
FAIL_TEMP_TEXT_WRITES = """
import errno, os, pathlib, sys
from vnhealth.cli.main import main
real = pathlib.Path.write_text
def write_text(self, *args, **kwargs):
    if ".tmp-" in self.name:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
    return real(self, *args, **kwargs)
pathlib.Path.write_text = write_text
sys.exit(main(sys.argv[1:]))
"""


def test_failed_report_write_leaves_the_previous_warehouse_and_report(project: Path) -> None:
    report = project / "reports-out" / "build.json"
    report.parent.mkdir()
    report.write_text("the previous report\n", encoding="utf-8")
    before = fingerprint(project / WAREHOUSE)
    result = run(["build", "--root", str(project), "--report-json", str(report)],
                 project.parent, prefix=[sys.executable, "-c", FAIL_TEMP_TEXT_WRITES])

    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"error: cannot write the build report to {report}: No space left "
                             "on device; the previous warehouse is unchanged\n")
    assert fingerprint(project / WAREHOUSE) == before
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert temp_files(project / "data") == [] and temp_files(report.parent) == []
