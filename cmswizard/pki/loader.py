"""Loading certificates, keys and CSRs by content, whatever the file is called.

PEM (one or many blocks, CRLF, BOM, "Bag Attributes" text around blocks), DER, PKCS#7 (PEM, DER
or BER, as Windows CAs and `openssl crl2pkcs7` write it) and PKCS#12 (with a password).
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cryptography import x509

from cmswizard.pki.errors import N_, Cancelled, CmsInputError, Text, as_message
from cmswizard.pki.files import password_problem, read_input_file, utf16_bytes
from cmswizard.pki.keys import PrivateKey

Progress = Callable[[int, int], None]  # (done, total) now and then while a long file is read

__all__ = [
    "FileFormat",
    "LoadedFile",
    "PasswordRequired",
    "WrongPassword",
    "load_bytes",
    "load_file",
    "load_private_key",
]

_CERT_LABELS = {b"CERTIFICATE", b"X509 CERTIFICATE", b"TRUSTED CERTIFICATE"}
_CSR_LABELS = {b"CERTIFICATE REQUEST", b"NEW CERTIFICATE REQUEST"}
_KEY_LABELS = {b"PRIVATE KEY", b"RSA PRIVATE KEY", b"EC PRIVATE KEY", b"ENCRYPTED PRIVATE KEY", b"DSA PRIVATE KEY"}
_MAX_KEYS = 16
_PKCS7_LABELS = {b"PKCS7", b"CMS", b"PKCS #7 SIGNED DATA"}


class FileFormat(enum.Enum):
    PEM = "PEM"
    DER = "DER"
    PKCS7 = "PKCS#7"
    PKCS12 = "PKCS#12"


class PasswordRequired(CmsInputError):
    """The file is protected: ask for the password and load it again."""


class WrongPassword(PasswordRequired):
    """The password given does not open the file: ask again (the message says it was wrong)."""


class LoadedFile:
    """What one file held. A plain class, not a dataclass: `dataclasses` costs the CLI milliseconds."""

    def __init__(
        self,
        name: str,
        format: FileFormat,
        certificates: list[x509.Certificate] | None = None,
        keys: list[PrivateKey] | None = None,
        csrs: list[x509.CertificateSigningRequest] | None = None,
        *,
        stray_text: bool = False,
        crlf: bool = False,
    ) -> None:
        self.name = name
        self.format = format
        self.certificates: list[x509.Certificate] = certificates if certificates is not None else []
        self.keys: list[PrivateKey] = keys if keys is not None else []
        self.csrs: list[x509.CertificateSigningRequest] = csrs if csrs is not None else []
        # Lines of text found around PEM blocks (Bag Attributes, comments); harmless but not for CMS.
        self.stray_text = stray_text
        self.crlf = crlf

    def __repr__(self) -> str:
        return (
            f"LoadedFile({self.name!r}, {self.format}, {len(self.certificates)} certificate(s), "
            f"{len(self.keys)} key(s), {len(self.csrs)} CSR(s))"
        )


def _pkcs7_certificates(der: bytes) -> list[x509.Certificate]:
    # Imported here: pkcs7 pulls in the `email` package, which plain PEM and DER files never need.
    from cryptography.hazmat.primitives.serialization import pkcs7

    return _quiet(partial(pkcs7.load_der_pkcs7_certificates, der))


def _quiet(load: Callable[[], list[x509.Certificate]]) -> list[x509.Certificate]:
    # cryptography warns when it falls back to BER; the fallback is exactly what we want here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load()


MAX_RSA_BITS = 8192  # CMS takes at most 4096; checking a 16384-bit key costs half a minute


def _refuse_huge_rsa(load: Callable[..., object], data: bytes, name: str) -> None:
    """An RSA key above MAX_RSA_BITS is refused before the slow consistency check a full load runs."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    try:
        quick = load(data, None, unsafe_skip_rsa_key_validation=True)
    except Exception:
        return
    if isinstance(quick, rsa.RSAPrivateKey) and quick.key_size > MAX_RSA_BITS:
        raise CmsInputError(
            name,
            Text(
                N_("holds an RSA key of {bits} bits; CMS uses 2048 to 4096, and this tool reads at most {limit}"),
                bits=quick.key_size,
                limit=MAX_RSA_BITS,
            ),
        )


