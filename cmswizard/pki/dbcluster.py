"""The database-cluster recipe of the tech note (§6): dbca, dbserver, dbclient, and what to type."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.pki.ca import CA_DAYS, LEAF_DAYS, Usage, issue_certificate, make_self_signed_ca
from cmswizard.pki.command import render
from cmswizard.pki.csr import build_csr
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.files import OutputFile, check_can_write, write_files
from cmswizard.pki.keys import generate_private_key, private_key_pem
from cmswizard.pki.spec import DB_CLIENT_CN, CsrSpec, KeyType, Purpose, SubjectInput, make_spec

__all__ = ["DbCluster", "DbClusterPlan", "plan_db_cluster", "write_db_cluster"]

SERVER_FILES = ("dbserver.key", "dbserver.crt", "dbclient.key", "dbclient.crt", "dbca.crt")
CLIENT_FILES = ("dbclient.key", "dbclient.crt", "dbca.crt")


@dataclass(frozen=True)
class DbClusterPlan:
    """What will be made: the three specs and the equivalent MMP commands."""

    ca: CsrSpec
    server: CsrSpec
    client: CsrSpec
    primary: str
    joining: tuple[str, ...]
    connecting: tuple[str, ...]

    def mmp_commands(self) -> list[str]:
        return [
            render(self.ca, "selfsigned"),
            render(self.server),
            render(self.client),
            "pki sign dbserver dbca",
            "pki sign dbclient dbca",
        ]

    def certs_command(self, node: str) -> str:
        files = CLIENT_FILES if node in self.connecting else SERVER_FILES
        return "database cluster certs " + " ".join(files)

    def node_commands(self, node: str) -> list[str]:
        """The lines to type on one node, after the files are on it."""
        lines = [self.certs_command(node), "database cluster localnode a"]
        if node == self.primary:
            lines += ["database cluster initialize", "database cluster status"]
        elif node in self.joining:
            lines.append(f"database cluster join {self.primary}")
        else:
            lines.append(f"database cluster connect {self.primary}")
        return lines

    def files_for(self, node: str) -> tuple[str, ...]:
        return CLIENT_FILES if node in self.connecting else SERVER_FILES

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.primary, *self.joining, *self.connecting)

    def renewal_steps(self) -> list[str]:
        """Renewing expired DB certificates (§6, §8): find the primary, remove the cluster everywhere,
        replace the files, then set up again with the replicas joining after the primary."""
        return [
            "database cluster status        # on any core: note which node is the primary",
            *(
                f"database cluster remove        # on {node} (answer the prompt with a capital Y)"
                for node in (*self.connecting, *self.joining, self.primary)
            ),
            "# replace on every node: "
            + ", ".join(dict.fromkeys((*SERVER_FILES, *CLIENT_FILES)))
            + " (connect-only nodes: "
            + ", ".join(CLIENT_FILES)
            + ")",
        ]


def plan_db_cluster(
    domain: str,
    primary: str,
    joining: Sequence[str] = (),
    connecting: Sequence[str] = (),
    *,
    key_type: KeyType = KeyType.RSA2048,
) -> DbClusterPlan:
    """Validate the node names and derive the three requests (dbserver's SAN holds every DB core)."""
    ca = make_spec(SubjectInput(basename="dbca", cn=domain, key_type=key_type), purpose=Purpose.CA)
    members = [primary, *joining]
    server = make_spec(SubjectInput(basename="dbserver", cn=primary, san=tuple(members), key_type=key_type))
    client = make_spec(SubjectInput(basename="dbclient", cn=DB_CLIENT_CN, key_type=key_type))
    canonical_members = [entry.value for entry in server.san]
    canonical_connect = [make_spec(SubjectInput("node", cn=n)).cn for n in connecting]
    both = set(canonical_members) & set(canonical_connect)
    if both:
        raise CmsInputError(
            "connect-only cores", Text(N_("{item} is also a database core; list it once"), item=sorted(both)[0])
        )
    return DbClusterPlan(
        ca, server, client, server.cn, tuple(canonical_members[1:]), tuple(dict.fromkeys(canonical_connect))
    )


@dataclass(frozen=True)
class DbCluster:
    plan: DbClusterPlan
    files: tuple[Path, ...]


def write_db_cluster(
    plan: DbClusterPlan, folder: Path, *, ca_days: int = CA_DAYS, days: int = LEAF_DAYS, force: bool = False
) -> DbCluster:
    """Make dbca, dbserver and dbclient (keys, CSRs, certificates) in one all-or-nothing write."""
    names = [("dbca.key", True), ("dbca.crt", False)] + [
        (f"{spec.basename}.{suffix}", suffix == "key")
        for spec in (plan.server, plan.client)
        for suffix in ("key", "csr", "crt")
    ]
    check_can_write([OutputFile(folder / name, b"", private=private, replace=force) for name, private in names])
    ca_key, ca_cert = make_self_signed_ca(plan.ca, days=ca_days)
    contents = {"dbca.key": private_key_pem(ca_key), "dbca.crt": ca_cert.public_bytes(Encoding.PEM)}
    for spec, usage in ((plan.server, Usage.SERVER_CLIENT), (plan.client, Usage.CLIENT)):
        key = generate_private_key(spec.key_type)
        csr = build_csr(spec, key)
        signed = issue_certificate(csr, ca_key, ca_cert, days=days, usage=usage)
        contents[f"{spec.basename}.key"] = private_key_pem(key)
        contents[f"{spec.basename}.csr"] = csr.public_bytes(Encoding.PEM)
        contents[f"{spec.basename}.crt"] = signed.certificate.public_bytes(Encoding.PEM)
    outputs = [OutputFile(folder / name, contents[name], private=private, replace=force) for name, private in names]
    return DbCluster(plan, tuple(write_files(outputs)))
