"""Table values into observations: a cell's column gives its kind and year, its row's label
the indicator (an alias in it), the row's unit cell or label or the table's unit line its
unit. For the three table records: a year-header `Table`, a numbered `TabTable`, and a PDF row
whose header named year columns."""

from __future__ import annotations

import re
from typing import NamedTuple

from vnhealth.extract.kind_year import NOT_STATED, YearChoice, column_kind, decide_kind
from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.match import PHRASE_MAX, fuzzy_named, subgroup_in_phrase
from vnhealth.extract.mentions import unit_in_texts
from vnhealth.extract.numbers import CellValue, parse_cell
from vnhealth.extract.qualitative import read_qualitative
from vnhealth.extract.recorder import Basis, PairedValue
from vnhealth.extract.records import REGION, Segment, Statement
from vnhealth.extract.shapes.records import Row, Table, TabRow, TabTable, TotalTable
from vnhealth.extract.shapes.rows import NUMBERING_RE
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.state import DocumentRun
from vnhealth.inputs.catalog import Indicator
from vnhealth.inputs.text import blank_markup, lite, nfc

_TOKEN_RE = re.compile(r"\S+")
_DASHES = ("-", "–")
_YEAR_TOKEN_RE = re.compile(r"^\(?(?:19|20)\d\d\)?[.,;:]?$")


def read_table(run: DocumentRun, table: Table | TabTable | TotalTable) -> None:
    if isinstance(table, TabTable):
        before = _years_before_the_plan(run, table)  # once: a row reads only its own cells
        for row in table.rows:
            _read_tab_row(run, table, row, before)
        return
    if isinstance(table, TotalTable):
        _read_total_table(run, table)
        return
    statistics = bool(run.vocab.table_words.statistics.search(lite(nfc(run.doc.title or ""))))
    shared = _shared_unit(run, table)
    by_province = _provinces_by_row(run, table)
    for row in table.rows:
        if by_province and row.role == "sub" and row.label in by_province:
            row.role = "row"  # a province's row under a total is no district's
        seg = Segment.from_lines("table_row", [(n, run.lines[n - 1]) for n in row.lines])
        statement = run.recorder.new_statement(seg)
        if any(c.line != row.lines[0] for c in row.cells):
            # cells on lines of their own (years down the rows, year records): what stands
            # before a cell is its year, the label names it
            statement.indicator_text = " ".join(row.label.split()) or None
        other = _another_province_s(run, row)
        if row.role == "total" and by_province:
            continue  # the total of the provinces listed is none's own
        if row.role in ("row", "total", "subgroup", "breakdown") and other != REGION:
            # districts, regions and the country are not the province; another province's
            # row is that province's
            _read_row(run, table, row, statement, statistics, shared, other)


class LabelName(NamedTuple):
    """The catalogue alias a row label (or table title) holds, where, and its indicators."""

    text: str  # the label
    start: int  # the alias's offsets in the label
    end: int
    indicators: list[Indicator]


def label_name(run: DocumentRun, text: str) -> LabelName | None:
    """The first alias in a label, or None."""
    keyed = run.vocab.key(text)
    alias = next(run.vocab.alias_hits(keyed.key, run.chooser.skipped_names), None)
    if alias is None:
        return None
    a, b = keyed.span_in_text(alias.start(1), alias.end(1))
    return LabelName(text, a, b, run.vocab.alias_targets[alias.group(1)])


def names_another_subject(run: DocumentRun, name: LabelName, ind: Indicator) -> bool:
    """"Tỷ lệ xã có trạm y tế đủ điều kiện khám bệnh, chữa bệnh bảo hiểm y tế" is a share of
    communes: the indicator an alias in it names is that share only when it names the same
    subject, in the alias as written or in its catalogue name (not the people's insurance
    coverage that "bảo hiểm y tế" names)."""
    low = lite(name.text)
    shares = [m for m in run.vocab.share_subject_re.finditer(low) if m.start() < name.start]
    if not shares:
        return False
    word = re.compile(rf"(?<!\w){re.escape(shares[-1].group('subject'))}(?!\w)")
    return not (word.search(low, name.start, name.end)
                or word.search(lite(nfc(ind.name_vi))))


def _label_unit(run: DocumentRun, label: str, first: float | None) -> str | None:
    """The catalogue unit of the indicator a row's label names, chosen for its first value
    as _read_row chooses it."""
    keyed = run.vocab.key(label)
    alias = next(run.vocab.alias_hits(keyed.key, run.chooser.skipped_names), None)
    if alias is None:
        return None
    ind = run.chooser.choose(run.vocab.alias_targets[alias.group(1)], None, None, True, first)
    return None if ind is None else ind.unit


