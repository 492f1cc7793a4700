"""Bad inputs stop `vnhealth build` with a clear error and leave the last warehouse untouched.

The contract (DESIGN §2, the build issue): on bad input the build prints to stderr a message
starting with `error:` that names the offending file (relative to the root, or its name) and
the line where there is one (`line N` or `FILE:N`), says what would be valid, exits non-zero,
and leaves the previous warehouse byte-identical (the build writes it atomically).

Each test works on its own copy of the repository's data, built once while still good.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support import copy_project

# Skip only while the CLI module does not exist yet; an ImportError raised by a bug inside it
# is not a ModuleNotFoundError and still fails the run.
pytest.importorskip("vnhealth.cli.main",
                    reason="vnhealth.cli.main is not written yet (the build issue)")

REPO_ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path("data/raw/documents.yaml")
WAREHOUSE = Path("data/warehouse.duckdb")
BUILD_TIMEOUT_S = 300


def vnhealth_command() -> list[str]:
    """The console script installed beside this interpreter, else `python -m vnhealth.cli.main`."""
    script = Path(sys.executable).parent / "vnhealth"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "vnhealth.cli.main"]


def run_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}
    # Run from outside the root, so the build cannot lean on the working directory.
    return subprocess.run(
        [*vnhealth_command(), "build", "--root", str(root)],
        cwd=root.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
    )


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Project:
    root: Path
    warehouse_sha: str  # the good build's warehouse, before any corruption

    def path(self, rel: Path | str) -> Path:
        return self.root / rel

    def manifest_text(self) -> str:
        return self.path(MANIFEST).read_text(encoding="utf-8")

    def documents(self) -> list[dict]:
        return yaml.safe_load(self.manifest_text())["documents"]

    def set_manifest_sha(self, old: str, new: str) -> None:
        text = self.manifest_text()
        assert text.count(old) == 1, "each sha256 should appear once in the manifest"
        self.path(MANIFEST).write_text(text.replace(old, new), encoding="utf-8")

    def build(self) -> subprocess.CompletedProcess[str]:
        return run_build(self.root)


@pytest.fixture(scope="session")
def built_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "project"
    copy_project(root)
    result = run_build(root)
    if result.returncode != 0:
        pytest.fail(
            "the unchanged repository data does not build, so no bad-input test can run:\n"
            + result.stderr
        )
    assert (root / WAREHOUSE).is_file(), "a good build must write data/warehouse.duckdb"
    return root


@pytest.fixture
def project(built_template: Path, tmp_path: Path) -> Project:
    root = tmp_path / "project"
    shutil.copytree(built_template, root)
    return Project(root=root, warehouse_sha=sha256_file(root / WAREHOUSE))


def line_pattern(file_name: str, line: int) -> str:
    return rf"(?:\bline\s+{line}\b|{re.escape(file_name)}:{line}\b)"


def assert_rejected(
    project: Project,
    result: subprocess.CompletedProcess[str],
    file_name: str,
    *,
    lines: Iterable[int] = (),
    mentions: Iterable[str] = (),
) -> None:
    """The build failed cleanly: `error:` naming the file (and line), old warehouse intact."""
    err = result.stderr
    assert result.returncode != 0, f"the build accepted a bad input; stderr:\n{err}"
    assert re.search(r"^error:", err, re.MULTILINE), f"no line starts with 'error:':\n{err}"
    assert "Traceback" not in err, f"a user error must not print a traceback:\n{err}"
    assert file_name in err, f"the error does not name {file_name}:\n{err}"
    lines = list(lines)
    if lines:
        assert any(re.search(line_pattern(file_name, n), err) for n in lines), (
            f"the error does not give line {' or '.join(map(str, lines))} of {file_name}:\n{err}"
        )
    for word in mentions:
        assert word.lower() in err.lower(), f"the error does not mention {word!r}:\n{err}"
    assert sha256_file(project.path(WAREHOUSE)) == project.warehouse_sha, (
        "the previous warehouse was changed by a failed build"
    )


def line_of(text: str, pattern: str, start: int = 1) -> int:
    """1-based number of the first line at or after `start` matching the regex `pattern`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= start and re.search(pattern, line):
            return number
    raise AssertionError(f"no line matches {pattern!r}")


