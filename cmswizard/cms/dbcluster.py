"""The database-cluster recipe (§6): dbca, dbserver, dbclient, what to type on each node, and renewal."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.lines import MmpLine, command, mmp_file_name, note
from cmswizard.cms.mmp_syntax import render
from cmswizard.cms.services import BACKUP_NAME
from cmswizard.pki.ca import issue_certificate, make_self_signed_ca
from cmswizard.pki.csr import build_csr
from cmswizard.pki.errors import N_, CmsInputError, Text, name_list, shorten
from cmswizard.pki.files import OutputFile, check_can_write, write_files
from cmswizard.pki.keys import generate_private_key, private_key_pem
from cmswizard.pki.profiles import CA_DAYS, LEAF_DAYS, Usage
from cmswizard.pki.spec import DB_CLIENT_CN, CsrSpec, KeyType, Purpose, SubjectInput, make_spec

__all__ = ["DbCluster", "DbFiles", "WrittenDbCluster", "default_ca_domain", "make_db_cluster", "write_db_cluster"]


@dataclass(frozen=True)
class DbFiles:
    """The five file names on the MMP. The on-box recipe makes dbserver/dbclient/dbca; a set signed by
    the enterprise CA (TAC 210530) keeps whatever names the admin gave it."""

    server_key: str = "dbserver.key"
    server_certificate: str = "dbserver.crt"
    client_key: str = "dbclient.key"
    client_certificate: str = "dbclient.crt"
    ca: str = "dbca.crt"

    def for_server(self) -> tuple[str, ...]:
        """`database cluster certs` on a node that holds a database: in this order."""
        return (self.server_key, self.server_certificate, self.client_key, self.client_certificate, self.ca)

    def for_client(self) -> tuple[str, ...]:
        """`database cluster certs` on a node that only connects."""
        return (self.client_key, self.client_certificate, self.ca)

    def check(self) -> DbFiles:
        """The five names as the MMP knows them (a path becomes its base name, `lines.mmp_file_name`), checked."""
        based = DbFiles(*(mmp_file_name(name) for name in self.for_server()))
        if based != self:
            return based.check()
        names = self.for_server()
        for name in names:
            if not _FILE_NAME.fullmatch(name):
                raise CmsInputError(
                    shorten(name), N_("is not a file name the MMP takes; use letters, digits, '.', '-' and '_'")
                )
        if len(set(names)) != len(names):
            raise CmsInputError("database files", N_("name the same file twice; give five different names"))
        return self


_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


@dataclass(frozen=True)
class DbCluster:
    """The DB cluster: its nodes, its file names, the three on-box requests, and what to type (§6)."""

    ca: CsrSpec
    server: CsrSpec
    client: CsrSpec
    primary: str
    joining: tuple[str, ...]
    connecting: tuple[str, ...]
    files: DbFiles = DbFiles()
    enterprise_ca: bool = False  # signed by the enterprise CA, not by an on-box dbca

    def mmp_commands(self) -> list[str]:
        """Making the set on the primary's MMP (on-box dbca only)."""
        if self.enterprise_ca:
            return []
        return [
            render(self.ca, "selfsigned"),
            render(self.server),
            render(self.client),
            f"pki sign {self.server.basename} {self.ca.basename}",
            f"pki sign {self.client.basename} {self.ca.basename}",
        ]

    def files_for(self, node: str) -> tuple[str, ...]:
        return self.files.for_client() if node in self.connecting else self.files.for_server()

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.primary, *self.joining, *self.connecting)

    def role_note(self, node: str) -> MmpLine:
        if node == self.primary:
            return note(N_("Database cluster on {node}: the primary"), node=node)
        if node in self.joining:
            return note(N_("Database cluster on {node}: joins the cluster"), node=node)
        return note(N_("Database cluster on {node}: only connects to the database"), node=node)

    def copy_note(self, node: str) -> MmpLine:
        return note(
            N_("on {node}: copy {files} with SFTP, then type"), node=node, files=name_list(self.files_for(node))
        )

    def node_lines(self, node: str) -> list[MmpLine]:
        """The one rendering of a node's database commands: the CLI, the DB page and the sheet use it."""
        lines = [
            command("database cluster certs " + " ".join(self.files_for(node))),
            command("database cluster localnode a"),
        ]
        if node == self.primary:
            size = self.size_note()
            lines += [
                *([size] if size else []),
                command("database cluster initialize"),
                command("database cluster status"),
                note(N_("database cluster status must show this node as: (me): Connected Primary")),
            ]
        elif node in self.joining:
            lines += [
                note(N_("join replaces this node's database with the primary's copy; its own data is overwritten")),
                command(f"database cluster join {self.primary}"),
                command("database cluster status"),
            ]
        else:
            lines += [command(f"database cluster connect {self.primary}"), command("database cluster status")]
        return lines

    def renewal_lines(self, backup_name: str = BACKUP_NAME) -> list[MmpLine]:
        """Renewing the DB certificates (TAC 216549, 215421, 210530): every node backed up and its backup
        downloaded before any `database cluster remove` (TAC 215421 steps 1-4, TAC 216549 step 1)."""
        lines = [note(N_("Renewal, before anything else: back up every database node and download each backup"))]
        for node in self.nodes:
            lines += [
                note(N_("on {node}: take a backup"), node=node),
                command(f"backup snapshot {backup_name}"),
                note(
                    N_("download {name}.bak (and {name}.json where it exists) from {node} with SFTP; keep them safe"),
                    name=backup_name,
                    node=node,
                ),
            ]
        # The names in use may differ from the new set's: a note, since `pki inspect` of a missing file fails.
        inspect = " ".join(
            f"pki inspect {name};" for name in dict.fromkeys((*self.files.for_server()[1::2], self.files.ca))
        )
        lines.append(
            note(
                N_(
                    "on every node, before removing: pki inspect each database certificate in use, to see which "
                    "ones expired ({commands} or the names yours have)"
                ),
                commands=inspect,
            )
        )
        # The primary may have moved since the plan was made (a failover): each step names a role, the plan's
        # names only as a suggestion to confirm against `database cluster status` (TAC 214618 troubleshooting).
        lines += [
            command("database cluster status"),
            note(
                N_(
                    "database cluster status shows which node is the primary now ((me): Connected Primary on it); "
                    "the names below are the plan's: where the status says otherwise, follow the status"
                )
            ),
        ]
        answer = N_("answer the question with a capital Y; the status must no longer list the cluster")
        steps = [
            (
                self.connecting,
                N_("first, on each node that only connects to the database (the plan: {nodes}): {answer}"),
            ),
            (
                self.joining,
                N_(
                    "then, on each replica: every database node the status did not show as the primary "
                    "(the plan: {nodes}): {answer}"
                ),
            ),
            (
                (self.primary,),
                N_(
                    "last, on the primary: the node the status showed as (me): Connected Primary (the plan: {nodes}; "
                    "it may have moved): {answer}"
                ),
            ),
        ]
        for nodes, template in steps:
            if nodes:
                lines += [
                    note(template, nodes=", ".join(nodes), answer=Text(answer)),
                    command("database cluster remove"),
                    command("database cluster status"),
                ]
        lines.append(
            note(
                N_(
                    "on every node: delete or rename the old files of the same names ({files}), then upload the new ones"
                ),
                files=name_list(self.files.for_server()),
            )
        )
        # `join` copies the primary's database over the joining node's: the cluster is set up again from the
        # node that was the primary, or its newest data is lost (no Cisco text says which node; the careful path)
        lines.append(
            note(
                N_(
                    "then set the cluster up again (the sections below): initialize on the node that was the primary "
                    "(the plan: {node}); if the status showed another node as the primary, initialize there and "
                    "join or connect the others to it instead"
                ),
                node=self.primary,
            )
        )
        return lines

    def size_note(self) -> MmpLine | None:
        """A database cluster keeps a primary by majority: an even number of database nodes buys nothing
        (Cisco's deployment guides, "Database clustering"; their text is not readable here: a warning, never a refusal)."""
        members = 1 + len(self.joining)
        if members % 2:
            return None
        return note(
            N_(
                "{count} database nodes: use an odd number (3 or 5) so that a majority can still elect a primary "
                "when one node is lost; check the database clustering chapter of your CMS deployment guide"
            ),
            count=members,
        )


