"""A throwaway pebble (Let's Encrypt's RFC 8555 test CA) on 127.0.0.1:<free ports>, validating DNS-01
against a DNS server the test names (`-dnsserver`, e.g. the BIND of helpers/bind.py).

Debian's pebble ships no TLS certificate for its API: one is made here (for 127.0.0.1 and localhost),
and `api_ca` is the file a client trusts. `PEBBLE_VA_NOSLEEP=1` (no artificial validation delay),
authorisations never reused (every order answers DNS-01), no nonce rejections (deterministic), and
`certificateValidityPeriod` sets the lifetime of what it issues (47 days by default here).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PEBBLE = Path("/usr/bin/pebble")
LIFETIME = dt.timedelta(days=47)
BLOCKED = "blocked.test.example"  # pebble refuses to order it (rejectedIdentifier): a CA refusal


def pebble_missing_reason() -> str | None:
    if shutil.which("pebble") is None and not PEBBLE.exists():
        return "pebble not installed (apt-get install pebble; .ci/run does it)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _api_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pebble test API")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "api.pem", folder / "api-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    key_path.chmod(0o600)
    return cert_path, key_path


@dataclass
class PebbleServer:
    port: int
    management_port: int
    api_ca: Path  # the PEM a client trusts for pebble's HTTPS API
    root: Path
    process: subprocess.Popen[bytes]

    @property
    def directory(self) -> str:
        return f"https://127.0.0.1:{self.port}/dir"

    def _management(self, path: str) -> bytes:
        context = ssl.create_default_context(cafile=str(self.api_ca))
        with urllib.request.urlopen(f"https://127.0.0.1:{self.management_port}{path}", context=context) as answer:
            return bytes(answer.read())

    def root_pem(self) -> bytes:
        """The root pebble signs with (made at start, fetched from its management API /roots/0)."""
        return self._management("/roots/0")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_pebble(root: Path, dns_server: str, *, lifetime: dt.timedelta = LIFETIME) -> PebbleServer:
    root.mkdir(parents=True, exist_ok=True)
    cert, key = _api_certificate(root)
    port, management = _free_port(), _free_port()
    config = root / "pebble-config.json"
    config.write_text(
        json.dumps(
            {
                "pebble": {
                    "listenAddress": f"127.0.0.1:{port}",
                    "managementListenAddress": f"127.0.0.1:{management}",
                    "certificate": str(cert),
                    "privateKey": str(key),
                    "httpPort": _free_port(),
                    "tlsPort": _free_port(),
                    "ocspResponderURL": "",
                    "externalAccountBindingRequired": False,
                    "certificateValidityPeriod": int(lifetime.total_seconds()),
                    "domainBlocklist": [BLOCKED],
                }
            }
        )
    )
    env = {
        **os.environ,
        "PEBBLE_VA_NOSLEEP": "1",
        "PEBBLE_AUTHZREUSE": "0",
        "PEBBLE_WFE_NONCEREJECT": "0",
    }
    with (root / "pebble.log").open("wb") as log:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [shutil.which("pebble") or str(PEBBLE), "-config", str(config), "-dnsserver", dns_server],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=root,
        )
    server = PebbleServer(port, management, cert, root, process)
    deadline = time.monotonic() + 20
    context = ssl.create_default_context(cafile=str(cert))
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"pebble stopped: {(root / 'pebble.log').read_text()[-2000:]}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(server.directory, context=context, timeout=1) as answer,
        ):
            if answer.status == 200:
                return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError("pebble did not answer within 20 s")


@contextlib.contextmanager
def running_pebble(root: Path, dns_server: str, **options: dt.timedelta) -> Iterator[PebbleServer]:
    server = start_pebble(root, dns_server, **options)
    try:
        yield server
    finally:
        server.stop()
