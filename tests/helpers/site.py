"""An example site made by the engine: a 2-core + 1-edge CMS v3 plan with a database cluster, applied
(keys, CSRs, DB set, sheet), and with a CA also its CSRs signed and applied again (bundles, trust files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from cmswizard.cms.plan import plan_text
from cmswizard.cms.plan_files import apply_plan
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.pki.ca import issue_certificate
from cmswizard.pki.profiles import Usage
from cmswizard.pki.spec import KeyType

from helpers.factory import Hierarchy

__all__ = ["example_site"]


def example_site(folder: Path, ca: Hierarchy | None = None) -> Path:
    """The plan file of the site in `folder`; with `ca`, its CSRs signed by the CA's intermediate."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3,
            ("cms1.example.com", "cms2.example.com"),
            ("edge1.example.com",),
            "join.example.com",
            key_type=KeyType.EC256,
            subject=(("O", "Example"), ("C", "TW")),
            database=True,
            today=dt.date(2026, 1, 1),
        )
    )
    path = folder / "site.toml"
    path.write_text(plan_text(plan))
    apply_plan(plan, folder)
    if ca is None:
        return path
    issuer = ca.intermediates[0]
    for csr_path in folder.glob("*-2026.csr"):
        csr = x509.load_pem_x509_csr(csr_path.read_bytes())
        signed = issue_certificate(csr, issuer.key, issuer.cert, usage=Usage.SERVER_CLIENT).certificate
        (folder / f"{csr_path.stem}.cer").write_bytes(signed.public_bytes(Encoding.DER))
    (folder / "example-ca.pem").write_bytes(issuer.pem + ca.root.pem)
    apply_plan(plan, folder)
    return path
