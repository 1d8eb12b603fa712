"""The one reading, one escaping and one writing function, tried as an attacker or an unlucky admin would."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cmswizard.pki.errors import CmsInputError, Text
from cmswizard.pki.files import OutputFile, holds_private_key, read_input_file, write_files
from cmswizard.pki.loader import load_bytes
from cmswizard.pki.safe_text import escape, one_line, shown

from helpers.factory import hierarchy

EXAMPLES = int(os.environ.get("CMSWIZARD_FUZZ_EXAMPLES", "200"))
fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_H = hierarchy(depth=1)
ROOT = Path(__file__).parent.parent


# --- reading ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/dev/zero", "is a device, not a file"),
        ("/dev/urandom", "is a device, not a file"),
        ("/dev/null", "is a device, not a file"),
        (".", "is a folder; name a file"),
    ],
)
def test_only_regular_files_are_read(path: str, expected: str) -> None:
    with pytest.raises(CmsInputError, match=expected):
        read_input_file(path)


def test_a_fifo_without_a_writer_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pem"
    os.mkfifo(fifo)
    with pytest.raises(CmsInputError, match=r"is a named pipe \(FIFO\)"):
        read_input_file(fifo)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(CmsInputError, match="is a socket"):
            read_input_file(path)
    finally:
        server.close()


def test_never_more_than_the_limit_plus_one_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cmswizard.pki.files as files_module

    big = tmp_path / "big.pem"
    big.write_bytes(b"A" * 5000)
    asked: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(files_module.os, "read", counting_read)
    monkeypatch.setattr(
        files_module.os, "fstat", lambda fd: os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    )
    with pytest.raises(CmsInputError, match="is larger than 1 KB"):
        read_input_file(big, limit=1000)
    assert sum(asked) <= 1001


def test_a_dangling_link_as_input_says_so(tmp_path: Path) -> None:
    (tmp_path / "gone.pem").symlink_to(tmp_path / "nowhere.pem")
    with pytest.raises(CmsInputError, match=r"is a link to .*nowhere.pem, which does not exist"):
        read_input_file(tmp_path / "gone.pem")


# --- escaping --------------------------------------------------------------------------------------


@fuzz
@given(st.text())
def test_property_escaped_text_never_drives_a_terminal(value: str) -> None:
    for out in (escape(value), shown(value), one_line(value), str(Text("x {v} y", v=value))):
        assert out.isprintable() or all(ch.isprintable() for ch in out)
        assert "\n" not in out and "\x1b" not in out and "\r" not in out
    assert len(shown(value, 50)) <= 50
    assert len(one_line(value, 80)) <= 80 + len(f"… ({len(value)} characters in all)")


@fuzz
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"))))
def test_property_printable_text_is_left_alone(value: str) -> None:
    value = value.replace("\u3000", " ").replace("\xa0", " ")
    value = "".join(ch for ch in value if ch.isprintable())
    assert escape(value) == value


def test_error_messages_name_values_escaped_and_short() -> None:
    error = CmsInputError("a\nb\x1b]0;evil\x07" + "x" * 10_000, Text("bad {v}", v="cmswizard: verified\n" * 5000))
    text = str(error)
    assert "\n" not in text and "\x1b" not in text and "\x07" not in text
    assert len(text) < 600


# --- linear PEM scanning ---------------------------------------------------------------------------

_PIECES = [
    b"-----BEGIN CERTIFICATE-----\n",
    b"-----END CERTIFICATE-----\n",
    b"-----BEGIN PRIVATE KEY-----\n",
    b"-----END PRIVATE KEY-----\n",
    b"-----BEGIN ",
    b"-----",
    b"MIIB\n",
    b"Bag Attributes\n",
    b"\r\n",
    b"\x00\xff",
]


def _reference_blocks(text: bytes) -> int | None:
    """A slow, obviously right count of BEGIN…END pairs; None when the scanner must refuse."""
    markers = re.findall(rb"-----(BEGIN|END) ([A-Z0-9 #]{1,64})-----", text)
    count, open_label = 0, None
    for kind, label in markers:
        if kind == b"BEGIN":
            if open_label is not None:
                return None
            open_label = label
        else:
            if open_label != label:
                return None
            count, open_label = count + 1, None
    return None if open_label is not None else count


@fuzz
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_property_pem_scanning_matches_a_reference(pieces: list[bytes]) -> None:
    from cmswizard.pki.loader import _scan_pem

    text = b"".join(pieces)
    expected = _reference_blocks(text)
    try:
        blocks, _stray = _scan_pem(text, "x.pem")
    except CmsInputError:
        assert expected is None
        return
    assert len(blocks) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"-----BEGIN CERTIFICATE-----\n" * 40_000,
        b"-----BEGIN CERTIFICATE-----\nAAAA" * 30_000,
        b"-----BEGIN " + b"A" * 1_000_000,
        b"-----END CERTIFICATE-----\n" * 40_000,
        (b"-----BEGIN X-----\n" + b"-" * 1000) * 1000,
    ],
    ids=["begins", "begins-and-base64", "long-label", "ends", "dashes"],
)
def test_hostile_pem_megabytes_are_refused(data: bytes) -> None:
    with pytest.raises(CmsInputError):
        load_bytes(data, "hostile.pem")


def test_many_certificates_load_in_one_pass() -> None:
    data = b"".join(c.pem for c in _H.chain) * 500
    assert len(load_bytes(data, "many.pem").certificates) == 500 * len(_H.chain)


# --- writing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        _H.leaf.key_pem,
        b"Bag Attributes\n    localKeyID: 01\n" + _H.leaf.key_pem + _H.leaf.pem,
        _H.leaf.pem + _H.leaf.key_pem,
    ],
    ids=["key", "bag-attributes", "cert-and-key"],
)
def test_private_by_content(tmp_path: Path, data: bytes) -> None:
    assert holds_private_key(data)
    target = tmp_path / "innocent.pem"
    write_files([OutputFile(target, data)])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_unencrypted_pfx_and_der_keys_are_private() -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs12

    pfx = pkcs12.serialize_key_and_certificates(b"x", _H.leaf.key, _H.leaf.cert, None, NoEncryption())
    der = _H.leaf.key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    assert holds_private_key(pfx) and holds_private_key(der)
    assert not holds_private_key(_H.leaf.pem) and not holds_private_key(_H.leaf.der)


def test_dangling_link_at_the_output_gets_a_true_message(tmp_path: Path) -> None:
    (tmp_path / "out.pem").symlink_to(tmp_path / "missing" / "target.pem")
    with pytest.raises(CmsInputError, match=r"is a symbolic link to .*target.pem, which does not exist"):
        write_files([OutputFile(tmp_path / "out.pem", b"x", replace=True)])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pem"]


def test_a_link_at_the_output_is_never_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    (tmp_path / "out.pem").symlink_to(victim)
    with pytest.raises(CmsInputError, match="never writes through links"):
        write_files([OutputFile(tmp_path / "out.pem", b"x", replace=True)])
    assert victim.read_bytes() == b"precious"


def test_replaced_files_come_back_when_the_set_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cmswizard.pki.files as files_module

    key, csr = tmp_path / "a.key", tmp_path / "a.csr"
    key.write_bytes(b"old key")
    csr.write_bytes(b"old csr")
    real_replace = os.replace

    def failing_replace(source: str, target: str) -> None:
        if str(target).endswith("a.csr") and str(source).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(files_module.os, "replace", failing_replace)
    with pytest.raises(CmsInputError, match="the disk is full"):
        write_files(
            [OutputFile(key, b"new key", private=True, replace=True), OutputFile(csr, b"new csr", replace=True)]
        )
    monkeypatch.undo()
    assert key.read_bytes() == b"old key" and csr.read_bytes() == b"old csr"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csr", "a.key"]


def test_one_file_named_for_two_outputs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CmsInputError, match="is named for two outputs"):
        write_files([OutputFile(tmp_path / "x.pem", b"1"), OutputFile(tmp_path / "x.pem", b"2")])


def test_control_characters_never_become_file_names(tmp_path: Path) -> None:
    with pytest.raises(CmsInputError, match="control characters"):
        write_files([OutputFile(tmp_path / "a\nb.pem", b"1")])
    assert list(tmp_path.iterdir()) == []


# --- signals on a real process ---------------------------------------------------------------------

# Runs inside the child: makes each rename slow and announces it, so the parent signals at the worst moment.
_SLOW_RENAMES = """
import os, sys, time
_replace, _link = os.replace, os.link
def _slow(real):
    def slow(source, target, *args, **kwargs):
        if str(target).endswith((".key", ".csr")) and ".tmp" in str(source):
            sys.stderr.write("PLACING " + str(target) + "\\n"); sys.stderr.flush()
            time.sleep(0.4)
        return real(source, target, *args, **kwargs)
    return slow
