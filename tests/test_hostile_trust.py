"""Trust decided as OpenSSL decides it: old roots, version 1 roots, deep and broken chains, judged side by side
with `openssl verify`; and the per-user translation cache that never follows a planted link."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from helpers.factory import hierarchy

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl CLI not installed")


def _openssl(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True, check=False)


def _old_root_and_leaf(folder: Path, kind: str) -> None:
    """An AD CS-style root signed with SHA-1 or MD5, or a version 1 root, and a SHA-256 leaf it issued."""
    subject = f"/CN=Old Root {kind}"
    if kind == "v1":
        _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.csr",
                 "-subj", subject, cwd=folder)  # fmt: skip
        _openssl("x509", "-req", "-in", "root.csr", "-signkey", "root.key", "-out", "root.crt", "-days", "3650",
                 cwd=folder)  # fmt: skip
    else:
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.crt",
                 "-subj", subject, "-days", "3650", f"-{kind}", "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)  # fmt: skip
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr",
             "-subj", "/CN=cms1.example.com", cwd=folder)  # fmt: skip
    (folder / "ext").write_text("basicConstraints=CA:FALSE\nsubjectAltName=DNS:cms1.example.com\n")
    _openssl("x509", "-req", "-in", "leaf.csr", "-CA", "root.crt", "-CAkey", "root.key", "-CAcreateserial",
             "-out", "leaf.crt", "-days", "300", "-sha256", "-extfile", "ext", cwd=folder)  # fmt: skip
    assert (folder / "leaf.crt").exists()


@needs_openssl
@pytest.mark.parametrize("kind", ["sha1", "md5", "v1"])
def test_old_roots_are_trust_anchors_as_in_openssl(cli, tmp_path: Path, kind: str) -> None:
    _old_root_and_leaf(tmp_path, kind)
    assert _openssl("verify", "-CAfile", "root.crt", "leaf.crt", cwd=tmp_path).returncode == 0
    result = cli("pki", "verify", "leaf.crt", "root.crt")
    assert result.code == 0, result.err
    assert "verified: cms1.example.com → Old Root" in result.out
    weakness = "version 1 certificate" if kind == "v1" else f"signs itself with {'SHA-1' if kind == 'sha1' else 'MD5'}"
    assert weakness in result.out
    bundle = cli("bundle", "leaf.crt", "root.crt", "--fullchain", "full.pem")
    assert bundle.code == 0, bundle.err
    assert "2. root" in bundle.out and "unrelated" not in bundle.out
    assert weakness in bundle.err and "incomplete" not in bundle.err


@needs_openssl
def test_a_fifty_intermediate_chain_is_ordered_whole(cli, tmp_path: Path) -> None:
    h = hierarchy(depth=50)
    (tmp_path / "pile.pem").write_bytes(b"".join(c.pem for c in reversed(h.chain)))
    (tmp_path / "leaf.crt").write_bytes(h.leaf.pem)
    (tmp_path / "root.crt").write_bytes(h.root.pem)
    (tmp_path / "mid.pem").write_bytes(b"".join(c.pem for c in h.intermediates))
    assert _openssl("verify", "-CAfile", "root.crt", "-untrusted", "mid.pem", "leaf.crt", cwd=tmp_path).returncode == 0
    result = cli("bundle", "pile.pem", "--fullchain", "full.pem")
    assert result.code == 0, result.err
    assert "52. root" in result.out and "unrelated" not in result.out and "incomplete" not in result.err
    assert (tmp_path / "full.pem").read_bytes() == b"".join(c.pem for c in h.chain)
    verified = cli("pki", "verify", "leaf.crt", "pile.pem")
    assert verified.code == 0 and "verified: cms1.example.com → Test Issuing CA 50" in verified.out


def test_a_gap_in_a_deep_chain_is_reported_with_where(cli, tmp_path: Path) -> None:
    h = hierarchy(depth=30)
    missing = h.intermediates[9]  # "Test Issuing CA 10"
    (tmp_path / "pile.pem").write_bytes(b"".join(c.pem for c in h.chain if c is not missing))
    result = cli("bundle", "pile.pem")
    assert result.code == 0
    assert (
        "warning: chain incomplete: after 21. Test Issuing CA 11: missing the certificate of its issuer" in result.err
    )
    assert "Test Issuing CA 10" in result.err
    verified = cli("pki", "verify", "pile.pem", "pile.pem")
    assert verified.code == 1 and 'missing intermediate for issuer "Test Issuing CA 10"' in verified.err


def test_an_ed25519_request_gets_no_key_encipherment(tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from cmswizard.pki.ca import issue_certificate
    from cmswizard.pki.csr import build_name
    from cmswizard.pki.spec import CsrSpec

    h = hierarchy(depth=0)
    key = ed25519.Ed25519PrivateKey.generate()
    csr = (
        x509.CertificateSigningRequestBuilder().subject_name(build_name(CsrSpec("e", "e.example.com"))).sign(key, None)
    )
    signed = issue_certificate(csr, h.root.key, h.root.cert)
    usage = signed.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and not usage.key_encipherment


# --- the translation cache ------------------------------------------------------------------------


@pytest.fixture
def no_prebuilt_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import cmswizard.gui.i18n as i18n

    monkeypatch.setattr(i18n, "_QM_DIR", tmp_path / "no-prebuilt")
    cache = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def test_the_catalogue_is_compiled_into_a_private_per_user_folder(no_prebuilt_catalogue: Path) -> None:
    from cmswizard.gui.i18n import _compiled_catalogue

    built = _compiled_catalogue("zh_TW")
    assert built is not None and built.parent == no_prebuilt_catalogue / "cmswizard"
    assert stat.S_IMODE(built.parent.stat().st_mode) == 0o700
    assert built.stat().st_size > 1000 and not built.is_symlink()


def test_a_link_planted_at_the_cache_path_is_never_followed(no_prebuilt_catalogue: Path, tmp_path: Path) -> None:
    from cmswizard.gui.i18n import _compiled_catalogue

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    folder = no_prebuilt_catalogue / "cmswizard"
    folder.mkdir(parents=True, mode=0o700)
    (folder / "cmswizard_zh_TW.qm").symlink_to(victim)
    built = _compiled_catalogue("zh_TW")
    assert victim.read_text() == "precious"
    assert built is not None and not built.is_symlink()


def test_a_cache_folder_that_is_a_link_or_shared_is_not_used(no_prebuilt_catalogue: Path, tmp_path: Path) -> None:
    from cmswizard.gui.i18n import _compiled_catalogue

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    no_prebuilt_catalogue.mkdir()
    (no_prebuilt_catalogue / "cmswizard").symlink_to(elsewhere)
    assert _compiled_catalogue("zh_TW") is None
    assert list(elsewhere.iterdir()) == []
    (no_prebuilt_catalogue / "cmswizard").unlink()
    (no_prebuilt_catalogue / "cmswizard").mkdir()
    os.chmod(no_prebuilt_catalogue / "cmswizard", 0o777)
    assert _compiled_catalogue("zh_TW") is None


def _v1_root_intermediate_leaf(folder: Path, intermediate_ext: str) -> None:
    """A version 1 root (no extensions), an intermediate with `intermediate_ext`, a leaf for cms1.example.com."""
    _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.csr",
             "-subj", "/CN=Old Root v1", cwd=folder)  # fmt: skip
    _openssl("x509", "-req", "-in", "root.csr", "-signkey", "root.key", "-out", "root.crt", "-days", "3650",
             cwd=folder)  # fmt: skip
    (folder / "ca.ext").write_text(
        f"basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n{intermediate_ext}"
    )
    (folder / "leaf.ext").write_text("basicConstraints=CA:FALSE\nsubjectAltName=DNS:cms1.example.com\n")
    for name, issuer, subject, ext in (("mid", "root", "/CN=Issuing CA", "ca.ext"),
                                       ("leaf", "mid", "/CN=cms1.example.com", "leaf.ext")):  # fmt: skip
        _openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.csr",
                 "-subj", subject, cwd=folder)  # fmt: skip
        _openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{issuer}.crt", "-CAkey", f"{issuer}.key",
                 "-CAcreateserial", "-out", f"{name}.crt", "-days", "300", "-sha256", "-extfile", ext,
                 cwd=folder)  # fmt: skip
    (folder / "bundle.pem").write_bytes((folder / "mid.crt").read_bytes() + (folder / "root.crt").read_bytes())


@needs_openssl
@pytest.mark.parametrize(
    "constraint, accepted",
    [("", True), ("nameConstraints=critical,permitted;DNS:other.example\n", False)],
    ids=["plain", "name-constraint-excludes-leaf"],
)
def test_below_a_version_1_root_the_rest_of_the_chain_is_still_judged_as_openssl_does(
    cli, tmp_path: Path, constraint: str, accepted: bool
) -> None:
    _v1_root_intermediate_leaf(tmp_path, constraint)
    openssl = _openssl("verify", "-CAfile", "root.crt", "-untrusted", "mid.crt", "leaf.crt", cwd=tmp_path)
    assert (openssl.returncode == 0) is accepted, openssl.stdout + openssl.stderr
    result = cli("pki", "verify", "leaf.crt", "bundle.pem")
    assert (result.code == 0) is accepted, result.out + result.err
    if not accepted:
        assert "name constraint" in result.err


@needs_openssl
def test_an_authority_key_identifier_naming_another_key_fails_as_in_openssl(cli, tmp_path: Path) -> None:
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    from helpers.factory import issue, name, new_key

    root = issue("Root A", ca=True)
    stranger = new_key()
    key = new_key()
    now = dt.datetime.now(dt.UTC)
    mid = (
        x509.CertificateBuilder()
        .subject_name(name("Issuing A"))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=300))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(stranger.public_key()), critical=False)
        .sign(root.key, hashes.SHA256())  # signed by the root, but the AKI names another key
    )
    from helpers.factory import Issued

    leaf = issue("cms1.example.com", Issued(mid, key))
    (tmp_path / "root.crt").write_bytes(root.pem)
    (tmp_path / "mid.crt").write_bytes(Issued(mid, key).pem)
    (tmp_path / "leaf.crt").write_bytes(leaf.pem)
    (tmp_path / "bundle.pem").write_bytes(Issued(mid, key).pem + root.pem)
    assert _openssl("verify", "-CAfile", "root.crt", "-untrusted", "mid.crt", "leaf.crt", cwd=tmp_path).returncode
    result = cli("pki", "verify", "leaf.crt", "bundle.pem")
    assert result.code == 1, result.out
    assert "Issuing A → Root A: signed by Root A, but its authority key identifier names another key" in result.err


@needs_openssl
def test_a_root_beside_its_cross_certificate_is_the_issuer_as_in_openssl(cli, tmp_path: Path) -> None:
    from helpers.factory import issue, new_key

    old_root = issue("Old Root", ca=True)
    key = new_key()
    root = issue("New Root", ca=True, key=key)
    cross = issue("New Root", old_root, ca=True, key=key)  # the new root's key, vouched for by the old root
    mid = issue("Issuing CA", root, ca=True)
    leaf = issue("cms1.example.com", mid)
    (tmp_path / "pile.pem").write_bytes(leaf.pem + mid.pem + cross.pem + old_root.pem + root.pem)
    (tmp_path / "roots.pem").write_bytes(old_root.pem + root.pem)
    (tmp_path / "untrusted.pem").write_bytes(mid.pem + cross.pem)
    (tmp_path / "leaf.crt").write_bytes(leaf.pem)
    shown = _openssl("verify", "-show_chain", "-CAfile", "roots.pem", "-untrusted", "untrusted.pem", "leaf.crt",
                     cwd=tmp_path).stdout  # fmt: skip
    assert "depth=2: O = Test Org, CN = New Root" in shown and "Old Root" not in shown
    result = cli("bundle", "pile.pem", "--fullchain", "full.pem")
    assert result.code == 0, result.err
    assert (tmp_path / "full.pem").read_bytes() == leaf.pem + mid.pem + root.pem
