"""Bad `pki csr` inputs and the part of the one-line message each must give: the CSR tests run them,
and the bad-input catalogue lists them among every command's."""

from __future__ import annotations

__all__ = ["BAD_INPUTS"]

LONG = "a" * 100_000
# (tokens after `pki csr`, expected part of the one-line message)
BAD_INPUTS = [
    (["cms1", "CN:"], "CN: is empty"),
    (["cms1", "OU:IT"], "CN: is required"),
    (["cms1", "CN:cms1.example.com", "C:UK"], "did you mean GB"),
    (["cms1", "CN:cms1.example.com", "C:Taiwan"], "use the two-letter code TW"),
    (["cms1", "CN:cms1.example.com", "C:XX"], "not a two-letter ISO 3166 country code"),
    (["cms 1", "CN:cms1.example.com"], "may contain only letters, digits"),
    (["cms1.key", "CN:cms1.example.com"], "contains '.'; give the name without extension, e.g. cms1"),
    (["CN:cms1.example.com"], "basename: is missing"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:https://x.example.com"], "looks like a URL"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:host.example.com:443"], "includes a port"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:10.0.0.5:443"], "includes a port"),
    (["cms1", "CN:a..b.example.com"], "two dots in a row"),
    (["cms1", "CN:" + "a" * 61 + ".com"], "RFC 5280 allows at most 64"),
    (["cms1", "CN:*.*.example.com"], "only the leftmost label may be a wildcard"),
    (["cms1", "CN:w*.example.com"], "must be the whole label"),
    (["cms1", "CN:*.com"], "at least two labels after it"),
    (["cms1", "CN:cms1.example.com", "DC:example"], "the MMP has no DC field"),
    (["cms1", "CN:a.example.com", "CN:b.example.com"], "CN: is given twice"),
    (["cms1", "CN:cms1.example.com", "O:" + LONG], "characters long"),
    (["cms1", "CN:cms1.example.com", "O:Ex\udcffample"], "not valid UTF-8"),
    (["cms1", "CN=cms1.example.com"], "write CN:<value> with a colon"),
    (["cms1", "CN:a.example.com", "\n="], "write KEY:<value> with a colon, not KEY=<value>"),
    (["cms1", "/C=TW/CN=cms1.example.com"], "subject string is not MMP syntax"),
    (["cms1", "CN:cms1"], "is not fully qualified"),
    (["cms1", "CN:10.0.0.5"], "is an IP address; use the host name as CN"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:a.example.com,,b.example.com"], "empty entry"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:a.example.com,", "b.example.com"], "join the names with commas"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:10.0.0.300"], "not a valid IPv4 address"),
    (["cms1", "CN:-bad.example.com"], "not at the start or end of a label"),
    (["cms1", "CN:under_score.example.com"], "use letters, digits and '-' only"),
    (["cms1", "CN:cms1.example.com", "subjectAltName:bob@@example.com"], "not a valid e-mail address"),
    (["cms1", "CN:cms1.example.com", 'O:Say "hi"'], "cannot be typed in a pki command"),
    (["cms1", "CN:cms1.example.com", "OU:a\tb"], "control character"),
    (["cms1", "CN:cms1.example.com", "E:admin@example.com"], "put an e-mail address in subjectAltName"),
    (["cms1", "CN:cms1.example.com", "Org"], "is not a KEY:value token"),
    (["cms1", "CN:http://cms1.example.com"], "looks like a URL"),
    (["x" * 65, "CN:cms1.example.com"], "longer than 64 characters"),
    (["cms1", "CN:cms1.example.com", "--key", "rsa1024"], "invalid choice"),
]
