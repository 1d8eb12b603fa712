"""Plan files as an attacker would mail them: one good single-server plan, and the same plan with one
file name changed (a path, a link out of the folder, a name in two roles).

`plan_text(**changes)` gives the TOML; each keyword replaces one value of the good plan:
  sheet, cb_key, cb_cert, cb_bundle, wa_key, wa_cert, wa_bundle, wb3_key, wb3_chain, sched_key,
  sched_chain, trust_wb3, sip_trust, ssh_host, ssh_user, fingerprint (of the one node),
  extra (raw TOML appended at the top level before the tables).
`signed_site(folder, ca)` writes the good plan into `folder`, applies it, signs its CSR with the test
CA and applies again, so that every file the node needs is there (for upload tests).
`snapshot(folder)` is {relative path: SHA-256 (or link target)} of everything under `folder`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

GOOD = {
    "sheet": "cms-commands.txt",
    "cb_key": "cb.key",
    "cb_cert": "cb.crt",
    "cb_bundle": "cb-bundle.crt",
    "wa_key": "cb.key",
    "wa_cert": "cb.crt",
    "wa_bundle": "cb-bundle.crt",
    "wb3_key": "cb.key",
    "wb3_chain": "cb-fullchain.crt",
}

_TEMPLATE = """schema = 1
sheet = {sheet}
{extra}
[cms]
version = "3.x"
topology = "single"
join_url = "join.example.com"
{sip_line}
[trust]
content = "fullchain"
{trust_line}
[[node]]
name = "cms1.example.com"
role = "core"
{node_lines}

[[certificate]]
basename = "cb"
cn = "cms1.example.com"
san = ["cms1.example.com", "join.example.com"]
services = ["callbridge", "webadmin", "webbridge3"]

[[service]]
service = "callbridge"
key = {cb_key}
certificate = {cb_cert}
bundle = {cb_bundle}

[[service]]
service = "webadmin"
key = {wa_key}
certificate = {wa_cert}
bundle = {wa_bundle}

[[service]]
service = "webbridge3"
key = {wb3_key}
certificate = {wb3_chain}
{sched}"""


def _quoted(value: str) -> str:
    """A TOML basic string holding exactly `value` (control characters as \\uXXXX)."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def plan_text(**changes: str) -> str:
    values = {**GOOD, **{k: v for k, v in changes.items() if k in GOOD}}
    fields = {key: _quoted(value) for key, value in values.items()}
    sched = ""
    if "sched_chain" in changes:
        sched = (
            '\n[[service]]\nservice = "scheduler"\n'
            f"key = {_quoted(changes.get('sched_key', 'cb.key'))}\ncertificate = {_quoted(changes['sched_chain'])}\n"
        )
    return _TEMPLATE.format(
        **fields,
        extra=changes.get("extra", ""),
        sip_line=f"sip_trust = {_quoted(changes['sip_trust'])}" if "sip_trust" in changes else "",
        trust_line=f"webbridge3 = {_quoted(changes['trust_wb3'])}" if "trust_wb3" in changes else "",
        sched=sched,
        node_lines="".join(
            f"{key} = {_quoted(changes[key])}\n" for key in ("ssh_host", "ssh_user", "fingerprint") if key in changes
        ),
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: files by SHA-256, links by target, folders as such."""
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            relative = str(path.relative_to(folder))
            if path.is_symlink():
                found[relative] = "link -> " + os.readlink(path)
            elif path.is_dir():
                found[relative] = "folder"
            elif path.is_file():
                found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[relative] = "special"
    return found


def signed_site(folder: Path, issuer_key: object, issuer_cert: object, chain_pem: bytes) -> Path:
    """The good plan in `folder`, applied, its CSR signed by the issuer, applied again: complete."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.plan_files import apply_plan
    from cmswizard.pki.ca import issue_certificate
    from cmswizard.pki.profiles import Usage

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.toml"
    path.write_text(plan_text())
    plan = read_plan(path)
    apply_plan(plan, folder)
    csr = x509.load_pem_x509_csr((folder / "cb.csr").read_bytes())
    signed = issue_certificate(csr, issuer_key, issuer_cert, usage=Usage.SERVER_CLIENT).certificate  # type: ignore[arg-type]
    (folder / "cb.cer").write_bytes(signed.public_bytes(Encoding.DER))
    (folder / "ca-chain.pem").write_bytes(chain_pem)
    apply_plan(plan, folder)
    return path
