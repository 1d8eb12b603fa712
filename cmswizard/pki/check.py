"""Checking a pile of files at once: inspect every item, match every key, verify every certificate.

The wizard's Check flow shows this report; `as_text()` is what the user pastes into a ticket.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509

from cmswizard.pki.chain import Role, common_name, make_item, role_of
from cmswizard.pki.errors import N_, Text, as_message
from cmswizard.pki.inspect import Facts, days_left, describe_loaded
from cmswizard.pki.loader import LoadedFile
from cmswizard.pki.verify import VerifyResult, key_matches, verify_certificate

__all__ = ["CheckReport", "ExpiryRow", "KeyMatchRow", "VerifyRow", "check_files"]


@dataclass(frozen=True)
class KeyMatchRow:
    key_file: str
    target_file: str
    target_kind: str  # "certificate" or "CSR"
    target_cn: str
    matches: bool

    def text(self) -> str:
        template = (
            N_("{key} matches the {kind} {file} ({cn})")
            if self.matches
            else N_("{key} does NOT match the {kind} {file} ({cn})")
        )
        return Text(
            template,
            key=Path(self.key_file).name,
            kind=as_message(self.target_kind),
            file=Path(self.target_file).name,
            cn=self.target_cn,
        )


@dataclass(frozen=True)
class VerifyRow:
    certificate_file: str
    cn: str
    result: VerifyResult

    def text(self) -> str:
        template = N_("✓ {cn} ({file}): {reason}") if self.result.ok else N_("✗ {cn} ({file}): {reason}")
        return Text(template, cn=self.cn, file=Path(self.certificate_file).name, reason=as_message(self.result.reason))


@dataclass(frozen=True)
class ExpiryRow:
    days_left: int
    cn: str
    role: str
    file: str
    not_after: str

    def problem(self) -> Text:
        return Text(
            N_("✗ {cn} ({file}) expired {days} day(s) ago, on {date}"),
            cn=self.cn,
            file=Path(self.file).name,
            days=-self.days_left,
            date=self.not_after,
        )

    def text(self) -> str:
        state = f"EXPIRED {-self.days_left} days ago" if self.days_left < 0 else f"{self.days_left} days left"
        return f"{self.not_after}  {state:>20}  {self.role:<12} {self.cn} ({Path(self.file).name})"


@dataclass
class CheckReport:
    facts: list[Facts] = field(default_factory=list)
    matches: list[KeyMatchRow] = field(default_factory=list)
    verifications: list[VerifyRow] = field(default_factory=list)
    expiry: list[ExpiryRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def unmatched_keys(self) -> list[str]:
        """Keys that belong to none of the certificates and CSRs given (a pair that differs is normal)."""
        keys = dict.fromkeys(row.key_file for row in self.matches)
        return [key for key in keys if not any(r.matches for r in self.matches if r.key_file == key)]

    def key_results(self) -> list[tuple[bool, str]]:
        """(ok, text) per key: every pair that belongs together, then every key that belongs to nothing."""
        lines = [(True, row.text()) for row in self.matches if row.matches]
        lines += [
            (False, Text(N_("{key} matches none of the certificates or CSRs given"), key=Path(key).name))
            for key in self.unmatched_keys()
        ]
        return lines

    def problems(self) -> list[str]:
        """Each problem once: an expired certificate whose chain check already failed is not listed again."""
        found: list[str] = [text for ok, text in self.key_results() if not ok]
        failed = [row for row in self.verifications if not row.result.ok]
        found += [row.text() for row in failed]
        flagged = {(Path(row.certificate_file).name, row.cn) for row in failed}
        found += [
            row.problem() for row in self.expiry if row.days_left < 0 and (Path(row.file).name, row.cn) not in flagged
        ]
        return found

    def as_text(self) -> str:
        parts = ["Certificate check (cmswizard)", ""]
        problems = self.problems()
        parts.append(f"Problems: {len(problems)}")
        parts += [f"  - {p}" for p in problems]
        if self.matches:
            parts += ["", "Keys:"] + [f"  {'✓' if ok else '✗'} {line}" for ok, line in self.key_results()]
        if self.verifications:
            parts += ["", "Chains:"] + [f"  {row.text()}" for row in self.verifications]
        if self.expiry:
            parts += ["", "Expiry (soonest first):"] + [f"  {row.text()}" for row in self.expiry]
        parts += [f"Note: {note}" for note in self.notes]
        for facts in self.facts:
            parts += ["", *facts.lines()]
        return "\n".join(parts) + "\n"


def check_files(files: Sequence[LoadedFile], *, at: dt.datetime | None = None) -> CheckReport:
    report = CheckReport()
    certificates: list[tuple[str, x509.Certificate]] = []
    csrs: list[tuple[str, x509.CertificateSigningRequest]] = []
    for loaded in files:
        report.facts.extend(describe_loaded(loaded, at))
        certificates += [(loaded.name, c) for c in loaded.certificates]
        csrs += [(loaded.name, c) for c in loaded.csrs]
    seen: set[bytes] = set()
    unique: list[tuple[str, x509.Certificate]] = []
    for source, certificate in certificates:
        item = make_item(certificate)
        if item.fingerprint not in seen:
            seen.add(item.fingerprint)
            unique.append((source, certificate))
    for loaded in files:
        for key in loaded.keys:
            for source, certificate in unique:
                if role_of(make_item(certificate)) is Role.ENTITY or key_matches(key, certificate):
                    report.matches.append(
                        KeyMatchRow(
                            loaded.name,
                            source,
                            N_("certificate"),
                            common_name(certificate.subject),
                            key_matches(key, certificate),
                        )
                    )
            for source, csr in csrs:
                report.matches.append(
                    KeyMatchRow(loaded.name, source, "CSR", common_name(csr.subject), key_matches(key, csr))
                )
    cas = [c for _, c in unique if role_of(make_item(c)) is not Role.ENTITY]
    entities = [(s, c) for s, c in unique if role_of(make_item(c)) is Role.ENTITY]
    if entities and not cas:
        report.notes.append(N_("no CA certificate given, so no chain was verified: add the CA bundle or root"))
    elif cas:
        for source, certificate in entities:
            result = verify_certificate(certificate, cas, at=at, source=source)
            report.verifications.append(VerifyRow(source, common_name(certificate.subject), result))
    for source, certificate in unique:
        report.expiry.append(
            ExpiryRow(
                days_left(certificate, at),
                common_name(certificate.subject),
                role_of(make_item(certificate)).value,
                source,
                f"{certificate.not_valid_after_utc:%Y-%m-%d}",
            )
        )
    report.expiry.sort(key=lambda row: row.days_left)
    return report
