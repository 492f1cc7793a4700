"""The extractor on real documents it was not written for (tests/data/real_dev: 15 official
excerpts from 13 provinces, hand-labelled), scored by `vnhealth eval` through the benchmark
script, so the figure a developer measures is the figure CI checks.

The floors are what the extractor reaches today; issue 9's bar is recall 0.90 and precision
0.95 with the right indicator. Raise them as the extractor improves; never lower them to pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RECALL_FLOOR = 0.97
PRECISION_FLOOR = 0.99
INDICATOR_FLOOR = 0.95  # share of matched values whose indicator is the labelled one


# tests/data/real_dev2: 6 more official excerpts from 6 other provinces, labelled and first
# scored before any change for them (recall 0.163, precision 0.433 on the 8 documents then in
# the set: the held-out estimate);
# floors just below what the extractor reaches now (recall 0.988, precision 1.000).
REAL_DEV2_RECALL_FLOOR = 0.98
REAL_DEV2_PRECISION_FLOOR = 0.99
REAL_DEV2_INDICATOR_FLOOR = 0.98


# tests/data/real_dev3: 7 official texts from 7 more provinces, labelled and first scored before
# any change for them (recall 0.429, precision 0.700: the held-out estimate); floors just below
# what the extractor reaches now (recall 0.898, precision 0.957, indicator 0.977).
REAL_DEV3_RECALL_FLOOR = 0.89
REAL_DEV3_PRECISION_FLOOR = 0.95
REAL_DEV3_INDICATOR_FLOOR = 0.97


def _scores(tmp_path: Path, docset: str = "real_dev") -> dict[str, dict]:
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks/eval_real_dev.py"), "--set", docset, "--out",
         str(tmp_path / "project"), "--format", "json"],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return {row["document"]: row for row in json.loads(done.stdout)}


def test_real_documents_score_at_least_the_recorded_floors(tmp_path: Path) -> None:
    scores = _scores(tmp_path)
    total = scores.pop("total")
    assert total["golden"] == 84 and len(scores) == 15
    assert total["recall"] >= RECALL_FLOOR, total
    assert total["precision"] >= PRECISION_FLOOR, total
    assert total["indicator"] >= INDICATOR_FLOOR, total
    assert total["kind"] >= 0.95, total
    # every document contributes: no layout or province is read as nothing at all
    read_nothing = [name for name, row in scores.items() if row["matched"] == 0]
    assert not read_nothing, read_nothing


def test_second_real_set_scores_at_least_the_recorded_floors(tmp_path: Path) -> None:
    scores = _scores(tmp_path, "real_dev2")
    total = scores.pop("total")
    assert total["golden"] == 75 and len(scores) == 6
    assert total["recall"] >= REAL_DEV2_RECALL_FLOOR, total
    assert total["precision"] >= REAL_DEV2_PRECISION_FLOOR, total
    assert total["indicator"] >= REAL_DEV2_INDICATOR_FLOOR, total
    assert total["kind"] >= 0.95, total
    read_nothing = [name for name, row in scores.items() if row["matched"] == 0]
    assert not read_nothing, read_nothing


def test_second_real_set_golden_checks_out() -> None:
    done = subprocess.run([sys.executable, str(REPO / "tests/data/check_golden.py"),
                           str(REPO / "tests/data/real_dev2")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout[-2000:]


def test_third_real_set_scores_at_least_the_recorded_floors(tmp_path: Path) -> None:
    scores = _scores(tmp_path, "real_dev3")
    total = scores.pop("total")
    assert total["golden"] == 49 and len(scores) == 7
    assert total["recall"] >= REAL_DEV3_RECALL_FLOOR, total
    assert total["precision"] >= REAL_DEV3_PRECISION_FLOOR, total
    assert total["indicator"] >= REAL_DEV3_INDICATOR_FLOOR, total
    assert total["kind"] >= 0.95, total
    # the census table and the yearbook's second table are read, not skipped as prose
    read_nothing = [name for name, row in scores.items() if row["matched"] == 0]
    assert not read_nothing, read_nothing


def test_third_real_set_golden_checks_out() -> None:
    done = subprocess.run([sys.executable, str(REPO / "tests/data/check_golden.py"),
                           str(REPO / "tests/data/real_dev3")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout[-2000:]