def _shared_unit(run: DocumentRun, table: Table) -> str | None:
    """The unit a table's rows share when the table states none and no row states its own."""
    if table.unit_text or any(r.unit_text for r in table.rows):
        return None
    return shared_unit(run, [(r.label, next((c.value.value for c in r.cells
                                             if c.value is not None), None))
                             for r in table.rows])


def shared_unit(run: DocumentRun, rows: list[tuple[str, float | None]]) -> str | None:
    """The unit rows share (each a label and its first value) on a statistics page of crude
    rates per 1,000 that states none: the catalogue unit of most named rows (three at
    least), when that is not percent. A row whose value is implausible in its own
    indicator's unit may then be read in it (see in_shared_unit)."""
    units = [u for u in (_label_unit(run, label, first) for label, first in rows) if u]
    common = set(units)
    if len(units) < 3:
        return None
    top = max(common, key=units.count)
    if top == "percent" or 2 * units.count(top) <= len(units):
        return None
    return top


def _read_row(run: DocumentRun, table: Table, row: Row, statement: Statement,
              statistics: bool, shared: str | None, province: str | None = None) -> None:
    """The values of one row; `province` another province whose row it is (None: the
    document's)."""
    vocab, doc = run.vocab, run.doc
    found, texts = _row_name(run, table, row)
    if found is None:
        return
    row_unit = unit_in_texts(vocab, [row.unit_text, *texts, table.unit_text])
    label = lite(nfc(row.label))
    subgroup = _name_subgroup(run, row.label)  # "… dân số nông thôn …"
    sign = _change_sign(vocab.table_words, label, table)
    if sign == NO_INDICATOR:
        return
    for cell in row.cells:
        if cell.value is None:
            continue
        unit = "percent" if cell.value.percent else row_unit
        ind = run.chooser.choose(found.indicators, unit, subgroup, table=True,
                                 value=cell.value.value)
        if ind is None or names_another_subject(run, found, ind) or (
                row.role in ("subgroup", "breakdown")
                and (subgroup is None or ind.subgroup != subgroup)):
            continue  # a part's row is read only as that part's own indicator
        if unit is None and shared and shared != ind.unit:
            unit = in_shared_unit(run, ind, cell.value.value, shared)
        column = table.columns[cell.column]
        kind, _basis = column_kind(table, column, statistics=statistics,
                                   period_start=doc.period_start, period_end=doc.period_end,
                                   issued=run.issued)
        comparator, value = _as_change(cell.value, sign)
        run.recorder.emit(PairedValue(
            ind, kind, column.year, comparator, value, cell.value.value_high, unit or ind.unit,
            None, cell.line, cell.text, province and run.province_as_of(province, column.year)),
            statement)


def _provinces_by_row(run: DocumentRun, table: Table) -> frozenset[str]:
    """The labels of a table by province: its rows labelled by provinces' names, when two
    provinces at least are named (a district named like its province, "Thành phố Lào Cai",
    is one name, not a table by province); empty otherwise."""
    named = {r.label: run.vocab.province_of_label(r.label) for r in table.rows}
    named = {label: p for label, p in named.items() if p is not None and p != REGION}
    return frozenset(named) if len(set(named.values())) >= 2 else frozenset()


def _another_province_s(run: DocumentRun, row: Row) -> str | None:
    """The province of a row of a table by province ("Hanoi  91.66%  92.40% …") labelled with
    another province's name than the page's (or one of its 2025 lineage), or REGION; None for
    others."""
    province = run.vocab.province_of_label(row.label) if row.role == "row" else None
    if province is None or province in run.vocab.lineage(run.doc.province_id):
        return None
    return province  # REGION for a region's row


def _row_name(run: DocumentRun, table: Table, row: Row) -> tuple[LabelName | None, list[str]]:
    """The name a row's label holds (a total row's, the table title's), and the texts a unit
    is looked for in, the name blanked: a unit word inside it is part of it ("dưới 1 tuổi")."""
    # a total's row, or a breakdown column's ("Thành thị - Urban" under "Tỷ suất sinh thô phân
    # theo thành thị, nông thôn"), may take the title's name; the province's own row in a
    # table by province, the title's or the sentence leading into the table
    names = [row.label, *([row.block] if row.block else []), table.title] \
        if row.role in ("total", "breakdown") else [row.label]
    if row.role == "row" and run.vocab.province_of_label(row.label) is not None:
        names = [row.label, table.title, lead_in(run.lines, table.start)]
    texts = list(names)
    for k, text in enumerate(names):
        found = label_name(run, text)
        if found is not None:
            texts[k] = text[:found.start] + " " * (found.end - found.start) + text[found.end:]
            return found, texts
    return _named_by_title(run, table, row) or _loosely_named(run, table, row, names), texts