def entry_lines(manifest_text: str) -> list[int]:
    """The line where each manifest entry starts (`- id: ...`), in order."""
    return [
        n
        for n, line in enumerate(manifest_text.splitlines(), start=1)
        if re.match(r"^\s*-\s+id\s*:", line)
    ]


# --- raw documents -----------------------------------------------------------------------------


def test_empty_raw_file(project: Project) -> None:
    doc = project.documents()[0]
    project.path(f"data/raw/{doc['file']}").write_bytes(b"")
    # Give the manifest the empty file's sha256, so the check reached is "empty", not "changed".
    project.set_manifest_sha(doc["sha256"], hashlib.sha256(b"").hexdigest())

    assert_rejected(project, project.build(), doc["file"], mentions=["empty"])


def test_non_utf8_bytes_give_the_line(project: Project) -> None:
    doc = project.documents()[1]
    raw = project.path(f"data/raw/{doc['file']}")
    data = raw.read_bytes().split(b"\n")
    bad_line = 25  # 1-based; well past the first lines, so a default of line 1 cannot pass
    assert len(data) > bad_line
    data[bad_line - 1] = b"\xff\xfe" + data[bad_line - 1]
    raw.write_bytes(b"\n".join(data))
    project.set_manifest_sha(doc["sha256"], sha256_file(raw))

    assert_rejected(project, project.build(), doc["file"], lines=[bad_line], mentions=["UTF-8"])


def test_changed_bytes_with_old_sha256(project: Project) -> None:
    doc = project.documents()[2]
    raw = project.path(f"data/raw/{doc['file']}")
    data = raw.read_bytes()
    changed = re.sub(rb"\d", lambda m: b"9" if m.group() != b"9" else b"8", data, count=1)
    assert changed != data
    raw.write_bytes(changed)  # the manifest keeps the old sha256

    assert_rejected(project, project.build(), doc["file"], mentions=["sha256"])


# --- manifest ----------------------------------------------------------------------------------


def test_missing_manifest(project: Project) -> None:
    project.path(MANIFEST).unlink()

    assert_rejected(project, project.build(), MANIFEST.name)


