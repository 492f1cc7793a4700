"""The review loop (issue 9 item 5): `vnhealth review` lists what the rules could not decide,
a person edits the review file, `vnhealth review --apply` turns decisions into catalogue aliases
and ledger entries (comments kept, each with its reason) and rebuilds.

Runs on a copy of the project with two real excerpts of tests/data/real_dev added to its
manifest (the way benchmarks/eval_real_dev.py registers them).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml
from support import copy_project

from vnhealth.inputs.catalog import load_catalog, load_ledger
from vnhealth.inputs.errors import InputError
from vnhealth.inputs.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[2]
REAL_DEV = REPO / "tests/data/real_dev/docs"
KHANH_HOA = "rd_khanh_hoa_2025_kh1840_ruou_bia"
HA_NAM = "rd_ha_nam_2018_nien_giam_y_te"
DOCS = {  # file → (province, title, period)
    "khanh_hoa_2025_kh1840_ruou_bia.txt": (
        "khanh_hoa", "Kế hoạch hoạt động phòng, chống tác hại của rượu, bia năm 2025", 2025, 2025),
    "ha_nam_2018_nien_giam_y_te.txt": (
        "ha_nam", "Niên giám thống kê tỉnh Hà Nam năm 2018 (trích: Y tế)", 2018, 2018),
}
INDICATORS = "data/catalog/indicators.yaml"
LEDGER = "data/catalog/ledger.yaml"


def vnhealth(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]
    env = {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def _register(root: Path) -> None:
    entries = []
    for name, (province, title, start, end) in DOCS.items():
        shutil.copyfile(REAL_DEV / name, root / "data/raw" / name)
        sha = hashlib.sha256((REAL_DEV / name).read_bytes()).hexdigest()
        entries.append(f"  - id: rd_{name.removesuffix('.txt')}\n    province: {province}\n"
                       f"    title: \"{title}\"\n    period_start: {start}\n"
                       f"    period_end: {end}\n    file: {name}\n    sha256: {sha}\n")
    manifest = root / "data/raw/documents.yaml"
    text = manifest.read_text(encoding="utf-8").rstrip("\n") + "\n"
    manifest.write_text(text + "".join(entries), encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project with the two real excerpts, built once."""
    root = tmp_path_factory.mktemp("review") / "project"
    copy_project(root)
    _register(root)
    done = vnhealth("build", "--root", str(root), cwd=root.parent)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built project (warehouse included) for one test to change."""
    root = tmp_path / "project"
    shutil.copytree(built, root)
    return root


def review(root: Path, out: Path, *docs: str) -> subprocess.CompletedProcess[str]:
    flags = [f for d in docs for f in ("--doc", d)]
    return vnhealth("review", "--root", str(root), "--out", str(out), *flags, cwd=root.parent)


def items(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"]


def find(rows: list[dict], doc: str, line: int, ask: str) -> dict:
    return next(r for r in rows if (r["doc_id"], r["line"], r["ask"]) == (doc, line, ask))


def decide(path: Path, decisions: dict[tuple[str, int, str], dict]) -> None:
    """Edit the review file as a person would: set some items' decision fields."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, values in decisions.items():
        find(data["items"], *key).update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200),
                    encoding="utf-8")


def observations(root: Path, doc: str) -> set[tuple]:
    with duckdb.connect(str(root / "data/warehouse.duckdb"), read_only=True) as con:
        return set(con.execute(
            "SELECT line, indicator_id, kind, year, value, source FROM observations "
            "WHERE doc_id = ?", [doc]).fetchall())


