"""The deployment fields a `CmsInputError.where` can name, as the GUI shows them (the certificate fields
are the engine's, in pki/errors.py); any other `where` is data (a file name)."""

from __future__ import annotations

from cmswizard.pki.errors import N_

__all__ = ["DEPLOYMENT_FIELD_NAMES"]

DEPLOYMENT_FIELD_NAMES: dict[str, str] = {
    "server FQDNs": N_("server FQDNs"),
    "edge server FQDNs": N_("edge server FQDNs"),
    "edge FQDNs": N_("edge server FQDNs"),
    "join URL host": N_("join URL host"),
    "XMPP domain": N_("XMPP domain"),
    "CA domain": N_("CA domain"),
    "primary core": N_("primary core"),
    "database cores": N_("other database cores"),
    "connect-only cores": N_("connect-only cores"),
    "files": N_("files"),
}
