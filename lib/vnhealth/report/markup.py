"""HTML from the Jinja2 templates in ``templates/``.

Templates are written one element a line, indented, to be read; the loader joins the lines
with their indentation removed, since the reports' HTML has no whitespace between tags (where a
space is needed at a line break, the template writes it inside a tag or expression). Every
``{{ value }}`` is escaped, with :func:`html.escape` (``&quot;``, ``&#x27;``: the entities the
reports have always used), unless it is :class:`markupsafe.Markup` already — HTML made by
another template (:func:`safe`). Jinja2 is imported by the first render, not with the library,
and compiled templates are kept in Jinja2's bytecode cache (in the temporary directory, checked
against each template's source), so that each report kernel does not compile them again.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

TEMPLATES_DIR = Path(__file__).with_name("templates")


def compact(source: str) -> str:
    """A template's source as rendered: each line stripped, the lines joined."""
    return "".join(line.strip() for line in source.splitlines())


@cache
def environment() -> Any:
    """The Jinja2 environment: templates from ``templates/``, autoescaped, strict about
    undefined names."""
    import jinja2
    from markupsafe import Markup

    class Loader(jinja2.BaseLoader):
        """Templates from TEMPLATES_DIR, compacted (:func:`compact`)."""

        def get_source(self, environment: jinja2.Environment, template: str
                       ) -> tuple[str, str, Callable[[], bool]]:
            path = TEMPLATES_DIR / template
            try:
                source = path.read_text(encoding="utf-8")
            except FileNotFoundError as exc:
                raise jinja2.TemplateNotFound(template) from exc
            return compact(source), str(path), lambda: True

    def quotes_as_before(value: Any) -> Any:
        """Text with a quote escaped as html.escape does it (markupsafe, which autoescaping
        then applies to everything else, writes ``&#39;`` and ``&#34;``; the two agree on
        ``&amp;``, ``&lt;`` and ``&gt;``)."""
        if hasattr(value, "__html__"):
            return value
        text = value if type(value) is str else str(value)
        return Markup(html.escape(text)) if "'" in text or '"' in text else text

    return jinja2.Environment(loader=Loader(), autoescape=True, finalize=quotes_as_before,
                              undefined=jinja2.StrictUndefined, auto_reload=False,
                              bytecode_cache=_bytecode_cache(jinja2))


def _bytecode_cache(jinja2: Any) -> Any:
    """Jinja2's file cache of compiled templates (a private directory in the temporary
    directory; writes are atomic), or None when it cannot be made. Jinja2 checks an entry
    against the template's source; the key also holds this file and Jinja2's version, on which
    the compiled code depends too. A failed write is ignored: the template was compiled."""
    salt = hashlib.sha256(Path(__file__).read_bytes() + jinja2.__version__.encode())

    class Cache(jinja2.FileSystemBytecodeCache):  # type: ignore[misc, name-defined]
        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            return str(super().get_cache_key(f"{name}|{salt.hexdigest()}", filename))

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):
                super().dump_bytecode(bucket)

    try:
        return Cache()
    except (OSError, RuntimeError):
        return None


def render(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``, as plain HTML text."""
    return str(environment().get_template(name).render(**context))


def safe(markup: str) -> Any:
    """HTML text marked as such, so that a template inserts it unescaped."""
    from markupsafe import Markup

    return Markup(markup)
