"""The file names a plan holds: each a plain name in the plan's folder, each in one role.

A plan is something admins mail to each other, so every name in it is hostile until checked. Two
rules, each in one function, used by the plan reader for every key that names a file:

- `plain_name_problem` (cms/file_names.py, re-exported here): a name is a plain file name in the plan's folder (or `--dir`): no `/`, `\\`,
  `..`, drive letters or other `:`, control characters or spaces. `plan apply` joins it to the folder,
  `upload --plan` sends it: a path would write or send a file outside the folder.
- `RoleBook`: a name is used in one role only (the sheet is no key; a CA bundle is not the certificate;
  one full chain is not asked to hold two different keys' chains). Names are compared case-folded:
  Windows, macOS and FAT sticks treat `CB.key` and `cb.key` as one file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cmswizard.cms.file_names import MAX_NAME_CHARS, file_in_folder, plain_name_problem
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.safe_text import has_control

if TYPE_CHECKING:
    from cmswizard.cms.plan_types import Plan

__all__ = [
    "MAX_NAME_CHARS",
    "RoleBook",
    "file_in_folder",
    "first_name_problem",
    "lookalike_notes",
    "plain_name_problem",
    "ssh_value_problem",
]


@dataclass(frozen=True)
class _Use:
    role: str  # an N_() text: what the file is for
    where: str  # the plan key that named it
    key: str  # for certificates and full chains: the key file they belong to ("" otherwise)
    spelled: str  # the name as written


class RoleBook:
    """Every file name the plan uses, with its role; `add` answers why a new use clashes ("" if not)."""

    def __init__(self) -> None:
        self._uses: dict[str, _Use] = {}

    def add(self, name: str, role: str, where: str, key: str = "") -> str:
        folded = name.casefold()
        earlier = self._uses.get(folded)
        if earlier is None:
            self._uses[folded] = _Use(role, where, key, name)
            return ""
        if earlier.spelled != name:
            return Text(
                N_("{name} and {other} ({where}) are one file on Windows, macOS and USB sticks; spell them the same"),
                name=name,
                other=earlier.spelled,
                where=earlier.where,
            )
        if earlier.role != role and not {earlier.role, role} <= CA_CERTIFICATE_ROLES:
            return Text(
                N_("{name} is already the {role} ({where}); one file cannot be both: give each its own name"),
                name=name,
                role=as_message(earlier.role),
                where=earlier.where,
            )
        if earlier.key and key and earlier.key.casefold() != key.casefold():
            return Text(
                N_(
                    "{name} is the {role} of {key} ({where}) and cannot also be that of {other}: give each its own name"
                ),
                name=name,
                role=as_message(role),
                key=earlier.key,
                where=earlier.where,
                other=key,
            )
        return ""


# The roles, one phrase each (translated as parameters of the messages above).
ROLE_SHEET = N_("command sheet")
ROLE_PLAN = N_("plan file")
ROLE_KEY = N_("private key")
ROLE_CSR = N_("CSR")
ROLE_CERTIFICATE = N_("certificate")
ROLE_BUNDLE = N_("CA bundle")
ROLE_FULL_CHAIN = N_("full chain")
ROLE_TRUST = N_("peer trust file")
ROLE_SIP_TRUST = N_("SIP trust bundle")
ROLE_DB = N_("database-cluster file")
ROLE_DB_CA = N_("database-cluster CA certificate")
# Files of CA certificates the admin brings: nothing the tool writes, so one file may serve each of
# these (a corporate CA file as CA bundle, as SIP trust and as the DB CA of an enterprise-CA set).
CA_CERTIFICATE_ROLES = frozenset({ROLE_BUNDLE, ROLE_SIP_TRUST, ROLE_DB_CA})


def first_name_problem(plan: Plan, plan_name: str = "") -> tuple[str, str] | None:
    """(plan key, message) for the first file name of `plan` that is not a plain name in the plan's
    folder or is used in two roles; None when every name is fine. `plan_name`: the plan file's own
    name, which no other role may take."""
    book = RoleBook()
    named: list[tuple[str, str, str, str]] = []  # (name, role, plan key, key it belongs to)
    for number, certificate in enumerate(plan.certificates):
        where = f"certificate[{number}].basename"
        base = certificate.basename
        named.append((base, "", where, ""))  # the basename itself: the plain-name rule only
        key = f"{base}.key"
        named += [(key, ROLE_KEY, where, ""), (f"{base}.csr", ROLE_CSR, where, key)]
        named.append((f"{base}.crt", ROLE_CERTIFICATE, where, key))
    for number, files in enumerate(plan.services):
        where = f"service[{number}]"
        named.append((files.key, ROLE_KEY, f"{where}.key", ""))
        if files.service.takes_full_chain:
            named.append((files.certificate, ROLE_FULL_CHAIN, f"{where}.certificate", files.key))
        else:
            named.append((files.certificate, ROLE_CERTIFICATE, f"{where}.certificate", files.key))
        if files.bundle:
            named.append((files.bundle, ROLE_BUNDLE, f"{where}.bundle", ""))
    if plan.database is not None:
        db_files = plan.database.files
        for field_name in type(db_files).__dataclass_fields__:
            enterprise_ca_file = plan.database.enterprise_ca and field_name == "ca"
            role = ROLE_DB_CA if enterprise_ca_file else ROLE_DB
            named.append(
                (
                    getattr(db_files, field_name),
                    role,
                    f"database.{field_name}",
                    "" if enterprise_ca_file else field_name,
                )
            )
        if not plan.database.enterprise_ca:
            named.append(("dbca.key", ROLE_DB, "database", "ca_key"))
    for kind, name in plan.trust_names:
        named.append((name, "", f"trust.{kind.value}", ""))
    for trust in plan.deployment().trust_files():  # with their default names where the plan gives none
        named.append((trust.name, ROLE_TRUST, f"trust.{trust.kind.value}", trust.kind.value))
    if plan.sip_trust:
        named.append((plan.sip_trust, ROLE_SIP_TRUST, "cms.sip_trust", ""))
    named.append((plan.sheet, ROLE_SHEET, "sheet", ""))
    if plan_name:
        book.add(plan_name, ROLE_PLAN, plan_name)
    for name, role, where, key in named:
        problem = plain_name_problem(name)
        if problem:
            return where, Text("{name}: {problem}", name=name, problem=as_message(problem))
        if role:
            clash = book.add(name, role, where, key)
            if clash:
                return where, clash
    return None


_FINGERPRINT = re.compile(r"(SHA256:)?[A-Za-z0-9+/]{43}=?|(MD5:)?[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){15}")


def ssh_value_problem(key: str, value: str) -> Text | None:
    """Why a node's ssh_host, ssh_user or fingerprint cannot be used (None when it can): a control
    character would reach the terminal in the password prompt; a fingerprint of the wrong shape would
    make every host key "not the one you gave"."""
    if not value:
        return None
    if has_control(value) or any(ch.isspace() for ch in value):
        return as_message(N_("holds a space or control characters (a newline or ESC?); give the plain value"))
    if key == "fingerprint" and not _FINGERPRINT.fullmatch(value):
        return as_message(
            N_("is not an SSH host key fingerprint; copy it as the MMP shows it, e.g. SHA256:…(43 characters)")
        )
    return None


def lookalike_notes(plan: Plan) -> list[str]:
    """A note for each node name whose labels mix Latin letters with Cyrillic or Greek ones (`сms1`, with a
    Cyrillic с): it reads like another server's name, and the admin should know before trusting it."""
    import unicodedata

    from cmswizard.pki.names import to_unicode

    notes: list[str] = []
    for number, node in enumerate(plan.nodes):
        shown_name = to_unicode(node.name)
        for label in shown_name.split("."):
            scripts = {unicodedata.name(ch, "").split(" ")[0] for ch in label if ch.isalpha()} & {
                "LATIN",
                "CYRILLIC",
                "GREEK",
            }
            if "LATIN" in scripts and len(scripts) > 1:
                notes.append(
                    Text(
                        N_(
                            "node[{number}].name {name} reads as {shown}: the label {label} mixes Latin letters with "
                            "{other} ones that look alike; make sure it is the server you mean"
                        ),
                        number=number,
                        name=node.name,
                        shown=shown_name,
                        label=label,
                        other=" and ".join(sorted(s.title() for s in scripts - {"LATIN"})),
                    )
                )
                break
    return notes
