"""The one way the project reads YAML: safe tags only, no anchors or aliases, bounded size.

Anchors and aliases (`&name`, `*name`) are refused outright: none of the project's YAML needs
them, and they are what a "billion laughs" document uses to expand a few lines into gigabytes.
Refusing them is a cheap pass over the parser's events, done only when the text holds a `&` or
`*` at all. The size limit bounds what any YAML file can cost before it is parsed.
"""

from __future__ import annotations

from typing import Any

import yaml

# The largest YAML file the project reads; the biggest real one (indicators.yaml) is ~35 KB.
MAX_YAML_BYTES = 2_000_000

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster


class YAMLRefused(yaml.MarkedYAMLError):
    """YAML that parses but is refused (an anchor or alias, or too large).

    A yaml.YAMLError, so every caller's existing `except yaml.YAMLError` reports it with its
    `problem` and `problem_mark` like a syntax error."""


def refuse_anchors(text: str, loader: type = SafeLoader) -> None:
    """Raise YAMLRefused at the first anchor or alias in `text`."""
    if "&" not in text and "*" not in text:
        return  # neither can occur without its sigil
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            sigil = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise YAMLRefused(
                problem=f"YAML anchors and aliases are not accepted (found {sigil}{anchor}); "
                "write the value out in full",
                problem_mark=event.start_mark,
            )


def refuse_large(text: str, limit: int = MAX_YAML_BYTES) -> None:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise YAMLRefused(problem=f"the file is {size:,} bytes; YAML inputs are limited to "
                          f"{limit:,} bytes")


def safe_load(text: str, loader: type = SafeLoader, *, limit: int = MAX_YAML_BYTES) -> Any:
    """Parse YAML text with `loader` (a SafeLoader or subclass), refusing anchors, aliases and
    texts over `limit` bytes. Raises yaml.YAMLError (YAMLRefused for the refusals)."""
    refuse_large(text, limit)
    refuse_anchors(text, loader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - loader is SafeLoader or a subclass
