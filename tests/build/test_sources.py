"""The build hash covers the code that makes the warehouse, and not the report code."""

from __future__ import annotations

from vnhealth.build.sources import PACKAGE_DIR, build_sources


def names() -> set[str]:
    return {p.relative_to(PACKAGE_DIR).as_posix() for p in build_sources()}


def test_the_extractor_and_the_derived_tables_are_covered() -> None:
    found = names()
    assert {"build/warehouse.py", "harmonize/derived.py", "harmonize/frames.py",
            "inputs/catalog.py", "inputs/schema.py", "extract/__init__.py",
            "extract/pipeline.py", "extract/shapes/registry.py"} <= found
    # every module of the extractor, however deep, is reachable from the build
    extractor = {p.relative_to(PACKAGE_DIR).as_posix()
                 for p in (PACKAGE_DIR / "extract").rglob("*.py")}
    assert extractor <= found


def test_report_and_render_code_is_not_part_of_the_build() -> None:
    found = names()
    assert not {n for n in found if n.startswith(("report/", "render/", "cli/"))}