def test_unknown_province_in_manifest(project: Project) -> None:
    text = project.manifest_text()
    index = 3
    entry_line = entry_lines(text)[index]
    province_line = line_of(text, r"^\s*province\s*:", start=entry_line)
    lines = text.splitlines(keepends=True)
    lines[province_line - 1] = re.sub(
        r"province\s*:.*", "province: atlantis", lines[province_line - 1]
    )
    project.path(MANIFEST).write_text("".join(lines), encoding="utf-8")
    with project.path("data/catalog/provinces.csv").open(encoding="utf-8", newline="") as f:
        known = [row["province_id"] for row in csv.DictReader(f)]

    result = project.build()
    # Either the entry's first line or its `province:` line points the reader to the mistake.
    assert_rejected(
        project, result, MANIFEST.name, lines=[entry_line, province_line], mentions=["atlantis"]
    )
    # What would be valid: the known province ids (as whole words, not inside a document id),
    # or the catalogue file that lists them.
    named = [p for p in known if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", result.stderr)]
    assert "provinces.csv" in result.stderr or named, (
        f"the error does not say which provinces are valid:\n{result.stderr}"
    )


def test_duplicate_document_id(project: Project) -> None:
    text = project.manifest_text()
    docs = project.documents()
    second_entry = entry_lines(text)[2]
    lines = text.splitlines(keepends=True)
    lines[second_entry - 1] = re.sub(r"id\s*:.*", f"id: {docs[1]['id']}", lines[second_entry - 1])
    project.path(MANIFEST).write_text("".join(lines), encoding="utf-8")

    assert_rejected(
        project, project.build(), MANIFEST.name, lines=[second_entry], mentions=[docs[1]["id"]]
    )


# --- catalogue ---------------------------------------------------------------------------------


def test_broken_yaml_in_indicators(project: Project) -> None:
    path = project.path("data/catalog/indicators.yaml")
    text = path.read_text(encoding="utf-8")
    bad_line = line_of(text, r"^\s+name_en:\s*\S+\s+\S")
    lines = text.splitlines(keepends=True)
    # "name_en: Life: expectancy" - a second colon in a plain scalar is a YAML syntax error.
    lines[bad_line - 1] = re.sub(r"(name_en:\s*\S+)", r"\1:", lines[bad_line - 1], count=1)
    broken = "".join(lines)
    path.write_text(broken, encoding="utf-8")
    # Guard the test itself: the parser must place the error on the line we broke.
    with pytest.raises(yaml.YAMLError) as parse_error:
        yaml.safe_load(broken)
    assert parse_error.value.problem_mark.line + 1 == bad_line

    assert_rejected(project, project.build(), "indicators.yaml", lines=[bad_line])


def test_provinces_row_with_missing_column(project: Project) -> None:
    path = project.path("data/catalog/provinces.csv")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    used = {d["province"] for d in project.documents()}
    # A row no document refers to, so the row check is what fails, not a province lookup.
    candidates = [
        n
        for n, line in enumerate(lines[1:], start=2)
        if line.strip() and next(csv.reader([line]))[0] not in used
    ]
    bad_line = candidates[0] if candidates else 2
    fields = next(csv.reader([lines[bad_line - 1]]))
    lines[bad_line - 1] = ",".join(fields[:3]) + "\n"  # 3 of the header's columns
    path.write_text("".join(lines), encoding="utf-8")

    assert_rejected(project, project.build(), "provinces.csv", lines=[bad_line])


@pytest.mark.parametrize(("column", "value", "message"), [
    ("effective_on", "", "effective_on"),
    ("effective_on", "1/7/2025", "YYYY-MM-DD"),
    ("status_2025", "dissolved", "unchanged, merged, renamed, new"),
])
def test_provinces_reform_columns_are_checked(project: Project, column: str, value: str,
                                              message: str) -> None:
    """A changed province needs the date its change took effect, as an ISO date, and a known
    status: the reform notes are computed from them."""
    path = project.path("data/catalog/provinces.csv")
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    header = rows[0]
    bad_line = next(n for n, row in enumerate(rows[1:], start=2)
                    if row and row[header.index("status_2025")] == "merged")
    rows[bad_line - 1][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")

    result = project.build()
    assert_rejected(project, result, "provinces.csv", lines=[bad_line])
    assert message in result.stderr


# --- every field is type-checked where it is read ----------------------------------------------


def edit_line(project: Project, rel: str, pattern: str, replacement: str) -> int:
    """Replace `pattern` on the first line of `rel` matching it; return that line's number."""
    path = project.path(rel)
    text = path.read_text(encoding="utf-8")
    number = line_of(text, pattern)
    lines = text.splitlines(keepends=True)
    lines[number - 1] = re.sub(pattern, replacement, lines[number - 1], count=1)
    path.write_text("".join(lines), encoding="utf-8")
    return number


INDICATORS = "data/catalog/indicators.yaml"
UNITS = "data/catalog/units.yaml"
LEDGER = "data/catalog/ledger.yaml"
VOCABULARY = "data/catalog/vocabulary.yaml"
QUALITATIVE = "data/catalog/qualitative.yaml"
SUBGROUPS = "data/catalog/subgroups.yaml"
PROVINCES = "data/catalog/provinces.csv"
NATIONAL = "data/reference/national_targets.csv"
NATIONAL_MAP = "data/reference/national_indicator_map.csv"

# (what the check protects, file, regex on the line to break, its replacement, words the error
# must contain). Each case once crashed the build or was silently accepted.
FIELD_CASES = [
    ("aliases_as_string_is_refused", INDICATORS, r"aliases: \[.*\]", 'aliases: "tuổi thọ"',
     ["aliases", "list"]),
    ("alias_read_as_boolean_is_refused", INDICATORS, r"aliases: \[.*\]", "aliases: [no]",
     ["aliases", "boolean"]),
    ("indicator_unit_as_list_is_refused", INDICATORS, r"unit: years", "unit: [years]",
     ["unit", "list"]),
    ("indicator_unknown_unit_is_refused", INDICATORS, r"unit: years", "unit: yrs",
     ["yrs", "percent"]),
    ("indicator_unknown_direction_is_refused", INDICATORS, r"direction: higher_is_better",
     "direction: up", ["higher_is_better, lower_is_better, band"]),
    ("indicator_plausible_reversed_is_refused", INDICATORS, r"plausible: \[50, 90\]",
     "plausible: [90, 50]", ["plausible", "low ≤ high"]),
    ("indicator_unknown_field_is_refused", INDICATORS, r"domain: longevity",
     "domian: longevity", ["domian", "expected fields"]),
    ("duplicate_indicator_id_is_refused", INDICATORS, r"id: healthy_life_years",
     "id: life_expectancy", ["duplicate", "life_expectancy"]),
    ("indicator_unknown_subgroup_is_refused", INDICATORS, r"subgroup: male", "subgroup: boys",
     ["boys", "male"]),
    ("unit_per_as_text_is_refused", UNITS, r"per: 100$", "per: abc", ["per", "positive"]),
    ("unit_per_zero_is_refused", UNITS, r"per: 100$", "per: 0", ["per", "positive"]),
    ("empty_unit_phrase_is_refused", UNITS, r'phrases: \["%", "phần trăm", .*\]',
     'phrases: ["%", ""]', ["phrases", "non-empty"]),
    ("ledger_line_as_text_is_refused", LEDGER, r"line: 161", "line: abc", ["line", "line number"]),
    ("ledger_value_as_text_is_refused", LEDGER, r"value: 30$", 'value: "thirty"',
     ["value", "number"]),
    ("ledger_unknown_action_is_refused", LEDGER, r"action: add", "action: fix",
     ["add, correct, reject"]),
    ("ledger_unknown_unit_is_refused", LEDGER, r"unit: percent", "unit: pct", ["pct", "percent"]),
    ("ledger_unknown_field_is_refused", LEDGER, r"indicator_id: diabetes_managed",
     "indicator_id: diabetes_managed\n    valeu: 30", ["valeu"]),
    ("vocabulary_list_as_number_is_refused", VOCABULARY, r"clause_breaks: \[trong đó\]",
     "clause_breaks: 5", ["clause_breaks", "list"]),
    ("vocabulary_unknown_comparator_is_refused", VOCABULARY, r'^  "<": ', '  "~": ',
     ["~", "<="]),
    ("vocabulary_abbreviation_as_list_is_refused", VOCABULARY, r"sdd: suy dinh dưỡng",
     "sdd: [suy dinh dưỡng]", ["sdd", "text"]),
    ("vocabulary_other_name_of_unknown_province_is_refused", VOCABULARY, r"^  kon_tum: \[kontum, ",
     "  kontum: [kontum, ", ["province_other_names", "kontum", "provinces.csv"]),
    ("vocabulary_unknown_zone_subgroup_is_refused", VOCABULARY,
     r"^zone_subgroups: \[mountain_zone, ", "zone_subgroups: [mountains, ",
     ["zone_subgroups", "mountains", "subgroups.yaml"]),
    ("vocabulary_unknown_sex_subgroup_is_refused", VOCABULARY,
     r"^sex_subgroups: \[male, ", "sex_subgroups: [men, ",
     ["sex_subgroups", "men", "subgroups.yaml"]),
    ("vocabulary_unit_naming_a_sex_unknown_is_refused", VOCABULARY,
     r"^units_naming_a_sex: \[children_per_woman, ", "units_naming_a_sex: [children_per_women, ",
     ["units_naming_a_sex", "children_per_women", "units.yaml"]),
    ("vocabulary_cascade_of_unknown_indicator_is_refused", VOCABULARY,
     r"^  hiv: \[hiv_know_status, ", "  hiv: [hiv_knows_status, ",
     ["cascades", "hiv_knows_status", "indicators.yaml"]),
    ("qualitative_phrases_as_string_is_refused", QUALITATIVE,
     r"phrases: \[bao phủ bảo hiểm y tế toàn dân.*\]", "phrases: bảo hiểm y tế",
     ["phrases", "list"]),
    ("subgroup_labels_as_string_is_refused", SUBGROUPS, r"^  male: \[.*\]", "  male: nam",
     ["male", "list"]),
    ("manifest_province_as_list_is_refused", str(MANIFEST), r"province: lai_chau",
     "province: [lai_chau]", ["province", "list"]),
    ("manifest_period_as_text_is_refused", str(MANIFEST), r"period_start: 2024",
     "period_start: soon", ["period_start", "year"]),
    ("period_start_after_end_is_refused", str(MANIFEST), r"period_start: 2024",
     "period_start: 2025", ["period_start", "period_end", "≤"]),
    ("manifest_issued_on_not_a_date_is_refused", str(MANIFEST), r'issued_on: "2026-03-23"',
     'issued_on: "23/3/2026"', ["issued_on", "YYYY-MM-DD"]),
    ("manifest_sha256_not_hex_is_refused", str(MANIFEST), r"sha256: 40d6\w+", "sha256: 12",
     ["sha256", "64 hexadecimal"]),
    ("manifest_unknown_field_is_refused", str(MANIFEST), r'issuer: "UBND tỉnh Lào Cai"',
     'issuer_name: "UBND"', ["issuer_name"]),
    ("manifest_id_not_snake_case_is_refused", str(MANIFEST), r"id: lao_cai_2024",
     "id: Lao Cai 2024", ["snake_case"]),
    ("manifest_file_outside_raw_by_dotdot_is_refused", str(MANIFEST),
     r"file: lai_chau_2021", "file: ../../data/raw/lai_chau_2021", ["data/raw", ".."]),
    ("manifest_file_with_dot_is_refused", str(MANIFEST), r"file: lai_chau_2021",
     "file: ./lai_chau_2021", ["data/raw"]),
    ("decimal_comma_in_reference_is_refused", NATIONAL, r",75\.5,", ",75,5,", ["75.5"]),
    ("reference_year_as_text_is_refused", NATIONAL, r",target,2030,", ",target,soon,",
     ["year"]),
    ("reference_unknown_unit_is_refused", NATIONAL, r",years,https", ",yrs,https",
     ["yrs", "percent"]),
    ("reference_unknown_kind_is_refused", NATIONAL, r",target,2030,", ",goal,2030,",
     ["kind", "target"]),
    ("reference_map_unknown_indicator_is_refused", NATIONAL_MAP, r",life_expectancy$",
     ",life_expectancy_x", ["life_expectancy_x"]),
    ("province_gso_code_not_digits_is_refused", PROVINCES, r"^lai_chau,12,", "lai_chau,XII,",
     ["gso_code", "digits"]),
]


@pytest.mark.parametrize(("file", "pattern", "replacement", "mentions"),
                         [case[1:] for case in FIELD_CASES], ids=[c[0] for c in FIELD_CASES])
def test_field_of_wrong_type_or_value_is_refused(project: Project, file: str, pattern: str,
                                                 replacement: str, mentions: list[str]) -> None:
    """Each field is checked when read: the error names file, line, field and what is valid."""
    line = edit_line(project, file, pattern, replacement)
    # an added line (`\n` in the replacement) is where the error is
    lines = [line, line + replacement.count("\n")]
    assert_rejected(project, project.build(), Path(file).name, lines=lines, mentions=mentions)


def test_yaml_duplicate_key_is_refused(project: Project) -> None:
    line = edit_line(project, INDICATORS, r"domain: longevity",
                     "domain: longevity\n    domain: growth")
    assert_rejected(project, project.build(), "indicators.yaml", lines=[line + 1],
                    mentions=["domain", "twice"])


# --- YAML that costs too much ------------------------------------------------------------------


ALIAS_BOMB = "".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]\n"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)]
)


