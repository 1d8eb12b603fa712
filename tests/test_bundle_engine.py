"""The bundle engine: load anything, order the pile, write byte-exact CMS bundles, prove them."""

from __future__ import annotations

import datetime as dt
import itertools
import random
import socket
import ssl
import subprocess
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12

from cmswizard.pki.bundle import BundleKind, bundle_bytes, check_bundle, select_for_bundle
from cmswizard.pki.chain import Role, auto_order, check_order, collect, make_item, role_of
from cmswizard.pki.errors import Cancelled, CmsInputError
from cmswizard.pki.loader import FileFormat, PasswordRequired, load_bytes, load_file

from helpers.factory import NOW, Hierarchy, hierarchy, issue


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    h = hierarchy(depth=2, rsa_bits=2048)
    unrelated = hierarchy(depth=1, prefix="Other")
    # A cross-signed copy of the top intermediate (same name and key, issued by a root we do not have).
    old_root = issue("Legacy Root CA", ca=True)
    cross = issue(
        h.intermediates[0].cert.subject.rfc4514_string(),
        old_root,
        ca=True,
        key=h.intermediates[0].key,
        subject=h.intermediates[0].cert.subject,
    )
    # An expired copy of the issuing CA (same name and key, an earlier certificate).
    expired = issue(
        "",
        h.intermediates[0],
        ca=True,
        key=h.intermediates[1].key,
        subject=h.intermediates[1].cert.subject,
        start=NOW - dt.timedelta(days=800),
        end=NOW - dt.timedelta(days=30),
    )
    h.extra.update(unrelated_leaf=unrelated.leaf, unrelated_root=unrelated.root, cross=cross, expired=expired)
    return h


def _p7b(tmp_path: Path, pems: list[bytes], name: str, der: bool = True) -> Path:
    source = tmp_path / f"{name}.src.pem"
    source.write_bytes(b"".join(pems))
    out = tmp_path / name
    subprocess.run(
        [
            "openssl",
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            str(source),
            "-out",
            str(out),
            "-outform",
            "DER" if der else "PEM",
        ],
        check=True,
    )
    source.unlink()
    return out


def _messy_pem(pem: bytes, friendly: str = "root") -> bytes:
    """What Windows and `openssl pkcs12` hand out: BOM, Bag Attributes, CRLF, blank lines."""
    text = f"Bag Attributes\n    friendlyName: {friendly}\nsubject=/CN={friendly}\n\n".encode() + pem + b"\n\n"
    return b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n")


def test_formats_are_detected_by_content(pki: Hierarchy, tmp_path: Path) -> None:
    der = tmp_path / "leaf.pem"  # misleading extension on purpose
    der.write_bytes(pki.leaf.der)
    assert load_file(der).format is FileFormat.DER
    p7 = _p7b(tmp_path, [i.pem for i in pki.intermediates], "chain.crt")
    loaded = load_file(p7)
    assert loaded.format is FileFormat.PKCS7 and len(loaded.certificates) == 2
    p7pem = _p7b(tmp_path, [i.pem for i in pki.intermediates], "chain.p7c", der=False)
    assert len(load_file(p7pem).certificates) == 2
    messy = load_bytes(_messy_pem(pki.root.pem), "root.cer")
    assert messy.crlf and messy.stray_text and messy.certificates == [pki.root.cert]
    pfx = pkcs12.serialize_key_and_certificates(
        b"cms1",
        pki.leaf.key,
        pki.leaf.cert,
        [i.cert for i in pki.intermediates] + [pki.root.cert],
        BestAvailableEncryption(b"pw"),
    )
    with pytest.raises(PasswordRequired):
        load_bytes(pfx, "cms1.pfx")
    with pytest.raises(CmsInputError, match="wrong password"):
        load_bytes(pfx, "cms1.pfx", password=b"nope")
    loaded = load_bytes(pfx, "cms1.pfx", password=b"pw")
    assert loaded.format is FileFormat.PKCS12 and len(loaded.keys) == 1 and len(loaded.certificates) == 4


