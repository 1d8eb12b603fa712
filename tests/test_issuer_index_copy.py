"""A check on a worker thread gets a copy of the pile's IssuerIndex: what it learns stays in the copy,
so the index the GUI thread reads is never written from another thread (issue 23)."""

from __future__ import annotations

import datetime as dt

from cmswizard.pki.chain import IssuerIndex, auto_order, make_item

from helpers.factory import hierarchy


def test_a_copy_learns_alone_and_keeps_what_the_original_knew() -> None:
    chain = hierarchy(depth=2)
    items = [make_item(issued.cert) for issued in chain.chain]
    at = dt.datetime.now(dt.UTC)
    original = IssuerIndex(items, at)
    first = auto_order(items, at=at, index=original)
    known = (dict(original.signature_cache), dict(original.best_up), dict(original.ends_in_root))
    assert known[0]

    twin = original.copy()
    twin.signature_cache.clear()
    twin.best_up.clear()
    twin.ends_in_root.clear()
    again = auto_order(items, at=at, index=twin)

    assert (original.signature_cache, original.best_up, original.ends_in_root) == known
    assert twin.signature_cache == known[0]  # worked out again, in the copy only
    assert [c.items for c in again.chains] == [c.items for c in first.chains]
    assert original.copy().signature_cache == known[0] and original.copy().by_subject is original.by_subject
