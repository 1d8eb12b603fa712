"""What deploying a renewed certificate means, node by node: the files to upload and the MMP lines that
swap them in (the renewal sheet of `renew sheet`, for this one certificate). No network here: the upload
and the MMP runner are in remote/ (`remote/renewal_deploy.py`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cmswizard.cms.lines import MmpLine
from cmswizard.cms.plan import Plan, PlanCertificate
from cmswizard.cms.plan_making import service_rows
from cmswizard.cms.renewal import replacement_sheet

__all__ = ["NodeDeployment", "deployments"]


@dataclass(frozen=True)
class NodeDeployment:
    node: str
    files: tuple[str, ...]  # in the plan's folder, to upload to this node's MMP
    lines: tuple[MmpLine, ...]  # the replacement lines for this node (backup first, status lines last)


def deployments(plan: Plan, certificate: PlanCertificate, basename: str) -> list[NodeDeployment]:
    """Per node running the certificate's services: the files named `basename` and the lines assigning them."""
    rows = service_rows([replace(certificate, basename=basename)])
    deployment = replace(plan.deployment(), services=rows, db=None, db_renewal=False)
    sheet = replacement_sheet(deployment)
    return [NodeDeployment(node.node, tuple(node.files), tuple(node.lines)) for node in sheet.nodes if node.files]
