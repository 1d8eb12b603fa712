"""A throwaway BIND (named) on 127.0.0.1:<free port>: an authoritative server for `test.example` (and a
small `acme-dns.example` zone that `_acme-challenge` names can be delegated to by CNAME), taking RFC 2136
updates signed with its own TSIG key, limited to TXT records (`update-policy { grant … zonesub TXT; }`).

named runs in the foreground (`-g`) from its own config and working folder in tmp, as root (CI runs as
root), started and stopped by the shared `ProcessServer` (free port, wait until it answers, stop); everything
is removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from helpers.servers import ProcessServer

NAMED = Path("/usr/sbin/named")
TSIG_KEYGEN = Path("/usr/sbin/tsig-keygen")
ZONE = "test.example"
DELEGATED_ZONE = "acme-dns.example"
# A zone with a second name server that never answers (127.0.0.2, nothing listens): a record in it is
# never visible on every authoritative server.
LAGGING_ZONE = "lagging.example"
# A zone that takes no updates at all (`allow-update { none; }`): BIND answers REFUSED.
LOCKED_ZONE = "locked.example"
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


class BindServer(ProcessServer):
    """named on 127.0.0.1:<free port> (UDP and TCP) from its own config in `root`; `with` starts and stops it."""

    name = "named"
    attempts = 3  # the port is free for TCP when picked; UDP (or TCP again) may be taken before named binds it

    def __init__(self, root: Path, key_name: str = KEY_NAME) -> None:
        super().__init__()
        self.root = root
        self.key_name = key_name
        self.key_file = root / "tsig.key"  # the TSIG key as tsig-keygen writes it (mode 0600)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        made = subprocess.run([str(TSIG_KEYGEN), "-a", "hmac-sha256", self.key_name], capture_output=True, check=True)
        self.key_file.write_bytes(made.stdout)
        self.key_file.chmod(0o600)
        for zone, hosts in ((ZONE, True), (DELEGATED_ZONE, False), (LAGGING_ZONE, False), (LOCKED_ZONE, False)):
            (self.root / f"{zone}.db").write_text(_zone_text(zone, hosts))

    def command(self) -> list[str]:
        root = self.root
        zones = [
            f'zone "{zone}" {{ type primary; file "{root}/{zone}.db"; '
            f"update-policy {{ grant {self.key_name} zonesub TXT; }}; }};"
            for zone in (ZONE, DELEGATED_ZONE, LAGGING_ZONE)
        ]
        zones.append(
            f'zone "{LOCKED_ZONE}" {{ type primary; file "{root}/{LOCKED_ZONE}.db"; allow-update {{ none; }}; }};'
        )
        config = root / "named.conf"
        config.write_text(
            f"""options {{
    directory "{root}";
    pid-file "{root}/named.pid";
    session-keyfile "{root}/session.key";
    listen-on port {self.port} {{ 127.0.0.1; }};
    listen-on-v6 {{ none; }};
    recursion no;
    dnssec-validation no;
    allow-transfer {{ none; }};
    notify no;
}};
controls {{ }};
include "{self.key_file}";
{chr(10).join(zones)}
"""
        )
        return [str(NAMED), "-g", "-n", "1", "-c", str(config)]

    def popen(self, argv: list[str]) -> subprocess.Popen[bytes]:
        with (self.root / "named.log").open("wb") as log:  # the child keeps its own descriptor
            return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=self.root)

    def exited(self) -> str | None:
        if self.process is None or self.process.poll() is None:
            return None
        return f"exit code {self.process.returncode}; {(self.root / 'named.log').read_text(errors='replace')[-2000:]}"

    def ready(self) -> bool:
        """Answering for its zone over UDP (a TCP listener alone may come before the zones are loaded)."""
        import dns.message
        import dns.query
        import dns.rdatatype

        try:
            query = dns.message.make_query(ZONE, dns.rdatatype.SOA)
            return bool(dns.query.udp(query, "127.0.0.1", port=self.port, timeout=0.5).answer)
        except Exception:
            return False

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
        """Every TXT record left in the zones (a zone transfer is refused to strangers: ask each known name)."""
        names = [f"_acme-challenge.{h}.{ZONE}" for h in HOSTS] + [f"{h}.{DELEGATED_ZONE}" for h in HOSTS]
        names += [f"_acme-challenge.{ZONE}", f"_acme-challenge.www.{LAGGING_ZONE}"]
        return [value for name in names for value in self.txt(name)]


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


@contextlib.contextmanager
def running_bind(root: Path) -> Iterator[BindServer]:
    try:
        with BindServer(root) as server:
            yield server
    finally:
        shutil.rmtree(root, ignore_errors=True)
