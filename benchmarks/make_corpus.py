"""Build a synthetic 500-document project root for benchmarking `vnhealth build`.

The corpus is made only from the five real plan documents, so its text has the same shape as
real input (NFD text, tab / pipe / PDF tables, noise lines) at 100 times the volume:

- the five real documents are kept verbatim under their real ids, so the real review ledger and
  qualitative catalogue (which point at those documents and their lines) stay valid;
- every other document is one of the five with its top-level sections shuffled (table blocks
  are never split, so they stay parseable) and the source province's name replaced by another
  real province's name;
- the catalogue is a copy of the real one, with `provinces.csv` extended by the provinces the
  generated documents are attributed to (in the corpus copy only);
- the manifest lists every document with the sha256 of its bytes.

Usage: python benchmarks/make_corpus.py DEST [--n 500] [--seed N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent

# Source province id -> the name as it stands in the plan text. Only the full province name is
# replaced: "Huế" alone also names institutions (Bệnh viện Trung ương Huế) and is left alone.
SOURCE_NAMES: dict[str, str] = {
    "lao_cai": "Lào Cai",
    "lai_chau": "Lai Châu",
    "son_la": "Sơn La",
    "thua_thien_hue": "Thừa Thiên Huế",
}

# Provinces the generated documents are attributed to; any the catalogue lacks are added to the
# corpus copy of provinces.csv (the real catalogue lists the whole country, so today none are).
# Columns as in data/catalog/provinces.csv. GSO codes are the pre-2025 codes; the 2025 status
# follows the National Assembly's reorganization (new provinces from 1 July 2025).
REORGANIZATION_DAY = "2025-07-01"
EXTRA_PROVINCES: list[dict[str, str]] = [
    {
        "province_id": "ha_giang",
        "gso_code": "02",
        "name_vi": "Hà Giang",
        "name_en": "Ha Giang",
        "status_2025": "merged",
        "successor_id": "tuyen_quang_2025",
        "note": "Merged with Tuyên Quang into a new province named Tuyên Quang (1 July 2025)",
    },
    {
        "province_id": "cao_bang",
        "gso_code": "04",
        "name_vi": "Cao Bằng",
        "name_en": "Cao Bang",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "bac_kan",
        "gso_code": "06",
        "name_vi": "Bắc Kạn",
        "name_en": "Bac Kan",
        "status_2025": "merged",
        "successor_id": "thai_nguyen_2025",
        "note": "Merged into a new province named Thái Nguyên (1 July 2025)",
    },
    {
        "province_id": "tuyen_quang",
        "gso_code": "08",
        "name_vi": "Tuyên Quang",
        "name_en": "Tuyen Quang",
        "status_2025": "merged",
        "successor_id": "tuyen_quang_2025",
        "note": "Merged with Hà Giang into a new province named Tuyên Quang (1 July 2025)",
    },
    {
        "province_id": "dien_bien",
        "gso_code": "11",
        "name_vi": "Điện Biên",
        "name_en": "Dien Bien",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "hoa_binh",
        "gso_code": "17",
        "name_vi": "Hòa Bình",
        "name_en": "Hoa Binh",
        "status_2025": "merged",
        "successor_id": "phu_tho_2025",
        "note": "Merged with Phú Thọ and Vĩnh Phúc into a new province named Phú Thọ (1 July 2025)",
    },
    {
        "province_id": "thai_nguyen",
        "gso_code": "19",
        "name_vi": "Thái Nguyên",
        "name_en": "Thai Nguyen",
        "status_2025": "merged",
        "successor_id": "thai_nguyen_2025",
        "note": "Merged with Bắc Kạn into a new province named Thái Nguyên (1 July 2025)",
    },
    {
        "province_id": "lang_son",
        "gso_code": "20",
        "name_vi": "Lạng Sơn",
        "name_en": "Lang Son",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "quang_ninh",
        "gso_code": "22",
        "name_vi": "Quảng Ninh",
        "name_en": "Quang Ninh",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "phu_tho",
        "gso_code": "25",
        "name_vi": "Phú Thọ",
        "name_en": "Phu Tho",
        "status_2025": "merged",
        "successor_id": "phu_tho_2025",
        "note": "Merged with Vĩnh Phúc and Hòa Bình into a new province named Phú Thọ "
        "(1 July 2025)",
    },
    {
        "province_id": "vinh_phuc",
        "gso_code": "26",
        "name_vi": "Vĩnh Phúc",
        "name_en": "Vinh Phuc",
        "status_2025": "merged",
        "successor_id": "phu_tho_2025",
        "note": "Merged with Phú Thọ and Hòa Bình into a new province named Phú Thọ (1 July 2025)",
    },
    {
        "province_id": "thanh_hoa",
        "gso_code": "38",
        "name_vi": "Thanh Hóa",
        "name_en": "Thanh Hoa",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "nghe_an",
        "gso_code": "40",
        "name_vi": "Nghệ An",
        "name_en": "Nghe An",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "ha_tinh",
        "gso_code": "42",
        "name_vi": "Hà Tĩnh",
        "name_en": "Ha Tinh",
        "status_2025": "unchanged",
        "successor_id": "",
        "note": "Not merged in the 2025 reorganization",
    },
    {
        "province_id": "tuyen_quang_2025",
        "gso_code": "",
        "name_vi": "Tuyên Quang (từ 01/7/2025)",
        "name_en": "Tuyen Quang (from 1 July 2025)",
        "status_2025": "new",
        "successor_id": "",
        "note": "Formed from the former Tuyên Quang and Hà Giang provinces",
    },
    {
        "province_id": "thai_nguyen_2025",
        "gso_code": "",
        "name_vi": "Thái Nguyên (từ 01/7/2025)",
        "name_en": "Thai Nguyen (from 1 July 2025)",
        "status_2025": "new",
        "successor_id": "",
        "note": "Formed from the former Thái Nguyên and Bắc Kạn provinces",
    },
    {
        "province_id": "phu_tho_2025",
        "gso_code": "",
        "name_vi": "Phú Thọ (từ 01/7/2025)",
        "name_en": "Phu Tho (from 1 July 2025)",
        "status_2025": "new",
        "successor_id": "",
        "note": "Formed from the former Phú Thọ, Vĩnh Phúc and Hòa Bình provinces",
    },
]

# A top-level heading: optional markdown marks, a Roman numeral, "." / "-" / "–", then text
# starting with a capital ("I. MỤC TIÊU", "## **II- MỤC TIÊU**", "IV-TỔ CHỨC"), or an appendix
# heading ("**PHỤ LỤC I**").
_ROMAN_HEADING = re.compile(r"^\s*(?:#+\s*)?\**\s*[IVX]{1,4}\s*[.\-–]\s*\**\s*(\w)")
_APPENDIX_HEADING = re.compile(r"^\s*(?:#+\s*)?\**\s*PHỤ LỤC\b", re.IGNORECASE)
# Fallback for documents whose body has no Roman headings (Sơn La): "1. Mục tiêu tổng quát".
_NUMBERED_HEADING = re.compile(r"^\s*(?:#+\s*)?\**\s*\d{1,2}\.\s+\**\s*(\w)")

# Lines within this many non-table lines of each other belong to one table block: table rows
# spread over several lines (pipe cells in Sơn La, blank lines between tab rows in Lai Châu).
_TABLE_GAP = 3


@dataclass(frozen=True)
class Corpus:
    """What make_corpus wrote."""

    root: Path
    n_documents: int
    n_bytes: int  # total size of the raw documents


def _is_table_line(line: str) -> bool:
    return "\t" in line or "|" in line


def table_mask(lines: Sequence[str]) -> list[bool]:
    """True for every line inside a table block (first to last table line of a cluster)."""
    rows = [i for i, line in enumerate(lines) if _is_table_line(line)]
    mask = [False] * len(lines)
    start = prev = None
    for i in rows:
        if start is None:
            start = prev = i
        elif i - prev - 1 <= _TABLE_GAP:
            prev = i
        else:
            mask[start : prev + 1] = [True] * (prev + 1 - start)
            start = prev = i
    if start is not None:
        mask[start : prev + 1] = [True] * (prev + 1 - start)
    return mask


def _heading_starts(lines: Sequence[str], mask: Sequence[bool], numbered: bool) -> list[int]:
    starts = []
    for i, raw in enumerate(lines):
        if mask[i]:
            continue
        line = unicodedata.normalize("NFC", raw)
        if _APPENDIX_HEADING.match(line):
            starts.append(i)
            continue
        m = _ROMAN_HEADING.match(line) or (numbered and _NUMBERED_HEADING.match(line))
        if m and m.group(1).isupper():
            starts.append(i)
    return starts


def _paragraph_starts(lines: Sequence[str], mask: Sequence[bool]) -> list[int]:
    return [
        i
        for i in range(1, len(lines))
        if not mask[i] and lines[i].strip() and not lines[i - 1].strip() and not mask[i - 1]
    ]


def split_sections(text: str, min_sections: int = 3) -> tuple[str, list[str]]:
    """Split a document into (preamble, sections) at top-level headings outside tables.

    Falls back to numbered headings, then to blank-line paragraphs, when a document has fewer
    than `min_sections` top-level headings. Every piece ends with a newline.
    """
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    mask = table_mask(lines)
    starts = _heading_starts(lines, mask, numbered=False)
    if len(starts) < min_sections:
        starts = _heading_starts(lines, mask, numbered=True)
    if len(starts) < min_sections:
        starts = _paragraph_starts(lines, mask)
    if not starts:
        return "".join(lines), []
    bounds = [*starts, len(lines)]
    preamble = "".join(lines[: starts[0]])
    sections = ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return preamble, sections


def _name_pattern(name: str) -> re.Pattern[str]:
    # Words may be split by any whitespace, line breaks included (PDF text); the text may be NFC
    # or NFD, so both spellings of each word are accepted.
    words = []
    for word in name.split():
        forms = {unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word)}
        words.append("(?:" + "|".join(re.escape(f) for f in sorted(forms)) + ")")
    return re.compile(r"\b" + r"(\s+)".join(words) + r"\b", re.IGNORECASE)


def replace_province_name(text: str, old: str, new: str) -> str:
    """Replace the province name `old` by `new`, keeping line breaks, case and normal form."""
    pattern = _name_pattern(old)
    new_words = new.split()

    def repl(m: re.Match[str]) -> str:
        seps = list(m.groups())
        # Keep the original separators, so line numbers after the name do not move: extra new
        # words get a space, and left-over separators are kept only if they hold line breaks.
        out = new_words[0]
        for k, word in enumerate(new_words[1:]):
            out += (seps[k] if k < len(seps) else " ") + word
        out += "".join("\n" * s.count("\n") for s in seps[len(new_words) - 1 :])
        matched = m.group(0)
        if matched.isupper():
            out = out.upper()
        if unicodedata.normalize("NFC", matched) != matched:
            out = unicodedata.normalize("NFD", out)
        return out

    return pattern.sub(repl, text)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _copy_tree(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(
            src, dest, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
        )


def _extend_provinces(src: Path, dest: Path) -> list[str]:
    """Write provinces.csv with EXTRA_PROVINCES appended; return the ids documents may use."""
    with src.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fieldnames = list(reader.fieldnames or [])
        rows = list(reader)
    known = {row["province_id"] for row in rows}
    added = [row for row in EXTRA_PROVINCES if row["province_id"] not in known]
    # Append to the real file's text rather than rewriting it, so its rows stay byte-identical.
    text = src.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fieldnames, lineterminator="\n")
    for row in added:
        # Every change in EXTRA_PROVINCES is the reorganization, in force from 1 July 2025.
        changed = row["status_2025"] != "unchanged"
        writer.writerow({k: row.get(k, "") for k in fieldnames}
                        | {"effective_on": REORGANIZATION_DAY if changed else ""}
                        | ({"level": row.get("level", "province")} if "level" in fieldnames
                           else {}))
    dest.write_text(text + buf.getvalue(), encoding="utf-8")
    # Documents are attributed to pre-2025 provinces only (a "new" province has no old plans),
    # never to a source province, so every generated document has a province name it did not
    # have before. Yên Bái is in the real catalogue already; since the catalogue lists the whole
    # country, so are the others, and the same provinces are used either way (same corpus).
    targets = [r["province_id"] for r in EXTRA_PROVINCES if r["status_2025"] != "new"]
    if "yen_bai" in known:
        targets.append("yen_bai")
    return targets


def _province_names(provinces_csv: Path) -> dict[str, str]:
    with provinces_csv.open(encoding="utf-8", newline="") as f:
        return {row["province_id"]: row["name_vi"] for row in csv.DictReader(f)}


def make_corpus(
    dest: Path | str,
    n: int = 500,
    *,
    source_root: Path | str = REPO_ROOT,
    seed: int = 20240101,
) -> Corpus:
    """Write a self-contained project root with `n` documents into `dest` (empty or new)."""
    dest = Path(dest)
    source_root = Path(source_root)
    if dest.exists() and any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    manifest_src = source_root / "data" / "raw" / "documents.yaml"
    sources: list[dict] = yaml.safe_load(manifest_src.read_text(encoding="utf-8"))["documents"]
    if n < len(sources):
        raise ValueError(f"n must be at least {len(sources)} (the real documents are kept)")

    raw_dir = dest / "data" / "raw"
    raw_dir.mkdir(parents=True)
    shutil.copytree(source_root / "data" / "catalog", dest / "data" / "catalog")
    _copy_tree(source_root / "data" / "reference", dest / "data" / "reference")
    _copy_tree(source_root / "sql", dest / "sql")
    targets = _extend_provinces(
        source_root / "data" / "catalog" / "provinces.csv",
        dest / "data" / "catalog" / "provinces.csv",
    )
    names = _province_names(dest / "data" / "catalog" / "provinces.csv")

    rng = random.Random(seed)
    entries: list[dict] = []
    total = 0
    texts: dict[str, str] = {}
    used: set[str] = set()
    for src in sources:
        data = (source_root / "data" / "raw" / src["file"]).read_bytes()
        (raw_dir / src["file"]).write_bytes(data)
        entries.append(dict(src, sha256=sha256_bytes(data)))
        used.add(sha256_bytes(data))
        texts[src["id"]] = data.decode("utf-8")
        total += len(data)

    for i in range(n - len(sources)):
        src = sources[i % len(sources)]
        old_name = SOURCE_NAMES.get(src["province"], names.get(src["province"], ""))
        target = rng.choice(targets)
        new_name = names[target]
        preamble, sections = split_sections(texts[src["id"]])
        # The build refuses the same bytes listed twice: shuffle again on a repeat, and as a last
        # resort (a document with too few sections) add blank lines until the bytes are new.
        for attempt in range(200):
            rng.shuffle(sections)
            text = replace_province_name(preamble + "".join(sections), old_name, new_name)
            data = (text + "\n" * (attempt // 100)).encode("utf-8")
            if sha256_bytes(data) not in used:
                break
        used.add(sha256_bytes(data))
        suffix = src["id"].removeprefix(src["province"] + "_")
        doc_id = f"{target}_{suffix}_v{i:04d}"
        file_name = f"{doc_id}.txt"
        (raw_dir / file_name).write_bytes(data)
        entry = dict(src)
        for key in ("title", "issuer"):
            if isinstance(entry.get(key), str):
                entry[key] = replace_province_name(entry[key], old_name, new_name)
        entry.update(id=doc_id, province=target, file=file_name, sha256=sha256_bytes(data))
        entries.append(entry)
        total += len(data)

    header = (
        "# Benchmark corpus generated by benchmarks/make_corpus.py from the five real documents\n"
        "# (sections shuffled, province names replaced). Not real plans: do not cite.\n"
    )
    body = yaml.safe_dump({"documents": entries}, allow_unicode=True, sort_keys=False, width=100)
    (raw_dir / "documents.yaml").write_text(header + body, encoding="utf-8")
    return Corpus(root=dest, n_documents=len(entries), n_bytes=total)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="new or empty directory for the project root")
    parser.add_argument("--n", type=int, default=500, help="number of documents (default 500)")
    parser.add_argument("--seed", type=int, default=20240101, help="shuffle / province seed")
    args = parser.parse_args(list(argv) if argv is not None else None)
    corpus = make_corpus(args.dest, args.n, seed=args.seed)
    print(
        f"wrote {corpus.n_documents} documents, {corpus.n_bytes / 1e6:.1f} MB, to {corpus.root}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
