"""Print layout of briefs: A4, page numbers in the bottom margin, and a compact brief."""

from __future__ import annotations

import os
from pathlib import Path

import pdfplumber
import pytest

from vnhealth.render.run import CSS, find_chromium, print_pdf


def test_print_css_sets_a4_page_numbers_and_keeps_headings_with_text() -> None:
    assert "size: A4" in CSS
    assert "@bottom-center" in CSS and "counter(page)" in CSS
    assert "break-after: avoid" in CSS  # no heading alone at the foot of a page
    assert "td.vnh-quote { display: none; }" in CSS  # printed sources: documents and lines


def test_printed_pages_are_a4_and_numbered(tmp_path: Path) -> None:
    chromium = find_chromium()
    if not chromium:  # as the browser tests: a failure on CI, where make test installs it
        message = "headless Chromium is missing: `make browser-deps` installs it"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
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