@contextmanager
def _errors_name(field: str) -> Iterator[None]:
    """The names are checked as a certificate's CN and SAN; say which field the user typed them in."""
    try:
        yield
    except CmsInputError as error:
        raise CmsInputError(field, error.message) from None


def default_ca_domain(primary: str) -> str:
    """The dbca CN when the admin gives none: the primary's domain (cms1.example.com -> example.com)."""
    name = primary.strip()
    return name.partition(".")[2] or name


def make_db_cluster(
    domain: str,
    primary: str,
    joining: Sequence[str] = (),
    connecting: Sequence[str] = (),
    *,
    key_type: KeyType = KeyType.RSA2048,
    files: DbFiles | None = None,
    enterprise_ca: bool = False,
) -> DbCluster:
    """Validate the node names and derive the three requests (dbserver's SAN holds every DB core).

    `files` names a set the enterprise CA signed (with `enterprise_ca`); default: dbserver/dbclient/dbca."""
    with _errors_name("CA domain"):
        ca = make_spec(SubjectInput(basename="dbca", cn=domain, key_type=key_type), purpose=Purpose.CA)
    with _errors_name("primary core"):
        make_spec(SubjectInput(basename="dbserver", cn=primary, key_type=key_type))
    members = [primary, *joining]
    with _errors_name("database cores"):
        server = make_spec(SubjectInput(basename="dbserver", cn=primary, san=tuple(members), key_type=key_type))
    client = make_spec(SubjectInput(basename="dbclient", cn=DB_CLIENT_CN, key_type=key_type))
    canonical_members = [entry.value for entry in server.san]
    with _errors_name("connect-only cores"):
        canonical_connect = [make_spec(SubjectInput("node", cn=n)).cn for n in connecting]
    both = set(canonical_members) & set(canonical_connect)
    if both:
        raise CmsInputError(
            "connect-only cores", Text(N_("{item} is also a database core; list it once"), item=sorted(both)[0])
        )
    return DbCluster(
        ca,
        server,
        client,
        server.cn,
        tuple(canonical_members[1:]),
        tuple(dict.fromkeys(canonical_connect)),
        (files or DbFiles()).check(),
        enterprise_ca,
    )


@dataclass(frozen=True)
class WrittenDbCluster:
    """A database cluster's certificate set, written: the cluster and the files made for it."""

    cluster: DbCluster
    files: tuple[Path, ...]


def write_db_cluster(
    plan: DbCluster, folder: Path, *, ca_days: int = CA_DAYS, days: int = LEAF_DAYS, force: bool = False
) -> WrittenDbCluster:
    """Make dbca, dbserver and dbclient (keys, CSRs, certificates) in one all-or-nothing write."""
    if plan.enterprise_ca:
        raise CmsInputError(
            "database files", N_("are signed by the enterprise CA; the wizard makes only the on-box set")
        )
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
    return WrittenDbCluster(plan, tuple(write_files(outputs)))
