"""The live probe against real servers on 127.0.0.1 and ::1 (Python ssl and openssl s_server)."""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import ExtendedKeyUsageOID

from cmswizard.cms.endpoints import TlsService
from cmswizard.cms.probe_report import EndpointResult, Severity, judge, judge_endpoint
from cmswizard.cms.probe_targets import LocalCopy, ProbeOptions, ProbeTarget, name_covered, parse_endpoint
from cmswizard.pki.chain import common_name
from cmswizard.remote import probe as probe_module
from cmswizard.remote.probe import probe, probe_target

from helpers.factory import NOW, Hierarchy, Issued, hierarchy, issue, name
from helpers.pg import postgres_bin, running_postgres
from helpers.tls_servers import (
    LOOPBACKS,
    closing_server,
    openssl_server,
    python_tls_server,
    server_context,
    silent_server,
    xmpp_starttls_server,
)

pytestmark = pytest.mark.tls
CN = "cms1.example.com"


@dataclass
class Files:
    h: Hierarchy
    folder: Path

    def write(self, file_name: str, *parts: Issued | bytes) -> Path:
        path = self.folder / file_name
        path.write_bytes(b"".join(p if isinstance(p, bytes) else p.pem for p in parts))
        return path

    @property
    def key(self) -> Path:
        return self.write("leaf.key", self.h.leaf.key_pem)

    @property
    def full(self) -> Path:
        return self.write("full.pem", *self.h.chain)

    @property
    def leaf(self) -> Path:
        return self.write("leaf.pem", self.h.leaf)

    @property
    def ca_bundle(self) -> Path:
        return self.write("ca-bundle.pem", *self.h.chain[1:])

    @property
    def root(self) -> Path:
        return self.write("root.pem", self.h.root)


@pytest.fixture(scope="module")
def pki() -> Hierarchy:
    return hierarchy(depth=1, leaf_cn=CN)


@pytest.fixture
def files(pki: Hierarchy, tmp_path: Path) -> Files:
    return Files(pki, tmp_path)


def _probe(host: str, port: int, service: TlsService = TlsService.WEBADMIN, **options: object) -> EndpointResult:
    target_fields = {k: options.pop(k) for k in ("sni", "names", "local", "xmpp_domain") if k in options}
    target_fields.setdefault("sni", CN)
    target = ProbeTarget(host, port, service, **target_fields)  # type: ignore[arg-type]
    chosen = ProbeOptions(**options)  # type: ignore[arg-type]
    results = [judge_endpoint(facts, chosen) for facts in probe_target(target, chosen)]
    assert len(results) == 1
    assert results[0].address == host
    return results[0]


def _texts(result: EndpointResult, severity: Severity | None = None, topic: str | None = None) -> list[str]:
    return [
        str(f.text)
        for f in result.findings
        if (severity is None or f.severity is severity) and (topic is None or f.topic == topic)
    ]


def _subjects(result: EndpointResult) -> list[str]:
    return [item.subject_cn for item in result.chain]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_full_chain_from_openssl_s_server(files: Files, host: str) -> None:
    with openssl_server(host, files.leaf, files.key, "-cert_chain", str(files.ca_bundle)) as port:
        result = _probe(
            host,
            port,
            roots=(files.h.root.cert,),
            roots_name="root.pem",
            local=LocalCopy("full.pem", tuple(c.cert for c in files.h.chain)),
        )
    assert result.ok, result.findings
    assert _subjects(result) == [CN, "Test Issuing CA 1", "Test Root CA"]
    assert [item.role.value for item in result.chain] == ["entity", "intermediate", "root"]
    assert _texts(result, Severity.OK, "chain") == [
        f"complete and in CMS order: {CN} → Test Issuing CA 1 → Test Root CA"
    ]
    assert _texts(result, Severity.OK, "names") == [f"{CN} is covered by the certificate"]
    assert _texts(result, Severity.OK, "local") == ["byte-identical to full.pem (3 certificate(s))"]
    assert _texts(result, Severity.OK, "trust")[0].startswith("verifies against root.pem: verified:")
    assert result.family == ("IPv6" if ":" in host else "IPv4")
    assert result.tls_version == "TLSv1.3"
    expected_days = (files.h.leaf.cert.not_valid_after_utc - dt.datetime.now(dt.UTC)).days
    assert result.chain[0].days_left in (expected_days, expected_days - 1)


