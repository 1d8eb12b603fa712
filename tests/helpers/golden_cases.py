"""The golden deployment sheets' cases (tests/golden/<name>.txt) and the `cmswizard deploy` arguments
that give the same model: shared by the sheet, sheet-language and GUI golden tests."""

from __future__ import annotations

from pathlib import Path

from cmswizard.cms.dbcluster import DbFiles, make_db_cluster
from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import Deployment, Listen, ServiceFiles

__all__ = ["CASES", "CORES", "GOLDEN", "deploy_argv"]

GOLDEN = Path(__file__).parent.parent / "golden"
S = Service


def single_v3():
    files = ["cms1.key", "cms1.crt", "cms1-bundle.crt", "cms1-fullchain.crt"]
    services = (
        ServiceFiles(S.WEBADMIN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "cms1.key", "cms1-fullchain.crt"),
        ServiceFiles(S.TURN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
    )
    deployment = Deployment(
        CmsVersion.V3, Topology.SINGLE, ("cms1.example.com",), services, callbridge_cn="cms1.example.com"
    )
    return files, deployment


CORES = ("cms1.example.com", "cms2.example.com", "cms3.example.com")


def cluster_edges_db_v3():
    """3 cores + 2 edges, each edge with its own Web Bridge 3 certificate, and a DB cluster."""
    files = [
        *(f"webadmin-cms{n}.{ext}" for n in (1, 2, 3) for ext in ("key", "crt")),
        "callbridge.key",
        "callbridge.crt",
        "scheduler.key",
        "scheduler-fullchain.crt",
        "ca-bundle.crt",
        "webbridge3-edge1.key",
        "webbridge3-edge1-fullchain.crt",
        "webbridge3-edge2.key",
        "webbridge3-edge2-fullchain.crt",
        "turn.key",
        "turn.crt",
        "dbca.crt",
        "dbserver.key",
        "dbserver.crt",
        "dbclient.key",
        "dbclient.crt",
    ]
    services = (
        *(
            ServiceFiles(
                S.WEBADMIN, f"webadmin-cms{n}.key", f"webadmin-cms{n}.crt", "ca-bundle.crt", node=f"cms{n}.example.com"
            )
            for n in (1, 2, 3)
        ),
        ServiceFiles(S.CALLBRIDGE, "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
        ServiceFiles(S.SCHEDULER, "scheduler.key", "scheduler-fullchain.crt", node="cms1.example.com"),
        *(
            ServiceFiles(
                S.WEBBRIDGE3,
                f"webbridge3-edge{n}.key",
                f"webbridge3-edge{n}-fullchain.crt",
                node=f"edge{n}.example.com",
            )
            for n in (1, 2)
        ),
        ServiceFiles(S.TURN, "turn.key", "turn.crt", "ca-bundle.crt"),
    )
    db = make_db_cluster("example.com", "cms1.example.com", ["cms2.example.com", "cms3.example.com"])
    deployment = Deployment(
        CmsVersion.V3,
        Topology.EDGE,
        CORES,
        services,
        edge_nodes=("edge1.example.com", "edge2.example.com"),
        db=db,
        sip_trust="ca-bundle.crt",
        callbridge_cn="cms.example.com",
    )
    return files, deployment


def webbridge2_and_3_v29():
    """2.9: Web Bridge 2 beside Web Bridge 3 on one server, on different HTTPS ports."""
    files = ["cms.key", "cms.crt", "bundle.crt", "join3.key", "join3-fullchain.crt"]
    services = (
        ServiceFiles(S.WEBADMIN, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "join3.key", "join3-fullchain.crt"),
    )
    listen = Listen(webbridge3_port=8443, c2w_port=9999)
    return files, Deployment(
        CmsVersion.V2_9, Topology.SINGLE, ("cms.example.com",), services, listen=listen, callbridge_cn="cms.example.com"
    )


def xmpp_three_nodes_v2():
    """2.x: XMPP on three nodes, each with its own certificate, in one cluster trust file."""
    files = ["cms.key", "cms.crt", "bundle.crt", *(f"xmpp-cms{n}.{ext}" for n in (1, 2, 3) for ext in ("key", "crt"))]
    services = (
        ServiceFiles(S.WEBADMIN, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        *(
            ServiceFiles(S.XMPP, f"xmpp-cms{n}.key", f"xmpp-cms{n}.crt", "bundle.crt", node=f"cms{n}.example.com")
            for n in (1, 2, 3)
        ),
    )
    return files, Deployment(CmsVersion.V2, Topology.CLUSTER, CORES, services, callbridge_cn="cms.example.com")


def db_renewal_enterprise_ca():
    """Renewing DB certificates signed by the enterprise CA, with the admin's own file names."""
    names = DbFiles(
        "cmsdb-server-2026.key",
        "cmsdb-server-2026.cer",
        "cmsdb-client-2026.key",
        "cmsdb-client-2026.cer",
        "corp-ca-chain.pem",
    )
    files = list(names.for_server())
    db = make_db_cluster(
        "example.com", "cms1.example.com", ["cms2.example.com"], ["cms3.example.com"], files=names, enterprise_ca=True
    )
    deployment = Deployment(CmsVersion.V3, Topology.CLUSTER, CORES[:2], db=db, db_renewal=True)
    return files, deployment


CASES = {
    "single-v3": single_v3,
    "cluster-edges-db-v3": cluster_edges_db_v3,
    "webbridge2-and-3-v2.9": webbridge2_and_3_v29,
    "xmpp-three-nodes-v2": xmpp_three_nodes_v2,
    "db-renewal-enterprise-ca": db_renewal_enterprise_ca,
}


def deploy_argv(deployment: Deployment) -> list[str]:
    """The `cmswizard deploy` arguments for a plan: every field of the model is reachable from the CLI."""
    argv = ["deploy", "--version", deployment.version.value, "--topology", deployment.topology.value]
    for node in deployment.nodes:
        argv += ["--node", node]
    for node in deployment.edge_nodes:
        argv += ["--edge", node]
    for files in deployment.services:
        argv += [f"--{files.service.value}", *files.files()] + ([f"@{files.node}"] if files.node else [])
    defaults = Listen()
    for name in ("interface", "webadmin_port", "webbridge_port", "webbridge3_port", "c2w_port", "turn_tls_port"):
        if getattr(deployment.listen, name) != getattr(defaults, name):
            argv += [f"--{name.replace('_', '-')}", str(getattr(deployment.listen, name))]
    if deployment.sip_trust:
        argv += ["--sip-trust", deployment.sip_trust]
    if deployment.callbridge_cn:
        argv += ["--callbridge-cn", deployment.callbridge_cn]
    argv += ["--backup-name", deployment.backup_name]
    if deployment.db is not None:
        db = deployment.db
        argv += ["--db-primary", db.primary, "--db-domain", db.ca.cn]
        for node in db.joining:
            argv += ["--db-join", node]
        for node in db.connecting:
            argv += ["--db-connect", node]
        argv += ["--db-files", *db.files.for_server()]
        if db.enterprise_ca:
            argv.append("--db-enterprise-ca")
        if deployment.db_renewal:
            argv.append("--db-renewal")
    return argv