os.replace, os.link = _slow(_replace), _slow(_link)
"""


def _run_and_signal(tmp_path: Path, signum: int, force: bool) -> tuple[int, str]:
    hook = tmp_path / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(_SLOW_RENAMES)
    env = {**os.environ, "PYTHONPATH": f"{hook}{os.pathsep}{ROOT}"}
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    argv = [sys.executable, "-m", "cmswizard", "pki", "csr", "cms1", "CN:cms1.example.com", "--key", "ec256"]
    argv += ["--dir", str(out)] + (["--force"] if force else [])
    with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stderr is not None
        lines = []
        for line in child.stderr:
            lines.append(line)
            if line.startswith("PLACING"):
                break
        time.sleep(0.05)
        child.send_signal(signum)
        _out, rest = child.communicate(timeout=30)
    return child.returncode, "".join(lines) + rest


@pytest.mark.parametrize("signum", [2, 15], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
def test_a_signal_between_the_key_and_the_csr_leaves_both_or_neither(tmp_path: Path, signum: int, force: bool) -> None:
    out = tmp_path / "out"
    if force:
        out.mkdir()
        (out / "cms1.key").write_bytes(b"old key\n")
        (out / "cms1.csr").write_bytes(b"old csr\n")
    code, err = _run_and_signal(tmp_path, signum, force)
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith((".tmp", ".old"))], names
    if force:
        assert (out / "cms1.key").read_bytes() == b"old key\n" and (out / "cms1.csr").read_bytes() == b"old csr\n"
    else:
        assert names == []
    assert code == (130 if signum == 2 else 143), err  # 128 + the signal, as shells report it
    assert ("interrupted" if signum == 2 else "terminated (SIGTERM)") + "; nothing was left half-written" in err
    assert "Traceback" not in err


def test_twenty_concurrent_force_writers_leave_a_matching_pair(tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from cmswizard.pki.verify import key_matches

    argv = [sys.executable, "-m", "cmswizard", "pki", "csr", "cms1", "CN:cms1.example.com", "--key", "ec256"]
    children = [
        subprocess.Popen(
            [*argv, "--dir", str(tmp_path), "--force"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(20)
    ]
    codes = [child.wait(timeout=120) for child in children]
    assert codes == [0] * 20
    key = load_pem_private_key((tmp_path / "cms1.key").read_bytes(), None)
    csr = x509.load_pem_x509_csr((tmp_path / "cms1.csr").read_bytes())
    assert key_matches(key, csr)  # type: ignore[arg-type]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cms1.csr", "cms1.key"]


# --- properties for `make fuzz`: file types and terminal escapes through the real CLI ---------------

_KINDS = ["regular", "empty", "folder", "fifo", "dangling", "link", "device", "socket", "too-big"]


@fuzz
@given(kind=st.sampled_from(_KINDS), data=st.binary(max_size=200))
def test_property_only_regular_files_are_read(tmp_path: Path, kind: str, data: bytes) -> None:
    folder = tmp_path / f"case-{os.urandom(4).hex()}"
    folder.mkdir()
    path = folder / "input.pem"
    server = None
    if kind in ("regular", "too-big"):
        path.write_bytes(data + (b"x" * 300 if kind == "too-big" else b""))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere")
    elif kind == "link":
        (folder / "target").write_bytes(data or b"x")
        path.symlink_to(folder / "target")
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    try:
        content = read_input_file(path, limit=256)
    except CmsInputError as error:
        assert "\n" not in str(error)
        assert kind not in ("link",) or not data or len(data) > 256
        return
    finally:
        if server is not None:
            server.close()
    assert kind in ("regular", "link") and 0 < len(content) <= 256
    assert content == (data if kind == "regular" else (data or b"x"))


_CONTROL = st.characters(categories=("Cc", "Cf", "Zl", "Zp"))
_HOSTILE_TEXT = st.lists(st.one_of(_CONTROL, st.sampled_from(["a", ".", "-", "example", "com", "\x1b]0;", "\x07"])))


@fuzz
@given(pieces=_HOSTILE_TEXT, where=st.sampled_from(["cn", "o", "file", "san", "node"]))
@example(pieces=["a", ".", "a"], where="node")  # a clean sheet: exit 0 is right
def test_property_terminal_escapes_never_reach_the_terminal(cli, pieces: list[str], where: str) -> None:
    value = "".join(pieces).replace("\x00", "")  # a NUL cannot be in an argument at all
    argv = {
        "cn": ["pki", "csr", "x", f"CN:{value}", "--dir", "no-such-folder"],
        "o": ["pki", "csr", "x", "CN:x.example.com", f"O:{value}", "--dir", "no-such-folder"],
        "file": ["pki", "inspect", value or "-"],
        "san": ["pki", "csr", "x", "CN:x.example.com", f"subjectAltName:{value}", "--dir", "no-such-folder"],
        "node": ["deploy", "--node", value or "-", "--webadmin", value or "-", "a.crt"],
    }[where]
    result = cli(*argv)
    # A plain FQDN and file name make a valid sheet (exit 0); every other case has a bad --dir or file.
    assert result.code in ((0, 1, 2) if where == "node" else (1, 2)), result
    shown_text = result.out + result.err
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", shown_text)
    assert len(result.err.strip().splitlines()) <= 3


def test_a_newline_in_a_cn_never_forges_a_line(cli, tmp_path: Path) -> None:
    from helpers import hostile_files

    files = hostile_files.build(_H)
    (tmp_path / "evil.crt").write_bytes(files["evil.crt"])
    (tmp_path / "root.crt").write_bytes(_H.root.pem)
    for argv in (
        ["pki", "inspect", "evil.crt"],
        ["pki", "inspect", "evil.crt", "--json"],
        ["pki", "list", "."],
        ["pki", "verify", "evil.crt", "root.crt"],
        ["bundle", "evil.crt", "root.crt"],
    ):
        result = cli(*argv)
        printed = result.out + result.err
        assert "\x1b" not in printed and "\x07" not in printed, argv
        assert not any(line.lstrip().startswith("cmswizard: verified") for line in printed.splitlines()), argv
        assert "evil" in printed, argv


def test_a_sheet_file_name_can_never_start_a_command_of_its_own() -> None:
    from cmswizard.cms.services import Service
    from cmswizard.cms.sheet import ServiceFiles

    files = ServiceFiles(Service.WEBADMIN, "a.key\nwebadmin disable", "a.crt\x1b[2J", "b.crt\rcallbridge restart")
    assert all("\n" not in name and "\r" not in name and "\x1b" not in name for name in files.files())
    assert files.key == "a.key\\x0awebadmin disable"


def test_plan_and_deploy_page_read_through_the_one_reader(tmp_path: Path) -> None:
    from cmswizard.cms.plan_files import _read_or_none
    from cmswizard.gui.models.folder_files import is_key_file as _is_key_file

    os.mkfifo(tmp_path / "cms-commands.txt")
    os.mkfifo(tmp_path / "waiting.pem")
    assert _read_or_none(tmp_path / "cms-commands.txt") is None  # returns at once: no writer needed
    assert _is_key_file(tmp_path / "waiting.pem") is False
    (tmp_path / "both.pem").write_bytes(_H.leaf.pem + _H.leaf.key_pem)  # the key is not the first block
    assert _is_key_file(tmp_path / "both.pem") is True


def test_a_certificate_with_thousands_of_names_is_shown_not_dumped(cli, tmp_path: Path) -> None:
    from helpers.factory import issue

    names = [f"host{n}.example.com" for n in range(3000)]
    (tmp_path / "wide.crt").write_bytes(issue("host0.example.com", _H.intermediates[0], san=names).pem)
    result = cli("pki", "inspect", "wide.crt")
    assert result.code == 0
    line = next(line for line in result.out.splitlines() if line.startswith("Subject alt names"))
    assert "… and 2950 more" in line and len(line) < 1200
    assert len(cli("pki", "inspect", "wide.crt", "--json").out) > 60_000  # JSON keeps every name


def test_thousands_of_cas_with_one_name_cost_a_bounded_number_of_signature_checks() -> None:
    from cmswizard.pki.chain import MAX_SAME_NAME_ISSUERS, IssuerIndex, auto_order, make_item

    from helpers.factory import issue, new_key

    root = issue("Same Name CA", ca=True)
    key = new_key()
    twins = [issue("Same Name CA", root, ca=True, key=key) for _ in range(300)]  # all named like their issuer
    leaf = issue("cms1.example.com", twins[0])
    items = [make_item(c.cert) for c in [leaf, *twins, root]]
    found = auto_order(items)
    assert len(found.chains) == 1 and found.chains[0].items[0].subject_cn == "cms1.example.com"
    index = IssuerIndex(items, found.chains[0].items[0].certificate.not_valid_before_utc)
    for item in items:
        index.issuers(item)
    assert len(index.signature_cache) <= len(items) * MAX_SAME_NAME_ISSUERS


def test_a_pfx_asking_for_absurd_key_derivation_rounds_is_refused_before_any() -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12

    from cmswizard.pki.loader import _kdf_iterations

    rounds = (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(50_000)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(b"pw")
    )
    good = pkcs12.serialize_key_and_certificates(b"x", _H.leaf.key, _H.leaf.cert, [_H.root.cert], rounds)
    assert _kdf_iterations(good) == 50_000
    assert load_bytes(good, "good.pfx", password=b"pw").keys
    greedy = good.replace(b"\x02\x03\x00\xc3\x50", b"\x02\x03\x7f\xff\xff")  # 8,388,607 rounds, same length
    with pytest.raises(CmsInputError, match="asks for 8,388,607 password-derivation rounds"):
        load_bytes(greedy, "greedy.pfx", password=b"pw")


def _hiding_places() -> dict[str, bytes]:
    import base64

    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs7, pkcs12

    pem = _H.leaf.key_pem
    der = _H.leaf.key.private_bytes(Encoding.DER, PrivateFormat.PKCS8, NoEncryption())
    sec1 = _H.leaf.key.private_bytes(Encoding.DER, PrivateFormat.TraditionalOpenSSL, NoEncryption())
    p7b = pkcs7.serialize_certificates([_H.leaf.cert], Encoding.DER)
    pfx = pkcs12.serialize_key_and_certificates(b"x", _H.leaf.key, _H.leaf.cert, None, NoEncryption())
    assert pfx[:2] == b"\x30\x82"
    return {
        "utf16-bom": b"\xff\xfe" + pem.decode().encode("utf-16-le"),
        "utf16-no-bom": (_H.leaf.pem + pem).decode().encode("utf-16-le"),
        "utf16-be": b"\xfe\xff" + pem.decode().encode("utf-16-be"),
        "bare-base64": base64.b64encode(der) + b"\n",
        "bare-base64-wrapped": base64.encodebytes(sec1),
        "der-after-p7b": p7b + der,
        "der-before-pem-cert": der + _H.leaf.pem,
        "sec1-der-in-the-middle": b"notes\x00\x01" + sec1 + b"\x00more",
        "pfx-long-length-form": b"\x30\x84" + int.from_bytes(pfx[2:4], "big").to_bytes(4, "big") + pfx[4:],
        "putty": b"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n",
    }


@pytest.mark.parametrize("where", sorted(_hiding_places()))
def test_a_key_is_private_wherever_it_hides(tmp_path: Path, where: str) -> None:
    data = _hiding_places()[where]
    assert holds_private_key(data)
    target = tmp_path / "innocent.txt"
    write_files([OutputFile(target, data)])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_certificates_in_every_form_are_not_called_keys() -> None:
    import base64

    from cryptography.hazmat.primitives.serialization import Encoding, pkcs7

    deep = hierarchy(depth=5)
    certificates = [c.cert for c in deep.chain]
    for data in (
        b"".join(c.pem for c in deep.chain),
        *[c.der for c in deep.chain],
        pkcs7.serialize_certificates(certificates, Encoding.DER),
        base64.encodebytes(deep.leaf.der),
        b"\xff\xfe" + deep.leaf.pem.decode().encode("utf-16-le"),
    ):
        assert not holds_private_key(data)


def test_hostile_key_patterns_are_judged_in_bounded_time() -> None:
    # Millions of key-like byte patterns: a bounded number are parsed (no timing asserted: counted).
    from unittest import mock

    from cmswizard.pki import files

    calls: list[bytes] = []
    real = files._is_der_key
    with mock.patch.object(files, "_is_der_key", side_effect=lambda c: calls.append(c) or real(c)):
        assert not holds_private_key(b"\x30\x03\x02\x01\x00\x30" * 500_000)
    assert 0 < len(calls) <= files._MAX_KEY_PROBES


def test_a_utf16_file_is_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(CmsInputError, match="is saved as UTF-16 text"):
        load_bytes(b"\xff\xfe" + _H.leaf.pem.decode().encode("utf-16-le"), "notepad.crt")


def test_calendar_reminders_carry_no_control_characters() -> None:
    from cmswizard.export.calendar import ExpiryEntry, expiry_calendar

    from helpers.factory import issue

    evil = issue("c\x1b]0;x\x07\u202egpj\u200b\x9b31m", _H.intermediates[0], san=["cms1.example.com"])
    text = expiry_calendar([ExpiryEntry(evil.cert, "f\x1b[2J.crt")]).decode()
    assert not re.search(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", text)
    assert "x1b]0" in text.replace("\r\n ", "")  # shown as an escape (iCalendar doubles the backslash)


@pytest.mark.parametrize(
    "typed, written", [("ﬁle.example.com", "file.example.com"), ("\u24b6.example.com", "a.example.com")]
)
def test_a_san_look_alike_mapped_by_uts46_is_never_silent(cli, typed: str, written: str) -> None:
    result = cli("pki", "csr", "x", "CN:cms1.example.com", f"subjectAltName:{typed}")
    assert result.code == 0, result.err
    assert f"{typed} is written as {written}" in result.out + result.err


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('sheet = "cms-commands.txt"', 'sheet = "../victim.txt"', "sheet: ../victim.txt: give a plain file name"),
        ('sheet = "cms-commands.txt"', 'sheet = "a\\nb.txt"', "sheet: a\\x0ab.txt: give a plain file name"),
        (
            'backup_name = "before-certificates"',
            'backup_name = "x\\ncallbridge restart"',
            "backup name: x\\x0acallbridge restart: use letters",
        ),
    ],
    ids=["sheet-outside-the-folder", "sheet-name-with-newline", "backup-name-with-newline"],
)
def test_a_hostile_plan_file_writes_nothing_outside_and_types_no_command(
    cli, tmp_path: Path, old: str, new: str, expected: str
) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    made = cli("plan", "new", "plan/p.toml", "--core", "cms1.example.com")
    assert made.code == 0, made.err
    plan = folder / "p.toml"
    text = plan.read_text()
    assert old in text
    plan.write_text(text.replace(old, new))
    result = cli("plan", "apply", "plan/p.toml")
    assert result.code == 2, result.out
    assert expected in result.err.strip().splitlines()[-1]
    assert victim.read_text() == "precious\n"
    assert sorted(p.name for p in folder.iterdir()) == ["p.toml"]


def test_a_pkcs12_friendly_name_from_a_hostile_cn_is_escaped() -> None:
    from cryptography.hazmat.primitives.serialization import pkcs12

    from cmswizard.export.p12 import p12_from_chain
    from cmswizard.pki.chain import make_item

    from helpers.factory import issue

    evil = issue("c\x1b]0;x\x07\u202egpj", _H.intermediates[0], san=["cms1.example.com"])
    data, _ = p12_from_chain(evil.key, [make_item(evil.cert)], password=b"a long enough password")
    loaded = pkcs12.load_pkcs12(data, b"a long enough password")
    assert loaded.cert is not None and loaded.cert.friendly_name == b"c\\x1b]0;x\\x07\\u202egpj"


def test_a_loop_of_links_as_input_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.crt").symlink_to(tmp_path / "b.crt")
    (tmp_path / "b.crt").symlink_to(tmp_path / "a.crt")
    with pytest.raises(CmsInputError, match="is a symbolic link that leads back to itself"):
        read_input_file(tmp_path / "a.crt")


def test_bytes_of_a_file_name_that_is_not_utf8_are_shown_as_bytes() -> None:
    name = os.fsdecode(b"dl/\xff\xfe.crt")
    assert escape(name) == "dl/\\xff\\xfe.crt"