def _load_private_key_pem(block: bytes, name: str, password: bytes | None) -> PrivateKey:
    from cryptography.hazmat.primitives import serialization

    if password is None:
        _refuse_huge_rsa(serialization.load_pem_private_key, block, name)
    try:
        key = serialization.load_pem_private_key(block, password)
    except TypeError:
        if password is None:
            raise PasswordRequired(name, N_("holds an encrypted private key; enter its password")) from None
        raise CmsInputError(name, N_("the private key is not encrypted; leave the password empty")) from None
    except ValueError:
        if (password is not None and b"ENCRYPTED" in block[:40]) or b"Proc-Type: 4,ENCRYPTED" in block:
            raise WrongPassword(name, N_("wrong password for the private key; try again")) from None
        raise CmsInputError(name, N_("holds a damaged private key block; export the key again")) from None
    except Exception:
        raise CmsInputError(name, N_("holds a private key of a type this tool cannot read")) from None
    return _checked_key(key, name)


def _checked_key(key: object, name: str) -> PrivateKey:
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

    if not isinstance(
        key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey | ed448.Ed448PrivateKey
    ):
        raise CmsInputError(name, N_("holds a private key type CMS cannot use (use RSA)"))
    return key


_MARKER = re.compile(rb"-----(BEGIN|END) ([A-Z0-9 #]{1,64})-----")


class _PemBlock:
    """One BEGIN…END block, kept as offsets into the file: 10,000 blocks cost no copies until used."""

    __slots__ = ("body_end", "body_start", "end", "label", "start", "text")

    def __init__(self, text: bytes, label: bytes, start: int, body_start: int, body_end: int, end: int) -> None:
        self.text, self.label = text, label
        self.start, self.body_start, self.body_end, self.end = start, body_start, body_end, end

    @property
    def whole(self) -> bytes:  # from -----BEGIN to the end of -----END …-----
        return self.text[self.start : self.end]

    @property
    def body(self) -> bytes:  # between the two marker lines
        return self.text[self.body_start : self.body_end]

    def has_headers(self) -> bool:
        return self.text.find(b":", self.body_start, self.body_end) >= 0


def _scan_pem(text: bytes, name: str) -> tuple[list[_PemBlock], bool]:
    """The PEM blocks in `text` and whether other text lies between them: one pass, linear in size."""
    blocks: list[_PemBlock] = []
    stray = False
    outside_from = 0
    open_label: bytes | None = None
    open_at = body_at = 0
    for marker in _MARKER.finditer(text):
        kind, label = marker.group(1), marker.group(2)
        if kind == b"BEGIN":
            if open_label is not None:
                break  # a BEGIN inside a block: the earlier block has no END
            if not stray and marker.start() - outside_from > 1:
                stray = bool(text[outside_from : marker.start()].strip())
            open_label, open_at, body_at = label, marker.start(), marker.end()
            continue
        if open_label is None:
            raise CmsInputError(name, N_("has an -----END line without its -----BEGIN line; copy the whole block"))
        if label != open_label:
            raise CmsInputError(
                name,
                Text(
                    N_("PEM block {number} begins as {p} but ends as {p2}; copy the block again"),
                    number=len(blocks) + 1,
                    p=open_label.decode(),
                    p2=label.decode(),
                ),
            )
        blocks.append(_PemBlock(text, label, open_at, body_at, marker.start(), marker.end()))
        open_label = None
        outside_from = marker.end()
    if open_label is not None:
        raise CmsInputError(name, N_("has a PEM block without its -----END line (truncated?); copy the whole block"))
    stray = stray or bool(text[outside_from:].strip())
    return blocks, stray


def _fast_certificates(text: bytes, blocks: list[_PemBlock]) -> list[x509.Certificate] | None:
    """All blocks plain certificates: one call into the library; None to take the careful path."""
    if not all(block.label == b"CERTIFICATE" and not block.has_headers() for block in blocks):
        return None
    try:
        certificates = _load_pem_in_slices(text)
    except Exception:
        return None
    return certificates if len(certificates) == len(blocks) else None


_CERT_BEGIN, _CERT_END = b"-----BEGIN CERTIFICATE-----", b"-----END CERTIFICATE-----"
_ADJACENT = re.compile(rb"-----END CERTIFICATE-----\s*-----BEGIN CERTIFICATE-----")


