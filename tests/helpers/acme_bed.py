"""The renewal test bed: BIND (TSIG, TXT-only updates) + pebble validating against it, and plan files
(schema 2) whose ACME issuer points at them. Shared by the renewal tests; no test module imports another."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from helpers.bind import BindServer, bind_missing_reason, running_bind
from helpers.pebble import PebbleServer, pebble_missing_reason, running_pebble

WB3_NAMES = ("join.test.example", "edge1.test.example")


def bed_missing_reason() -> str | None:
    return bind_missing_reason() or pebble_missing_reason()


@dataclass
class AcmeBed:
    bind: BindServer
    pebble: PebbleServer
    root: Path  # a folder of its own

    def plan(
        self,
        folder: Path,
        certificates: Sequence[tuple[str, str, Sequence[str], Sequence[str]]] = (
            ("webbridge3-2026", WB3_NAMES[0], WB3_NAMES, ("webbridge3",)),
        ),
        *,
        tsig_key: Path | None = None,
        wait_seconds: int = 10,
        account_key: str = "acme-account.key",
    ) -> Path:
        """A plan in `folder` (with the TSIG key and pebble's roots beside it) signing `certificates`
        (basename, cn, san, services) with the ACME issuer "public"."""
        folder.mkdir(parents=True, exist_ok=True)
        key = folder / "acme-tsig.key"
        shutil.copyfile(tsig_key or self.bind.key_file, key)
        key.chmod(0o600)
        (folder / "pebble-roots.pem").write_bytes(self.pebble.root_pem())
        shutil.copyfile(self.pebble.api_ca, folder / "pebble-api.pem")
        rows = []
        for basename, cn, san, services in certificates:
            rows += [
                "[[certificate]]",
                f'basename = "{basename}"',
                f'cn = "{cn}"',
                "san = [" + ", ".join(f'"{n}"' for n in san) + "]",
                "services = [" + ", ".join(f'"{s}"' for s in services) + "]",
                'issuer = "public"',
                "",
            ]
        text = f"""schema = 2
[cms]
version = "3.x"
topology = "single"
join_url = "{WB3_NAMES[0]}"

[[node]]
name = "cms1.test.example"

{chr(10).join(rows)}
[issuers.public]
type = "acme"
directory = "{self.pebble.directory}"
contact = ["mailto:pki@test.example"]
account_key = "{account_key}"
ca_file = "pebble-api.pem"
roots = "pebble-roots.pem"

[issuers.public.dns]
provider = "rfc2136"
server = "127.0.0.1"
port = {self.bind.port}
tsig_key = "acme-tsig.key"
resolver = "127.0.0.1:{self.bind.port}"
wait_seconds = {wait_seconds}
"""
        path = folder / "site.toml"
        path.write_text(text)
        return path


@contextlib.contextmanager
def running_bed() -> Iterator[AcmeBed]:
    root = Path(tempfile.mkdtemp(prefix="cmswizard-acme-bed-"))
    try:
        with running_bind(root / "bind") as bind, running_pebble(root / "pebble", bind.address) as pebble:
            yield AcmeBed(bind, pebble, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