def _loosely_named(run: DocumentRun, table: Table, row: Row, names: list[str]
                   ) -> LabelName | None:
    """A label that names an indicator in other words or with a slip ("% dân số trong độ
    tuối lao động"): the fuzzy match prose uses, in the unit the row states (none stated,
    none matched), on the label, then on a total's caption or title."""
    unit = unit_in_texts(run.vocab, [row.unit_text, *names, table.unit_text])
    if unit is None:
        return None
    for text in names:
        named = fuzzy_named(run.vocab, text, unit, _name_subgroup(run, text))
        if named is not None:
            return LabelName(text, 0, 0, [named.indicator])
    return None


LEAD_IN_REACH = 14  # lines above a table's header where the sentence leading into it may stand


def lead_in(lines: list[str], start: int) -> str:
    """The sentence that leads into a table ("… are issued in Appendix … as follows:"): the
    nearest line above its header (0-based `start`) that ends with a colon."""
    for j in range(start - 1, max(-1, start - LEAD_IN_REACH), -1):
        text = lines[j].strip()
        if text.endswith(":"):
            return text
    return ""


def _as_change(value: CellValue, sign: int) -> tuple[str, float]:
    """(comparator, value) of a cell: a rise or fall in a row of changes is relative."""
    if not sign or value.value_high is not None:
        return value.comparator, value.value
    return "relative", value.value if sign == AS_WRITTEN else sign * abs(value.value)


AS_WRITTEN = 2  # a row of rises or falls ("Mức tăng/giảm tỷ lệ sinh (+ -)"): signed cells
NO_INDICATOR = 3  # a row of changes in a table of actuals only


def _change_sign(words: TableWords, label: str, table: Table) -> int:
    """-1 for a row of falls ("Mức giảm tỷ suất sinh"), 1 of rises, AS_WRITTEN of either,
    0 of levels. A change is an indicator where a plan sets it: in a table with no plan
    column it is a difference of two actuals, and its row is no indicator's (NO_INDICATOR)."""
    start = NUMBERING_RE.sub("", label).lstrip(" -–.:")
    falls, rises = words.falling_rows.search(start[:24]), words.rising_rows.search(start[:24])
    if (falls or rises) and not any(c.kind_hint == "plan" for c in table.columns):
        return NO_INDICATOR
    if falls and rises:
        return AS_WRITTEN
    if falls and falls.start() == 0:
        return -1
    if rises and rises.start() == 0:
        return 1
    return 0


def _named_by_title(run: DocumentRun, table: Table, row: Row) -> LabelName | None:
    """"Tỷ lệ mắc/100.000 dân" under the title "Thống kê số liệu ngộ độc thực phẩm …": a row
    whose label names a measure and its unit but no indicator takes the indicator the title
    names, when that indicator is stated in the label's unit."""
    unit = unit_in_texts(run.vocab, [row.label])
    if unit is None or not table.title:
        return None
    for found in (label_name(run, table.title), _measure_of_title_subject(run, table, row)):
        if found is not None and any(i.unit == unit for i in found.indicators):
            return found
    return None


TITLE_SUBJECT_WORDS = 4  # words opening a yearbook table's title that may name its subject


def _measure_of_title_subject(run: DocumentRun, table: Table, row: Row) -> LabelName | None:
    """"Tỷ lệ tăng - Growth rate (%)" under the title "Dân số trung bình phân theo …": a
    block's label names a measure of the subject its table's title opens with; the two
    together name the indicator ("tỷ lệ tăng dân số")."""
    head = re.split(r"\s[-–]\s|\(", row.label)[0].strip()
    words = table.title.split()[:TITLE_SUBJECT_WORDS]
    for n in range(len(words), 0, -1):
        text = f"{head} {' '.join(words[:n])}"
        found = label_name(run, text)
        if found is not None and found.start < len(head) < found.end:
            return found
    return None


def in_shared_unit(run: DocumentRun, ind: Indicator, value: float, shared: str) -> str | None:
    """`shared` when a unitless value is implausible in its indicator's unit and plausible
    once read in the unit its table's other rows share (11,55 beside crude rates per
    1,000 is a natural increase of 11.55‰, not 11.55%)."""
    units = run.vocab.catalog.units
    have, other = units.get(ind.unit), units.get(shared)
    if ind.plausible is None or have is None or other is None or \
            have.dimension != other.dimension:
        return None
    lo, hi = ind.plausible
    converted = value * have.per / other.per
    if lo <= value <= hi or not lo <= converted <= hi:
        return None
    return shared


