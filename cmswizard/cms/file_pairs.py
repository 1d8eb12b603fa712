"""The two checks a service's key and certificate must pass before any sheet names them.

- A service that takes one full-chain file (Web Bridge 3, Scheduler: `... certs <key> <full-chain>`,
  TAC 221729) given a file that holds only its own certificate: the MMP takes it, and every client then
  sees an incomplete chain (the probe's "incomplete"). The fix is to build the full chain first.
- A key and a certificate that do not belong together: `... certs` would answer FAILURE at best.

The deployment page, the renewal pages, `deploy` and `renew sheet` all ask `pair_problems`, so they
refuse the same files with the same words. Files that cannot be read (not made yet, or kept on the CMS)
are not judged here: the sheet may still name them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509

from cmswizard.cms.services import Service
from cmswizard.pki.chain import auto_order, make_item
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.loader import LoadedFile, load_file
from cmswizard.pki.spec import Problem, Severity
from cmswizard.pki.verify import key_matches

__all__ = ["PairFault", "PairProblem", "chain_fault", "key_fault", "pair_problems", "pair_problems_at"]


class PairFault(enum.Enum):
    NOT_FULL_CHAIN = "not_full_chain"  # the fix: the chain builder, with this file loaded
    KEY_MISMATCH = "key_mismatch"  # the fix: the certificate issued for this key (or the key of this certificate)


@dataclass(frozen=True)
class PairProblem(Problem):
    """A Problem (field = the file to fix) with what kind of fault it is, for a page to offer the fix."""

    fault: PairFault = PairFault.NOT_FULL_CHAIN
    service: str = ""  # the Service value the file was given to


def chain_fault(service: Service, certificates: list[x509.Certificate], name: str) -> Text | None:
    """Why `certificates` (one file, in its order) is not the full chain `service` needs; None when it is,
    or when the service takes a certificate and a CA bundle instead."""
    if not service.takes_full_chain or not certificates:
        return None
    first = make_item(certificates[0], (name,))
    if first.is_self_signed:
        return None  # a self-signed certificate is its own whole chain
    if len(certificates) == 1:
        return Text(
            N_(
                "{file} holds only the {service} certificate, not its chain; {service} needs the full chain "
                "(certificate, intermediates, root): build the full chain first"
            ),
            file=name,
            service=as_message(service.label),
        )
    if first.is_ca:
        return Text(
            N_(
                "{file} starts with a CA certificate ({cn}), not the {service} certificate: build the full chain "
                "first (certificate, intermediates, root)"
            ),
            file=name,
            cn=first.subject_cn,
            service=as_message(service.label),
        )
    found = auto_order([make_item(c, (name,)) for c in certificates])
    chain = next((c for c in found.chains if c.items[0].fingerprint == first.fingerprint), None)
    if chain is None or not chain.complete:
        missing = chain.missing_issuer if chain is not None else first.issuer_cn
        return Text(
            N_(
                "{file} is not the full chain {service} needs: the certificate of {name} is missing; build the "
                "full chain first"
            ),
            file=name,
            service=as_message(service.label),
            name=missing or "?",
        )
    return None


def _readable(path: Path) -> LoadedFile | None:
    """The file when it can be read without a password; None when it cannot be judged."""
    if not path.is_file():
        return None
    try:
        return load_file(path)
    except (CmsInputError, OSError):
        return None  # a protected key, or a file other checks report: nothing to judge here


def key_fault(service: Service, key_path: Path, certificate_path: Path) -> PairProblem | None:
    """The key in `key_path` is not the key of the (first) certificate in `certificate_path`; None when it is,
    or when either file cannot be read."""
    loaded = _readable(certificate_path)
    key_file = _readable(key_path)
    if loaded is None or not loaded.certificates or key_file is None or not key_file.keys:
        return None
    if key_matches(key_file.keys[0], loaded.certificates[0]):
        return None
    return PairProblem(
        certificate_path.name,
        Severity.ERROR,
        Text(
            N_(
                "{key} is not the key of {file}: {service} would refuse the pair; choose the certificate "
                "issued for this key, or the key it was issued for"
            ),
            key=key_path.name,
            file=certificate_path.name,
            service=as_message(service.label),
        ),
        PairFault.KEY_MISMATCH,
        service.value,
    )


def pair_problems_at(service: Service, key_path: Path | None, certificate_path: Path) -> list[PairProblem]:
    """What stops the key + certificate from serving `service`: a leaf-only file where a full chain is needed,
    a key that is not the certificate's. Both are errors: the sheet must not print them."""
    problems: list[PairProblem] = []
    loaded = _readable(certificate_path)
    if loaded is None or not loaded.certificates:
        return problems
    name = certificate_path.name
    fault = chain_fault(service, loaded.certificates, name)
    if fault is not None:
        problems.append(PairProblem(name, Severity.ERROR, fault, PairFault.NOT_FULL_CHAIN, service.value))
    mismatch = key_fault(service, key_path, certificate_path) if key_path is not None else None
    if mismatch is not None:
        problems.append(mismatch)
    return problems


def pair_problems(service: Service, folder: Path, key: str, certificate: str) -> list[PairProblem]:
    """`pair_problems_at` for the names a sheet gives, in `folder`."""
    return pair_problems_at(service, folder / key if key else None, folder / certificate)
