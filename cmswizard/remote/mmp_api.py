"""How many call legs a node has active, read through the CMS REST API before a restart.

`GET /api/v1/system/status` on the Web Admin port answers XML holding `<callLegsActive>N</callLegsActive>`
(Cisco Meeting Server API Reference, "System status"; the same object in 2.x and 3.x guides). The API
uses HTTP Basic authentication with an API user. The answer is read bounded (64 KiB) and the number is
taken with a regular expression, never an XML parser (no entities, no external references). The whole
exchange has one deadline: a server dripping its headers a byte at a time (each within the socket
timeout) would otherwise hold the run for hours.
The certificate of the Web Admin is verified (system trust, or the CA bundle the plan names).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import re
import socket
import ssl
import threading
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


def _cut(connection: http.client.HTTPSConnection, expired: threading.Event) -> None:
    """At the deadline: shut the socket down, which ends a read blocked in another thread."""
    expired.set()
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed: the exchange ended as the deadline came
            sock.shutdown(socket.SHUT_RDWR)


def active_call_legs(host: str, access: ApiAccess, *, timeout: float = 10.0, deadline: float = 30.0) -> CallLegs:
    """`timeout` bounds each wait for the server; `deadline` the whole exchange (connect to last byte)."""
    context = ssl.create_default_context(cafile=str(access.cafile) if access.cafile else None)
    connection = http.client.HTTPSConnection(host, access.port, timeout=timeout, context=context)
    token = base64.b64encode(f"{access.user}:{access.password}".encode()).decode()
    expired = threading.Event()
    response: http.client.HTTPResponse | None = None
    timer = threading.Timer(deadline, _cut, (connection, expired))
    timer.daemon = True
    timer.start()
    try:
        connection.request("GET", "/api/v1/system/status", headers={"Authorization": f"Basic {token}"})
        response = connection.getresponse()
        body = response.read(_LIMIT + 1)
    except (OSError, http.client.HTTPException, ssl.SSLError, ValueError) as error:
        if expired.is_set():
            return CallLegs(
                None,
                Text(N_("the API of {host} did not answer within {seconds} s"), host=host, seconds=round(deadline)),
            )
        return CallLegs(None, Text(N_("the API of {host} could not be read: {p}"), host=host, p=shown(str(error))))
    finally:
        timer.cancel()
        if response is not None:  # a response not read to its end keeps the socket open otherwise
            response.close()
        connection.close()
    if expired.is_set():  # the read ended because the socket was cut: what came is not the whole answer
        return CallLegs(
            None, Text(N_("the API of {host} did not answer within {seconds} s"), host=host, seconds=round(deadline))
        )
    if response.status != 200:
        return CallLegs(None, Text(N_("the API of {host} answered HTTP {status}"), host=host, status=response.status))
    if len(body) > _LIMIT:
        return CallLegs(None, Text(N_("the API of {host} answered more than 64 KiB"), host=host))
    match = _LEGS.search(body)
    if match is None:
        return CallLegs(None, Text(N_("the API of {host} answered without callLegsActive"), host=host))
    return CallLegs(int(match.group(1)))