def _plain_certificates(text: bytes, progress: Progress | None = None) -> list[x509.Certificate] | None:
    """The common case in a few passes over the bytes, all in C: only certificate blocks, nothing
    between them, no headers. None sends the file down the careful path (which names what is wrong)."""
    count = text.count(_CERT_BEGIN)
    if not count or b":" in text or text.count(b"-----BEGIN ") != count or text.count(b"-----END ") != count:
        return None
    if text.count(_CERT_END) != count or not text.lstrip().startswith(_CERT_BEGIN):
        return None
    if not text.rstrip().endswith(_CERT_END) or len(_ADJACENT.findall(text)) != count - 1:
        return None
    try:
        certificates = _load_pem_in_slices(text, progress, 2 * count)
    except Cancelled:
        raise
    except Exception:
        return None
    return certificates if len(certificates) == count else None


_SLICE = 200  # certificates per library call


def _load_pem_in_slices(text: bytes, progress: Progress | None = None, total: int = 0) -> list[x509.Certificate]:
    """`load_pem_x509_certificates`, 200 blocks per call: the call holds the GIL, and between calls a
    GUI thread gets it (one call on 10,000 certificates would freeze the window for its whole length)."""
    certificates: list[x509.Certificate] = []
    start = 0
    while start < len(text):
        if progress is not None:
            progress(len(certificates), total)
        end = start
        for _ in range(_SLICE):
            found = text.find(_CERT_END, end)
            if found < 0:
                end = len(text)
                break
            end = found + len(_CERT_END)
        if _CERT_BEGIN in text[start:end]:
            certificates.extend(x509.load_pem_x509_certificates(text[start:end]))
        start = end
    return certificates


def _load_pem(data: bytes, name: str, password: bytes | None, progress: Progress | None = None) -> LoadedFile:
    text = data.replace(b"\r\n", b"\n") if b"\r\n" in data else data
    loaded = LoadedFile(name, FileFormat.PEM, crlf=text is not data)
    plain = _plain_certificates(text, progress)
    if plain is not None:
        loaded.certificates = plain
        return loaded
    blocks, loaded.stray_text = _scan_pem(text, name)
    key_blocks = sum(1 for block in blocks if block.label in _KEY_LABELS)
    if key_blocks > _MAX_KEYS:  # each may cost a password derivation: refuse before any is tried
        raise CmsInputError(
            name, Text(N_("holds {count} private keys; give a file with the one key you mean"), count=key_blocks)
        )
    fast = _fast_certificates(text, blocks) if blocks else None
    if fast is not None:
        loaded.certificates = fast
        return loaded
    for number, block in enumerate(blocks, start=1):
        label, body = block.label, block.body
        if label in _KEY_LABELS:
            loaded.keys.append(_load_private_key_pem(block.whole, name, password))
            continue
        headers_end = body.find(b"\n\n")
        if headers_end >= 0 and b":" in body[:headers_end]:
            body = body[headers_end + 2 :]  # RFC 1421 headers before the base64
        try:
            der = base64.b64decode(b"".join(body.split()), validate=True)
        except (binascii.Error, ValueError):
            raise CmsInputError(
                name, Text(N_("PEM block {number} ({p}) is damaged: invalid base64"), number=number, p=label.decode())
            ) from None
        try:
            if label in _CERT_LABELS:
                loaded.certificates.append(x509.load_der_x509_certificate(der))
            elif label in _CSR_LABELS:
                loaded.csrs.append(x509.load_der_x509_csr(der))
            elif label in _PKCS7_LABELS:
                loaded.certificates.extend(_pkcs7_certificates(der))
            elif label == b"X509 CRL":
                continue  # a revocation list rides along in some exports; it is not a certificate
            elif label == b"PUBLIC KEY":
                continue
            elif label == b"OPENSSH PRIVATE KEY":
                raise CmsInputError(
                    name,
                    Text(
                        N_(
                            "PEM block {number} is an OpenSSH private key (ssh-keygen's format), which CMS cannot use; "
                            "convert a copy with: ssh-keygen -p -m PKCS8 -f COPY"
                        ),
                        number=number,
                    ),
                )
            else:
                raise CmsInputError(
                    name,
                    Text(
                        N_("PEM block {number} is a {p!r}, not a certificate, key or CSR"),
                        number=number,
                        p=label.decode(),
                    ),
                )
        except CmsInputError:
            raise
        except Exception:
            raise CmsInputError(
                name,
                Text(N_("PEM block {number} ({p}) is damaged and cannot be decoded"), number=number, p=label.decode()),
            ) from None
    if not (loaded.certificates or loaded.keys or loaded.csrs):
        raise CmsInputError(name, N_("has no certificate, private key or CSR in it"))
    return loaded