def _read_total_table(run: DocumentRun, table: TotalTable) -> None:
    """Each row's total, for the indicator its label names in the unit its unit cell gives;
    the year is the table title's, else the one-year document's, else not stated."""
    years = YEAR_IN_TEXT_RE.findall(table.title)
    if years:
        year = YearChoice(int(years[-1]), "table title")
    elif run.horizon is not None and run.doc.period_start == run.horizon:
        year = YearChoice(run.horizon, "one-year document")
    else:
        year = NOT_STATED
    kind = decide_kind(baseline=False, column_kind=None, reports_only=run.reports_only,
                       section=None, verb=None, year=year, past_before=run.past_before,
                       issued=run.issued)
    for row in table.rows:
        seg = Segment.from_lines("table_row", [(n, run.lines[n - 1]) for n in row.lines])
        statement = run.recorder.new_statement(seg)
        cell = row.cells[0].value if row.cells else None
        if row.role not in ("row", "total") or cell is None:
            continue  # a count, a district, or a figure left out
        found = label_name(run, row.label)
        if found is None:
            continue
        unit = "percent" if cell.percent else unit_in_texts(run.vocab, [row.unit_text])
        ind = run.chooser.choose(found.indicators, unit, None, table=True)
        if ind is None or names_another_subject(run, found, ind):
            continue
        run.recorder.emit(
            PairedValue(ind, kind.kind, year.year, cell.comparator, cell.value,
                        cell.value_high, unit or ind.unit, None, row.cells[0].line,
                        row.cells[0].text), statement,
            Basis(row.label, "alias", 100.0, kind.basis, year.basis))


def _years_before_the_plan(run: DocumentRun, table: TabTable) -> tuple[frozenset[int], bool]:
    """The years of the columns naming only a year before the plan's period, when no column
    is marked its starting point ("Thực hiện 2025"), and whether there are several."""
    columns = table.columns.values()
    if any(kind == "baseline" for kind, _y in columns):
        return frozenset(), False
    years = [y for kind, y in columns if kind == "year" and y < run.doc.period_start]
    return frozenset(years), len(years) > 1


def _read_tab_row(run: DocumentRun, table: TabTable, row: TabRow,
                  before: tuple[frozenset[int], bool]) -> None:
    """A numbered tab row: a statement, its non-numeric targets, and a value per cell in a
    typed column when its name holds an alias."""
    line_no, cells, raw_cells = row.line, row.cells, row.raw_cells
    columns = table.columns
    name = cells[table.name_column] if table.name_column < len(cells) else ""
    seg = Segment.from_lines("tab_row", [(line_no, blank_markup(" ".join(raw_cells)))])
    statement = run.recorder.new_statement(seg)
    # the value columns this row has cells in (a header may be far wider than a row)
    present = sorted(k for k in columns if k < len(cells)) if len(columns) <= len(cells) \
        else [k for k in range(len(cells)) if k in columns]
    # non-numeric targets stand in value cells ("Hạng I, đạt cấp chuyên sâu"), not names
    read_qualitative(run, seg, statement, run.doc.period_end,
                     text=" ; ".join(cells[k] for k in present))
    alias = next(run.vocab.alias_hits(run.vocab.key(name).key, run.chooser.skipped_names), None)
    if alias is None:
        return
    candidates = run.vocab.alias_targets[alias.group(1)]
    subgroup = _name_subgroup(run, name)
    unit_col = table.unit_column
    unit_cell = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
    row_unit = unit_in_texts(run.vocab, [unit_cell, name])
    values: list[PairedValue] = []
    for k in present:
        kind, year = columns[k]
        cell = parse_cell(cells[k]) if cells[k] else None
        if cell is None:
            continue
        unit = "percent" if cell.percent else row_unit
        ind = run.chooser.choose(candidates, unit, subgroup, table=True)
        if ind is None:
            continue
        if kind == "year":
            kind = _year_column_kind(year, before, run.doc.period_end)
        values.append(PairedValue(ind, kind, year, cell.comparator, cell.value,
                                  cell.value_high, unit or ind.unit, None, line_no,
                                  raw_cells[k].strip()))
    for value in values:
        run.recorder.emit(value, statement)


