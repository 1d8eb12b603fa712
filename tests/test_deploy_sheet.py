"""Golden deployment sheets: the exact MMP commands for three typical deployments."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cmswizard.pki.dbcluster import plan_db_cluster
from cmswizard.pki.deploy_sheet import ServiceFiles, build_sheet
from cmswizard.pki.deployment import CmsVersion, Service, Topology
from cmswizard.pki.errors import CmsInputError

GOLDEN = Path(__file__).parent / "golden"
S = Service


def single_v3():
    files = ["cms1.key", "cms1.crt", "cms1-bundle.crt", "cms1-fullchain.crt"]
    services = [
        ServiceFiles(S.WEBADMIN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "cms1.key", "cms1-fullchain.crt", entity="cms1.crt"),
        ServiceFiles(S.TURN, "cms1.key", "cms1.crt", "cms1-bundle.crt"),
    ]
    return files, dict(version=CmsVersion.V3, topology=Topology.SINGLE, nodes=["cms1.example.com"], services=services)


def cluster_edge_db_v3():
    files = [
        "webadmin-cms1.key",
        "webadmin-cms1.crt",
        "webadmin-cms2.key",
        "webadmin-cms2.crt",
        "webadmin-cms3.key",
        "webadmin-cms3.crt",
        "callbridge.key",
        "callbridge.crt",
        "ca-bundle.crt",
        "webbridge3.key",
        "webbridge3-fullchain.crt",
        "webbridge3.crt",
        "turn.key",
        "turn.crt",
        "dbca.crt",
        "dbserver.key",
        "dbserver.crt",
        "dbclient.key",
        "dbclient.crt",
    ]
    services = [
        *(
            ServiceFiles(
                S.WEBADMIN, f"webadmin-cms{n}.key", f"webadmin-cms{n}.crt", "ca-bundle.crt", node=f"cms{n}.example.com"
            )
            for n in (1, 2, 3)
        ),
        ServiceFiles(S.CALLBRIDGE, "callbridge.key", "callbridge.crt", "ca-bundle.crt"),
        ServiceFiles(S.WEBBRIDGE3, "webbridge3.key", "webbridge3-fullchain.crt", entity="webbridge3.crt"),
        ServiceFiles(S.TURN, "turn.key", "turn.crt", "ca-bundle.crt"),
    ]
    db = plan_db_cluster("example.com", "cms1.example.com", ["cms2.example.com", "cms3.example.com"])
    return files, dict(
        version=CmsVersion.V3,
        topology=Topology.EDGE,
        nodes=["cms1.example.com", "cms2.example.com", "cms3.example.com"],
        edge_nodes=["edge1.example.com"],
        services=services,
        db=db,
    )


def xmpp_v2():
    files = ["cms.key", "cms.crt", "bundle.crt", "xmpp.key", "xmpp.crt"]
    services = [
        ServiceFiles(S.WEBADMIN, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.CALLBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.WEBBRIDGE, "cms.key", "cms.crt", "bundle.crt"),
        ServiceFiles(S.XMPP, "xmpp.key", "xmpp.crt", "bundle.crt"),
    ]
    return files, dict(version=CmsVersion.V2, topology=Topology.SINGLE, nodes=["cms.example.com"], services=services)


CASES = {"single-v3": single_v3, "cluster-edge-db-v3": cluster_edge_db_v3, "xmpp-v2": xmpp_v2}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_sheet(name: str) -> None:
    files, kwargs = CASES[name]()
    version, topology, nodes, services = (kwargs.pop(k) for k in ("version", "topology", "nodes", "services"))
    sheet = build_sheet(version, topology, nodes, services, export_files=files, **kwargs)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("CMSWIZARD_UPDATE_GOLDEN"):
        golden.write_text(sheet.text())
    assert sheet.text() == golden.read_text()
    assert sheet.referenced_files() <= set(files)
    for line in sheet.text().splitlines():
        if line and not line.startswith("#"):  # every command line names only exported files
            for word in line.split()[2:]:
                if "." in word and not word.endswith(".com"):
                    assert word in files, (name, line)


def test_sheet_refuses_a_file_not_exported() -> None:
    files, kwargs = single_v3()
    with pytest.raises(CmsInputError) as caught:
        build_sheet(
            kwargs["version"],
            kwargs["topology"],
            kwargs["nodes"],
            kwargs["services"],
            export_files=[f for f in files if f != "cms1-bundle.crt"],
        )
    assert caught.value.where == "cms1-bundle.crt"
    assert "not in the export set" in caught.value.message


def test_xmpp_does_not_exist_on_v3() -> None:
    with pytest.raises(CmsInputError, match=r"does not exist on CMS 3\.x"):
        build_sheet(CmsVersion.V3, Topology.SINGLE, ["cms.example.com"], [ServiceFiles(S.XMPP, "x.key", "x.crt")])


def test_renewal_removes_first() -> None:
    db = plan_db_cluster("example.com", "cms1.example.com", ["cms2.example.com"], ["cms3.example.com"])
    sheet = build_sheet(
        CmsVersion.V3, Topology.CLUSTER, ["cms1.example.com", "cms2.example.com"], [], db=db, db_renewal=True
    )
    text = sheet.text()
    assert text.index("database cluster remove") < text.index("database cluster certs")
    removes = [node for node in ("cms3", "cms2", "cms1") if f"# on {node}.example.com\ndatabase cluster remove" in text]
    assert removes == ["cms3", "cms2", "cms1"]
    assert text.index("# on cms3") < text.index("# on cms2") < text.index("# on cms1")
    assert "database cluster certs dbclient.key dbclient.crt dbca.crt" in text  # the connect-only node


def test_cli_deploy(cli, tmp_path: Path) -> None:
    for name in ("cms1.key", "cms1.crt", "cms1-bundle.crt", "cms1-fullchain.crt"):
        (tmp_path / name).write_text("x")
    result = cli(
        "deploy",
        "--node",
        "cms1.example.com",
        "--webadmin",
        "cms1.key",
        "cms1.crt",
        "cms1-bundle.crt",
        "--callbridge",
        "cms1.key",
        "cms1.crt",
        "cms1-bundle.crt",
        "--webbridge3",
        "cms1.key",
        "cms1-fullchain.crt",
        "cms1.crt",
        "--turn",
        "cms1.key",
        "cms1.crt",
        "cms1-bundle.crt",
        "--files-in",
        str(tmp_path),
        "--out",
        "sheet.txt",
    )
    assert result.code == 0, result.err
    assert (tmp_path / "sheet.txt").read_text() == (GOLDEN / "single-v3.txt").read_text()
    missing = cli(
        "deploy", "--node", "cms1.example.com", "--webadmin", "cms1.key", "other.crt", "--files-in", str(tmp_path)
    )
    assert missing.code == 2 and "other.crt: is used by a command but not in the export set" in missing.err
    bad = cli("deploy", "--version", "3.x", "--node", "cms1.example.com", "--xmpp", "a.key", "a.crt")
    assert bad.code == 2 and "XMPP: does not exist on CMS 3.x" in bad.err
