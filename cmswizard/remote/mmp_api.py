"""How many call legs a node has active, read through the CMS REST API before a restart.

`GET /api/v1/system/status` on the Web Admin port answers XML holding `<callLegsActive>N</callLegsActive>`
(Cisco Meeting Server API Reference, "System status"; the same object in 2.x and 3.x guides). The API
uses HTTP Basic authentication with an API user. The answer is read bounded (64 KiB) and the number is
taken with a regular expression, never an XML parser (no entities, no external references).
The certificate of the Web Admin is verified (system trust, or the CA bundle the plan names).
"""

from __future__ import annotations

import base64
import http.client
import re
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from cmswizard.pki.errors import N_, Text
from cmswizard.pki.safe_text import shown

__all__ = ["ApiAccess", "CallLegs", "active_call_legs"]

_LIMIT = 64 * 1024
_LEGS = re.compile(rb"<callLegsActive>\s*(\d{1,9})\s*</callLegsActive>")


@dataclass(frozen=True)
class ApiAccess:
    """API credentials a plan gives for one node (the password is read from its 0600 file or keyring by
    the caller and never stored here beyond the run)."""

    user: str
    password: str = field(repr=False)
    port: int = 443  # the Web Admin port
    limit: int = 0  # restarts wait while more call legs than this are active
    cafile: Path | None = None


@dataclass(frozen=True)
class CallLegs:
    count: int | None  # None when it could not be read
    problem: str = ""  # a Text: why not


def active_call_legs(host: str, access: ApiAccess, *, timeout: float = 10.0) -> CallLegs:
    context = ssl.create_default_context(cafile=str(access.cafile) if access.cafile else None)
    connection = http.client.HTTPSConnection(host, access.port, timeout=timeout, context=context)
    token = base64.b64encode(f"{access.user}:{access.password}".encode()).decode()
    try:
        connection.request("GET", "/api/v1/system/status", headers={"Authorization": f"Basic {token}"})
        response = connection.getresponse()
        body = response.read(_LIMIT + 1)
    except (OSError, http.client.HTTPException, ssl.SSLError) as error:
        return CallLegs(None, Text(N_("the API of {host} could not be read: {p}"), host=host, p=shown(str(error))))
    finally:
        connection.close()
    if response.status != 200:
        return CallLegs(None, Text(N_("the API of {host} answered HTTP {status}"), host=host, status=response.status))
    if len(body) > _LIMIT:
        return CallLegs(None, Text(N_("the API of {host} answered more than 64 KiB"), host=host))
    match = _LEGS.search(body)
    if match is None:
        return CallLegs(None, Text(N_("the API of {host} answered without callLegsActive"), host=host))
    return CallLegs(int(match.group(1)))
