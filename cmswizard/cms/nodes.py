"""The one place node names are checked and made canonical, with one set of messages: the wizard's
deployment questions, the deployment sheet, the plan file's [[node]] rows, `plan new` and the CLI's
--node/--edge all call it.

A node is a CMS server named by its FQDN (no wildcard; lower case, A-labels, no trailing dot). Each
server is listed once and has one role, core or edge: a repeated name would make a repeated sheet
section, and a server in both roles would get a core's and an edge's commands.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cmswizard.cms.services import Topology
from cmswizard.pki.errors import N_, CmsInputError, Text
from cmswizard.pki.names import check_fqdn

__all__ = [
    "CORE",
    "CORE_FIELD",
    "EDGE",
    "EDGE_FIELD",
    "NodeName",
    "check_listed",
    "check_node_names",
    "check_topology",
    "node_name",
    "topology_of",
]

CORE, EDGE = "core", "edge"
# The fields the wizard's questions and the sheet name in their messages (cms/fields.py translates them);
# the CLI names its options instead.
CORE_FIELD, EDGE_FIELD = "server FQDNs", "edge server FQDNs"


def node_name(text: str, where: str) -> str:
    """One server's name, canonical; `where` is the field or key the message names."""
    return check_fqdn(text, where, allow_wildcard=False)


@dataclass(frozen=True)
class NodeName:
    """A name as given: its text, its role (CORE or EDGE) and the field or key that holds it."""

    text: str
    role: str
    where: str


def check_node_names(given: Iterable[NodeName]) -> list[str]:
    """The canonical names, in order; refuses a bad name, a name given twice and a name in both roles."""
    roles: dict[str, str] = {}
    names: list[str] = []
    for entry in given:
        name = node_name(entry.text, entry.where)
        role = roles.get(name)
        if role == entry.role:
            raise CmsInputError(entry.where, Text(N_("{name} is given twice; list each server once"), name=name))
        if role is not None:
            raise CmsInputError(
                entry.where,
                Text(N_("{name} is both a core and an edge server; a server has one role: list it once"), name=name),
            )
        roles[name] = entry.role
        names.append(name)
    return names


def check_listed(
    cores: Sequence[str], edges: Sequence[str], core_field: str, edge_field: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Core and edge names typed in two lists (blank entries skipped), each canonical, checked together."""
    given = [NodeName(n, CORE, core_field) for n in cores if n.strip()]
    given += [NodeName(n, EDGE, edge_field) for n in edges if n.strip()]
    names = list(zip(check_node_names(given), (entry.role for entry in given), strict=True))
    return tuple(n for n, role in names if role == CORE), tuple(n for n, role in names if role == EDGE)


def topology_of(cores: Sequence[str], edges: Sequence[str]) -> Topology:
    """The topology the node lists imply when none is chosen: edges make Edge, several cores a Cluster."""
    return Topology.EDGE if edges else Topology.CLUSTER if len(cores) > 1 else Topology.SINGLE


def check_topology(
    topology: Topology, cores: Sequence[str], edges: Sequence[str], core_field: str, edge_field: str
) -> None:
    """What the topology needs of the node lists: a core at least, one for a single server, an edge for Edge."""
    if not cores:
        raise CmsInputError(core_field, N_("enter at least one server name, e.g. cms1.example.com"))
    if topology is Topology.SINGLE and len(cores) > 1:
        raise CmsInputError(core_field, N_("a single combined server has one name; choose Cluster for several"))
    if topology is Topology.EDGE and not edges:
        raise CmsInputError(edge_field, N_("enter at least one edge server, or choose another topology"))
