"""Print layout of briefs: A4, page numbers in the bottom margin, and a compact brief: the
scheduled brief (two provinces, five indicators) on two pages, its chart text readable."""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest

from vnhealth.render.run import CSS, find_chromium, load_manifest, print_pdf, render_runs

REPO = Path(__file__).resolve().parents[2]
# The scheduled brief of reports/reports.yaml: two provinces, five indicators.
SCHEDULED = ("brief_north_2030", "brief_north_2030_en")


def test_print_css_sets_a4_page_numbers_and_keeps_headings_with_text() -> None:
    assert "size: A4" in CSS
    assert "@bottom-center" in CSS and "counter(page)" in CSS
    assert "break-after: avoid" in CSS  # no heading alone at the foot of a page
    # printed sources: the documents, each with its lines (the notes and quotes stay in the HTML)
    assert "body.brief table.vnh-sources { display: none; }" in CSS
    assert "body.brief table.vnh-source-docs td.vnh-doc-notes { display: inline; }" in CSS
    assert "zoom:" not in CSS  # charts are drawn for the page, not shrunk onto it


def _chromium() -> str:
    chromium = find_chromium()
    if not chromium:  # as the browser tests: a failure on CI, where make test installs it
        message = "headless Chromium is missing: `make browser-deps` installs it"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    return str(chromium)


def test_printed_pages_are_a4_and_numbered(tmp_path: Path) -> None:
    chromium = _chromium()
    paras = "".join(f"<p>Đoạn {k}: tuổi thọ trung bình.</p>" for k in range(120))
    page = tmp_path / "brief.html"
    page.write_text(f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
                    f"<style>{CSS}</style></head><body class=\"brief\"><main><h1>Bản tin"
                    f"</h1>{paras}</main></body></html>", encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    print_pdf(chromium, page, pdf)
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
        # A4 is 595 × 842 points
        assert all(abs(p.width - 595) < 2 and abs(p.height - 842) < 2 for p in doc.pages)
        texts = ["".join((p.extract_text() or "").split()) for p in doc.pages]
    assert pages >= 2
    assert f"1/{pages}" in texts[0] and f"{pages}/{pages}" in texts[-1]


@pytest.fixture(scope="module")
def scheduled(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path) -> Path:
    """The scheduled brief of reports/reports.yaml, in Vietnamese and English, rendered and
    printed as `vnhealth render` does."""
    _chromium()
    runs = [r for r in load_manifest(REPO / "reports" / "reports.yaml") if r.name in SCHEDULED]
    assert len(runs) == 2
    reports = tmp_path_factory.mktemp("scheduled_briefs")
    messages: list[str] = []
    summary = render_runs(runs, reports_dir=reports, warehouse=warehouse_path, jobs=2,
                          progress=False, say=messages.append)
    assert summary.exit_code == 0, messages
    return reports / "policy_brief"


@pytest.mark.parametrize("name", SCHEDULED)
def test_scheduled_brief_prints_on_two_pages(scheduled: Path, name: str) -> None:
    """Two provinces with five indicators fit on two A4 pages (taller level charts and the
    sources listed as documents then notes had made three), numbered, the second not a few
    lines of leftovers."""
    with pdfplumber.open(scheduled / f"{name}.pdf") as doc:
        assert len(doc.pages) == 2
        texts = ["".join((p.extract_text() or "").split()) for p in doc.pages]
        second = [c for c in doc.pages[1].chars if c["bottom"] < doc.pages[1].height - 31]
        assert max(c["bottom"] for c in second) > doc.pages[1].height / 2
    assert "1/2" in texts[0] and "2/2" in texts[1]


@pytest.mark.parametrize("name", SCHEDULED)
def test_scheduled_brief_chart_text_is_readable_on_paper(scheduled: Path, name: str) -> None:
    """The charts were zoomed to 0.57: their labels printed at 4.3 pt. Drawn for the page
    now, no text on paper is under 6 pt, the charts' included (plotly's SVG text is vector
    text in the PDF: its titles, row names and value labels are found with their sizes)."""
    vi = not name.endswith("_en")
    chart_words = (["Chênh", "lệch", "Tốc", "độ", "Lai", "Châu", "Sơn", "La"] if vi
                   else ["Gap", "Required", "yearly", "pace", "Lai", "Chau", "Son", "La"])
    with pdfplumber.open(scheduled / f"{name}.pdf") as doc:
        sizes = [c["size"] for p in doc.pages for c in p.chars]
        words = [w for p in doc.pages for w in p.extract_words(extra_attrs=["size"])]
    assert min(sizes) >= 6.0, min(sizes)
    # the chart text is there, as text: the row names in the charts' type (9 px, 6.75 pt)
    chart_sized = {w["text"] for w in words if 6.0 <= w["size"] < 7.0}
    assert {"Lai", "Sơn" if vi else "Son", "La"} <= chart_sized
    assert set(chart_words) <= {w["text"] for w in words}
