"""The reports' words: labels, headings, units, domain names and sentence templates.

They live in ``texts/vi.yaml`` and ``texts/en.yaml`` (one file per language, the same keys in
both) and are read on first use, once per process: importing the report library reads no file.
``LABELS`` (``{lang: {key: text}}``) and ``DOMAINS`` (``{domain: (vi, en)}``) give them as
dicts.

The words of the domain's closed vocabularies — kinds, methods, bound kinds, assessments … —
are not in the text files: they are :mod:`vnhealth.inputs.terms`'s labels, and :func:`label` gives
them for a term's value (``label("baseline", "vi")`` → ``Hiện trạng``), so that a report, the
explorer and the data dictionary word a term the same way.
"""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from vnhealth.inputs import terms

LANGUAGES = ("vi", "en")
TEXTS_DIR = Path(__file__).with_name("texts")
# Chart legends that name a term: the term's label (the explorer asks for these keys too).
_TERM_KEYS = {"legend.lower": terms.BoundKind.LOWER, "legend.upper": terms.BoundKind.UPPER,
              "legend.interpolated": terms.Method.INTERPOLATED,
              "legend.stated": terms.Method.STATED}


class Texts(NamedTuple):
    """One language's texts: labels by key, domain names by domain id."""

    labels: dict[str, str]
    domains: dict[str, str]


@cache
def texts(lang: str) -> Texts:
    """The texts of ``lang`` (``vi``; any other code reads English)."""
    from vnhealth.inputs.yamlsafe import safe_load

    code = "vi" if lang == "vi" else "en"
    data = safe_load((TEXTS_DIR / f"{code}.yaml").read_text(encoding="utf-8"))
    return Texts(dict(data["labels"]), dict(data["domains"]))


def term_label(value: Any, lang: str) -> str | None:
    """The label of a term (a value of one of :mod:`vnhealth.inputs.terms`'s vocabularies, or a
    legend key naming one) in ``lang``; None for anything else.

    >>> term_label("within band", "vi"), term_label("legend.lower", "en")
    ('trong khoảng khuyến nghị', 'lower bound (≥)')
    """
    if value in _TERM_KEYS:
        return _TERM_KEYS[value].label(lang)
    return terms.label(value, "vi" if lang == "vi" else "en")


def label(key: str, lang: str, **values: Any) -> str:
    """The text for ``key`` in ``lang`` (``vi``/``en``), formatted with ``values``: from the
    language's text file, else a term's label (:func:`term_label`), else the English text,
    else the key itself.

    >>> label("no_target_year", "vi", year=2030), label("trajectory", "en")
    ('Không có mục tiêu cho năm 2030', 'Milestone')
    """
    text = texts("vi" if lang == "vi" else "en").labels.get(key)
    if text is None:
        text = term_label(key, lang)
    if text is None:
        text = texts("en").labels.get(key, key)
    return text.format(**values) if values else text


def domain_label(domain: str, lang: str) -> str:
    """A domain's name in ``lang`` (its id when unknown).

    >>> domain_label("ncd", "vi")
    'Bệnh không lây nhiễm'
    """
    return texts("vi" if lang == "vi" else "en").domains.get(domain, domain)


def __getattr__(name: str) -> Any:
    """``LABELS`` and ``DOMAINS``, read from the text files when first asked for."""
    if name == "LABELS":
        return {lang: texts(lang).labels for lang in LANGUAGES}
    if name == "DOMAINS":
        vi, en = texts("vi").domains, texts("en").domains
        return {d: (name_vi, en.get(d, name_vi)) for d, name_vi in vi.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
