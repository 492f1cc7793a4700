"""Patterns of single lines shared by the document walk and the table shapes."""

from __future__ import annotations

import re

# A list marker or heading number opening a line: "- ", "(1) ", "2.1. ", "a) ", "II.", "## ".
# a list marker; one written without its blank ("-Mức giảm …", "2.Các chỉ tiêu") only before
# a capital letter (not "-0,5", "2.5%"); a news page's links to related items open with ">>"
BULLET_RE = re.compile(r"^\s*(?:[-+•*–]\s|\(\d+\)\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s"
                       r"|[IVX]+[.\-]\s?|#+\s|\*\*|>>\s?|»\s?"
                       r"|[-+•–](?=[A-ZÀ-ỸĐ])|\d{1,2}(?:\.\d{1,2})*\.(?=[A-ZÀ-ỸĐ]))")
HEADING_RE = re.compile(r"^\s*(?:#+\s*)?(?:\*+\s*)?(?:[IVX]+[.\-]|\d+(?:\.\d+)*\.|[a-zđ]\))\s*\S")
YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# the lower-case letters of Vietnamese (the range à-ỹ holds capitals too: "Ụ", "Đ", "Ư")
_LOWER_LETTERS = "".join(chr(c) for c in range(0xE0, 0x1EFA) if chr(c).islower())
# a short line in capitals is a title
CAPS_TITLE_RE = re.compile(rf"^[^a-z{_LOWER_LETTERS}]{{8,100}}$")


def strip_marker(text: str) -> str:
    """The text without the list marker or heading number it opens with."""
    m = BULLET_RE.match(text)
    return text[m.end():] if m else text
