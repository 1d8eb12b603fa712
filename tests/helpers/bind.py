"""A throwaway BIND (named) on 127.0.0.1:<free port>: an authoritative server for `test.example` (and a
small `acme-dns.example` zone that `_acme-challenge` names can be delegated to by CNAME), taking RFC 2136
updates signed with its own TSIG key, limited to TXT records (`update-policy { grant … zonesub TXT; }`).

named runs in the foreground (`-g`) from its own config and working folder in tmp, as root (CI runs as
root); everything is removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

NAMED = Path("/usr/sbin/named")
TSIG_KEYGEN = Path("/usr/sbin/tsig-keygen")
ZONE = "test.example"
DELEGATED_ZONE = "acme-dns.example"
# A zone with a second name server that never answers (127.0.0.2, nothing listens): a record in it is
# never visible on every authoritative server.
LAGGING_ZONE = "lagging.example"
KEY_NAME = "cmswizard-acme"
# Names with A records (all 127.0.0.1), and one whose _acme-challenge is a CNAME into the delegated zone.
HOSTS = ("join", "edge1", "cms1", "turn", "alias")
ALIASED = "alias"


def bind_missing_reason() -> str | None:
    if not NAMED.exists() or not TSIG_KEYGEN.exists():
        return "BIND not installed (apt-get install bind9 bind9-utils; .ci/run does it)"
    if os.geteuid() != 0:
        return "named runs as root here (CI runs as root)"
    return None


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (DNS answers on both)."""
    for _ in range(50):
        with socket.socket() as tcp:
            tcp.bind(("127.0.0.1", 0))
            port = int(tcp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port for both UDP and TCP")


@dataclass
class BindServer:
    port: int
    root: Path
    key_file: Path  # the TSIG key as tsig-keygen writes it (mode 0600)
    key_name: str
    process: subprocess.Popen[bytes]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def txt(self, name: str) -> list[str]:
        """The TXT strings BIND holds for `name` now (asked directly, no cache)."""
        import dns.message
        import dns.query
        import dns.rdatatype

        query = dns.message.make_query(name, dns.rdatatype.TXT)
        answer = dns.query.udp(query, "127.0.0.1", port=self.port, timeout=2)
        return [
            b"".join(item.strings).decode()
            for rrset in answer.answer
            if rrset.rdtype == dns.rdatatype.TXT
            for item in rrset
        ]

    def all_txt(self) -> list[str]:
        """Every TXT record left in both zones (a zone transfer is refused to strangers: ask each known name)."""
        names = [f"_acme-challenge.{h}.{ZONE}" for h in HOSTS] + [f"{h}.{DELEGATED_ZONE}" for h in HOSTS]
        names += [f"_acme-challenge.{ZONE}", f"_acme-challenge.www.{LAGGING_ZONE}"]
        return [value for name in names for value in self.txt(name)]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _zone_text(zone: str, with_hosts: bool) -> str:
    lines = [
        "$TTL 5",
        f"@ IN SOA ns1.{ZONE}. hostmaster.{ZONE}. 1 60 60 600 5",
        f"@ IN NS ns1.{ZONE}.",
    ]
    if zone == LAGGING_ZONE:
        lines += [f"@ IN NS ns2.{LAGGING_ZONE}.", "ns2 IN A 127.0.0.2", "www IN A 127.0.0.1"]
    if with_hosts:
        lines.append("ns1 IN A 127.0.0.1")
        lines += [f"{host} IN A 127.0.0.1" for host in HOSTS]
        lines.append(f"_acme-challenge.{ALIASED} IN CNAME {ALIASED}.{DELEGATED_ZONE}.")
    return "\n".join(lines) + "\n"


def start_bind(root: Path, *, key_name: str = KEY_NAME) -> BindServer:
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    key_file = root / "tsig.key"
    made = subprocess.run([str(TSIG_KEYGEN), "-a", "hmac-sha256", key_name], capture_output=True, check=True)
    key_file.write_bytes(made.stdout)
    key_file.chmod(0o600)
    zones = []
    for zone, hosts in ((ZONE, True), (DELEGATED_ZONE, False), (LAGGING_ZONE, False)):
        (root / f"{zone}.db").write_text(_zone_text(zone, hosts))
        zones.append(
            f'zone "{zone}" {{ type primary; file "{root}/{zone}.db"; '
            f"update-policy {{ grant {key_name} zonesub TXT; }}; }};"
        )
    config = root / "named.conf"
    config.write_text(
        f"""options {{
    directory "{root}";
    pid-file "{root}/named.pid";
    session-keyfile "{root}/session.key";
    listen-on port {port} {{ 127.0.0.1; }};
    listen-on-v6 {{ none; }};
    recursion no;
    dnssec-validation no;
    allow-transfer {{ none; }};
    notify no;
}};
controls {{ }};
include "{key_file}";
{chr(10).join(zones)}
"""
    )
    with (root / "named.log").open("wb") as log:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [str(NAMED), "-g", "-n", "1", "-c", str(config)], stdout=log, stderr=subprocess.STDOUT, cwd=root
        )
    server = BindServer(port, root, key_file, key_name, process)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"named stopped: {(root / 'named.log').read_text()[-2000:]}")
        with contextlib.suppress(Exception):
            import dns.message
            import dns.query
            import dns.rdatatype

            answer = dns.query.udp(dns.message.make_query(ZONE, dns.rdatatype.SOA), "127.0.0.1", port=port, timeout=0.5)
            if answer.answer:
                return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError("named did not answer within 20 s")


@contextlib.contextmanager
def running_bind(root: Path) -> Iterator[BindServer]:
    server = start_bind(root)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