@pytest.mark.parametrize("host", LOOPBACKS)
def test_leaf_only_is_a_warning_naming_both_cases(files: Files, host: str) -> None:
    """Alone, the leaf cannot tell whether its issuer is an intermediate (clients fail) or the root (normal)."""
    with python_tls_server(host, server_context(files.leaf, files.key)) as port:
        result = _probe(host, port)
    assert _subjects(result) == [CN]
    assert _texts(result, Severity.WARNING, "chain") == [
        "the server sends only its own certificate: if Test Issuing CA 1 is an intermediate CA, clients that lack "
        "it fail (put the full chain in the bundle or full-chain file); if Test Issuing CA 1 is the root, this is normal"
    ]
    with python_tls_server(host, server_context(files.leaf, files.key)) as port:
        checked = _probe(host, port, roots=(files.h.root.cert,), roots_name="root.pem")
    assert not checked.ok  # with the root given, the missing intermediate is found
    assert _texts(checked, Severity.PROBLEM, "trust")


@pytest.mark.parametrize("host", LOOPBACKS)
def test_a_chain_without_its_root_is_normal(files: Files, host: str) -> None:
    """RFC 8446 §4.4.2 lets a server leave out its root; CMS's full-chain rule is about the file on the MMP."""
    sent = files.write("no-root.pem", files.h.leaf, *files.h.intermediates)
    with python_tls_server(host, server_context(sent, files.key)) as port:
        result = _probe(host, port)
    assert result.ok, result.findings
    assert _texts(result, Severity.OK, "chain") == [
        f"in CMS order: {CN} → Test Issuing CA 1; root not sent (normal: clients hold the root, here Test Root CA)"
    ]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_wrong_order_names_the_right_order(files: Files, host: str) -> None:
    wrong = files.write("wrong.pem", files.h.leaf, files.h.root, files.h.intermediates[0])
    with python_tls_server(host, server_context(wrong, files.key)) as port:
        result = _probe(host, port)
    assert _subjects(result) == [CN, "Test Root CA", "Test Issuing CA 1"]
    assert _texts(result, Severity.PROBLEM, "order") == [
        "the chain is not in CMS order (certificate, intermediates, root); "
        f"the right order is {CN} → Test Issuing CA 1 → Test Root CA"
    ]
    assert not _texts(result, Severity.OK, "chain")


@pytest.mark.parametrize("host", LOOPBACKS)
def test_expired_certificate(files: Files, host: str) -> None:
    old = issue(CN, files.h.intermediates[0], start=NOW - dt.timedelta(days=400), end=NOW - dt.timedelta(days=3))
    chain = files.write("expired.pem", old, *files.h.chain[1:])
    key = files.write("expired.key", old.key_pem)
    with python_tls_server(host, server_context(chain, key)) as port:
        result = _probe(host, port)
    assert result.chain[0].days_left == -3
    assert _texts(result, Severity.PROBLEM) == [f"{CN} EXPIRED on {old.cert.not_valid_after_utc:%Y-%m-%d}"]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_wrong_host_name(files: Files, host: str) -> None:
    with python_tls_server(host, server_context(files.full, files.key)) as port:
        result = _probe(host, port, sni="meet.example.org", names=("join.example.com",))
    assert _texts(result, Severity.PROBLEM) == [
        "meet.example.org is NOT in the certificate's subjectAltName: clients that type it get a warning or refuse"
    ]
    assert _texts(result, Severity.OK, "names") == ["join.example.com is covered by the certificate"]