@pytest.mark.parametrize("file", [str(MANIFEST), INDICATORS, LEDGER])
def test_yaml_alias_is_refused(project: Project, file: str) -> None:
    """A "billion laughs" document: anchors and aliases are refused before anything expands."""
    path = project.path(file)
    path.write_text(ALIAS_BOMB + path.read_text(encoding="utf-8"), encoding="utf-8")

    result = project.build()
    assert_rejected(project, result, Path(file).name, lines=[1], mentions=["alias"])


def test_yaml_anchor_in_a_field_is_refused(project: Project) -> None:
    line = edit_line(project, str(MANIFEST), r"province: lai_chau", "province: &p lai_chau")
    assert_rejected(project, project.build(), MANIFEST.name, lines=[line], mentions=["anchor"])


def test_huge_yaml_is_refused(project: Project) -> None:
    path = project.path(INDICATORS)
    padding = ("# " + "x" * 98 + "\n") * 30_000  # 3 MB of comments
    path.write_text(path.read_text(encoding="utf-8") + padding, encoding="utf-8")

    assert_rejected(project, project.build(), "indicators.yaml", mentions=["bytes"])


def test_non_utf8_yaml_is_refused(project: Project) -> None:
    path = project.path(VOCABULARY)
    data = path.read_bytes().split(b"\n")
    bad_line = 20
    data[bad_line - 1] = data[bad_line - 1] + b" \xe9"  # Latin-1 é
    path.write_bytes(b"\n".join(data))

    assert_rejected(project, project.build(), "vocabulary.yaml", lines=[bad_line],
                    mentions=["UTF-8"])


