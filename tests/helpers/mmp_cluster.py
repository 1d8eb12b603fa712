"""A small CMS cluster on the simulated MMP that already runs with old certificates, and the lines that move
it to new ones: what the runner tests apply, fail halfway, and put back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cmswizard.remote.mmp_runner import NodeTarget
from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget

from helpers.factory import Hierarchy, hierarchy, issue
from helpers.mmp_sim import USER, MmpSimulator

__all__ = ["Cluster", "make_cluster", "node_lines"]


def node_lines(short: str) -> list[str]:
    """What a sheet prints for one node of a combined cluster (Web Admin, Call Bridge, Web Bridge 3)."""
    return [
        "backup snapshot before-certificates",
        "pki list",
        f"pki inspect {short}-new.crt",
        f"pki match {short}-new.key {short}-new.crt",
        f"pki verify {short}-new.crt ca-bundle.crt",
        "webadmin disable",
        "webadmin listen a 445",
        f"webadmin certs {short}-new.key {short}-new.crt ca-bundle.crt",
        "webadmin enable",
        "webadmin",
        "callbridge listen a",
        f"callbridge certs {short}-new.key {short}-new.crt ca-bundle.crt",
        "callbridge trust c2w trust-webbridge3.crt",
        "callbridge restart",
        "callbridge",
        "webbridge3 https listen a:443",
        f"webbridge3 https certs {short}-new.key {short}-new-fullchain.crt",
        "webbridge3 c2w listen a:6000",
        f"webbridge3 c2w certs {short}-new.key {short}-new-fullchain.crt",
        "webbridge3 c2w trust trust-c2w.crt",
        "webbridge3 enable",
        "webbridge3",
    ]


@dataclass
class Cluster:
    simulator: MmpSimulator
    files_dir: Path  # the admin's local copies (the new files)
    known_hosts: Path
    ca: Hierarchy

    def target(self, name: str) -> NodeTarget:
        server = self.simulator[name]
        return NodeTarget(name, SshTarget("127.0.0.1", server.port, USER), ports=dict(server.tls_ports))

    @property
    def trust(self) -> HostTrust:
        return HostTrust(known_hosts=self.known_hosts)

    def credentials(self, _target: object = None) -> Credentials:
        return Credentials(password=next(iter(self.simulator.servers.values())).password)


def make_cluster(simulator: MmpSimulator, files_dir: Path) -> Cluster:
    """Every node runs webadmin/callbridge/webbridge3 with `<short>-old.*`; `<short>-new.*` are uploaded too."""
    ca = hierarchy(depth=1, prefix="Cluster")
    issuer = ca.intermediates[-1]
    bundle = issuer.pem + ca.root.pem
    files_dir.mkdir(parents=True, exist_ok=True)
    for name, server in simulator.servers.items():
        short = name.split(".")[0]
        store = server.node.store
        for age in ("old", "new"):
            leaf = issue(name, issuer, san=[name])
            for folder in (store, files_dir) if age == "new" else (store,):
                (folder / f"{short}-{age}.key").write_bytes(leaf.key_pem)
                (folder / f"{short}-{age}.crt").write_bytes(leaf.pem)
                (folder / f"{short}-{age}-fullchain.crt").write_bytes(leaf.pem + bundle)
        for trust_name in ("ca-bundle.crt", "trust-webbridge3.crt", "trust-c2w.crt"):
            (store / trust_name).write_bytes(bundle)
            (files_dir / trust_name).write_bytes(bundle)
        node = server.node
        for item, value in {
            ("webadmin", "listen"): "a 445",
            ("webadmin", "certs.key"): f"{short}-old.key",
            ("webadmin", "certs.cert"): f"{short}-old.crt",
            ("webadmin", "certs.bundle"): "ca-bundle.crt",
            ("callbridge", "listen"): "a",
            ("callbridge", "certs.key"): f"{short}-old.key",
            ("callbridge", "certs.cert"): f"{short}-old.crt",
            ("callbridge", "certs.bundle"): "ca-bundle.crt",
            ("callbridge", "trust c2w"): "trust-webbridge3.crt",
            ("webbridge3", "https listen"): "a:443",
            ("webbridge3", "https certs.key"): f"{short}-old.key",
            ("webbridge3", "https certs.cert"): f"{short}-old-fullchain.crt",
            ("webbridge3", "c2w listen"): "a:6000",
            ("webbridge3", "c2w certs.key"): f"{short}-old.key",
            ("webbridge3", "c2w certs.cert"): f"{short}-old-fullchain.crt",
            ("webbridge3", "c2w trust"): "trust-c2w.crt",
        }.items():
            node.configure(*item, value)
    return Cluster(simulator, files_dir, simulator.write_known_hosts(), ca)
