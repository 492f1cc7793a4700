"""The policy brief's own parts: its default title (the topic in words), its cover and its
method note. Its findings are in :mod:`vnhealth.report.sentences`."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from vnhealth.report.data import Warehouse
from vnhealth.report.formatting import join_words
from vnhealth.report.labels import domain_label, label
from vnhealth.report.markup import render


def _topic_words(wh: Warehouse, domain: str, indicators: Sequence[str], lang: str) -> str:
    """The domain's name, or the names of the one or two domains the indicators belong to,
    else "key health targets"."""
    if domain:
        return domain_label(domain, lang)
    domains = list(dict.fromkeys(wh.indicator(i).get("domain") or "" for i in indicators))
    domains = [d for d in domains if d]
    if not 1 <= len(domains) <= 2:
        return label("brief.key_targets", lang)
    names = [domain_label(d, lang) for d in domains]
    names = names[:1] + [n[0].lower() + n[1:] for n in names[1:]]
    conj = f" {label('and', lang)} "
    # "Tuổi thọ và tầm vóc, tài chính y tế" rather than two "và" in a row
    return ", ".join(names) if any(conj in n for n in names) else join_words(names, lang)


def brief_title(wh: Warehouse, domain: str, indicators: Sequence[str],
                provinces: Sequence[str], year: int, lang: str) -> str:
    """The default title: the topic in words (the domain's name, or the names of the one or two
    domains the indicators belong to), the year and the provinces — never a list of indicator
    names.

    ``Tuổi thọ và tầm vóc: mục tiêu năm 2030 của Lai Châu và Sơn La``
    """
    topic = _topic_words(wh, domain, indicators, lang)
    names = [wh.province_name(p, lang) for p in provinces]
    who = join_words(names, lang) if len(names) <= 3 else label("brief.n_provinces", lang,
                                                                n=len(names))
    return label("brief.default_title", lang, topic=topic, year=int(year), provinces=who)


def date_words(iso: str, lang: str) -> str:
    """``2026-03-15`` as ``ngày 15/3/2026`` / ``15 March 2026``."""
    d = datetime.date.fromisoformat(iso)
    if lang == "vi":
        return f"ngày {d.day}/{d.month}/{d.year}"
    return f"{d.day} {d.strftime('%B')} {d.year}"


def brief_cover(title: str, wh: Warehouse, lang: str, *, provinces: Sequence[str], year: int,
                issuer: str = "", date: str = "", audience: str = "") -> str:
    """The brief's first lines: title, issuing body and date, audience, provinces and year —
    no build hash and no parameter list (those are in the sidecar JSON and the colophon)."""
    issuer_line = " · ".join(x for x in (issuer, date_words(date, lang) if date else "") if x)
    scope = label("brief.scope", lang, year=int(year),
                  provinces=join_words([wh.province_name(p, lang) for p in provinces], lang))
    return render("brief_cover.html.j2", title=title, issuer_line=issuer_line,
                  audience=label("brief.for", lang, audience=audience) if audience else "",
                  scope=scope)


def brief_method(year: int, lang: str) -> str:
    """The method note and its limits, as two short paragraphs of HTML."""
    return render("brief_method.html.j2", head=label("brief.method_head", lang),
                  method=label("brief.method", lang, year=int(year)),
                  limits=label("brief.limits", lang))
