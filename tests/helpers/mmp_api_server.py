"""A tiny CMS REST API on 127.0.0.1 (HTTPS, free port): `GET /api/v1/system/status` answers
`<callLegsActive>N</callLegsActive>`, and every request is recorded (path, Authorization header).
Its certificate names `localhost` and the address 127.0.0.1 (a node reached by its address)."""

from __future__ import annotations

import contextlib
import http.server
import ssl
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpers.factory import Hierarchy, Issued, issue

__all__ = ["ApiServer", "running_api"]


@dataclass
class ApiServer:
    port: int
    root_file: Path  # the CA to verify the server with
    legs: int = 0
    seen: list[tuple[str, str]] = field(default_factory=list)


def _with_loopback_address(leaf: Issued, issuer: Issued):  # type: ignore[no-untyped-def]
    """The same certificate with 127.0.0.1 added to its names (the factory writes DNS names only)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    names = x509.SubjectAlternativeName(
        [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(leaf.cert.subject)
        .issuer_name(leaf.cert.issuer)
        .public_key(leaf.key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(leaf.cert.not_valid_before_utc)
        .not_valid_after(leaf.cert.not_valid_after_utc)
        .add_extension(names, critical=False)
    )
    for extension in leaf.cert.extensions:
        if not isinstance(extension.value, x509.SubjectAlternativeName):
            builder = builder.add_extension(extension.value, extension.critical)
    return builder.sign(issuer.key, hashes.SHA256())


@contextlib.contextmanager
def running_api(ca: Hierarchy, legs: int = 0) -> Iterator[ApiServer]:
    folder = Path(tempfile.mkdtemp(prefix="cmswizard-api-"))
    issuer = ca.intermediates[-1]
    leaf = issue("localhost", issuer, san=["localhost"])
    leaf = Issued(_with_loopback_address(leaf, issuer), leaf.key)
    (folder / "api.pem").write_bytes(leaf.pem + issuer.pem)
    (folder / "api.key").write_bytes(leaf.key_pem)
    (folder / "root.pem").write_bytes(ca.root.pem)
    api = ApiServer(0, folder / "root.pem", legs)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            api.seen.append((self.path, self.headers.get("Authorization", "")))
            body = f'<?xml version="1.0"?><status><callLegsActive>{api.legs}</callLegsActive></status>'.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "api.pem", folder / "api.key")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    api.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield api
    finally:
        server.shutdown()
        server.server_close()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