@pytest.mark.parametrize("file", [PROVINCES, NATIONAL])
def test_bom_in_csv_is_refused(project: Project, file: str) -> None:
    path = project.path(file)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    assert_rejected(project, project.build(), Path(file).name, lines=[1], mentions=["BOM"])


# --- the manifest: what it may read, and how often ----------------------------------------------


def add_manifest_entry(project: Project, **fields: str) -> int:
    """Append a copy of the first entry with `fields` changed; return its first line."""
    entry = {**project.documents()[0], **fields}
    text = project.manifest_text().rstrip("\n") + "\n"
    first = len(text.splitlines()) + 1
    body = "\n".join(f"    {k}: {v if v is not None else 'null'}" for k, v in entry.items()
                     if k != "id")
    project.path(MANIFEST).write_text(f"{text}  - id: {entry['id']}\n{body}\n",
                                      encoding="utf-8")
    return first


def outside_file(project: Project) -> Path:
    """A file outside data/raw/, as a manifest must never be able to reach."""
    secret = project.root / "secret.txt"
    secret.write_text("Tuổi thọ trung bình đạt 99 tuổi.\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize("how", ["dotdot", "absolute"])
def test_manifest_path_outside_raw_is_refused(project: Project, how: str) -> None:
    secret = outside_file(project)
    name = "../../secret.txt" if how == "dotdot" else str(secret)
    line = add_manifest_entry(project, id="stolen", file=name, sha256=sha256_file(secret))

    assert_rejected(project, project.build(), MANIFEST.name, lines=range(line, line + 12),
                    mentions=["data/raw"])


@pytest.mark.parametrize("how", ["file", "folder"])
def test_manifest_symlink_is_refused(project: Project, how: str) -> None:
    secret = outside_file(project)
    if how == "file":
        (project.path("data/raw") / "link.txt").symlink_to(secret)
        name = "link.txt"
    else:
        (project.path("data/raw") / "sub").symlink_to(project.root)
        name = "sub/secret.txt"
    line = add_manifest_entry(project, id="linked", file=name, sha256=sha256_file(secret))

    assert_rejected(project, project.build(), MANIFEST.name, lines=range(line, line + 12),
                    mentions=["symbolic link"])


def test_manifest_file_that_is_a_folder_is_refused(project: Project) -> None:
    (project.path("data/raw") / "folder").mkdir()
    line = add_manifest_entry(project, id="folder", file="folder", sha256="a" * 64)

    assert_rejected(project, project.build(), MANIFEST.name, lines=range(line, line + 12),
                    mentions=["regular file"])


def test_same_document_twice_is_refused(project: Project) -> None:
    """The same bytes under a second name would count every observation twice."""
    first = project.documents()[0]
    copy = project.path("data/raw/copy.txt")
    copy.write_bytes(project.path(f"data/raw/{first['file']}").read_bytes())
    line = add_manifest_entry(project, id="again", file="copy.txt")

    result = project.build()
    assert_rejected(project, result, MANIFEST.name, lines=range(line, line + 12),
                    mentions=[first["id"], "again", "listed once"])


@pytest.mark.parametrize("text", ["documents: []\n", "documents:\n", "# no documents\n"],
                         ids=["empty_list", "null", "no_key"])
def test_empty_manifest_is_refused(project: Project, text: str) -> None:
    """An empty manifest would silently replace the warehouse with an empty one."""
    project.path(MANIFEST).write_text(text, encoding="utf-8")

    assert_rejected(project, project.build(), MANIFEST.name, lines=[1], mentions=["documents"])


def test_binary_document_is_refused(project: Project) -> None:
    doc = project.documents()[0]
    raw = project.path(f"data/raw/{doc['file']}")
    raw.write_bytes(b"\0" * 4096)
    project.set_manifest_sha(doc["sha256"], sha256_file(raw))

    assert_rejected(project, project.build(), doc["file"], lines=[1], mentions=["NUL"])