def _year_column_kind(year: int, before: tuple[frozenset[int], bool], period_end: int) -> str:
    """The kind of a plan table's column naming only its year: the plan's last year is its
    target, a year within the plan a milestone; one column of a year before the plan ("Năm
    2025" in a plan for 2026-2030, no column marked "Thực hiện") is its starting point,
    several are its past years."""
    if year >= period_end:
        return "target"
    years, several = before
    if year in years:
        return "actual" if several else "baseline"
    return "trajectory"


def _name_subgroup(run: DocumentRun, name: str) -> str | None:
    """The subgroup a row's name holds ("Tỷ lệ hộ nông thôn sử dụng nước sạch": rural)."""
    label = lite(nfc(name))
    return subgroup_in_phrase(run.vocab, label, 0, len(label))


def _trailing_values(cleaned: str, columns: int, end: int | None = None
                     ) -> tuple[list[re.Match[str]], list[tuple[re.Match[str], CellValue]]]:
    """The tokens of a PDF row up to `end` (its end by default), and the values they end
    with (at most one per column; a year token ends them)."""
    tokens = list(_TOKEN_RE.finditer(cleaned, 0, len(cleaned) if end is None else end))
    values: list[tuple[re.Match[str], CellValue]] = []
    k = len(tokens) - 1
    while k >= 0 and len(values) < columns and not _YEAR_TOKEN_RE.match(tokens[k].group(0)):
        cell = parse_cell(tokens[k].group(0))
        if cell is None and tokens[k].group(0) in _DASHES and values and k > 0:
            # "4 - 5": a range written with blanks is one cell, not "5" after a word
            cell = parse_cell(f"{tokens[k - 1].group(0)}-{values[-1][0].group(0)}")
            if cell is None or cell.value_high is None:
                break
            values[-1] = (tokens[k - 1], cell)
            k -= 2
            continue
        if cell is None:
            break
        values.append((tokens[k], cell))
        k -= 1
    values.reverse()
    return tokens, values


def _row_values(seg: Segment, cleaned: str
                ) -> tuple[list[re.Match[str]], list[tuple[re.Match[str], CellValue]]]:
    """A PDF row's tokens and values (_trailing_values): those ending the row, or, where its
    name wraps on past them ("1 Tuổi thọ trung bình tính từ Tuổi 68,5 … 70" / "lúc sinh"),
    those ending the line that ends with more of them."""
    columns = len(seg.columns or [])
    best = _trailing_values(cleaned, columns)
    if len(best[1]) < columns:
        for start, _line_no, text in seg.pieces[:-1]:
            found = _trailing_values(cleaned, columns, start + len(text))
            if len(found[1]) > len(best[1]):
                best = found
    return best


def read_pdf_row_columns(run: DocumentRun, seg: Segment, cleaned: str) -> bool:
    """A PDF row under a header naming two years or more: its trailing values fill the last
    columns (blank cells collapse in PDF text). False when it holds no such values."""
    columns = seg.columns or []
    tokens, values = _row_values(seg, cleaned)
    if not values:
        return False
    name_end = values[0][0].start()
    first = tokens.index(values[0][0])
    unit_token = lite(cleaned[tokens[first - 1].start():name_end]) if first > 0 else ""
    # a name wrapped past the line of its values goes on after them, its unit cell left out
    rest = cleaned[values[-1][0].end():]
    name = cleaned[:tokens[first - 1].start() if rest.strip() and first > 0 and unit_in_texts(
        run.vocab, [unit_token]) else name_end] + rest
    statement = run.recorder.new_statement(seg)
    alias_m = next(run.vocab.alias_hits(run.vocab.key(name).key, run.chooser.skipped_names), None)
    if alias_m is None:
        return True
    if 1 < len(values) < len(columns):
        # "% 9,7 >15 >15" under seven columns: the blank cells collapsed, and which columns
        # its values fill is not told; its name is kept for review, no column is guessed (a
        # lone value is the row's last column: a plan's final target, "67" under 2025)
        statement.indicator_text = " ".join(name.split())[:PHRASE_MAX] or None
        return True
    targets = run.vocab.alias_targets[alias_m.group(1)]
    row_unit = unit_in_texts(run.vocab, [unit_token, name])
    subgroup = _name_subgroup(run, name)
    for (tok, cell), (kind, year) in zip(values, columns[len(columns) - len(values):],
                                         strict=True):
        unit = "percent" if cell.percent else row_unit
        ind = run.chooser.choose(targets, unit, subgroup, table=True)
        if ind is None:
            continue
        line_no, _line_text, _col = seg.locate(tok.start())
        run.recorder.emit(PairedValue(ind, kind, year, cell.comparator, cell.value,
                                      cell.value_high, unit or ind.unit, None, line_no,
                                      tok.group(0)), statement)
    return True
