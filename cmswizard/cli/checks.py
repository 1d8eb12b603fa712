"""Checks more than one command offers: does a certificate's extended key usage fit a CMS service."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cmswizard.cli.output import ExitCode, say
from cmswizard.pki.errors import CmsCheckFailed

if TYPE_CHECKING:
    from cryptography import x509

__all__ = ["check_service"]


def check_service(args: argparse.Namespace, certificates: Sequence[x509.Certificate], name: str) -> int:
    """With --service: exit 1 when the certificate's EKU does not allow what that service needs."""
    if not getattr(args, "service", None) or not certificates:
        return ExitCode.OK
    from cmswizard.cms.services import Service, check_service_eku

    problem = check_service_eku(Service(args.service), certificates[0], name)
    if problem is not None:
        raise CmsCheckFailed(str(problem))
    say(f"{name}: the extended key usage fits {Service(args.service).label}")
    return ExitCode.OK
