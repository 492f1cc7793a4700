"""The reports' look: colours, font and the printed brief's chart width."""

from __future__ import annotations

import hashlib

# A4 portrait at 96 dpi is 794 px wide; the print margins (11 mm each side, render/assets.py)
# leave 710 px. Briefs draw charts at this fixed width, in paper type (geometry.PAGE), printed
# unzoomed, so that the PDF and the e-mailed HTML look the same; a phone draws its own layout.
BRIEF_WIDTH = 708

# Province colours: a palette without red, green, orange or the "better" blue (those mean worse
# or better here), told apart by hue and lightness (colour-vision deficiency), dealt by a stable
# hash of the province id (:func:`province_colour`): adding a province never recolours another.
# The provinces with plans get distinct colours (tests/report/test_report_truth.py checks it).
PROVINCE_COLOURS = ["#6F4E7C", "#332288", "#999933", "#AA4499", "#CC79A7", "#88CCEE", "#44546A",
                    "#C9B458"]
# Direction colours: blue = better than national, orange = worse.
BETTER, WORSE = "#2166ac", "#d95f02"
# Coverage: a target for another year only (light orange), a change without a baseline (light
# blue: the province aims at something, but it cannot be compared).
OTHER_YEAR, RELATIVE_ONLY = "#fdd0a2", "#c6dbef"
DIVERGING = [[0.0, "#b35806"], [0.25, "#f1a340"], [0.5, "#f7f7f7"], [0.75, "#67a9cf"],
             [1.0, "#2166ac"]]
FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"


def province_colour(province_id: str) -> str:
    """A province's colour from its id alone (BLAKE2 hash into :data:`PROVINCE_COLOURS`), so
    that it never depends on which other provinces the catalogue or a report lists.

    >>> province_colour("lai_chau"), province_colour("son_la")
    ('#AA4499', '#332288')
    """
    digest = hashlib.blake2b(province_id.encode("utf-8"), digest_size=4).digest()
    return PROVINCE_COLOURS[int.from_bytes(digest, "big") % len(PROVINCE_COLOURS)]
