"""`vnhealth eval`: the matching rule on small cases, and the seeds scored exactly."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from vnhealth.build.evaluate import Labelled, read_concepts, score_document
from vnhealth.inputs.catalog import load_catalog
from vnhealth.inputs.errors import InputError
from vnhealth.inputs.paths import ProjectPaths

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "observations.csv"


def _row(line: int, value: float, *, year: int | None = 2030, high: float | None = None,
         indicator: str = "life_expectancy", kind: str = "target") -> Labelled:
    return Labelled("sha", line, year, value, high, indicator, kind, "=")


def test_a_value_one_line_away_matches_two_lines_away_does_not() -> None:
    score = score_document("d", [_row(10, 75.0), _row(20, 5.0)],
                           [_row(11, 75.0), _row(22, 5.0)])
    assert (score.matched, score.recall, score.precision) == (1, 0.5, 0.5)
    assert [g.line for g in score.missed] == [20] and [g.line for g in score.extra] == [22]


def test_year_and_range_end_must_agree() -> None:
    score = score_document("d", [_row(10, 4.0, high=5.0), _row(12, 75.0, year=None)],
                           [_row(10, 4.0, high=6.0), _row(12, 75.0, year=2030)])
    assert score.matched == 0


def test_one_observation_matches_one_golden_row_only() -> None:
    """A value repeated on one line in the golden file needs two observations."""
    score = score_document("d", [_row(10, 95.0), _row(10, 95.0)], [_row(10, 95.0)])
    assert (score.matched, score.recall, score.precision) == (1, 0.5, 1.0)


def test_same_indicator_then_closest_line_is_paired_and_agreement_counted() -> None:
    gold = [_row(10, 95.0, indicator="a", kind="actual")]
    found = [_row(11, 95.0, indicator="a"), _row(10, 95.0, indicator="b", kind="actual")]
    score = score_document("d", gold, found)
    assert score.matched == 1 and score.same_kind == 0 and score.same_indicator == 1
    assert [g.indicator for g in score.extra] == ["b"]
    score = score_document("d", gold, found[1:] + [_row(9, 95.0, indicator="b")])
    assert score.matched == 1 and score.same_kind == 1 and score.same_indicator == 0


def test_one_number_labelled_for_several_indicators_credits_the_one_read() -> None:
    # "100% trạm y tế …; 100% xã đạt tiêu chí …": whatever the golden file's order
    gold = [_row(5, 100.0, indicator="stations"), _row(5, 100.0, indicator="communes")]
    score = score_document("d", gold, [_row(5, 100.0, indicator="communes")])
    assert score.matched == 1 and score.same_indicator == 1
    assert [g.indicator for g in score.missed] == ["stations"]


def _vnhealth(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    return subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120)


def test_seeds_score_exactly_against_their_golden_file(warehouse_path: Path) -> None:
    done = _vnhealth("eval", "--golden", str(GOLDEN), "--db", str(warehouse_path),
                     "--format", "json", "--min-recall", "1", "--min-precision", "1")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {r["document"]: r for r in json.loads(done.stdout)}
    assert rows["total"]["golden"] == 244 and rows["total"]["matched"] == 244
    assert rows["total"]["found"] == 244
    assert all(rows["total"][k] == 1.0 for k in ("comparator", "kind", "indicator"))
    assert len(rows) == 6  # five documents and the total


def test_a_bar_not_reached_exits_1(tmp_path: Path, warehouse_path: Path) -> None:
    golden = tmp_path / "golden.csv"
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    # one wrong value: 243 of 244 matched, one extra
    lines[1] = lines[1].replace(",45.7,", ",45.8,")
    golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _vnhealth("eval", "--golden", str(golden), "--db", str(warehouse_path),
                     "--min-recall", "1")
    assert done.returncode == 1 and "0.996" in done.stdout


def test_a_golden_file_naming_an_unknown_document_is_refused(tmp_path: Path,
                                                             warehouse_path: Path) -> None:
    golden = tmp_path / "golden.csv"
    golden.write_text("file,line,year,value,value_high,kind,comparator,concept\n"
                      "missing.txt,3,2030,75,,target,=,life_expectancy\n", encoding="utf-8")
    done = _vnhealth("eval", "--golden", str(golden), "--docs", str(tmp_path),
                     "--db", str(warehouse_path))
    assert done.returncode == 2 and "golden.csv:2" in done.stderr
    assert "missing.txt" in done.stderr and "Traceback" not in done.stderr


REAL_DEV = Path(__file__).resolve().parents[1] / "data" / "real_dev"


def _labeller_golden(tmp_path: Path, rows: int = 6) -> tuple[Path, Path]:
    """The first seed golden rows relabelled with a labeller's own concept ids, and the
    crosswalk that maps those concepts back to the catalogue's ids."""
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    col = header.index("indicator_id")
    header[col] = "concept"
    out, concepts = [",".join(header)], {}
    for line in lines[1:rows + 1]:
        cells = line.split(",")
        concepts[f"my_{cells[col]}"] = cells[col]
        cells[col] = f"my_{cells[col]}"
        out.append(",".join(cells))
    golden = tmp_path / "golden.csv"
    golden.write_text("\n".join(out) + "\n", encoding="utf-8")
    crosswalk = tmp_path / "concepts.csv"
    crosswalk.write_text("concept,indicator_id,note\n" + "".join(
        f"{c},{i},\n" for c, i in concepts.items()), encoding="utf-8")
    return golden, crosswalk


