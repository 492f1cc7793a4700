"""The explore notebook's library (vnhealth.report.explore) and the notebook itself: each worked
example shows the SQL that ran and its bound values, results are tables without an index,
and the kernel loads neither jupysql nor pandas (the notebook is timed against an empty one).
The rendered report is checked against the warehouse in tests/report/test_notebooks.py."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from vnhealth.cli.commands.sql import QueryError
from vnhealth.inputs.errors import ParameterError
from vnhealth.report import explore
from vnhealth.report.params import connect_read_only, validate

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


@pytest.fixture()
def cursor(warehouse_path: Path) -> Any:
    return connect_read_only(warehouse_path)


@pytest.fixture()
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML that explore would display, one string per call."""
    out: list[str] = []
    monkeypatch.setattr(explore, "_display", lambda markup, _plain: out.append(markup))
    return out


def test_parameters_are_bound_not_pasted(cursor: Any) -> None:
    sql = "SELECT count(*) AS n FROM observations WHERE province_id = $province"
    assert explore.run(cursor, sql, {"province": "son_la"}).rows[0][0] > 0
    # Pasted into the text, this would match every row; bound, it is one odd province name.
    assert explore.run(cursor, sql, {"province": "x' OR '1'='1"}).rows == [(0,)]


def test_the_sql_shown_is_the_sql_run(cursor: Any, shown: list[str]) -> None:
    sql = """
        SELECT province_id, count(*) AS n
        FROM observations WHERE year = $year GROUP BY ALL ORDER BY n DESC, province_id
    """
    explore.example(cursor, "pivot", sql, "en", max_rows=2, year=2030)
    page = shown[0]
    code = html.unescape(re.search(r"<pre class=\"vnh-sql\"[^>]*><code>(.*?)</code>", page,
                                   re.S)[1])
    assert code == explore.run(cursor, sql, {"year": 2030}).sql  # dedented, nothing else
    assert code.startswith("SELECT province_id") and "$year" in code and "2030" not in code
    assert "Parameters: <code>$year = 2030</code>" in page
    expected = cursor.execute(code, {"year": 2030}).fetchall()
    cells = re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], re.S)
    assert len(cells) == 2  # max_rows
    first = re.findall(r"<td[^>]*>(.*?)</td>", cells[0])
    assert first == [expected[0][0], str(expected[0][1])]  # no index column before them
    assert f"{len(expected)} rows; the first 2 shown" in page
    assert "<th>province_id</th><th>n</th>" in page


def test_headings_in_both_languages_and_nfc() -> None:
    assert explore.text("targets", "vi", province="son_la", year=2030) == (
        "2. Chỉ tiêu của son_la cho năm 2030, với dòng nguồn")
    assert explore.text("targets", "en", province="son_la", year=2030) == (
        "2. Targets of son_la for 2030, with their source line")
    assert explore.text("My own {heading}", "vi", year=2030) == "My own {heading}"
    for vi, en in explore.TEXTS.values():
        assert unicodedata.is_normalized("NFC", vi) and unicodedata.is_normalized("NFC", en)


def test_empty_result_says_so(cursor: Any, shown: list[str]) -> None:
    explore.example(cursor, "Không có", "SELECT * FROM observations WHERE year = $year", "vi",
                    year=1900)
    assert "Không có dòng nào." in shown[0] and "<table" not in shown[0]


@pytest.mark.parametrize(("sql", "params", "problem"), [
    ("SELECT * FROM observations WHERE year = $year", {}, "uses $year; give year=VALUE"),
    ("SELECT 1", {"year": 2030}, "year given but the query has no $year"),
    ("DELETE FROM observations", {}, "only read-only queries are allowed"),
    ("SELECT * FROM nowhere", {}, "nowhere"),
])
def test_bad_examples_are_one_clear_error(cursor: Any, sql: str, params: dict[str, Any],
                                          problem: str) -> None:
    with pytest.raises(QueryError) as err:
        explore.run(cursor, sql, params)
    assert problem in str(err.value) and "--param" not in str(err.value)


def test_language_parameter_is_checked(warehouse_path: Path) -> None:
    p = validate("explore", province="Sơn La", year=2030, language="en",
                 warehouse=str(warehouse_path))
    assert (p.province, p.language) == ("son_la", "en")
    with pytest.raises(ParameterError, match="language: unknown language 'fr'; valid "
                                             "languages: vi, en"):
        validate("explore", province="son_la", year=2030, language="fr",
                 warehouse=str(warehouse_path))


def code_cells() -> list[dict[str, Any]]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_the_notebook_is_thin() -> None:
    cells = ["".join(c["source"]) for c in code_cells()]
    assert "parameters" in code_cells()[0]["metadata"]["tags"]
    for line in cells[0].splitlines():  # literal defaults only
        assert re.fullmatch(r"\w+ = (\"[^\"]*\"|\d+)  # .+", line), line
    assert 'validate("explore", globals())' in cells[1]
    for cell in cells[2:]:
        code = "\n".join(line for line in cell.splitlines() if not line.startswith("#"))
        assert code.startswith(("explore.example(con, ", "con.close()")), code[:40]
        # No jupysql magics, no {{templating}} and no f-strings: values go in as parameters.
        assert "%sql" not in code and "{{" not in code and 'f"""' not in code
        assert ("$province" in code) == ("province=p.province" in code)
        assert ("$year" in code) == ("year=p.year" in code)


def test_the_notebook_loads_neither_jupysql_nor_pandas(warehouse_path: Path) -> None:
    """Run the notebook's code (display switched off) in a fresh interpreter and list what
    it imported: the heavy modules that made explore 2.5 × an empty notebook stay out."""
    cells = ["".join(c["source"]) for c in code_cells()]
    script = (
        "import sys, IPython.display\n"
        "IPython.display.display = lambda *a, **k: None\n"
        f"warehouse = {str(warehouse_path)!r}\n"
        f"cells = {cells[1:]!r}\n"
        f"exec({cells[0]!r}.replace('warehouse = \"\"', 'pass'))\n"
        "for cell in cells:\n"
        "    exec(cell)\n"
        "heavy = {'pandas', 'sqlalchemy', 'sqlglot', 'sql', 'jupysql', 'plotly', 'numpy'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
