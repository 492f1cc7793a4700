"""A large build shares its documents between two processes (vnhealth.build.workers.extract_all):
the result must be the one extraction in one process gives, in manifest order. The signal
tests of test_build_exits.py run builds large enough to take this path."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import pytest

from vnhealth.build import workers
from vnhealth.extract import Vocabulary, extract_document
from vnhealth.inputs.catalog import load_catalog, load_manifest, read_document_lines
from vnhealth.inputs.paths import ProjectPaths


class Recording(ProcessPoolExecutor):
    """The pool, remembering the tasks it was given."""

    sent: list[str] = []

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        Recording.sent.append(fn.__name__)
        return super().submit(fn, *args, **kwargs)


def test_two_processes_extract_what_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = ProjectPaths.at()
    catalog = load_catalog(paths)
    docs = load_manifest(paths, catalog.provinces)
    vocab = Vocabulary(catalog)
    raw, n_bytes = {}, {}
    for doc in docs:
        data, lines = read_document_lines(paths, doc)
        raw[doc.id], n_bytes[doc.id] = lines, len(data)
    one = {doc.id: extract_document(vocab, doc, raw[doc.id]) for doc in docs}
    if workers._cores() < 2 or not workers._can_fork():
        pytest.skip("one core or no fork: builds extract in one process")
    monkeypatch.setattr(workers, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(workers, "ProcessPoolExecutor", Recording)
    two = workers.extract_all(vocab, docs, raw, n_bytes)
    assert Recording.sent == ["_extract_shared"]  # a forked worker shared the documents
    assert list(two) == [doc.id for doc in docs]
    assert two == one
    assert workers._FORKED is None  # the shared state does not outlive the extraction
