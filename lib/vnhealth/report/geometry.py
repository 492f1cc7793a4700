"""Room for text on a chart, in pixels: how wide and tall a label is, where plotly.js puts it
next to its marker, axis ranges that leave each label its room, and panels stacked so that
every panel keeps a readable height whatever their number.

plotly.js places a point's text a fixed number of pixels from its marker and clips it at the
plot area, and it knows nothing of the other labels; a chart that wants no label cut off and
none running into another must lay them out before plotly draws them. The sizes are estimates
from the font size and the number of characters (no font is measured in a report kernel), on
the generous side: a character counts as 0.62 of the font size, the width of a digit in DejaVu
Sans and Noto Sans, wider than most letters.
"""

# Without `from __future__ import annotations`: NamedTuple would compile each postponed
# annotation when the module is imported, and report kernels are timed.

import re
from collections.abc import Sequence
from typing import NamedTuple

CHAR_WIDTH = 0.62  # of the font size
LINE_HEIGHT = 1.3  # of the font size: plotly.js's line spacing for multi-line text
# Charts without a fixed width fill their container; labels are laid out for this width, and a
# wider page only spreads them further apart. Below it a page draws the phone's layout, laid out
# for NARROW_WIDTH (a 360 px phone less the page's margins).
MIN_WIDTH = 680
NARROW_WIDTH = 330

_TAG = re.compile(r"<[^>]+>")


def text_lines(text: str) -> list[str]:
    """The lines of a plotly text (``<br>`` breaks lines; other tags take no room)."""
    return [_TAG.sub("", part) for part in re.split(r"<br\s*/?>", text or "")]


def text_width(text: str, size: float) -> float:
    """The estimated width in pixels of ``text`` in a font of ``size`` pixels (its longest
    line).

    >>> text_width("≥ 95", 10), text_width("a<br>bcd", 10)
    (24.8, 18.6)
    """
    return round(max((len(line) for line in text_lines(text)), default=0) * size * CHAR_WIDTH,
                 6)


def text_height(text: str, size: float) -> float:
    """The estimated height in pixels of ``text`` (each line ``LINE_HEIGHT`` × ``size``)."""
    return len(text_lines(text)) * size * LINE_HEIGHT


def marker_gap(size: float) -> float:
    """How far plotly.js puts a point's text from the point's centre, in pixels, for a marker
    of ``size`` (its ``textPointPosition``: radius / 0.8 + 1)."""
    return size / 2 / 0.8 + 1 if size else 0.0


def fit_span(points: Sequence[tuple[float, float, float]], length: float, *,
             min_span: float) -> tuple[float, float]:
    """An axis range ``(low, high)`` that leaves each point the room its mark and label need.

    ``points``: ``(value, before, after)``: the pixels needed below (left of) and above (right
    of) the value; ``length``: the axis's length in pixels. The span is the smallest at least
    ``min_span`` for which every value is at least ``before`` pixels from the low end and
    ``after`` pixels from the high end, centred in what is left.

    >>> fit_span([(70, 0, 40), (75.5, 0, 40)], 200, min_span=1)
    (70.0, 76.875)
    """
    fr = [(float(v), b / length, a / length) for v, b, a in points]
    span = float(min_span)
    for vi, before, _a in fr:
        for vj, _b, after in fr:
            if vj > vi:
                # a label wider than what the axis leaves still gets its room, at 10 %
                span = max(span, (vj - vi) / max(1 - after - before, 0.1))
    low = min(v - before * span for v, before, _a in fr)
    high = max(v + after * span for v, _b, after in fr)
    extra = span - (high - low)
    if extra > 0:
        low, high = low - extra / 2, high + extra / 2
    return round(low, 6), round(high, 6)


class Stack(NamedTuple):
    """Panels stacked in one column: the figure's height and the margins and the spacing (a
    share of the plot height, as ``make_subplots`` takes it) that give each panel ``panel``
    pixels and each gap ``gap`` pixels."""

    height: int
    top: int
    bottom: int
    spacing: float
    panel: int


def stack(n: int, panel: int, gap: int, top: int, bottom: int) -> Stack:
    """``n`` panels of ``panel`` pixels with ``gap`` pixels between them (room for the tick
    labels of one and the title of the next), under ``top`` and over ``bottom`` pixels of
    margin.

    >>> stack(3, 100, 50, 80, 40)
    Stack(height=520, top=80, bottom=40, spacing=0.125, panel=100)
    """
    plot = n * panel + (n - 1) * gap
    return Stack(top + plot + bottom, top, bottom, round(gap / plot, 12) if n > 1 else 0.0,
                 panel)


class Sizes(NamedTuple):
    """A chart's type and marks, in CSS pixels (a printed pixel is 0.75 pt): the chart's title
    and subtitle, panel titles, the text of ticks, values and notes, the base font (legend,
    heatmap cells), the least pixels per row, a value's marker and a line of the legend."""

    title: float
    subtitle: float
    panel: float
    text: float
    font: float
    row: int
    marker: int
    legend_row: int


# On a screen.
SCREEN = Sizes(title=15, subtitle=11, panel=11, text=10, font=12, row=22, marker=11,
               legend_row=24)
# On paper, where the chart is drawn at the page's width, unzoomed: no text under 9 px (6.75 pt),
# rows and marks tighter than on a screen, read at arm's length.
PAGE = Sizes(title=12, subtitle=9, panel=9.5, text=9, font=9, row=15, marker=9, legend_row=16)


class Frame(NamedTuple):
    """What a chart is laid out for: ``width`` pixels, exactly (``fixed``: a printed page, the
    brief's charts) or at least (a screen: the chart fills its container); its type and marks;
    ``narrow``: a phone's layout (one column of panels)."""

    width: int
    fixed: bool
    sizes: Sizes
    narrow: bool = False


PHONE = Frame(NARROW_WIDTH, False, SCREEN, narrow=True)


def frame_for(width: int | None) -> Frame:
    """The frame of a chart asked for at ``width``: a fixed width is a printed page's (paper
    type, :data:`PAGE`); none is a screen's, at least :data:`MIN_WIDTH` wide.

    >>> frame_for(None).width, frame_for(708).sizes.text
    (680, 9)
    """
    return Frame(width, True, PAGE) if width else Frame(MIN_WIDTH, False, SCREEN)


def wrap_chars(width: float, size: float) -> int:
    """How many characters of a ``size``-pixel font fit on a line ``width`` pixels long."""
    return max(int(width / (size * CHAR_WIDTH)), 8)
