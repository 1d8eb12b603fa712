"""The renewal state file beside the plan (`<plan>.renewal.json`): per certificate, where its renewal stands.

Written atomically (temp + fsync + rename, `pki/files.py`) after every step, so a run killed at any
moment (kill -9, power cut) leaves either the state before the step or the state after it. It is read
as hostile input like the plan: a damaged state is one line naming the file, never a traceback.
Steps only move forward: ok → due → key → ordered → issued → bundled → (uploaded → assigned →) ok.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from cmswizard.pki.errors import CmsInputError

__all__ = ["CertificateState", "Clock", "RenewalState", "Step", "SystemClock", "state_path"]

STATE_SCHEMA = 1
MAX_STATE_BYTES = 1024 * 1024


class Step(enum.Enum):
    OK = "ok"  # valid, nothing to do
    DUE = "due"  # a successor is wanted; `next` names it
    KEY = "key"  # <next>.key (0600) and <next>.csr exist
    ORDERED = "ordered"  # the CA has an order for it: `order` is its URL (saved before finalising)
    ISSUED = "issued"  # <next>-acme.pem holds the chain the CA sent
    BUNDLED = "bundled"  # compared with the old one and bundled in CMS order; `current` is now `next`
    UPLOADED = "uploaded"  # on the nodes (SFTP, read back)
    ASSIGNED = "assigned"  # the MMP commands ran (or a person typed them)


ISSUE_STEPS = (Step.DUE, Step.KEY, Step.ORDERED, Step.ISSUED)


class Clock(Protocol):
    """What "now" is for due decisions, and how a certificate's validity reads on that clock.
    The system clock in use; a simulated one in tests (a year of daily runs in a minute)."""

    def now(self) -> dt.datetime: ...

    def validity(self, not_before: dt.datetime, not_after: dt.datetime) -> tuple[dt.datetime, dt.datetime]: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def validity(self, not_before: dt.datetime, not_after: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        return not_before, not_after


@dataclass(frozen=True)
class CertificateState:
    current: str = ""  # the basename whose certificate is in use (the newest bundled one)
    step: Step = Step.OK
    next: str = ""  # the successor being made
    order: str = ""  # its ACME order URL
    reason: str = ""  # why a person is needed ("" when not)
    renewals: int = 0  # how many successors were bundled (for the record and the tests)
    # DNS-01 records published and not yet known to be removed ("owner zone value"): a run killed while they
    # were in DNS (kill -9 skips every clean-up) leaves them here, and the next run removes them first.
    txt: tuple[str, ...] = ()

    def moved(self, step: Step, **changes: Any) -> CertificateState:
        return replace(self, step=step, **changes)


@dataclass
class RenewalState:
    certificates: dict[str, CertificateState] = field(default_factory=dict)
    issuers_without_ari: set[str] = field(default_factory=set)

    def get(self, basename: str) -> CertificateState:
        return self.certificates.get(basename) or CertificateState(current=basename)

    def to_bytes(self) -> bytes:
        body = {
            "schema": STATE_SCHEMA,
            "note": "cmswizard renew run keeps this file; do not edit it while a run is going",
            "issuers_without_ari": sorted(self.issuers_without_ari),
            "certificates": {
                name: {**asdict(state), "step": state.step.value} for name, state in sorted(self.certificates.items())
            },
        }
        return (json.dumps(body, indent=2, ensure_ascii=False) + "\n").encode()


def state_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name.removesuffix(".toml") + ".renewal.json")


def read_state(path: Path) -> RenewalState:
    if not path.exists():
        return RenewalState()
    from cmswizard.pki.files import read_input_file

    data = read_input_file(path, limit=MAX_STATE_BYTES)
    try:
        body = json.loads(data.decode("utf-8"))
        if body.get("schema") != STATE_SCHEMA:
            raise ValueError("schema")
        certificates = {}
        for name, entry in body["certificates"].items():
            values = {key: entry[key] for key in CertificateState.__dataclass_fields__ if key in entry}
            values["step"] = Step(values.get("step", "ok"))
            for key in ("current", "next", "order", "reason"):
                if not isinstance(values.get(key, ""), str):
                    raise ValueError(key)
            if not isinstance(values.get("renewals", 0), int):
                raise ValueError("renewals")
            records = values.get("txt", [])
            if not isinstance(records, list) or not all(isinstance(r, str) and len(r.split()) == 3 for r in records):
                raise ValueError("txt")
            values["txt"] = tuple(records)
            certificates[str(name)] = CertificateState(**values)
        without = {str(name) for name in body.get("issuers_without_ari", [])}
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise CmsInputError(
            str(path), "is not a renewal state cmswizard wrote (damaged?); move it away to start over from the files"
        ) from None
    return RenewalState(certificates, without)


def save_state(path: Path, state: RenewalState) -> None:
    from cmswizard.pki.files import OutputFile, write_files

    write_files([OutputFile(path, state.to_bytes(), replace=True)])