def test_duplicates_merge_and_remember_sources(pki: Hierarchy) -> None:
    pile = collect(
        [
            load_bytes(pki.root.pem, "a.pem"),
            load_bytes(pki.root.der, "b.cer"),
            load_bytes(pki.leaf.pem + pki.root.pem, "c.pem"),
        ]
    )
    assert len(pile) == 2
    assert pile[0].sources == ("a.pem", "b.cer", "c.pem")


def _pile(pki: Hierarchy, *extra: str) -> list:
    certs = [pki.leaf.cert, *[i.cert for i in pki.intermediates], pki.root.cert]
    certs += [pki.extra[name].cert for name in extra]
    return [make_item(c, ["test"]) for c in certs]


def test_every_permutation_gives_the_same_order(pki: Hierarchy) -> None:
    expected = [c.cert for c in pki.chain]
    pile = _pile(pki, "unrelated_leaf", "cross")
    for permutation in itertools.permutations(pile):
        found = auto_order(list(permutation))
        entity_chains = [c for c in found.chains if c.items[0].certificate == pki.leaf.cert]
        assert [i.certificate for i in entity_chains[0].items] == expected
        assert entity_chains[0].complete


def test_cross_signed_and_expired_copies_are_told_apart(pki: Hierarchy) -> None:
    pile = _pile(pki, "cross", "expired", "unrelated_root")
    rng = random.Random(7)
    for _ in range(50):
        rng.shuffle(pile)
        found = auto_order(pile)
        assert len(found.chains) == 1
        assert [i.certificate for i in found.chains[0].items] == [c.cert for c in pki.chain]
        unrelated = {i.certificate for i in found.unrelated}
        assert unrelated == {pki.extra["cross"].cert, pki.extra["expired"].cert, pki.extra["unrelated_root"].cert}


def test_missing_link_names_the_issuer(pki: Hierarchy) -> None:
    pile = [make_item(pki.leaf.cert), make_item(pki.root.cert)]
    found = auto_order(pile)
    assert not found.chains[0].complete
    assert found.chains[0].missing_issuer == "Test Issuing CA 2"
    assert [i.certificate for i in found.unrelated] == [pki.root.cert]


def test_user_order_is_checked_link_by_link(pki: Hierarchy) -> None:
    leaf, int2, int1, root = (make_item(c.cert) for c in pki.chain)
    good = check_order([leaf, int2, int1, root])
    assert good.ok and [link.reason for link in good.links] == ["signed by the next certificate"] * 3
    swapped = check_order([leaf, int1, int2, root])
    assert not swapped.ok
    assert swapped.links[0].reason == (
        "not issued by the next certificate (issuer is Test Issuing CA 2, next is Test Issuing CA 1)"
    )
    no_root = check_order([leaf, int2, int1])
    assert no_root.last_problem == "root is missing: add the certificate of Test Root CA"
    root_on_top = check_order([root, leaf, int2, int1])  # not 'missing': it is there, in the wrong place
    assert root_on_top.last_problem == "the root Test Root CA is there but not at the bottom: move it to the end"
    expired = check_order([leaf, make_item(pki.extra["expired"].cert), int1, root])
    assert expired.links[0].ok and expired.validity[1].startswith("expired on ")
    assert [role_of(i) for i in (leaf, int2, root)] == [Role.ENTITY, Role.INTERMEDIATE, Role.ROOT]


def test_link_reasons_for_ca_rules() -> None:
    root = issue("Rule Root", ca=True, path_length=0)
    sub = issue("Rule Sub", root, ca=True)
    leaf = issue("leaf.example.com", sub)
    ordering = check_order([make_item(leaf.cert), make_item(sub.cert), make_item(root.cert)])
    assert ordering.links[1].reason.startswith("path length exceeded")
    no_sign = issue("No Sign CA", ca=True, key_cert_sign=False)
    child = issue("child.example.com", no_sign)
    assert "lacks keyCertSign" in check_order([make_item(child.cert), make_item(no_sign.cert)]).links[0].reason
    not_ca = issue("plain.example.com")
    child2 = issue("child2.example.com", not_ca)
    assert "is not a CA" in check_order([make_item(child2.cert), make_item(not_ca.cert)]).links[0].reason
    other_key = issue("Rule Root", ca=True, path_length=0)
    assert (
        "different CA with the same name"
        in check_order([make_item(sub.cert), make_item(other_key.cert)]).links[0].reason
    )


