"""The site around the reports: ``reports/index.html`` (the front page), ``method.html`` and
``data-dictionary.html``.

* **The front page** lists the reports found under ``reports/`` by their sidecars, not as a run
  log: titles in words (the report's own heading), scheduled reports (the manifest's runs)
  grouped by report type and topic (the domain, or the domains of the chosen indicators), each
  with its language, PDF, the data build it was made from (marked when it is not the current
  warehouse's build) and a failed last attempt; then ad-hoc reports (``vnhealth render
  NOTEBOOK -p …``) and runs that failed without a report. Links to the indicator explorer, the
  method page and the data dictionary. Every label is in Vietnamese and English.
* **Retention** — ad-hoc and failed runs do not pile up: each time the index is written, only
  the :data:`ADHOC_KEEP` newest ad-hoc reports (HTML, PDF, sidecar) and the :data:`FAILED_KEEP`
  newest failure records of ad-hoc runs (executed notebook, record) are kept. A scheduled run's
  failure record stays until the run next succeeds (the manifest bounds them).
* **Method and data dictionary** — ``docs/method.md`` (a Vietnamese and an English part) and
  ``docs/data-dictionary.md`` (kept by ``vnhealth dictionary``) rendered with mistune (installed
  with nbconvert), raw HTML in the Markdown escaped, written only when their text changed.

Pages come from Jinja2 templates in ``templates/`` (``site_*.html``) with autoescaping on.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from vnhealth.render.assets import atomic_write

__all__ = ["ADHOC_KEEP", "FAILED_KEEP", "PAGES", "Entry", "Lookup", "collect", "lookup",
           "markdown_html", "prune", "template", "write_index", "write_pages"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX = "index.html"
EXPLORER = "explorer.html"
# The site pages and the Markdown in docs/ each is written from.
PAGES = {"method.html": "method.md", "data-dictionary.html": "data-dictionary.md"}
FAILED_DIR = "_failed"
ADHOC_KEEP = 20
FAILED_KEEP = 10
# Report types in the order the index shows them; a notebook not listed comes after, by name.
REPORT_TYPES: dict[str, tuple[str, str]] = {
    "policy_brief": ("Bản tin chính sách", "Policy briefs"),
    "province_comparison": ("So sánh giữa các tỉnh", "Province comparisons"),
    "indicator_gaps": ("Khoảng trống chỉ tiêu", "Indicator gaps"),
    "province_profile": ("Hồ sơ tỉnh", "Province profiles"),
    "explore": ("Khám phá bằng SQL", "SQL exploration"),
}
ALL_DOMAINS = ("Mọi lĩnh vực", "All domains")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


@functools.cache
def _environment() -> Any:
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              keep_trailing_newline=True, undefined=jinja2.StrictUndefined)


def template(name: str) -> Any:
    """A template of ``templates/`` (autoescaped; an undefined name is an error)."""
    return _environment().get_template(name)


def _css() -> Any:
    from markupsafe import Markup

    from vnhealth.render.assets import CSS

    return Markup(CSS + (TEMPLATES / "site.css").read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# what the index shows
# ---------------------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class Lookup:
    """What the index reads from the current warehouse: its build, and names for parameters."""

    build_hash: str = ""
    provinces: Mapping[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    domains: Mapping[str, str] = dataclasses.field(default_factory=dict)  # indicator → domain


def lookup(warehouse: str | Path | None = None) -> Lookup:
    """The :class:`Lookup` of a warehouse (read-only, cached per file version)."""
    from vnhealth.report.params import choices

    ch = choices(warehouse)
    names = {p: (str(row.get("name_vi") or p), str(row.get("name_en") or row.get("name_vi") or p))
             for p, row in ch.all_provinces.items()}
    return Lookup(ch.build_hash, names, dict(ch.indicator_domain))


@dataclasses.dataclass
class Entry:
    """One run as the index shows it: its last good report (``html`` set) and/or the record of
    its last failed attempt (``failure``)."""

    notebook: str
    run: str
    origin: str  # manifest or adhoc
    parameters: dict[str, Any]
    title: str = ""
    lang: str = "en"
    build_hash: str = ""
    rendered_at: str = ""
    html: str | None = None  # file name beside the sidecar
    pdf: str | None = None
    failure: dict[str, Any] | None = None

    @property
    def key(self) -> str:
        """``<notebook>/<run>``."""
        return f"{self.notebook}/{self.run}"

    @property
    def when(self) -> str:
        """The newest of its render and failure times (ISO 8601, comparable as text)."""
        failed = str((self.failure or {}).get("failed_at") or "")
        return max(self.rendered_at, failed)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _plain(name: Any) -> str | None:
    """A file name from a sidecar, only if it names a file beside it (never a path)."""
    return name if isinstance(name, str) and name and Path(name).name == name else None


def _origin(data: Mapping[str, Any]) -> str:
    # Sidecars written before runs recorded their origin: ad-hoc runs are named adhoc-<hash>.
    origin = data.get("origin")
    if origin in ("manifest", "adhoc"):
        return str(origin)
    return "adhoc" if str(data.get("run", "")).startswith("adhoc-") else "manifest"


def _html_title(path: Path) -> str:
    """The <title> of a report written before sidecars kept it (it is near the start)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(65536)
    except OSError:
        return ""
    m = re.search(r"<title>(.*?)</title>", head, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def collect(reports_dir: str | Path) -> list[Entry]:
    """Every run found under ``reports_dir``: sidecars ``<notebook>/<run>.json`` and failure
    records ``_failed/<notebook>/<run>.json``."""
    reports_dir = Path(reports_dir)
    entries: dict[str, Entry] = {}
    for meta in sorted(reports_dir.glob("*/*.json")):
        data = _read_json(meta)
        if meta.parent.name in (FAILED_DIR, "assets") or not data or "run" not in data:
            continue
        page = _plain(data.get("html"))
        entry = Entry(meta.parent.name, str(data["run"]), _origin(data),
                      dict(data.get("parameters") or {}), str(data.get("title") or ""),
                      str(data.get("lang") or (data.get("parameters") or {}).get("language")
                          or "en"), str(data.get("build_hash") or ""),
                      str(data.get("rendered_at") or ""), page, _plain(data.get("pdf")))
        if page and not entry.title:
            entry.title = _html_title(meta.parent / page)
        entries[entry.key] = entry
    for meta in sorted((reports_dir / FAILED_DIR).glob("*/*.json")):
        data = _read_json(meta)
        if not data or "run" not in data:
            continue
        key = f"{meta.parent.name}/{data['run']}"
        if key not in entries:
            params = dict(data.get("parameters") or {})
            entries[key] = Entry(meta.parent.name, str(data["run"]), _origin(data), params,
                                 lang=str(params.get("language") or "en"))
        entries[key].failure = data
    return list(entries.values())


def _unlink(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def prune(reports_dir: str | Path, entries: Sequence[Entry]) -> list[Entry]:
    """Apply the retention rule (see the module's docstring); the entries that remain."""
    reports_dir = Path(reports_dir)
    adhoc = sorted((e for e in entries if e.origin == "adhoc" and e.html),
                   key=lambda e: e.rendered_at, reverse=True)
    for e in adhoc[ADHOC_KEEP:]:
        folder = reports_dir / e.notebook
        _unlink(*(folder / name for name in (e.html, e.pdf) if name),
                folder / f"{e.run}.json")
        e.html = e.pdf = None
    failed = sorted((e for e in entries if e.origin == "adhoc" and e.failure),
                    key=lambda e: str(e.failure.get("failed_at") or "") if e.failure else "",
                    reverse=True)
    for e in failed[FAILED_KEEP:]:
        folder = reports_dir / FAILED_DIR / e.notebook
        _unlink(folder / f"{e.run}.json", folder / f"{e.run}.ipynb")
        e.failure = None
    return [e for e in entries if e.html or e.failure]


# ---------------------------------------------------------------------------------------------
# the index
# ---------------------------------------------------------------------------------------------
def _domains_of(parameters: Mapping[str, Any], look: Lookup) -> tuple[str, ...]:
    """The topic of a run: its domain, or the domains of its indicators; () for all."""
    domain = parameters.get("domain")
    if isinstance(domain, str) and domain:
        return (domain,)
    indicators = parameters.get("indicators") or []
    if isinstance(indicators, str):
        indicators = [i.strip() for i in indicators.split(",") if i.strip()]
    return tuple(sorted({look.domains.get(str(i), "") for i in indicators} - {""}))


def _topic_label(domains: Sequence[str]) -> tuple[str, str]:
    if not domains:
        return ALL_DOMAINS
    from vnhealth.report.labels import domain_label

    return (" + ".join(domain_label(d, "vi") for d in domains),
            " + ".join(domain_label(d, "en") for d in domains))


def _scope(e: Entry, look: Lookup) -> str:
    """Provinces and year in the report's language: ``Lai Châu, Sơn La · 2030``."""
    p = e.parameters
    ids = [p["province"]] if isinstance(p.get("province"), str) and p.get("province") else []
    given = p.get("provinces") or []
    ids += [given] if isinstance(given, str) else list(given)
    at = 0 if e.lang == "vi" else 1
    names = [look.provinces.get(str(i), (str(i), str(i)))[at] for i in ids]
    year = str(p["year"]) if p.get("year") not in (None, "") else ""
    return " · ".join(part for part in (", ".join(names), year) if part)


def _params_text(parameters: Mapping[str, Any]) -> str:
    def text(v: Any) -> str:
        return "[" + ", ".join(map(str, v)) + "]" if isinstance(v, (list, tuple)) else str(v)

    return ", ".join(f"{k}={text(v)}" for k, v in parameters.items() if k != "warehouse")


def _when(stamp: str) -> str:
    """``2026-12-02T06:44:59+00:00`` → ``2026-12-02 06:44`` (as the render recorded it)."""
    return stamp[:16].replace("T", " ") if stamp else ""


def _view(e: Entry, look: Lookup) -> dict[str, Any]:
    """What the templates show of one entry (all plain text: the templates escape it)."""
    failure = e.failure or {}
    message = str(failure.get("message") or "").strip().splitlines()
    executed = failure.get("failed_notebook")
    return {
        "key": e.key, "title": e.title or e.run, "lang": e.lang if e.lang in LANGUAGES else "en",
        "language": LANGUAGES.get(e.lang, e.lang), "type": _type_label(e.notebook),
        "href": f"{e.notebook}/{e.html}" if e.html else None,
        "pdf_href": f"{e.notebook}/{e.pdf}" if e.pdf and e.html else None,
        "scope": _scope(e, look), "build": e.build_hash[:12], "rendered": _when(e.rendered_at),
        "stale": bool(e.html and look.build_hash and e.build_hash != look.build_hash),
        "params": _params_text(e.parameters),
        "failed_at": _when(str(failure.get("failed_at") or "")) if e.failure else None,
        "failure": message[0] if message else "",
        "executed": executed if isinstance(executed, str) and executed else None,
    }


def _type_label(notebook: str) -> tuple[str, str]:
    return REPORT_TYPES.get(notebook, (notebook, notebook))


def _groups(entries: Iterable[Entry], look: Lookup) -> list[dict[str, Any]]:
    """Scheduled reports by report type (:data:`REPORT_TYPES` order), then by topic."""
    by_type: dict[str, dict[tuple[str, ...], list[Entry]]] = {}
    for e in entries:
        by_type.setdefault(e.notebook, {}).setdefault(_domains_of(e.parameters, look),
                                                      []).append(e)
    order = list(REPORT_TYPES)
    groups = []
    for notebook in sorted(by_type, key=lambda n: (order.index(n) if n in order else len(order),
                                                   n)):
        topics = [{"label": _topic_label(domains),
                   "entries": [_view(e, look) for e in sorted(
                       items, key=lambda e: (e.title.casefold(), e.lang != "vi", e.run))]}
                  for domains, items in by_type[notebook].items()]
        # Named topics alphabetically (by their Vietnamese name), "all domains" last.
        topics.sort(key=lambda t: (t["label"] == ALL_DOMAINS, t["label"][0].casefold()))
        groups.append({"id": notebook, "label": _type_label(notebook), "topics": topics})
    return groups


def index_context(reports_dir: Path, entries: Sequence[Entry], look: Lookup) -> dict[str, Any]:
    """The index template's context."""
    scheduled = [e for e in entries if e.origin == "manifest" and e.html]
    adhoc = sorted((e for e in entries if e.origin == "adhoc" and e.html),
                   key=lambda e: e.rendered_at, reverse=True)
    failed = sorted((e for e in entries if not e.html), key=lambda e: e.when, reverse=True)
    views = [_view(e, look) for e in scheduled]
    return {
        "css": _css(), "current": "index", "nav": _nav(reports_dir),
        "build": look.build_hash[:12], "groups": _groups(scheduled, look),
        "n_scheduled": len(scheduled), "n_stale": sum(v["stale"] for v in views),
        "adhoc": [_view(e, look) for e in adhoc], "failed": [_view(e, look) for e in failed],
        "adhoc_keep": ADHOC_KEEP, "failed_keep": FAILED_KEEP,
    }


def _nav(reports_dir: Path, coming: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The site's pages that exist or are being written (``coming``), for the header of every
    site page (the explorer is written by the render, the others from docs/)."""
    coming = set(coming)
    pages = [("index", INDEX, ("Báo cáo", "Reports")),
             ("explorer", EXPLORER, ("Khám phá chỉ tiêu", "Indicator explorer")),
             ("method", "method.html", ("Phương pháp", "Method")),
             ("dictionary", "data-dictionary.html", ("Từ điển dữ liệu", "Data dictionary"))]
    return [{"id": pid, "href": href, "label": label} for pid, href, label in pages
            if pid == "index" or href in coming or (reports_dir / href).is_file()]


def write_index(reports_dir: str | Path, look: Lookup | None = None) -> Path:
    """Write ``reports/index.html`` from what is under ``reports_dir`` (after pruning, see
    :func:`prune`); ``look`` names the current build and the provinces and indicators."""

    reports_dir = Path(reports_dir)
    look = look or Lookup()
    entries = prune(reports_dir, collect(reports_dir))
    markup = template("site_index.html").render(**index_context(reports_dir, entries, look))
    target = reports_dir / INDEX
    _write_if_changed(target, markup, atomic_write)
    return target


def _write_if_changed(target: Path, markup: str, write: Any) -> bool:
    """Write ``markup`` unless ``target`` already holds it (an unchanged page keeps its time)."""
    data = markup.encode("utf-8")
    with contextlib.suppress(OSError):
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    write(target, data)
    return True


# ---------------------------------------------------------------------------------------------
# method and data dictionary
# ---------------------------------------------------------------------------------------------
_LANG_MARK = re.compile(r"^<!--\s*lang:\s*(vi|en)\s*-->\s*$", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Links between the Markdown files in docs/ become links between the site's pages.
_DOC_LINKS = {md: page for page, md in PAGES.items()}


def _slug(text: str) -> str:
    """A heading's id as GitHub forms it: lower case, punctuation dropped, spaces to hyphens."""
    words = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return words.replace(" ", "-")


def markdown_html(text: str, lang: str, prefix: str = "") -> str:
    """Markdown to HTML with mistune: raw HTML escaped, tables, headings with ids (``prefix``
    before each), links to docs/*.md pointing at their pages, and tables that scroll sideways
    (:func:`accessible_tables`)."""
    import mistune
    from mistune.toc import add_toc_hook


    class Renderer(mistune.HTMLRenderer):  # type: ignore[misc, valid-type]
        """mistune's HTML renderer, with links to docs/*.md pointed at the site's pages and
        Vietnamese glosses in an English part marked as Vietnamese (for screen readers)."""

        def link(self, text: str, url: str, title: str | None = None) -> str:
            """A link; ``data-dictionary.md`` → ``data-dictionary.html`` and the like."""
            return super().link(text, _DOC_LINKS.get(url, url), title)

        def paragraph(self, text: str) -> str:
            """A paragraph; one that is all emphasis in Vietnamese gets ``lang="vi"``."""
            if (lang != "vi" and text.startswith("<em>") and text.endswith("</em>")
                    and _VIETNAMESE.search(text)):
                return f'<p lang="vi">{text}</p>\n'
            return str(super().paragraph(text))

    md = mistune.create_markdown(escape=True, renderer=Renderer(escape=True),
                                 plugins=["table", "strikethrough"])
    add_toc_hook(md, min_level=1, max_level=4,
                 heading_id=lambda token, _k: prefix + _slug(_plain_text(token)))
    markup = _TABLE.sub(lambda m: _stackable(m.group(0)), str(md(_COMMENT.sub("", text))))
    return accessible_tables(markup, lang)


_VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_TABLE = re.compile(r"<table>.*?</table>", re.S)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)</\1>", re.S)


def _stackable(table: str) -> str:
    """A Markdown table that stacks on a phone (site.css): class ``vnh-stack`` and, on each
    body cell, its column's name as ``data-label``."""
    head, _sep, body = table.partition("</thead>")
    labels = [html.unescape(re.sub(r"<[^>]+>", "", c.group(3))).strip()
              for c in _CELL.finditer(head)]

    def row(m: re.Match[str]) -> str:
        cells = iter(range(len(labels) + 1000))

        def cell(c: re.Match[str]) -> str:
            k = next(cells)
            label = html.escape(labels[k] if k < len(labels) else "", quote=True)
            return f'<{c.group(1)}{c.group(2)} data-label="{label}">{c.group(3)}</{c.group(1)}>'

        return "<tr>" + _CELL.sub(cell, m.group(1)) + "</tr>"

    return (head + _sep + _ROW.sub(row, body)).replace("<table>", '<table class="vnh-stack">', 1)


def _plain_text(token: Mapping[str, Any]) -> str:
    return re.sub(r"[`*_]", "", str(token.get("text", "")))


def doc_parts(text: str) -> list[dict[str, str]]:
    """A Markdown file split at ``<!-- lang: vi -->`` / ``<!-- lang: en -->`` lines into parts
    in those languages (no marker: one English part)."""
    marks = list(_LANG_MARK.finditer(text))
    if not marks:
        return [{"lang": "en", "text": text}]
    return [{"lang": m.group(1), "text": text[m.end():marks[k + 1].start() if k + 1 < len(marks)
                                             else len(text)]}
            for k, m in enumerate(marks)]


def doc_page(reports_dir: Path, page: str, text: str, coming: Iterable[str] = ()) -> str:
    """One site page from its Markdown: each language part in its own ``lang`` section;
    ``coming``: the other pages being written with it (the header links to them)."""
    import unicodedata

    from markupsafe import Markup

    parts = doc_parts(unicodedata.normalize("NFC", text))
    many = len(parts) > 1
    sections = [{"lang": p["lang"], "id": p["lang"] if many else "",
                 "html": Markup(markdown_html(p["text"], p["lang"],
                                              f"{p['lang']}-" if many else ""))}
                for p in parts]
    current = "method" if page == "method.html" else "dictionary"
    labels = {"method": ("Phương pháp và dữ liệu", "Method and data"),
              "dictionary": ("Từ điển dữ liệu", "Data dictionary")}
    return template("site_doc.html").render(css=_css(), current=current,
                                            nav=_nav(reports_dir, coming),
                                            title=labels[current],
                                            sections=sections, jump=many)


def write_pages(reports_dir: str | Path, docs_dir: str | Path) -> list[Path]:
    """``method.html`` and ``data-dictionary.html`` from ``docs_dir``, each only when its
    Markdown exists and the page would change; the pages written."""

    reports_dir, docs_dir = Path(reports_dir), Path(docs_dir)
    sources = {page: docs_dir / md for page, md in PAGES.items() if (docs_dir / md).is_file()}
    written = []
    for page, source in sources.items():
        markup = doc_page(reports_dir, page, source.read_text(encoding="utf-8"), sources)
        if _write_if_changed(reports_dir / page, markup, atomic_write):
            written.append(reports_dir / page)
    return written


# ---------------------------------------------------------------------------------------------
# the report page's tables
# ---------------------------------------------------------------------------------------------
_TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.I)
# Comparison cells whose verdict the page shows by colour (vnhealth.report.tables.verdict_class)
_VERDICT = re.compile(r'<td class="[^"]*\bvnh-value\b[^"]*\bvnh-(better|level|worse)\b')
_MARKS = {"better": "✓", "level": "=", "worse": "✗"}
_MARK_TEXT = {
    "vi": {"better": "tốt hơn mục tiêu quốc gia", "level": "ngang mục tiêu quốc gia",
           "worse": "kém hơn mục tiêu quốc gia", "legend": "Ký hiệu",
           "region": "Bảng (cuộn ngang khi màn hình hẹp)"},
    "en": {"better": "better than the national target", "level": "level with the national target",
           "worse": "worse than the national target", "legend": "Key",
           "region": "Table (scrolls sideways on a narrow screen)"},
}


def accessible_tables(body: str, lang: str) -> str:
    """Each top-level table of ``body`` in a box that scrolls sideways (a wide table does not
    widen the page on a phone), focusable so that a keyboard can scroll it; before a table whose
    cells show a verdict by colour (better, level, worse than the national target), a key to the
    symbols the CSS adds to those cells, so that colour is not the only cue."""
    out: list[str] = []
    depth = start = last = 0
    for m in _TABLE_TAG.finditer(body):
        if not m.group(1):
            start = m.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                out += [body[last:start], _table_box(body[start:m.end()], lang)]
                last = m.end()
    out.append(body[last:])
    return "".join(out)


def _table_box(table: str, lang: str) -> str:
    from markupsafe import Markup

    words = _MARK_TEXT["vi" if lang == "vi" else "en"]
    found = set(_VERDICT.findall(table))
    marks = [(_MARKS[v], words[v]) for v in ("better", "level", "worse") if v in found]
    return template("report_table.html").render(
        table=Markup(table), marks=marks, legend_label=words["legend"],
        region_label=words["region"]).strip()