def _try_der(data: bytes, name: str, password: bytes | None) -> LoadedFile | None:
    attempts: list[tuple[FileFormat, Callable[[LoadedFile], None]]] = [
        (FileFormat.DER, lambda f: f.certificates.append(x509.load_der_x509_certificate(data))),
        (FileFormat.PKCS7, lambda f: f.certificates.extend(_pkcs7_certificates(data))),
        (FileFormat.DER, lambda f: f.csrs.append(x509.load_der_x509_csr(data))),
    ]
    for file_format, attempt in attempts:
        loaded = LoadedFile(name, file_format)
        try:
            attempt(loaded)
        except Exception:
            continue
        return loaded
    from cryptography.hazmat.primitives import serialization

    if password is None:
        _refuse_huge_rsa(serialization.load_der_private_key, data, name)
    try:
        key = serialization.load_der_private_key(data, password)
    except TypeError:
        raise PasswordRequired(name, N_("holds an encrypted private key; enter its password")) from None
    except Exception:
        return None
    loaded = LoadedFile(name, FileFormat.DER)
    loaded.keys.append(_checked_key(key, name))
    return loaded


def _looks_like_pkcs12(data: bytes) -> bool:
    # PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }
    return len(data) > 8 and data[0] == 0x30 and b"\x02\x01\x03" in data[:8]


# Key-derivation iterations seen in real PKCS#12 files: 1 to 600,000 (OWASP 2023). A file asking for
# more would keep the tool busy for minutes before it can even say "wrong password".
MAX_KDF_ITERATIONS = 5_000_000


