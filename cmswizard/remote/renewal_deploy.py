"""Deploying a renewed certificate unattended (`[renewal] deploy = "ssh"`): the files uploaded to each
node's MMP (SFTP, each read back: `remote/sftp.py`), the replacement lines typed by the MMP runner
(`remote/mmp_runner.py`: prompting lines never sent, restarts only inside the plan's restart window),
then what each TLS port presents compared with the new certificate (`remote/probe.py`).

Host keys are checked against the plan's known_hosts file and each node's fingerprint: an unknown key is
refused (a scheduled run has no person to ask), never accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cmswizard.cms.issuers import RenewalSettings
from cmswizard.cms.lines import MmpLine
from cmswizard.cms.plan import Plan
from cmswizard.cms.services import Service
from cmswizard.pki.errors import CmsCheckFailed, CmsInputError
from cmswizard.pki.safe_text import shown
from cmswizard.remote.sftp import Credentials, HostTrust, SshTarget, UnknownHostKey, default_known_hosts, upload_files

if TYPE_CHECKING:
    from cmswizard.remote.mmp_api import ApiAccess

__all__ = ["SshDeployer", "deployer_for"]

Progress = Callable[[str], None]


@dataclass(frozen=True)
class _Unattended:
    """The runner's questions, answered for a scheduled run: the plan asked for these changes; a restart
    outside the restart window is never confirmed (it waits for the window or a person)."""

    def confirm_changes(self, node: str, changes: Sequence[str]) -> bool:
        return True

    def confirm_restart(self, node: str, command: str, why: str) -> bool:
        return False


class SshDeployer:
    """cms/renewal_run.DeployPort over SSH for one plan."""

    def __init__(self, plan: Plan, folder: Path, settings: RenewalSettings, progress: Progress | None = None) -> None:
        from cmswizard.cms.secrets import check_private_mode, secret_path

        self.plan, self.folder, self.settings = plan, folder, settings
        self.progress = progress or (lambda _text: None)
        key = secret_path(settings.ssh_key, folder)
        if key is None:
            raise CmsInputError("renewal.ssh_key", "an SSH key from the OS keyring is not supported; name a 0600 file")
        check_private_mode(key)
        self.credentials = Credentials(key_file=key)
        known = Path(settings.known_hosts) if settings.known_hosts else default_known_hosts()
        self.known_hosts = known if known.is_absolute() else folder / known
        # [apply]'s call-leg check holds for these restarts too; a scheduled run cannot ask for the password
        self.api_password = ""
        apply = plan.apply
        if apply is not None and apply.api_user:
            if not apply.api_password:
                raise CmsInputError(
                    "apply.api_password",
                    "renew run cannot ask for the API user's password: name a 0600 file or keyring entry here",
                )
            from cmswizard.cms.apply_settings import plan_api_password

            self.api_password = plan_api_password(apply, folder)

    def _target(self, node: str) -> tuple[SshTarget, HostTrust]:
        found = self.plan.node(node)
        return SshTarget(found.address, found.ssh_port, found.ssh_user), HostTrust(self.known_hosts, found.fingerprint)

    def upload(self, node: str, files: Sequence[str]) -> None:
        target, trust = self._target(node)
        self.progress(f"{shown(node)}: uploading {len(files)} file(s)")
        try:
            report = upload_files(
                target, [self.folder / name for name in files], trust=trust, credentials=self.credentials
            )
        except UnknownHostKey as unknown:
            raise CmsCheckFailed(
                f"{shown(node)}: its SSH host key ({unknown.host_key.fingerprint}) is not in {shown(self.known_hosts)} "
                "nor the node's fingerprint in the plan; check it at the MMP and add it"
            ) from None
        if not report.ok:
            raise CmsCheckFailed(f"{shown(node)}: the upload failed: {report.summary}")

    def assign(self, node: str, lines: Sequence[MmpLine]) -> str:
        """Type the lines; "" when done, else why a person is needed (a deferred restart, a FAILURE line…)."""
        from cmswizard.cms.mmp_state import RestartWindow
        from cmswizard.remote.mmp_runner import NodeOutcome, NodeTarget, RunOptions, apply_node

        target, trust = self._target(node)
        window = RestartWindow.parse(self.settings.restart_window) if self.settings.restart_window else None
        self.progress(f"{shown(node)}: typing {len(lines)} line(s) at the MMP")
        try:
            result = apply_node(
                NodeTarget(node, target, api=self._api(lines)),
                lines,
                trust=trust,
                credentials=self.credentials,
                decisions=_Unattended(),
                options=RunOptions(yes=True, window=window, files_dir=self.folder),
            )
        except UnknownHostKey as unknown:
            raise CmsCheckFailed(
                f"{shown(node)}: its SSH host key ({unknown.host_key.fingerprint}) is not known; add it"
            ) from None
        if result.outcome is NodeOutcome.DONE and result.for_a_person:  # never typed unattended
            return (
                f"{node}: check the UNCONFIRMED steps in your MMP guide, then type in this order: "
                f"{'; '.join(result.for_a_person)}"
            )
        if result.outcome is NodeOutcome.DONE:
            return ""
        if result.outcome is NodeOutcome.DONE_WITH_DEFERRED:
            return (
                f"{node}: restart still to do (outside the restart window or not allowed): {', '.join(result.deferred)}"
            )
        return f"{node}: {result.outcome.value}: {result.stop_reason or 'nothing changed'}"

    def _api(self, lines: Sequence[MmpLine]) -> ApiAccess | None:
        """The plan's [apply] API login: restarts wait while more call legs than its limit are active."""
        apply = self.plan.apply
        if apply is None or not apply.api_user:
            return None
        from cmswizard.cms.mmp_state import webadmin_port
        from cmswizard.remote.mmp_api import ApiAccess

        port = apply.api_port or webadmin_port(line.text for line in lines)
        cafile = self.folder / apply.api_ca if apply.api_ca else None
        return ApiAccess(apply.api_user, self.api_password, port=port, limit=apply.max_active_calls, cafile=cafile)

    def serves(self, node: str, services: Sequence[Service], certificate_file: str) -> str:
        """ "" when every port of the services presents the new certificate, else what it presents instead."""
        from cryptography import x509
        from cryptography.hazmat.primitives.serialization import Encoding

        from cmswizard.cms.probe_targets import ProbeOptions, ProbeTarget
        from cmswizard.pki.files import read_input_file
        from cmswizard.remote.probe import probe_target

        expected = x509.load_pem_x509_certificates(read_input_file(self.folder / certificate_file))[0]
        listen = self.plan.listen
        ports = {
            Service.WEBBRIDGE3: (listen.webbridge3_port, listen.c2w_port),
            Service.WEBBRIDGE: (listen.webbridge_port,),
            Service.WEBADMIN: (listen.webadmin_port,),
            Service.TURN: (listen.turn_tls_port,),
        }
        host = self.plan.node(node).address
        for service in services:
            for port in ports.get(service, ()):
                facts = probe_target(ProbeTarget(host, port, sni=node), ProbeOptions(timeout=5))
                chain = next((f.der_chain for f in facts if f.der_chain), [])
                if not chain:
                    return f"{node}:{port} presented no certificate"
                if chain[0] != expected.public_bytes(Encoding.DER):
                    return f"{node}:{port} still presents another certificate"
        return ""


def deployer_for(plan: Plan, folder: Path, progress: Progress | None = None) -> Callable[[], SshDeployer] | None:
    """The unattended deployer when the plan asks for one (`[renewal] deploy = "ssh"`), made on first use."""
    settings = plan.renewal
    if settings is None or settings.deploy != "ssh":
        return None
    return lambda: SshDeployer(plan, folder, settings, progress)
