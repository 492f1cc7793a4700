"""Score the extractor on a real-document set (tests/data/real_dev, or another with --set).

Builds a measurement project in a temporary folder: this repository's data/ and sql/, plus
the 15 real excerpts registered in its manifest (provinces the catalogue lacks are taken
from the reference list), then runs `vnhealth eval` with the concept crosswalk.

    .venv/bin/python benchmarks/eval_real_dev.py [--set real_dev2] [--out DIR] [--show N]
        [--format markdown]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
REAL_DEV = DATA / "real_dev"
VNHEALTH = Path(sys.executable).parent / "vnhealth"


def _missing_provinces(project: Path, manifest: list[dict[str, str]]) -> None:
    """Append the provinces (and their successors) the catalogue lacks, from the reference."""
    path = project / "data/catalog/provinces.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    have = {r["province_id"] for r in rows}
    with (REPO / "data/reference/provinces_vn.csv").open(encoding="utf-8") as fh:
        reference = {r["province_id"]: r for r in csv.DictReader(fh)}
    columns = text.splitlines()[0].split(",")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    for m in manifest:
        pid = m["province_id"]
        while pid and pid not in have:
            writer.writerow([reference[pid].get(c, "") for c in columns])
            have.add(pid)
            pid = reference[pid]["successor_id"]
    path.write_text(text.rstrip("\n") + "\n" + buf.getvalue(), encoding="utf-8")


def make_project(project: Path, docset: Path = REAL_DEV) -> Path:
    """The measurement project at `project` (replaced if it exists) with `docset`'s documents."""
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "data", project / "data",
                    ignore=shutil.ignore_patterns("warehouse.duckdb*", ".*.tmp-*"))
    shutil.copytree(REPO / "sql", project / "sql")
    with (docset / "manifest.csv").open(encoding="utf-8") as fh:
        manifest = list(csv.DictReader(fh))
    _missing_provinces(project, manifest)
    entries = []
    for m in manifest:
        doc = docset / "docs" / m["file"]
        shutil.copyfile(doc, project / "data/raw" / m["file"])
        sha = hashlib.sha256(doc.read_bytes()).hexdigest()
        entries.append(
            f"  - id: rd_{m['file'].removesuffix('.txt')}\n    province: {m['province_id']}\n"
            f"    title: {json.dumps(m['title'], ensure_ascii=False)}\n"
            f"    doc_number: {json.dumps(m['doc_number'] or None, ensure_ascii=False)}\n"
            f"    issuer: {json.dumps(m['issuer'] or None, ensure_ascii=False)}\n"
            f"    issued_on: null\n    issued_text: null\n"
            f"    period_start: {m['period_start']}\n    period_end: {m['period_end']}\n"
            f"    file: {m['file']}\n    sha256: {sha}\n")
    manifest_path = project / "data/raw/documents.yaml"
    text = manifest_path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    manifest_path.write_text(text + "".join(entries), encoding="utf-8")
    return project


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="real_dev", dest="docset",
                    help="document set under tests/data (default: real_dev; e.g. real_dev2)")
    ap.add_argument("--out", help="project folder (default: a temporary one)")
    ap.add_argument("--show", default="0", help="missed and extra values to list per document")
    ap.add_argument("--format", default="text", choices=("text", "markdown", "json"))
    args = ap.parse_args()
    docset = DATA / args.docset
    if not (docset / "manifest.csv").is_file():
        print(f"no document set at {docset}", file=sys.stderr)
        return 2
    if args.out:
        return evaluate(make_project(Path(args.out), docset), docset, args)
    # Without --out the project is scratch: removed however the run ends.
    with tempfile.TemporaryDirectory(prefix="vnhealth-real-dev-") as scratch:
        return evaluate(make_project(Path(scratch), docset), docset, args)


def evaluate(project: Path, docset: Path, args: argparse.Namespace) -> int:
    """Build `project` and score its warehouse against the set's golden file."""
    built = subprocess.run([str(VNHEALTH), "build", "--root", str(project)],
                           capture_output=True, text=True)
    if built.returncode:
        print(built.stderr, file=sys.stderr)
        return built.returncode
    return subprocess.run([str(VNHEALTH), "eval", "--golden", str(docset / "golden.csv"),
                           "--docs", str(docset / "docs"),
                           "--concepts", str(docset / "concepts.csv"),
                           "--warehouse", str(project / "data/warehouse.duckdb"),
                           "--show", args.show, "--format", args.format]).returncode


if __name__ == "__main__":
    raise SystemExit(main())
