"""Node names are checked in one place (cms/nodes.py) with one set of messages, whoever gives them:
the wizard's deployment questions, the sheet, the plan file, `plan new` and the CLI's --node/--edge."""

from __future__ import annotations

import pytest

from cmswizard.cms.deployment import DeploymentOutline, propose_certificates
from cmswizard.cms.nodes import CORE, EDGE, NodeName, check_listed, check_node_names
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion, Service, Topology
from cmswizard.cms.sheet import Deployment, ServiceFiles
from cmswizard.pki.errors import CmsInputError

TWICE = "cms1.example.com is given twice; list each server once"
BOTH = "cms1.example.com is both a core and an edge server; a server has one role: list it once"


def test_names_are_canonical_and_blank_entries_skipped() -> None:
    assert check_listed(["CMS1.Example.com.", " ", "bücher.example"], ["edge1.example.com"], "c", "e") == (
        ("cms1.example.com", "xn--bcher-kva.example"),
        ("edge1.example.com",),
    )


@pytest.mark.parametrize(
    ("cores", "edges", "where", "message"),
    [
        (["cms1.example.com", "CMS1.example.com."], [], "c", TWICE),
        (["cms1.example.com"], ["cms1.example.com"], "e", BOTH),
        (["*.example.com"], [], "c", "wildcard"),
    ],
)
def test_listed_names_refused_with_the_one_message(
    cores: list[str], edges: list[str], where: str, message: str
) -> None:
    with pytest.raises(CmsInputError) as raised:
        check_listed(cores, edges, "c", "e")
    assert raised.value.where == where and message in raised.value.message


def test_each_entry_names_its_own_field() -> None:
    given = [NodeName("cms1.example.com", CORE, "node[0].name"), NodeName("cms1.example.com", EDGE, "node[1].name")]
    with pytest.raises(CmsInputError) as raised:
        check_node_names(given)
    assert (raised.value.where, raised.value.message) == ("node[1].name", BOTH)


def _deployment(nodes: tuple[str, ...], edges: tuple[str, ...] = ()) -> DeploymentOutline:
    topology = Topology.EDGE if edges else Topology.CLUSTER
    return DeploymentOutline(CmsVersion.V3, topology, frozenset({Service.WEBADMIN}), nodes, edges, "", "", False)


def _sheet(nodes: tuple[str, ...], edges: tuple[str, ...] = ()) -> Deployment:
    topology = Topology.EDGE if edges else Topology.CLUSTER
    return Deployment(CmsVersion.V3, topology, nodes, (ServiceFiles(Service.WEBADMIN, "a.key", "a.crt"),), edges)


@pytest.mark.parametrize(
    ("nodes", "edges", "message"),
    [(("cms1.example.com", "cms1.example.com"), (), TWICE), (("cms1.example.com",), ("cms1.example.com",), BOTH)],
)
def test_the_wizard_the_sheet_and_plan_new_say_the_same(
    nodes: tuple[str, ...], edges: tuple[str, ...], message: str
) -> None:
    said = []
    for attempt in (
        lambda: propose_certificates(_deployment(nodes, edges)),
        lambda: _sheet(nodes, edges).checked(),
        lambda: new_plan(PlanAnswers(CmsVersion.V3, nodes, edges, "join.example.com")),
    ):
        with pytest.raises(CmsInputError) as raised:
            attempt()
        said.append(raised.value.message)
    assert said == [message] * 3


def test_the_cli_names_the_option(cli) -> None:
    done = cli("deploy", "--node", "cms1.example.com", "--node", "CMS1.example.com", "--webadmin", "a.key", "a.crt")
    assert (done.code, done.err) == (2, f"cmswizard: --node: {TWICE}\n")
    done = cli("plan", "new", "site.toml", "--core", "cms1.example.com", "--edge", "cms1.example.com")
    assert (done.code, done.err) == (2, f"cmswizard: edge: {BOTH}\n")
