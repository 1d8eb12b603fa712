"""A leaf-only file where a full chain is needed, and a key that is not the certificate's: refused by the
one check in cms/, and so by `deploy` and `renew sheet` (exit 1) whenever the files can be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmswizard.cms.file_pairs import PairFault, pair_problems
from cmswizard.cms.services import Service

from helpers.factory import hierarchy, issue, new_key


def _write_pair(folder: Path, stem: str, *, chain: bool, matching: bool = True, der: bool = False) -> tuple[str, str]:
    tree = hierarchy(leaf_cn="join.example.com")
    key = tree.leaf.key_pem if matching else issue("other").key_pem
    (folder / f"{stem}.key").write_bytes(key)
    name = f"{stem}-fullchain.crt" if chain else (f"{stem}.cer" if der else f"{stem}.crt")
    body = b"".join(link.pem for link in tree.chain) if chain else tree.leaf.der if der else tree.leaf.pem
    (folder / name).write_bytes(body)
    return f"{stem}.key", name


def test_a_leaf_only_file_is_not_a_web_bridge_3_full_chain(tmp_path: Path) -> None:
    key, cert = _write_pair(tmp_path, "webbridge3-2026", chain=False, der=True)  # the CA's certnew.cer
    problems = pair_problems(Service.WEBBRIDGE3, tmp_path, key, cert)
    assert [p.fault for p in problems] == [PairFault.NOT_FULL_CHAIN]
    assert "build the full chain first" in problems[0].message
    assert problems[0].field == cert


def test_a_full_chain_passes_and_a_call_bridge_takes_a_leaf(tmp_path: Path) -> None:
    key, full = _write_pair(tmp_path, "webbridge3-2026", chain=True)
    assert pair_problems(Service.WEBBRIDGE3, tmp_path, key, full) == []
    assert pair_problems(Service.SCHEDULER, tmp_path, key, full) == []
    key, leaf = _write_pair(tmp_path, "callbridge-2026", chain=False)
    assert pair_problems(Service.CALLBRIDGE, tmp_path, key, leaf) == []


def test_a_chain_missing_its_intermediate_is_not_full(tmp_path: Path) -> None:
    tree = hierarchy(depth=2)
    (tmp_path / "wb3.key").write_bytes(tree.leaf.key_pem)
    (tmp_path / "wb3.crt").write_bytes(tree.leaf.pem + tree.root.pem)  # the issuing CA left out
    problems = pair_problems(Service.WEBBRIDGE3, tmp_path, "wb3.key", "wb3.crt")
    assert [p.fault for p in problems] == [PairFault.NOT_FULL_CHAIN]
    assert "Test Issuing CA 2" in problems[0].message


def test_a_self_signed_certificate_is_its_own_chain(tmp_path: Path) -> None:
    key = new_key()
    lone = issue("wb3.example.com", key=key)
    (tmp_path / "wb3.key").write_bytes(issue("x", key=key).key_pem)
    (tmp_path / "wb3.crt").write_bytes(lone.pem)
    assert pair_problems(Service.WEBBRIDGE3, tmp_path, "wb3.key", "wb3.crt") == []


def test_a_key_for_another_certificate_is_refused(tmp_path: Path) -> None:
    key, cert = _write_pair(tmp_path, "callbridge-2026", chain=False, matching=False)
    problems = pair_problems(Service.CALLBRIDGE, tmp_path, key, cert)
    assert [p.fault for p in problems] == [PairFault.KEY_MISMATCH]
    assert "callbridge-2026.key is not the key of callbridge-2026.crt" in problems[0].message


def test_files_that_cannot_be_read_are_not_judged(tmp_path: Path) -> None:
    assert pair_problems(Service.WEBBRIDGE3, tmp_path, "absent.key", "absent.crt") == []
    (tmp_path / "locked.key").write_bytes(
        b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"
    )
    _key, cert = _write_pair(tmp_path, "cb", chain=False)
    assert pair_problems(Service.CALLBRIDGE, tmp_path, "locked.key", cert) == []


@pytest.mark.parametrize("command", [("deploy",), ("renew", "sheet")])
@pytest.mark.parametrize("files_in", [True, False])
def test_cli_refuses_a_leaf_only_web_bridge_3_file(
    cli, tmp_path: Path, command: tuple[str, ...], files_in: bool
) -> None:
    key, cert = _write_pair(tmp_path, "webbridge3-2026", chain=False, der=True)
    where = ["--files-in", str(tmp_path)] if files_in else []
    result = cli(*command, "--node", "cms1.example.com", "--webbridge3", key, cert, *where)
    assert result.code == 1, result.err
    assert "build the full chain first" in result.err
    assert "webbridge3 https certs" not in result.out
    _key, full = _write_pair(tmp_path, "webbridge3-2027", chain=True)
    fixed = cli(*command, "--node", "cms1.example.com", "--webbridge3", "webbridge3-2027.key", full, *where)
    assert fixed.code == 0, fixed.err
    assert f"webbridge3 https certs webbridge3-2027.key {full}" in fixed.out


@pytest.mark.parametrize("command", [("deploy",), ("renew", "sheet")])
def test_cli_refuses_a_certificate_of_another_key(cli, tmp_path: Path, command: tuple[str, ...]) -> None:
    key, cert = _write_pair(tmp_path, "callbridge-2026", chain=False, matching=False)
    result = cli(*command, "--node", "cms1.example.com", "--callbridge", key, cert)
    assert result.code == 1
    assert "is not the key of" in result.err
    assert "callbridge certs" not in result.out


@pytest.mark.parametrize(
    ("basename", "service"),
    [
        ("webbridge3-2025", Service.WEBBRIDGE3),
        ("webbridge-2025", Service.WEBBRIDGE),
        ("callbridge-cms1-2026", Service.CALLBRIDGE),
        ("webadmin", Service.WEBADMIN),
        ("cms1", None),
        ("webbridge3x-2025", None),
    ],
)
def test_the_service_a_file_name_names(basename: str, service: Service | None) -> None:
    from cmswizard.cms.services import service_named_in

    assert service_named_in(basename) is service
