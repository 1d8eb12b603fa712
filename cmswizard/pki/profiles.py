"""Defaults decided once: validity periods, EKU profiles of issued certificates, peer trust content.

Light on purpose (no `cryptography` import): the CLI builds its choices and help from it at start-up.
"""

from __future__ import annotations

import enum

from cmswizard.pki.errors import N_, as_message

__all__ = ["CA_DAYS", "LEAF_DAYS", "TrustContent", "Usage"]

CA_DAYS = 3650
LEAF_DAYS = 825  # the longest validity browsers accepted for private-CA server certificates


class Usage(enum.Enum):
    """Extended key usage profiles for issued certificates."""

    SERVER_CLIENT = "server,client"
    SERVER = "server"
    CLIENT = "client"


class TrustContent(enum.Enum):
    """What a peer trust file holds for each peer (`callbridge trust c2w`, `webbridge3 c2w trust`, …).

    Cisco's examples differ (TAC 221729: full chains; Cisco Live lab: the root), so the user chooses."""

    FULL_CHAIN = "fullchain"  # each peer's certificate with its chain: the default
    LEAF = "leaf"  # each peer's certificate alone
    ROOT = "root"  # the root CA certificate(s) only

    @property
    def label(self) -> str:  # a Text: translated also where it is a parameter of another message
        labels = {
            "fullchain": N_("every peer's full chain"),
            "leaf": N_("every peer's certificate alone"),
            "root": N_("the root CA only"),
        }
        return as_message(labels[self.value])