@pytest.mark.parametrize("host", LOOPBACKS)
@pytest.mark.parametrize("version", ["-tls1_2", "-tls1_3"])
def test_client_certificate_required_still_reads_the_chain(files: Files, host: str, version: str) -> None:
    with openssl_server(
        host,
        files.leaf,
        files.key,
        "-cert_chain",
        str(files.ca_bundle),
        "-Verify",
        "1",
        "-CAfile",
        str(files.root),
        version,
    ) as port:
        result = _probe(host, port, TlsService.CALLBRIDGE)
    assert result.client_certificate_requested
    assert _subjects(result) == [CN, "Test Issuing CA 1", "Test Root CA"]
    assert result.tls_version == ("TLSv1.2" if version == "-tls1_2" else "TLSv1.3")
    assert _texts(result, Severity.INFO, "client-certificate") == [
        "the server asks for a client certificate (mutual TLS); its chain was read before that, none was sent"
    ]
    assert result.ok, result.findings


@pytest.mark.parametrize("tls12", [True, False])
def test_certificate_message_parser_agrees_with_openssl(
    files: Files, monkeypatch: pytest.MonkeyPatch, tls12: bool
) -> None:
    """Without the interpreter's chain accessor, the chain comes from the Certificate message itself."""
    context = server_context(files.full, files.key, tls12=tls12)
    with python_tls_server("127.0.0.1", context) as port:
        native = _probe("127.0.0.1", port)
        monkeypatch.setattr(probe_module, "_native_chain", lambda tls: None)
        parsed = _probe("127.0.0.1", port)
    assert [c.der for c in parsed.chain] == [c.der for c in native.chain] == [i.der for i in files.h.chain]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_server_that_closes_at_once(host: str) -> None:
    with closing_server(host) as port:
        result = _probe(host, port)
    assert result.chain == ()
    assert _texts(result, Severity.PROBLEM) == [
        "the server closed the connection during the TLS handshake (is this a TLS port? is the service enabled?)"
    ]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_port_that_never_answers_times_out(host: str) -> None:
    with silent_server(host) as port:
        result = _probe(host, port, timeout=0.5)
    assert _texts(result, Severity.PROBLEM) == ["no answer within 0.5 s (timeout)"]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_connection_refused(host: str) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as unused:
        unused.bind((host, 0))
        port = unused.getsockname()[1]  # bound but not listening: the kernel refuses
        result = _probe(host, port)
    assert _texts(result, Severity.PROBLEM) == [
        f"connection refused: nothing listens on port {port} (is the service enabled?)"
    ]


@pytest.mark.parametrize("host", LOOPBACKS)
def test_xmpp_starttls(files: Files, host: str) -> None:
    with xmpp_starttls_server(host, server_context(files.full, files.key), CN) as port:
        result = _probe(host, port, TlsService.XMPP, xmpp_domain=CN)
    assert result.ok, result.findings
    assert _subjects(result) == [CN, "Test Issuing CA 1", "Test Root CA"]
    assert _texts(result, Severity.OK, "eku") == ["the extended key usage suits XMPP (STARTTLS)"]


def test_xmpp_domain_must_be_in_the_san(files: Files) -> None:
    """XMPP clients check the XMPP domain against the certificate (RFC 6120 §13.7.1.2), not only the host name."""
    with xmpp_starttls_server("127.0.0.1", server_context(files.full, files.key), "example.com") as port:
        result = _probe("127.0.0.1", port, TlsService.XMPP, xmpp_domain="example.com")
    assert _texts(result, Severity.PROBLEM, "names") == [
        "example.com is NOT in the certificate's subjectAltName: clients that type it get a warning or refuse"
    ]
    assert _texts(result, Severity.OK, "names") == [f"{CN} is covered by the certificate"]