def assert_cms_pem(data: bytes) -> None:
    """PEM as CMS wants it, checked line by line without the engine's help."""
    assert b"\r" not in data and b"\n\n" not in data
    assert data.endswith(b"-----END CERTIFICATE-----\n") and not data.endswith(b"\n\n")
    blocks = data.split(b"-----END CERTIFICATE-----\n")[:-1]
    for block in blocks:
        lines = block.split(b"\n")
        assert lines[0] == b"-----BEGIN CERTIFICATE-----" and lines[-1] == b""
        body = lines[1:-1]
        assert all(len(line) == 64 for line in body[:-1]) and 0 < len(body[-1]) <= 64


def test_byte_exact_bundle_from_messy_inputs(pki: Hierarchy, tmp_path: Path, cli) -> None:
    (tmp_path / "leaf.cer").write_bytes(pki.leaf.der)
    _p7b(tmp_path, [i.pem for i in pki.intermediates], "intermediates.p7b")
    (tmp_path / "root.pem").write_bytes(_messy_pem(pki.root.pem))
    pfx = pkcs12.serialize_key_and_certificates(
        b"x", pki.leaf.key, pki.leaf.cert, [pki.root.cert], BestAvailableEncryption(b"pw")
    )
    (tmp_path / "cms1.pfx").write_bytes(pfx)
    (tmp_path / "pw.txt").write_text("pw\r\n")
    result = cli(
        "bundle",
        "root.pem",
        "cms1.pfx",
        "intermediates.p7b",
        "leaf.cer",
        "--password-file",
        "pw.txt",
        "--fullchain",
        "full.pem",
        "--ca-bundle",
        "ca.pem",
        "--entity",
        "leaf.pem",
    )
    assert result.code == 0, result.err
    expected_full = b"".join(c.pem for c in pki.chain)
    assert (tmp_path / "full.pem").read_bytes() == expected_full
    assert (tmp_path / "ca.pem").read_bytes() == b"".join(c.pem for c in pki.chain[1:])
    assert (tmp_path / "leaf.pem").read_bytes() == pki.leaf.pem
    for name in ("full.pem", "ca.pem"):
        assert_cms_pem((tmp_path / name).read_bytes())
    assert "1. entity" in result.out and "4. root" in result.out
    no_root = cli("bundle", "leaf.cer", "intermediates.p7b", "root.pem", "--fullchain", "noroot.pem", "--no-root")
    assert no_root.code == 0
    assert (tmp_path / "noroot.pem").read_bytes() == b"".join(c.pem for c in pki.chain[:-1])


def test_select_for_bundle(pki: Hierarchy) -> None:
    chain = [make_item(c.cert) for c in pki.chain]
    assert len(select_for_bundle(chain, BundleKind.FULL_CHAIN)) == 4
    assert select_for_bundle(chain, BundleKind.CA_BUNDLE, include_root=False) == chain[1:3]
    assert select_for_bundle(chain, BundleKind.ENTITY) == chain[:1]
    with pytest.raises(CmsInputError):
        bundle_bytes([])


