"""Issue 29 Low: a certificate sent twice is called that, not "not issued by the next certificate"."""

from __future__ import annotations

from cmswizard.pki.chain import check_order, make_item

from helpers.factory import hierarchy


def test_a_certificate_sent_twice_is_named_so() -> None:
    tree = hierarchy(depth=1)
    items = [make_item(c.cert) for c in (tree.leaf, tree.leaf, tree.intermediates[0], tree.root)]
    ordering = check_order(items)
    assert not ordering.ok
    first = ordering.links[0]
    assert not first.ok and first.reason.startswith("sent twice") and "not issued by" not in first.reason
    assert ordering.links[1].ok and ordering.links[2].ok
