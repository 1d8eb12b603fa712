"""A throwaway pebble (Let's Encrypt's RFC 8555 test CA) on 127.0.0.1:<free ports>, validating DNS-01
against a DNS server the test names (`-dnsserver`, e.g. the BIND of helpers/bind.py).

Debian's pebble ships no TLS certificate for its API: one is made here (for 127.0.0.1 and localhost),
and `api_ca` is the file a client trusts. `PEBBLE_VA_NOSLEEP=1` (no artificial validation delay),
authorisations never reused (every order answers DNS-01), no nonce rejections (deterministic), and
`certificateValidityPeriod` sets the lifetime of what it issues (47 days by default here). Started and
stopped by the shared `ProcessServer` (free port, wait until its directory answers, stop).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import os
import shutil
import ssl
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from helpers.servers import ProcessServer, free_port

PEBBLE = Path("/usr/bin/pebble")
LIFETIME = dt.timedelta(days=47)
BLOCKED = "blocked.test.example"  # pebble refuses to order it (rejectedIdentifier): a CA refusal


def pebble_missing_reason() -> str | None:
    if shutil.which("pebble") is None and not PEBBLE.exists():
        return "pebble not installed (apt-get install pebble; .ci/run does it)"
    return None


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


class PebbleServer(ProcessServer):
    """pebble on 127.0.0.1:<free port> (its ACME API; the management API on another free port)."""

    name = "pebble"
    attempts = 3  # the second port (management) or the VA's ports may be taken before pebble binds them

    def __init__(self, root: Path, dns_server: str, lifetime: dt.timedelta = LIFETIME) -> None:
        super().__init__()
        self.root = root
        self.dns_server = dns_server
        self.lifetime = lifetime
        self.management_port = 0
        self.api_ca = root / "api.pem"  # the PEM a client trusts for pebble's HTTPS API

    @property
    def directory(self) -> str:
        return f"https://127.0.0.1:{self.port}/dir"

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        _api_certificate(self.root)

    def command(self) -> list[str]:
        self.management_port = free_port()
        config = self.root / "pebble-config.json"
        config.write_text(
            json.dumps(
                {
                    "pebble": {
                        "listenAddress": f"127.0.0.1:{self.port}",
                        "managementListenAddress": f"127.0.0.1:{self.management_port}",
                        "certificate": str(self.api_ca),
                        "privateKey": str(self.root / "api-key.pem"),
                        "httpPort": free_port(),
                        "tlsPort": free_port(),
                        "ocspResponderURL": "",
                        "externalAccountBindingRequired": False,
                        "certificateValidityPeriod": int(self.lifetime.total_seconds()),
                        "domainBlocklist": [BLOCKED],
                    }
                }
            )
        )
        return [shutil.which("pebble") or str(PEBBLE), "-config", str(config), "-dnsserver", self.dns_server]

    def popen(self, argv: list[str]) -> subprocess.Popen[bytes]:
        env = {**os.environ, "PEBBLE_VA_NOSLEEP": "1", "PEBBLE_AUTHZREUSE": "0", "PEBBLE_WFE_NONCEREJECT": "0"}
        with (self.root / "pebble.log").open("wb") as log:  # the child keeps its own descriptor
            return subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.root
            )

    def exited(self) -> str | None:
        if self.process is None or self.process.poll() is None:
            return None
        return f"exit code {self.process.returncode}; {(self.root / 'pebble.log').read_text(errors='replace')[-2000:]}"

    def ready(self) -> bool:
        context = ssl.create_default_context(cafile=str(self.api_ca))
        try:
            with urllib.request.urlopen(self.directory, context=context, timeout=1) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    def _management(self, path: str) -> bytes:
        context = ssl.create_default_context(cafile=str(self.api_ca))
        with urllib.request.urlopen(f"https://127.0.0.1:{self.management_port}{path}", context=context) as answer:
            return bytes(answer.read())

    def root_pem(self) -> bytes:
        """The root pebble signs with (made at start, fetched from its management API /roots/0)."""
        return self._management("/roots/0")


@contextlib.contextmanager
def running_pebble(root: Path, dns_server: str, **options: dt.timedelta) -> Iterator[PebbleServer]:
    with PebbleServer(root, dns_server, **options) as server:
        yield server
