"""`[apply]` of a plan: how `mmp run --plan` and the *Apply on the server* page run a node's lines.

```toml
[apply]
restart_window = "Sat 02:00-04:00"   # UTC; restarts run unasked only inside it
max_active_calls = 0                 # defer a restart while the node has more active call legs (read via the API)
api_user = "cmsapi"                  # the CMS REST API user that reads the call legs
api_password = "keyring:cmswizard/cmsapi"  # optional: a 0600 file or keyring entry; never the password itself
api_port = 445                       # default: the Web Admin port of the node's lines, else 443
api_ca = "webadmin-ca.pem"           # default: the system's trust
```

The API password is never in a plan: it is named (a file of mode 0600 in the plan's folder, or
`keyring:cmswizard/<name>`), or asked at the prompt, or given with `--api-password-file`, exactly as the SSH
password. Command-line options and the page's fields override these values.

Unlike the other secrets a plan names (an ACME account key or a TSIG key only signs; the secret itself never
leaves), this password is *sent*, to the servers the plan names. A plan is mailed between admins, so it may
name only what belongs to this plan: a file in its own folder (no path, no link out of it) and keyring
entries of the service `cmswizard` — never `~/.pgpass` or another application's keyring entry, which a
hostile plan would otherwise deliver to a server of its choosing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cmswizard.cms.file_names import file_in_folder, plain_name_problem
from cmswizard.cms.issuers import secret_reference
from cmswizard.cms.secrets import KEYRING_PREFIX
from cmswizard.pki.errors import N_, CmsInputError, Text, as_message
from cmswizard.pki.safe_text import has_control

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["API_KEYRING_SERVICE", "ApplySettings", "apply_lines", "plan_api_password", "read_apply"]

# The one keyring service a plan may name for the API password (see the module's docstring for why).
API_KEYRING_SERVICE = "cmswizard"

_KEYS = ("restart_window", "max_active_calls", "api_user", "api_password", "api_port", "api_ca")


@dataclass(frozen=True)
class ApplySettings:
    restart_window: str = ""  # as RestartWindow.parse reads it; "" = each restart is asked
    max_active_calls: int = 0
    api_user: str = ""  # "" = no call-leg check
    api_password: str = ""  # a reference (0600 file or keyring:<service>/<name>); "" = asked
    api_port: int = 0  # 0 = the Web Admin port of the node's lines
    api_ca: str = ""  # a CA file for the Web Admin certificate; "" = the system's trust


def read_apply(reader: Any, top: Mapping[str, Any]) -> ApplySettings | None:
    """`[apply]`, checked; each problem is one line naming `apply.<key>`."""
    if "apply" not in top:
        return None
    table = reader.table(top["apply"], "apply", _KEYS)
    window = reader.get(table, "apply", "restart_window", str, "")
    if window:
        from cmswizard.cms.mmp_state import RestartWindow

        try:
            RestartWindow.parse(window)
        except CmsInputError as error:
            raise reader.fail("apply.restart_window", error.message) from None
    calls = reader.get(table, "apply", "max_active_calls", int, 0)
    if calls < 0:
        raise reader.fail("apply.max_active_calls", Text(N_("{value}: give 0 or more active call legs"), value=calls))
    port = reader.get(table, "apply", "api_port", int, 0)
    if "api_port" in table and not 1 <= port <= 65535:
        raise reader.fail("apply.api_port", Text(N_("{value} is not a port; give 1 to 65535"), value=port))
    user = reader.get(table, "apply", "api_user", str, "")
    if has_control(user) or user != user.strip() or ":" in user:
        raise reader.fail("apply.api_user", N_("write the API user's name only (no spaces around it, no colon)"))
    password = reader.get(table, "apply", "api_password", str, "")
    if password:
        password = secret_reference(reader, password, "apply.api_password")
        if problem := _sent_secret_problem(password):
            raise reader.fail("apply.api_password", problem)
    if (password or "api_port" in table or "api_ca" in table) and not user:
        raise reader.fail("apply.api_user", N_("name the API user the other api_ settings are for"))
    if calls and not user:
        raise reader.fail("apply.max_active_calls", N_("needs api_user: the active call legs are read through the API"))
    ca = reader.get(table, "apply", "api_ca", str, "")
    if has_control(ca):
        raise reader.fail("apply.api_ca", N_("name a CA file in the plan's folder"))
    if ca and (problem := plain_name_problem(ca)):
        raise reader.fail("apply.api_ca", Text("{name}: {problem}", name=ca, problem=as_message(problem)))
    return ApplySettings(window, calls, user, password, port, ca)


def _sent_secret_problem(reference: str) -> str:
    """Why a plan may not name this reference for a password it sends ("" when it may). The reference
    itself is never repeated: it may be a password typed there by mistake."""
    if reference.startswith(KEYRING_PREFIX):
        service = reference[len(KEYRING_PREFIX) :].partition("/")[0]
        if service != API_KEYRING_SERVICE:
            return N_(
                "a plan may name only keyring entries of the service cmswizard (keyring:cmswizard/<name>): "
                "the password is sent to the servers the plan names"
            )
        return ""
    if plain_name_problem(reference):
        return N_(
            "name a 0600 file in the plan's folder (a plain file name, no path) or keyring:cmswizard/<name>: "
            "the password is sent to the servers the plan names"
        )
    return ""


def plan_api_password(settings: ApplySettings, folder: Path) -> str:
    """The API password the plan names: the first line of its 0600 file in the plan's folder, or its
    keyring entry. Errors name `apply.api_password`, never the reference or the secret."""
    from cmswizard.cms.secrets import read_secret
    from cmswizard.pki.files import password_problem

    where = "apply.api_password"
    reference = settings.api_password
    try:
        if problem := _sent_secret_problem(reference):  # a settings object not made by the plan reader
            raise CmsInputError(where, problem)
        if not reference.startswith(KEYRING_PREFIX):
            file_in_folder(folder, reference, where)  # a link in the folder must not lead out of it
        secret = read_secret(reference, folder).strip()
    except CmsInputError as error:
        raise CmsInputError(f"{where} (the file or keyring entry it names)", error.message) from None
    first = secret.splitlines()[0] if secret else b""  # the first line, as a password file is read
    if problem := password_problem(first) or ("" if first else N_("is empty; put the API user's password in it")):
        raise CmsInputError(where, problem)
    return first.decode("utf-8")


def apply_lines(settings: ApplySettings | None, quote: Callable[[str], str]) -> list[str]:
    """The `[apply]` section as the plan writer prints it (nothing when absent)."""
    if settings is None:
        return []
    lines = ["", "[apply]"]
    if settings.restart_window:
        lines.append(f"restart_window = {quote(settings.restart_window)}  # UTC")
    if settings.max_active_calls:
        lines.append(f"max_active_calls = {settings.max_active_calls}")
    if settings.api_user:
        lines.append(f"api_user = {quote(settings.api_user)}")
    if settings.api_password:
        lines.append(f"api_password = {quote(settings.api_password)}  # a file (0600) or keyring:<service>/<name>")
    if settings.api_port:
        lines.append(f"api_port = {settings.api_port}")
    if settings.api_ca:
        lines.append(f"api_ca = {quote(settings.api_ca)}")
    return lines
