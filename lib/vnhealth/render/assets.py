"""What every page of the site shares: the stylesheet, plotly.js (one copy in
``reports/assets/``) and atomic writes. The lowest module of the render layer: the
renderer, the site pages and the explorer all import it, it imports none of them."""

from __future__ import annotations

import os
import threading
from pathlib import Path

ASSET = "assets/plotly.min.js"

CSS = """
:root { --ink:#1b1b1b; --muted:#5f6368; --rule:#dadce0; --better:#2166ac; --worse:#b35806; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); margin: 0; line-height: 1.45; font-size: 15px; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
body.brief main { max-width: 780px; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.1em; } h2 { font-size: 1.25em; margin-top: 1.6em;
  border-bottom: 1px solid var(--rule); padding-bottom: 4px; } h3 { font-size: 1.05em; }
.vnh-meta, footer { color: var(--muted); font-size: 0.85em; }
.anchor-link { display: none; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.88em; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid #9aa0a6; background: #f8f9fa; }
td.vnh-value, td.vnh-national { white-space: nowrap; text-align: right; position: relative; }
td.vnh-better { color: var(--better); font-weight: 600; }
td.vnh-worse { color: var(--worse); font-weight: 600; }
td.vnh-interp { font-style: italic; }
td.vnh-missing { color: #6e7378; text-align: center; }
td.vnh-quote { font-size: 0.92em; color: #333; max-width: 640px; }
table.vnh-compact { font-size: 0.75em; } table.vnh-compact td { padding: 2px 6px; }
body.brief h1 { font-size: 1.4em; } body.brief h2 { margin-top: 1em; }
sup.vnh-ref { font-size: 0.7em; margin-left: 2px; }
sup.vnh-ref a { color: var(--muted); text-decoration: none; }
ul.vnh-findings li { margin: 0.35em 0; }
.vnh-note { background: #fff8e1; border-left: 4px solid #f9a825; padding: 6px 10px; }
/* A chart in a figure: the chart (drawn at the width its spec is laid out for, or the phone's
   layout below it), what it finds in words, a link to the table of its numbers. */
figure.vnh-figure { margin: 0.5em 0 1.2em; }
.vnh-chart { max-width: 100%; }
figure.vnh-figure figcaption { font-size: 0.88em; color: #333; margin: 0.35em 0 0;
  max-width: 60em; }
a.vnh-table-link { white-space: nowrap; }
td.vnh-doc-notes { display: none; }
/* Text for assistive technology only (a verdict's words beside its symbol), held in its
   cell (position: relative), which a page wider than a phone would otherwise become. */
.vnh-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
table caption { caption-side: top; text-align: left; font-size: 0.88em; color: var(--muted);
  padding: 0 0 4px; }
.jp-OutputArea-output pre, pre { white-space: pre-wrap; font-size: 0.85em; }
div.jp-RenderedHTMLCommon table.dataframe, table.dataframe { font-size: 0.85em; }
.jp-OutputPrompt, .jp-InputPrompt { display: none; }
.vnh-cover { margin-bottom: 0.4em; } .vnh-cover p { margin: 0.15em 0; }
.vnh-issuer { font-weight: 600; } .vnh-audience { font-style: italic; }
ul.vnh-missing { color: #333; font-size: 0.92em; } ul.vnh-missing li { margin: 0.2em 0; }
.vnh-method { font-size: 0.85em; color: #333; } .vnh-method h3 { font-size: 1.05em; }
body.brief footer { font-size: 0.75em; }
.modebar-container { display: none; }
body.site .vnh-chart:hover .modebar-container { display: block; }
/* The way back to the index (every report, site or brief). */
.vnh-nav { max-width: 1180px; margin: 0 auto; padding: 10px 28px 0; font-size: 0.88em; }
body.brief .vnh-nav { max-width: 780px; }
a { color: #1a5a96; } a:focus-visible { outline: 2px solid #1a5a96; outline-offset: 2px; }
/* A wide table scrolls sideways in its own box instead of widening the page on a phone. */
.vnh-scroll { max-width: 100%; overflow-x: auto; }
.vnh-scroll:focus-visible { outline: 2px solid #1a5a96; outline-offset: 2px; }
/* Verdicts are not told by colour alone: a symbol after the value, a key before the table,
   and words for screen readers (in the cell, visually hidden: the symbol itself is not read). */
.vnh-legend { font-size: 0.82em; color: var(--muted); margin: 0.5em 0 0.2em; }
.vnh-mark { font-weight: 700; color: var(--ink); }
td.vnh-value.vnh-better::after, td.vnh-value.vnh-level::after,
td.vnh-value.vnh-worse::after { font-weight: 700; color: var(--ink); }
td.vnh-value.vnh-better::after { content: "\\a0✓" / ""; }
td.vnh-value.vnh-level::after { content: "\\a0=" / ""; }
td.vnh-value.vnh-worse::after { content: "\\a0✗" / ""; }
/* plotly.js did not load (a site report copied without the assets folder). */
.vnh-no-plotly { max-width: 1124px; margin: 10px auto 0; }
.vnh-no-plotly p { margin: 0.3em 0; }
.vnh-chart-missing { border: 1px dashed #9aa0a6; padding: 12px; margin: 0; color: #333; }
/* A phone (390 px): narrower margins, smaller headings, long words broken. */
@media screen and (max-width: 600px) {
  body { font-size: 14px; overflow-wrap: anywhere; }
  main { padding: 12px 12px 32px; } .vnh-nav { padding: 8px 12px 0; }
  h1 { font-size: 1.3em; } h2 { font-size: 1.12em; } ul, ol { padding-left: 1.4em; }
  .vnh-scroll table { overflow-wrap: normal; }
  .vnh-scroll th[scope="row"], .vnh-scroll td:first-child { min-width: 8em; }
  td.vnh-quote { min-width: 16em; }
}
/* Print (briefs are printed to PDF by Chromium): A4, the page number in the bottom margin
   (a CSS margin box, Chromium 131+), headings kept with what follows, and a compact brief:
   smaller type; charts drawn at the page's width in paper type (report.style.BRIEF_WIDTH:
   no chart text under 6.75 pt), not scaled; what a chart finds is said by the findings (its
   caption is not printed again); sources in two columns of small type, each document once
   with the lines cited from it ("[1] dòng 39; [2] dòng 153"; the notes and their quotes stay
   in the HTML). Two provinces and five indicators fit on two pages (tests/render/test_print.py). */
@page { size: A4; margin: 9mm 11mm 11mm;
  @bottom-center { content: counter(page) " / " counter(pages); color: #5f6368;
    font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
    font-size: 8pt; } }
@media print { main { padding: 0; max-width: none; } h1, h2, h3 { break-after: avoid; }
  .vnh-nav, .vnh-no-plotly, .vnh-chart-missing, a.vnh-table-link { display: none; }
  .vnh-scroll { overflow: visible; }
  figure.vnh-figure, .vnh-chart, table, tr, li { break-inside: avoid; } a { color: inherit; }
  p, li { orphans: 2; widows: 2; }
  body.brief { font-size: 11px; line-height: 1.25; }
  body.brief main { max-width: none; }
  body.brief h1 { font-size: 1.45em; }
  body.brief h2 { font-size: 1.15em; margin: 0.5em 0 0.25em; padding-bottom: 2px; }
  body.brief h3 { margin: 0.5em 0 0.2em; }
  body.brief p { margin: 0.3em 0; } body.brief .vnh-cover p { margin: 0.1em 0; }
  body.brief ul { margin: 0.2em 0; padding-left: 1.3em; } body.brief li { margin: 0.05em 0; }
  body.brief ul.vnh-findings li, body.brief ul.vnh-missing li { margin: 0.1em 0; }
  body.brief figure.vnh-figure { margin: 0.3em 0 0.4em; }
  body.brief figure.vnh-figure figcaption, body.brief table caption { display: none; }
  body.brief .vnh-legend { margin: 0.2em 0 0; }
  body.brief table { margin: 0.3em 0 0.5em; } body.brief table.vnh-comparison { font-size: 0.9em; }
  body.brief .vnh-method { font-size: 0.8em; line-height: 1.2; }
  body.brief .vnh-method p { margin: 0.2em 0; }
  body.brief table.vnh-sources { display: none; }
  body.brief table.vnh-source-docs { display: block; columns: 2; column-gap: 6mm;
    font-size: 0.75em; line-height: 1.2; break-inside: auto; margin: 0.2em 0; }
  body.brief table.vnh-source-docs thead { display: none; }
  body.brief table.vnh-source-docs tbody { display: block; }
  body.brief table.vnh-source-docs tr { display: block; padding: 0 0 3px; break-inside: avoid; }
  body.brief table.vnh-source-docs td { display: inline; border: 0; padding: 0; }
  body.brief table.vnh-source-docs td:nth-child(1) { font-weight: 600; }
  body.brief table.vnh-source-docs td:nth-child(2)::before,
  body.brief table.vnh-source-docs td:nth-child(4)::before { content: " · "; }
  body.brief table.vnh-source-docs td:nth-child(3)::before { content: " — "; }
  body.brief table.vnh-source-docs td:nth-child(3) .vnh-meta,
  body.brief table.vnh-source-docs td:nth-child(3) br,
  body.brief table.vnh-source-docs td:has(> .vnh-none) { display: none; }
  body.brief table.vnh-source-docs td.vnh-doc-notes { display: inline; }
  body.brief table.vnh-source-docs td.vnh-doc-notes::before { content: " — "; }
  body.brief sup.vnh-ref { font-size: 8.5px; }
  body.brief footer main { padding: 0; } }
"""


_PLOTLYJS: dict[str, str] = {}


def plotly_js() -> str:
    """plotly.js from the installed plotly package (read once per process)."""
    if "js" not in _PLOTLYJS:
        from plotly.offline import get_plotlyjs

        _PLOTLYJS["js"] = get_plotlyjs()
    return _PLOTLYJS["js"]


def ensure_asset(reports_dir: Path) -> Path:
    """Write ``reports/assets/plotly.min.js`` unless an identical copy is there."""
    target = reports_dir / ASSET
    data = plotly_js().encode("utf-8")
    if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return target
    atomic_write(target, data)
    return target


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` through a temporary file, so a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