def _der_items(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    """(tag, content start, content end) of the DER items between start and end; [] if not DER."""
    items = []
    position = start
    while position < end:
        if position + 2 > end:
            return []
        tag, length = data[position], data[position + 1]
        position += 2
        if length & 0x80:
            octets = length & 0x7F
            if not 0 < octets <= 4 or position + octets > end:
                return []
            length = int.from_bytes(data[position : position + octets], "big")
            position += octets
        if position + length > end:
            return []
        items.append((tag, position, position + length))
        position += length
    return items


def _kdf_iterations(data: bytes) -> int:
    """The largest iteration count in the clear parts of a PFX: any INTEGER that follows an OCTET STRING
    (salt) in one SEQUENCE, as in PBKDF2-params, pkcs-12PbeParams and MacData. Linear in the file."""
    largest = 0
    pending = [(0, len(data), 0)]
    budget = 100_000  # items visited; a PFX has a few hundred
    while pending and budget > 0:
        start, end, depth = pending.pop()
        items = _der_items(data, start, end)
        budget -= len(items) + 1
        for index, (tag, begin, finish) in enumerate(items):
            if tag == 0x02 and index and items[index - 1][0] == 0x04 and finish - begin <= 8:
                largest = max(largest, int.from_bytes(data[begin:finish], "big"))
            if depth < 24 and (tag & 0x20 or tag == 0x04):  # constructed, or an OCTET STRING holding DER
                pending.append((begin, finish, depth + 1))
    return largest


def _load_pkcs12(data: bytes, name: str, password: bytes | None) -> LoadedFile:
    from cryptography.hazmat.primitives.serialization import pkcs12

    iterations = _kdf_iterations(data)
    if iterations > MAX_KDF_ITERATIONS:
        raise CmsInputError(
            name,
            Text(
                N_(
                    "asks for {count} password-derivation rounds (real files use at most a few hundred thousand); export it again"
                ),
                count=f"{iterations:,}",
            ),
        )
    try:
        bundle = pkcs12.load_pkcs12(data, password)
    except ValueError:
        if password is None:
            try:  # some exports use an empty password rather than none
                bundle = pkcs12.load_pkcs12(data, b"")
            except ValueError:
                raise PasswordRequired(name, N_("is a PKCS#12 (.pfx) file protected by a password; enter it")) from None
        else:
            raise WrongPassword(
                name, N_("wrong password for this PKCS#12 (.pfx) file, or the file is damaged")
            ) from None
    except Exception:
        raise CmsInputError(name, N_("is a damaged PKCS#12 (.pfx) file; export it again")) from None
    loaded = LoadedFile(name, FileFormat.PKCS12)
    if bundle.key is not None:
        loaded.keys.append(_checked_key(bundle.key, name))
    if bundle.cert is not None:
        loaded.certificates.append(bundle.cert.certificate)
    loaded.certificates.extend(extra.certificate for extra in bundle.additional_certs)
    if not (loaded.certificates or loaded.keys):
        raise CmsInputError(name, N_("is a PKCS#12 file with no certificate or key in it"))
    return loaded


def _check_extensions(loaded: LoadedFile, progress: Progress | None = None) -> LoadedFile:
    """Parse every extension now, so a malformed one is named here rather than crashing a later step."""
    items: list[x509.Certificate | x509.CertificateSigningRequest] = [*loaded.certificates, *loaded.csrs]
    for number, item in enumerate(items, start=1):
        if progress is not None and number % _SLICE == 0:
            progress(len(items) + number, 2 * len(items))
        try:
            item.extensions  # noqa: B018 - parsing is the point
        except x509.DuplicateExtension as error:
            oid = error.oid
            raise CmsInputError(
                loaded.name,
                Text(
                    N_(
                        "item {number} has the extension {p} twice; RFC 5280 forbids that and OpenSSL and CMS refuse it: have it issued again"
                    ),
                    number=number,
                    p=getattr(oid, "_name", None) or oid.dotted_string,
                ),
            ) from None
        except x509.UnsupportedGeneralNameType:  # not a ValueError: it escaped as a traceback
            raise CmsInputError(
                loaded.name,
                Text(
                    N_(
                        "item {number} has a name of a kind (x400Address or EDIPartyName) that cryptography, and so this tool, cannot read; have it issued again"
                    ),
                    number=number,
                ),
            ) from None
        except ValueError as error:
            raise CmsInputError(
                loaded.name,
                Text(
                    N_("item {number} has a malformed extension ({p}); have it issued again"),
                    number=number,
                    p=str(error).split("\n")[0],
                ),
            ) from None
    return loaded


def load_bytes(
    data: bytes, name: str, *, password: bytes | None = None, progress: Progress | None = None
) -> LoadedFile:
    """Load whatever `data` holds; `name` is used in messages (usually the file path).

    `progress(done, total)` is called now and then while a long PEM file is read; it may raise
    `Cancelled` to stop the reading there."""
    if password is not None:
        problem = password_problem(password)
        if problem:
            raise CmsInputError(name, problem)
    return _check_extensions(_load_any(data, name, password, progress), progress)


def _load_any(data: bytes, name: str, password: bytes | None, progress: Progress | None = None) -> LoadedFile:
    if not data.strip():
        raise CmsInputError(name, N_("is empty; was the download or copy interrupted?"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = utf16_bytes(data[:4096])
    if text is not None and b"-----" in text:
        raise CmsInputError(
            name, N_('is saved as UTF-16 text (Notepad\'s "Unicode"); save it as ANSI or UTF-8 and try again')
        )
    if b"-----BEGIN " in data:
        return _load_pem(data, name, password, progress)
    if _looks_like_pkcs12(data):
        return _load_pkcs12(data, name, password)
    loaded = _try_der(data, name, password)
    if loaded is not None:
        return loaded
    if data[:1] == b"0":  # ASN.1 SEQUENCE: DER that did not decode
        raise CmsInputError(name, N_("looks like a DER file but is damaged or truncated; download it again"))
    if all(32 <= byte < 127 or byte in b"\r\n\t" for byte in data[:4096]):
        raise CmsInputError(name, N_("is text without a -----BEGIN CERTIFICATE----- block; is this the right file?"))
    raise CmsInputError(name, N_("is not a certificate, key or CSR file (not PEM, DER, PKCS#7 or PKCS#12)"))


def load_file(path: Path | str, *, password: bytes | None = None, progress: Progress | None = None) -> LoadedFile:
    return load_bytes(read_input_file(path), str(path), password=password, progress=progress)


def load_private_key(path: Path | str, *, password: bytes | None = None) -> PrivateKey:
    """The single private key in a file (PEM, DER or PKCS#12)."""
    loaded = load_file(path, password=password)
    if not loaded.keys:
        what = N_("a certificate") if loaded.certificates else N_("a CSR")
        raise CmsInputError(
            str(path), Text(N_("holds {what}, not a private key; name the .key file"), what=as_message(what))
        )
    if len(loaded.keys) > 1:
        raise CmsInputError(str(path), N_("holds more than one private key; give a file with one key"))
    return loaded.keys[0]