def test_review_lists_unmapped_statements_with_suggestions(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.yaml"
    done = review(built, out, HA_NAM, KHANH_HOA)
    assert done.returncode == 0, done.stderr
    assert HA_NAM in done.stdout and KHANH_HOA in done.stdout and "unmapped" in done.stdout
    rows = items(out)
    assert {r["doc_id"] for r in rows} == {HA_NAM, KHANH_HOA}
    # (Hà Nam's "Số bác sĩ bình quân 1 vạn dân là 6,7%", a "%" typed for per 10,000, is read
    # since stop 21; its only item left is a page footer)
    reached = find(rows, KHANH_HOA, 8, "unmapped")
    assert reached["phrase"].startswith("sản xuất rượu thủ công được truyền thông")
    assert "90%" in reached["quote"]
    assert reached["suggestions"][0]["indicator_id"] == "alcohol_harm_communication"
    assert len(reached["suggestions"]) == 3 and reached["decision"] == "skip"
    # a value whose kind no context stated is listed as a guess, its fields pre-filled
    guess = find(rows, KHANH_HOA, 5, "guess")
    assert guess["extracted"]["kind_basis"] == "plan document"
    assert (guess["indicator_id"], guess["value"]) == ("alcohol_harm_communication", 95)


def test_review_lists_a_share_left_unread_in_a_read_statement(built: Path, tmp_path: Path
                                                              ) -> None:
    # Huế's table row names a household share with its threshold ("chi phí y tế >= 25%"); the
    # row's value is read, the 25% is not: a person is asked (here it is part of the name)
    out = tmp_path / "review.yaml"
    done = review(built, out, "thua_thien_hue_2023_2025")
    assert done.returncode == 0, done.stderr
    assert "unread" in done.stdout
    unread = [r for r in items(out) if r["ask"] == "unread"]
    assert [(r["line"], r["phrase"]) for r in unread] == [
        (294, "Tỷ lệ hộ gia đình có chi phí y tế")]
    assert "(25%)" in unread[0]["question"] and unread[0]["decision"] == "skip"
    # the statement's other values were read: none of them is asked about again
    with duckdb.connect(str(built / "data/warehouse.duckdb"), read_only=True) as con:
        read = con.execute("SELECT value_text FROM observations WHERE doc_id = ? AND line "
                           "BETWEEN 294 AND 303", ["thua_thien_hue_2023_2025"]).fetchall()
    assert read and all("25" not in str(v) for (v,) in read)


def test_an_unread_share_is_decided_as_an_unmapped_statement(project: Path, tmp_path: Path
                                                             ) -> None:
    out = tmp_path / "review.yaml"
    assert review(project, out, "thua_thien_hue_2023_2025").returncode == 0
    key = ("thua_thien_hue_2023_2025", 294, "unread")
    decide(out, {key: {"decision": "correct", "reason": "r"}})
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "nothing was extracted here" in done.stderr, done.stderr
    decide(out, {key: {"decision": "reject", "reason": "test: the 25% is part of the name"}})
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "+ dismiss thua_thien_hue_2023_2025 line 294" in done.stdout, done.stdout
    # dismissed: the statement keeps the reason and is asked about no more
    again = tmp_path / "again.yaml"
    assert review(project, again, "thua_thien_hue_2023_2025").returncode == 0
    assert key not in {(r["doc_id"], r["line"], r["ask"]) for r in items(again)}
    with duckdb.connect(str(project / "data/warehouse.duckdb"), read_only=True) as con:
        assert con.execute("SELECT dismissed_reason FROM statements WHERE doc_id = ? AND "
                           "line_start = 294", [key[0]]).fetchall() == [
            ("test: the 25% is part of the name",)]


def test_review_of_an_unknown_document_is_refused(built: Path, tmp_path: Path) -> None:
    done = review(built, tmp_path / "r.yaml", "no_such_doc")
    assert done.returncode == 2
    assert "no_such_doc" in done.stderr and KHANH_HOA in done.stderr


def _original_lines_kept(before: str, after: str) -> None:
    """Every line of `before` is in `after`, in order (the list line an alias extends excepted
    up to its closing bracket): comments and layout survive."""
    rest = iter(after.splitlines())
    for line in before.splitlines():
        if not any(a == line or (line.endswith("]") and a == line[:-1] + ",") for a in rest):
            raise AssertionError(f"line lost: {line!r}")


ALIAS = "cơ sở giáo dục thực hiện truyền thông phòng, chống tác hại của rượu, bia"
DECISIONS = {
    (KHANH_HOA, 7, "unmapped"): {
        "decision": "alias", "indicator_id": "alcohol_harm_communication", "phrase": ALIAS,
        "reason": "test: schools' communication on alcohol harms, counted with adults reached"},
    (KHANH_HOA, 6, "guess"): {
        "decision": "reject",
        "reason": "test: drivers reached by communication, dropped to exercise a reject"},
    (KHANH_HOA, 8, "unmapped"): {
        "decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target",
        "year": 2025, "comparator": "=", "value": 90, "unit": "percent",
        "reason": "test: craft producers reached by communication, a one-year plan of 2025"},
}


def test_apply_writes_alias_and_ledger_entries_and_rebuilds(project: Path, tmp_path: Path
                                                            ) -> None:
    out = tmp_path / "review.yaml"
    assert review(project, out, HA_NAM, KHANH_HOA).returncode == 0
    decide(out, DECISIONS)
    before = {p: (project / p).read_text(encoding="utf-8") for p in (INDICATORS, LEDGER)}
    kh_before = observations(project, KHANH_HOA)
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "observations:" in done.stdout and "before" in done.stdout, done.stdout
    kh_after = observations(project, KHANH_HOA)
    # reject: the line-6 value is gone; alias: line 7 now maps; add: the ledger's value
    assert not any(o[0] == 6 for o in kh_after) and any(o[0] == 6 for o in kh_before)
    assert any(o[:2] == (7, "alcohol_harm_communication") and o[5] == "rule" for o in kh_after)
    assert (8, "alcohol_harm_communication", "target", 2025, 90.0, "ledger") in kh_after
    for rel, text in before.items():
        after = (project / rel).read_text(encoding="utf-8")
        _original_lines_kept(text, after)
        assert [ln for ln in text.splitlines() if ln.lstrip().startswith("#")] == \
            [ln for ln in after.splitlines() if ln.lstrip().startswith("#")]
    catalog = load_catalog(ProjectPaths.at(project))
    assert ALIAS in catalog.indicator("alcohol_harm_communication").aliases
    reasons = {(e.action, e.doc_id): e.reason for e in catalog.ledger}
    assert "exercise a reject" in reasons[("reject", KHANH_HOA)]
    assert "craft producers" in reasons[("add", KHANH_HOA)]
    # what was applied is no longer asked
    again = tmp_path / "again.yaml"
    assert review(project, again, HA_NAM, KHANH_HOA).returncode == 0
    asked = {(r["doc_id"], r["line"], r["ask"]) for r in items(again)}
    assert not asked & set(DECISIONS)


REFUSALS = [  # (what the row gets, the field the error must name, words it must contain)
    ({"decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target",
      "year": 2025, "comparator": "=", "value": 90, "unit": "percent"}, "decision", ["reason"]),
    ({"decision": "alias", "indicator_id": "alcohol_harm_comms", "reason": "r"}, "indicator_id",
     ["alcohol_harm_comms", "alcohol_harm_communication"]),
    ({"decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target_value",
      "year": 2025, "comparator": "=", "value": 90, "unit": "percent", "reason": "r"},
     "kind", ["target, trajectory, actual, baseline"]),
    ({"decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target",
      "year": 2025, "comparator": "=", "value": 90, "unit": "percents", "reason": "r"}, "unit",
     ["percents", "percent"]),
    ({"decision": "approve", "reason": "r"}, "decision", ["accept, alias, reject"]),
    ({"decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target",
      "year": 2025, "comparator": "=", "value": 91, "unit": "percent", "reason": "r"}, "value",
     ["not written"]),
    ({"decision": "alias", "indicator_id": "harmful_alcohol_use", "phrase": "người dân sử dụng "
      "rượu bia tới mức nguy hại", "reason": "r"}, "phrase", ["already", "accept"]),
]


@pytest.mark.parametrize(("values", "field", "words"), REFUSALS,
                         ids=["no_reason", "unknown_indicator", "unknown_kind", "unknown_unit",
                              "unknown_decision", "value_not_on_line", "alias_already_known"])
def test_apply_refuses_a_bad_row_naming_file_line_and_field(
        project: Path, tmp_path: Path, values: dict, field: str, words: list[str]) -> None:
    out = tmp_path / "review.yaml"
    assert review(project, out, KHANH_HOA).returncode == 0
    decide(out, {(KHANH_HOA, 8, "unmapped"): values})
    text = out.read_text(encoding="utf-8").splitlines()
    start = next(n for n, ln in enumerate(text, 1) if ln.strip() == "line: 8") - 1
    field_line = next(n for n, ln in enumerate(text, 1) if n > start
                      and ln.strip().startswith(f"{field}:"))
    catalogue = {p: (project / p).read_bytes() for p in (INDICATORS, LEDGER)}
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 2, done.stdout
    assert f"review.yaml:{field_line}:" in done.stderr, done.stderr
    assert all(w in done.stderr for w in [field, *words]), done.stderr
    assert {p: (project / p).read_bytes() for p in catalogue} == catalogue


# --- the ledger itself refuses what would silently do nothing ----------------------------------

LEDGER_HEAD = """entries:
  - action: correct
    doc_id: lai_chau_2021_2025
    line: 161
    indicator_id: diabetes_managed
    reason: a reason
"""


@pytest.mark.parametrize(("extra", "line", "words"), [
    ("    valeu: 30\n", 7, ["valeu", "expected fields"]),           # misspelt field in a correct
    ("    value: 30\n    match: {valeu: 30}\n", 8, ["match", "valeu"]),  # misspelt match key
    ("    value: 30\n    match:\n      vaule: 30\n", 9, ["match", "vaule"]),
    ("", 2, ["sets no field"]),                                      # a correct that does nothing
], ids=["misspelt_field", "misspelt_match_key", "misspelt_match_key_block", "empty_correct"])
def test_ledger_refuses_misspelt_and_empty_entries(tmp_path: Path, extra: str, line: int,
                                                   words: list[str]) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER_HEAD + extra, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_ledger(path, Path("ledger.yaml"), {"diabetes_managed"}, {"percent"})
    assert err.value.line == line, str(err.value)
    assert all(w in str(err.value) for w in words), str(err.value)


def test_ledger_reject_with_fields_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER_HEAD.replace("correct", "reject") + "    value: 30\n", "utf-8")
    with pytest.raises(InputError, match="match:") as err:
        load_ledger(path, Path("ledger.yaml"), {"diabetes_managed"}, {"percent"})
    assert err.value.line == 7


