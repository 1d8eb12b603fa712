"""`cmswizard bundle` on a file that holds a CA store besides the chain: the unrelated certificates are
named up to twenty, then counted (issue 24: 9,996 lines of them cost more than the ordering's share)."""

from __future__ import annotations

from pathlib import Path

from helpers.factory import hierarchy, issue


def test_many_unrelated_certificates_are_counted_not_listed(cli, tmp_path: Path) -> None:
    h = hierarchy(depth=1)
    store = [issue(f"Store Root {number}", ca=True) for number in range(25)]
    pile = tmp_path / "pile.pem"
    pile.write_bytes(b"".join(c.pem for c in (*store[:12], *h.chain, *store[12:])))
    result = cli("bundle", str(pile), "--fullchain", str(tmp_path / "full.pem"))
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert sum("unrelated    " in line for line in lines) == 20
    assert "   and 5 more unrelated certificates, left out" in lines
    assert (tmp_path / "full.pem").read_bytes() == b"".join(c.pem for c in h.chain)