def test_concepts_translate_golden_concepts_into_catalogue_ids(tmp_path: Path,
                                                              warehouse_path: Path) -> None:
    golden, crosswalk = _labeller_golden(tmp_path)
    plain = _vnhealth("eval", "--golden", str(golden), "--db", str(warehouse_path),
                      "--format", "json")
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)[-1]["indicator"] == 0.0  # my_x is never the catalogue's x
    done = _vnhealth("eval", "--golden", str(golden), "--db", str(warehouse_path),
                     "--concepts", str(crosswalk), "--format", "json")
    assert done.returncode == 0, done.stderr
    total = json.loads(done.stdout)[-1]
    assert total["matched"] == total["golden"] == 6 and total["indicator"] == 1.0


def test_a_concept_missing_from_the_crosswalk_is_an_error_naming_it(tmp_path: Path,
                                                                    warehouse_path: Path) -> None:
    golden, crosswalk = _labeller_golden(tmp_path)
    rows = crosswalk.read_text(encoding="utf-8").splitlines()
    dropped = rows.pop(1).split(",")[0]
    crosswalk.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = _vnhealth("eval", "--golden", str(golden), "--db", str(warehouse_path),
                     "--concepts", str(crosswalk))
    assert done.returncode == 2 and dropped in done.stderr and "golden.csv:" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_concept_listed_twice_in_the_crosswalk_is_refused(tmp_path: Path) -> None:
    crosswalk = tmp_path / "concepts.csv"
    crosswalk.write_text("concept,indicator_id,note\na,life_expectancy,\na,healthy_life_years,\n",
                         encoding="utf-8")
    with pytest.raises(InputError, match="listed twice"):
        read_concepts(crosswalk)


def test_real_dev_crosswalk_covers_every_concept_with_a_catalogue_id() -> None:
    """tests/data/real_dev/concepts.csv maps each concept of golden.csv to an indicator of
    data/catalog/indicators.yaml."""
    concepts = read_concepts(REAL_DEV / "concepts.csv")
    with (REAL_DEV / "golden.csv").open(encoding="utf-8", newline="") as fh:
        used = {row["concept"] for row in csv.DictReader(fh)}
    assert used <= set(concepts), sorted(used - set(concepts))
    ids = {ind.id for ind in load_catalog(ProjectPaths.at()).indicators}
    assert set(concepts.values()) <= ids, sorted(set(concepts.values()) - ids)