def test_accept_adds_a_value_whose_text_states_no_year_without_one(project: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "review.yaml"
    assert review(project, out, KHANH_HOA).returncode == 0
    decide(out, {(KHANH_HOA, 8, "unmapped"): {
        "decision": "accept", "indicator_id": "alcohol_harm_communication", "kind": "target",
        "comparator": "=", "value": 90, "unit": "percent",
        "reason": "test: a value read without a year of its own"}})
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (8, "alcohol_harm_communication", "target", None, 90.0, "ledger") in observations(
        project, KHANH_HOA)


def test_a_rate_written_over_its_denominator_is_on_its_line() -> None:
    # real_dev101, Đắk Lắk: "với tỷ lệ là 89/100.000 dân" (a ledger `add` checks this)
    from vnhealth.build.warehouse import _value_on_line

    assert _value_on_line("với tỷ lệ là 89/100.000 dân.", 89.0, None) == "89"
    assert _value_on_line("146/184 xã", 184.0, None) is None


DISMISS = """entries:
  - action: dismiss
    doc_id: lai_chau_2021_2025
    line: 78
    reason: a count of the programme's projects, no indicator
"""


def test_ledger_dismiss_names_no_indicator_and_sets_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(DISMISS, "utf-8")
    [entry] = load_ledger(path, Path("ledger.yaml"), {"diabetes_managed"}, {"percent"})
    assert (entry.action, entry.indicator_id, entry.fields) == ("dismiss", None, {})
    for extra, line in (("    indicator_id: diabetes_managed\n", 6), ("    value: 8\n", 6),
                        ("    match: {value: 8}\n", 6)):
        path.write_text(DISMISS + extra, "utf-8")
        with pytest.raises(InputError, match="keep only action, doc_id, line and reason") as err:
            load_ledger(path, Path("ledger.yaml"), {"diabetes_managed"}, {"percent"})
        assert err.value.line == line, str(err.value)
    # every other action still names its indicator
    path.write_text(DISMISS.replace("dismiss", "reject"), "utf-8")
    with pytest.raises(InputError, match="indicator_id is missing"):
        load_ledger(path, Path("ledger.yaml"), {"diabetes_managed"}, {"percent"})


def test_a_dismissal_of_a_line_without_a_statement_is_refused(project: Path, tmp_path: Path
                                                              ) -> None:
    with (project / LEDGER).open("a", encoding="utf-8") as f:
        f.write("  - action: dismiss\n    doc_id: lai_chau_2021_2025\n    line: 1\n"
                "    reason: a stale entry for a line without numbers\n")
    done = vnhealth("build", "--root", str(project), cwd=tmp_path)
    assert done.returncode == 2, done.stdout
    assert "line 1 holds no numeric statement" in done.stderr and "ledger.yaml" in done.stderr


def test_a_document_with_every_item_decided_asks_nothing_and_writes_no_file(
        project: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.yaml"
    assert review(project, out, HA_NAM).returncode == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["items"], "the yearbook page has items to decide"
    for item in data["items"]:
        item.update(decision="reject", reason="test: every item decided")
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200),
                   encoding="utf-8")
    done = vnhealth("review", "--root", str(project), "--apply", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    again = tmp_path / "again.yaml"
    done = review(project, again, HA_NAM)
    assert done.returncode == 0, done.stderr
    assert "to review (0 items)" in done.stdout and "nothing to review" in done.stdout
    assert not again.exists()