def test_openssl_verify_accepts_written_files(pki: Hierarchy, tmp_path: Path) -> None:
    chain = [make_item(c.cert) for c in pki.chain]
    (tmp_path / "ca-bundle.pem").write_bytes(
        bundle_bytes(select_for_bundle(chain, BundleKind.CA_BUNDLE, include_root=False))
    )
    (tmp_path / "root.pem").write_bytes(pki.root.pem)
    (tmp_path / "leaf.pem").write_bytes(pki.leaf.pem)
    (tmp_path / "full.pem").write_bytes(bundle_bytes(chain))
    for untrusted in ("ca-bundle.pem", "full.pem"):
        done = subprocess.run(
            [
                "openssl",
                "verify",
                "-CAfile",
                str(tmp_path / "root.pem"),
                "-untrusted",
                str(tmp_path / untrusted),
                str(tmp_path / "leaf.pem"),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, (untrusted, done.stderr)


def _handshake(tmp_path: Path, chain_file: Path, key_pem: bytes, root_pem: bytes) -> str | None:
    """Serve `chain_file` on 127.0.0.1; connect trusting only the root and checking the host name."""
    key_file = tmp_path / "server.key"
    key_file.write_bytes(key_pem)
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(chain_file, key_file)
    client_ctx = ssl.create_default_context(cadata=root_pem.decode())
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.settimeout(10)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with server_ctx.wrap_socket(conn, server_side=True) as tls:
                tls.sendall(b"hello")
        except (ssl.SSLError, OSError):
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        with (
            socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
            client_ctx.wrap_socket(raw, server_hostname="cms1.example.com") as tls,
        ):
            return tls.recv(5).decode()
    except ssl.SSLCertVerificationError as error:
        return f"refused: {error.verify_message}"
    finally:
        thread.join(10)
        listener.close()


@pytest.mark.tls
def test_tls_handshake_with_written_full_chain(pki: Hierarchy, tmp_path: Path) -> None:
    chain = [make_item(c.cert) for c in pki.chain]
    full = tmp_path / "full.pem"
    full.write_bytes(bundle_bytes(select_for_bundle(chain, BundleKind.FULL_CHAIN)))
    assert _handshake(tmp_path, full, pki.leaf.key_pem, pki.root.pem) == "hello"
    broken = tmp_path / "broken.pem"
    broken.write_bytes(bundle_bytes([chain[0], chain[2], chain[3]]))  # the issuing CA is missing
    assert _handshake(tmp_path, broken, pki.leaf.key_pem, pki.root.pem).startswith("refused")


def _vectors() -> Path:
    import cryptography_vectors

    return Path(cryptography_vectors.__file__).parent / "x509"


def test_real_world_chains_from_cryptography_vectors() -> None:
    pkits = _vectors() / "PKITS_data" / "certs"
    files = [
        load_file(pkits / name)
        for name in (
            "TrustAnchorRootCertificate.crt",
            "ValidCertificatePathTest1EE.crt",
            "GoodCACert.crt",
            "pathLenConstraint0CACert.crt",
            "GoodsubCACert.crt",
        )
    ]
    pile = collect(files)
    at = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    found = auto_order(list(reversed(pile)), at=at)
    chain = next(c for c in found.chains if "Valid EE Certificate Test1" in c.items[0].subject_cn)
    assert [i.subject_cn for i in chain.items] == ["Valid EE Certificate Test1", "Good CA", "Trust Anchor"]
    assert check_order(chain.items, at=at).ok
    # A public chain: leaf and intermediate found, the root named as missing.
    web = load_file(_vectors() / "cryptography.io.chain.pem")
    web_found = auto_order(list(reversed(collect([web]))))
    web_chain = next(c for c in web_found.chains if c.items[0].subject_cn == "www.cryptography.io")
    assert [i.subject_cn for i in web_chain.items] == ["www.cryptography.io", "RapidSSL SHA256 CA - G3"]
    assert web_chain.missing_issuer == "GeoTrust Global CA"


def test_real_world_garbage_around_blocks() -> None:
    old_label = load_file(_vectors() / "cryptography.io.old_header.pem")  # "BEGIN X509 CERTIFICATE"
    assert len(old_label.certificates) == 1
    # These vectors hide a fake "PRIVATE KEY" block in the garbage: refused by name, not skipped silently.
    for name in ("cryptography.io.with_garbage.pem", "cryptography.io.chain_with_garbage.pem"):
        with pytest.raises(CmsInputError, match="damaged private key block"):
            load_file(_vectors() / name)


def test_pkits_pkcs12_loads_with_password() -> None:
    data = (_vectors() / "PKITS_data" / "pkcs12" / "ValidCertificatePathTest1EE.p12").read_bytes()
    loaded = load_bytes(data, "ValidCertificatePathTest1EE.p12", password=b"password")
    assert loaded.keys and loaded.certificates


def test_bundle_checker_reports_and_fixes(pki: Hierarchy) -> None:
    clean = b"".join(c.pem for c in pki.chain)
    assert check_bundle(clean, "clean.pem").clean
    messy = pki.root.pem + b"\n" + pki.leaf.pem + b"junk\n" + pki.intermediates[1].pem + pki.intermediates[0].pem
    messy = messy.replace(b"\n", b"\r\n")[:-2]
    report = check_bundle(messy, "messy.pem")
    texts = [str(i) for i in report.issues]
    assert any("CRLF" in t for t in texts)
    assert any("blank line" in t for t in texts)
    assert any("text outside a certificate block ('junk')" in t for t in texts)
    assert any("no line break after the last certificate" in t for t in texts)
    assert any("wrong order" in t for t in texts)
    assert report.fixed == clean
    dup = check_bundle(clean + pki.root.pem, "dup.pem")
    assert any("duplicate" in str(i) for i in dup.issues)
    expired = check_bundle(pki.leaf.pem + pki.extra["expired"].pem, "old.pem")
    assert any("expired on" in str(i) for i in expired.issues)


def test_bundle_check_cli(pki: Hierarchy, tmp_path: Path, cli) -> None:
    (tmp_path / "good.pem").write_bytes(b"".join(c.pem for c in pki.chain))
    assert cli("bundle", "--check", "good.pem").code == 0
    (tmp_path / "bad.pem").write_bytes(b"".join(c.pem for c in pki.chain).replace(b"\n", b"\r\n"))
    result = cli("bundle", "--check", "bad.pem", "--fix", "fixed.pem")
    assert result.code == 1 and "CRLF" in result.out
    assert (tmp_path / "fixed.pem").read_bytes() == (tmp_path / "good.pem").read_bytes()


BAD_BUNDLE_INPUTS = [
    ("garbage.bin", bytes(range(256)) * 8, "not a certificate, key or CSR file"),
    ("truncated.pem", b"-----BEGIN CERTIFICATE-----\nMIIBIjAN\n", "without its -----END line"),
    ("huge.pem", None, "is 50 MB"),
    ("empty.cer", b"", "is empty"),
    ("key.crt", "key", "holds a private key but no certificate"),
    ("request.pem", "csr", "holds a CSR, not a certificate"),
    ("locked.pfx", "pfx", "wrong password"),
]


@pytest.mark.parametrize("name, data, expected", BAD_BUNDLE_INPUTS)
def test_bad_bundle_inputs(pki: Hierarchy, tmp_path: Path, cli, name: str, data, expected: str) -> None:
    if data is None:
        with (tmp_path / name).open("wb") as big:
            big.truncate(50 * 1024 * 1024)
    elif data == "key":
        (tmp_path / name).write_bytes(pki.leaf.key_pem)
    elif data == "csr":
        from cmswizard.pki.csr import build_csr
        from cmswizard.pki.spec import CsrSpec

        csr = build_csr(CsrSpec("x", "x.example.com"), pki.leaf.key)
        (tmp_path / name).write_bytes(csr.public_bytes(Encoding.PEM))
    elif data == "pfx":
        (tmp_path / name).write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"x", pki.leaf.key, pki.leaf.cert, None, BestAvailableEncryption(b"right")
            )
        )
        (tmp_path / "pw").write_text("wrong")
    else:
        (tmp_path / name).write_bytes(data)
    extra = ["--password-file", "pw"] if data == "pfx" else []
    before = sorted(p.name for p in tmp_path.iterdir())
    result = cli("bundle", name, *extra, "--fullchain", "out.pem")
    assert result.code == 2
    assert expected in result.err and name in result.err
    assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_long_reads_report_progress_and_stop_when_cancelled() -> None:
    """The chain builder shows how far a long PEM file is read, and Cancel stops the reading there."""
    chains = [hierarchy(depth=2, prefix=f"p{n}", leaf_cn=f"cms{n}.example.com") for n in range(125)]
    data = b"".join(c.pem for chain in chains for c in chain.chain)  # 500 certificates
    reports: list[tuple[int, int]] = []
    loaded = load_bytes(data, "pile.pem", progress=lambda done, total: reports.append((done, total)))
    assert len(loaded.certificates) == 500
    assert {total for _, total in reports} == {1000}  # reading, then checking every extension
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert reports[0][0] == 0 and reports[-1][0] >= 900

    calls = 0

    def cancel_at_the_second_report(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise Cancelled

    with pytest.raises(Cancelled):  # not taken for a damaged file and read again the careful way
        load_bytes(data, "pile.pem", progress=cancel_at_the_second_report)
    assert calls == 2
