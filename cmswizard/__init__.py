"""cmswizard: certificates for Cisco Meeting Server, from CSR to the files on the server."""

__version__ = "0.1.0"
