"""Cells of a table row run together by a web page's text (shapes/glued.py)."""

from __future__ import annotations

from vnhealth.extract.shapes.glued import glued_cells, split_number_run


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in glued_cells(text)]


def test_cells_end_at_separators_and_where_a_word_meets_a_number_or_a_capital() -> None:
    assert _texts(" Viet NamDa NangQuang Nam") == ["Viet Nam", "Da Nang", "Quang Nam"]
    assert _texts("1Lai ChâuTrung du và miền núi phía Bắc24,7") == [
        "1", "Lai Châu", "Trung du và miền núi phía Bắc", "24,7"]
    # capitals, then a capital opening a word: "TT" | "Tỉnh"
    assert _texts("TTTỉnh, thành phốVùngTỷ suất sinh") == [
        "TT", "Tỉnh, thành phố", "Vùng", "Tỷ suất sinh"]
    assert _texts("Chỉ tiêu\t2020  |  2025") == ["Chỉ tiêu", "2020", "2025"]


def test_numbers_run_together_are_split_by_their_count_and_shared_decimals() -> None:
    def split(run: str, count: int) -> list[str] | None:
        spans = split_number_run(run, count)
        return None if spans is None else [run[a:b] for a, b in spans]

    assert split("14.915.215.2", 3) == ["14.9", "15.2", "15.2"]
    assert split("2.041.812.26", 3) == ["2.04", "1.81", "2.26"]
    assert split("24,7", 1) == ["24,7"]
    # whole numbers, or too few or too many numbers for the columns, cannot be told apart
    assert split("283828141", 3) is None
    assert split("14.915.2", 3) is None
    assert split("14.915.215.2", 2) is None