def test_a_stream_error_is_reported_as_what_it_is() -> None:
    """An XMPP server that does not serve the domain ends the stream (RFC 6120 §4.9.3.6): not "no STARTTLS"."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def refuse() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            conn.sendall(
                b"<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                b"xmlns:stream='http://etherx.jabber.org/streams' version='1.0'><stream:error>"
                b"<host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>"
            )

    worker = threading.Thread(target=refuse, daemon=True)
    worker.start()
    try:
        result = _probe("127.0.0.1", port, TlsService.XMPP, xmpp_domain="other.example")
    finally:
        worker.join(5)
        listener.close()
    assert _texts(result, Severity.PROBLEM) == [
        "the XMPP server ended the stream with host-unknown: it does not serve this XMPP domain; "
        "give the domain clients use with --xmpp-domain"
    ]


def test_xmpp_without_starttls(files: Files) -> None:
    with xmpp_starttls_server("127.0.0.1", server_context(files.full, files.key), "example.com", offer=False) as port:
        result = _probe("127.0.0.1", port, TlsService.XMPP)
    assert _texts(result, Severity.PROBLEM) == ["the XMPP server does not offer STARTTLS"]


def _server_only(files: Files) -> Issued:
    """A certificate a public CA issues since 2026: serverAuth only."""
    parent = files.h.intermediates[0]
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(CN))
        .issuer_name(parent.cert.subject)
        .public_key(files.h.leaf.key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=1))
        .not_valid_after(NOW + dt.timedelta(days=200))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(CN)]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(parent.key.public_key()), critical=False)
    )
    return Issued(builder.sign(parent.key, hashes.SHA256()), files.h.leaf.key)


def test_call_bridge_needs_client_auth(files: Files) -> None:
    server_only = _server_only(files)
    chain = files.write("server-only.pem", server_only, *files.h.chain[1:])
    with python_tls_server("127.0.0.1", server_context(chain, files.key)) as port:
        sip = _probe("127.0.0.1", port, TlsService.CALLBRIDGE)
        web = _probe("127.0.0.1", port, TlsService.WEBBRIDGE3)
    (eku,) = _texts(sip, Severity.PROBLEM, "eku")
    assert eku.startswith(
        f"{CN}: the Call Bridge needs clientAuth in the extended key usage and this certificate has not;"
    )
    assert web.ok


def test_old_certificate_still_served_and_foreign_roots(files: Files) -> None:
    other = hierarchy(depth=1, prefix="Other", leaf_cn=CN)
    with python_tls_server("127.0.0.1", server_context(files.full, files.key)) as port:
        result = _probe(
            "127.0.0.1",
            port,
            local=LocalCopy("cms1-2027.crt", (other.leaf.cert,)),
            roots=(other.root.cert,),
            roots_name="other-root.pem",
        )
    local = _texts(result, Severity.PROBLEM, "local")
    assert len(local) == 1 and local[0].startswith("the server presents another certificate than cms1-2027.crt")
    assert f"serial {files.h.leaf.cert.serial_number:X}" in local[0]
    (trust,) = _texts(result, Severity.PROBLEM, "trust")
    root = common_name(files.h.root.cert.subject)
    assert trust == (
        f"does NOT verify against other-root.pem: the chain ends at the server's root {root}, which is not in "
        f"other-root.pem: the server's CA is not the one you trust (if it should be, add {root} to other-root.pem)"
    )


def test_chain_without_root_and_foreign_roots_names_the_missing_issuer(files: Files) -> None:
    other = hierarchy(depth=1, prefix="Other", leaf_cn=CN)
    with python_tls_server(
        "127.0.0.1", server_context(files.write("nr.pem", files.h.leaf, *files.h.intermediates), files.key)
    ) as port:
        result = _probe("127.0.0.1", port, roots=(other.root.cert,), roots_name="other-root.pem")
    (trust,) = _texts(result, Severity.PROBLEM, "trust")
    assert trust.startswith("does NOT verify against other-root.pem: missing intermediate for issuer")


def test_summary_across_hosts_sorted_by_days_left(files: Files) -> None:
    soon = issue(CN, files.h.intermediates[0], end=NOW + dt.timedelta(days=20))
    soon_chain = files.write("soon.pem", soon, *files.h.chain[1:])
    soon_key = files.write("soon.key", soon.key_pem)
    with (
        python_tls_server("127.0.0.1", server_context(files.full, files.key)) as later,
        python_tls_server("::1", server_context(soon_chain, soon_key)) as sooner,
        closing_server("127.0.0.1") as closed,
    ):
        report = judge(
            probe(
                [
                    ProbeTarget("127.0.0.1", later, TlsService.WEBADMIN, CN),
                    ProbeTarget("::1", sooner, TlsService.WEBBRIDGE3, CN),
                    ProbeTarget("127.0.0.1", closed, TlsService.CALLBRIDGE, CN),
                ]
            )
        )
    rows = report.summary()
    assert [row.endpoint for row in rows] == [f"127.0.0.1:{closed}", f"[::1]:{sooner}", f"127.0.0.1:{later}"]
    assert [row.days_left for row in rows][:2] == [None, 19]
    assert _texts(report.results[1], Severity.WARNING, "expiry") == [
        f"{CN} expires in 19 day(s), on {soon.cert.not_valid_after_utc:%Y-%m-%d}: renew it now"
    ]
    assert not report.ok


def test_a_name_is_probed_on_every_address(files: Files) -> None:
    """`localhost` resolves to whatever the machine says: every address it gives is probed."""
    addresses = sorted({info[4][0] for info in socket.getaddrinfo("localhost", 1, type=socket.SOCK_STREAM)})
    context = server_context(files.full, files.key)
    with python_tls_server("127.0.0.1", context) as port:
        results = judge(
            probe_target(ProbeTarget("localhost", port, TlsService.WEBADMIN, CN), ProbeOptions(timeout=2))
        ).results
    assert sorted(r.address for r in results) == addresses
    assert any(r.ok for r in results if r.address == "127.0.0.1")
    assert all(r.label.startswith("localhost ") for r in results)
    only6 = judge(probe_target(ProbeTarget("127.0.0.1", port), ProbeOptions(ipv4=False))).results
    assert _texts(only6[0], Severity.PROBLEM) == ["127.0.0.1 has no IPv6 address"]


@pytest.mark.parametrize(
    ("name_typed", "covered"),
    [
        ("cms1.example.com", True),
        ("CMS1.Example.com.", True),
        ("join.example.com", True),
        ("x.cms1.example.com", False),
        ("example.com", False),
    ],
)
def test_name_coverage(pki: Hierarchy, name_typed: str, covered: bool) -> None:
    assert name_covered(pki.leaf.cert, name_typed) is covered


def test_wildcard_coverage() -> None:
    wild = issue("*.example.com", san=["*.example.com"])
    assert name_covered(wild.cert, "join.example.com")
    assert not name_covered(wild.cert, "a.b.example.com")
    assert not name_covered(wild.cert, "example.com")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cms1.example.com", ("cms1.example.com", None)),
        ("cms1.example.com:445", ("cms1.example.com", 445)),
        ("[::1]:443", ("::1", 443)),
        ("::1", ("::1", None)),
        ("127.0.0.1:5061", ("127.0.0.1", 5061)),
        ("https://join.example.com/en/", ("join.example.com", 443)),
        ("https://[::1]:8443/", ("::1", 8443)),
    ],
)
def test_parse_endpoint(text: str, expected: tuple[str, int | None]) -> None:
    assert parse_endpoint(text) == expected


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture
def servers(files: Files) -> Iterator[dict[str, int]]:
    with (
        openssl_server("127.0.0.1", files.leaf, files.key, "-cert_chain", str(files.ca_bundle)) as full4,
        openssl_server("::1", files.leaf, files.key, "-cert_chain", str(files.ca_bundle)) as full6,
        python_tls_server("127.0.0.1", server_context(files.leaf, files.key)) as leaf_only,
    ):
        yield {"full4": full4, "full6": full6, "leaf_only": leaf_only}


def test_cli_table_and_exit_codes(cli, files: Files, servers: dict[str, int]) -> None:
    good = cli(
        "probe",
        f"127.0.0.1:{servers['full4']}",
        f"[::1]:{servers['full6']}",
        "--sni",
        CN,
        "--service",
        "webadmin",
        "--roots",
        str(files.root),
        "--expect",
        str(files.full),
    )
    assert good.code == 0, good.out + good.err
    assert f"127.0.0.1:{servers['full4']}  Web Admin  TLSv1.3  OK" in good.out
    assert f"[::1]:{servers['full6']}  Web Admin  TLSv1.3  OK" in good.out
    assert "  ✓ byte-identical to full.pem (3 certificate(s))" in good.out
    assert "Summary (soonest expiry first)" in good.out
    soon = cli("probe", f"127.0.0.1:{servers['full4']}", "--sni", CN, "--service", "webadmin", "--warn-days", "400")
    assert soon.code == 0  # a warning is not "something wrong", but the header says it is there
    assert f"127.0.0.1:{servers['full4']}  Web Admin  TLSv1.3  OK, 3 WARNING(S)" in soon.out, soon.out
    bad = cli("probe", f"127.0.0.1:{servers['leaf_only']}", "--sni", CN, "--roots", str(files.root))
    assert bad.code == 1
    assert "! the server sends only its own certificate" in bad.out
    assert "✗ does NOT verify against root.pem" in bad.out


def test_cli_json_and_calendar(cli, files: Files, servers: dict[str, int], tmp_path: Path) -> None:
    import icalendar

    done = cli(
        "probe",
        f"127.0.0.1:{servers['full4']}",
        f"127.0.0.1:{servers['leaf_only']}",
        "--sni",
        CN,
        "--json",
        "--ics",
        "expiry.ics",
        "--save-chain",
        ".",
        "--roots",
        str(files.root),
    )
    assert done.code == 1
    report = json.loads(done.out)
    assert report["ok"] is False
    assert [e["ok"] for e in report["endpoints"]] == [True, False]
    assert [len(e["chain"]) for e in report["endpoints"]] == [3, 1]
    assert report["endpoints"][0]["service"] == "tls"  # a port that is no CMS default: a plain TLS server
    assert sorted(Path(p).name for p in report["written"]) == sorted(
        ["expiry.ics", f"127.0.0.1-127.0.0.1-{servers['full4']}.pem", f"127.0.0.1-127.0.0.1-{servers['leaf_only']}.pem"]
    )
    calendar = icalendar.Calendar.from_ical((tmp_path / "expiry.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3  # leaf, intermediate, root: each once
    saved = (tmp_path / f"127.0.0.1-127.0.0.1-{servers['full4']}.pem").read_bytes()
    assert saved == b"".join(c.pem for c in files.h.chain)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["probe", "cms1.example.com:99999"], "the port must be a number from 1 to 65535"),
        (["probe", "cms1.example.com", "--service", "sip"], "'sip' is not a service"),
        (["probe", "cms1 example.com"], "contains a space"),
        (["probe", "127.0.0.1", "--timeout", "0"], "--timeout: give seconds from 0.1 to 60"),
        (["probe", "127.0.0.1", "-4", "-6"], "choose one of them"),
    ],
)
def test_cli_bad_input(cli, argv: list[str], message: str) -> None:
    done = cli(*argv)
    assert done.code == 2
    assert message in done.err
    assert done.err.count("\n") == 1 and "Traceback" not in done.err


def test_sni_is_the_name_users_type(files: Files) -> None:
    seen: list[str | None] = []
    context = server_context(files.full, files.key)
    context.sni_callback = lambda _sock, server_name, _context: seen.append(server_name)
    with python_tls_server("::1", context) as port:
        by_address = judge(probe_target(ProbeTarget("::1", port, TlsService.WEBBRIDGE3, names=("join.example.com",))))
        explicit = judge(probe_target(ProbeTarget("::1", port, TlsService.WEBBRIDGE3, sni=CN)))
    assert seen == ["join.example.com", CN]
    assert by_address.results[0].ok and explicit.results[0].ok


def test_self_signed_certificate_is_a_warning(tmp_path: Path) -> None:
    alone = issue(CN, san=[CN])  # issued by itself, as the MMP's factory certificate is
    chain = tmp_path / "self.pem"
    chain.write_bytes(alone.pem)
    key = tmp_path / "self.key"
    key.write_bytes(alone.key_pem)
    with python_tls_server("::1", server_context(chain, key)) as port:
        result = _probe("::1", port)
    assert result.ok
    assert _texts(result, Severity.WARNING, "chain") == [
        "self-signed: browsers and peers trust it only if they hold this very certificate; "
        "for users, use a certificate from your CA"
    ]


def test_remote_probe_only_reads_and_cms_judges() -> None:
    """The network room returns facts; every verdict (severity, wording) is decided in cms/ (design.md)."""
    import cmswizard.remote.probe as remote_probe

    facts = probe_target(ProbeTarget("127.0.0.1", 9, TlsService.WEBADMIN), ProbeOptions(ipv6=False, timeout=0.5))
    assert all(not hasattr(one, "findings") for one in facts)
    assert not any(hasattr(remote_probe, name) for name in ("Severity", "Finding", "_judge", "ProbeReport"))
    assert judge(facts).results[0].problems()


@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL is not installed (.ci/run installs it)")
def test_the_database_is_probed_after_an_ssl_request(tmp_path: Path) -> None:
    """A real PostgreSQL with the dbca/dbserver set: SSLRequest, then TLS, then the chain as for any endpoint."""
    from cmswizard.cms.dbcluster import make_db_cluster, write_db_cluster

    write_db_cluster(make_db_cluster("example.com", "cms1.example.com", ["cms2.example.com"]), tmp_path)
    with running_postgres(tmp_path / "dbserver.crt", tmp_path / "dbserver.key", tmp_path / "dbca.crt") as server:
        result = _probe("127.0.0.1", server.port, TlsService.DATABASE, sni="cms2.example.com")
        plain = _probe("127.0.0.1", server.port, TlsService.WEBADMIN)  # no SSLRequest: PostgreSQL says no TLS
    assert _subjects(result) == ["cms1.example.com", "example.com"]  # dbserver, then dbca
    assert result.tls_version.startswith("TLSv1.")
    assert result.ok, result.findings
    assert _texts(result, Severity.OK, "names") == ["cms2.example.com is covered by the certificate"]
    assert _texts(plain, Severity.PROBLEM)
    assert TlsService.DATABASE.default_port == 5432


def test_save_chain_names_its_files_itself_also_for_an_endpoint_given_twice(
    cli, files: Files, servers: dict[str, int], tmp_path: Path
) -> None:
    """Issue 30: two results mapping to one file name asked the user to "give each output its own
    file", which --save-chain does not let them do; the second gets -2."""
    endpoint = f"127.0.0.1:{servers['full4']}"
    done = cli("probe", endpoint, endpoint, "--sni", CN, "--save-chain", ".", "--json")
    assert "named for two outputs" not in done.err
    written = sorted(Path(p).name for p in json.loads(done.out)["written"])
    stem = f"127.0.0.1-127.0.0.1-{servers['full4']}"
    assert written in ([f"{stem}.pem"], [f"{stem}-2.pem", f"{stem}.pem"])
