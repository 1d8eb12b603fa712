"""An RFC 8555 client for one `acme` issuer of the plan, on PyPI's `acme` library (with `josepy`).

Account (registered once per key; an existing account is found again by its key), order, DNS-01
through `remote/dns01.py` (the TXT records are always removed again), finalisation with *our* CSR (the
key never leaves this computer), and the certificate chain downloaded. An order is resumed by its URL:
a run that stopped after ordering fetches the same order (and its certificate once issued) instead of
ordering twice. ACME Renewal Information (RFC 9773) is asked when the CA offers it.

Everything the CA sends is data: problem documents are shown escaped and shortened, one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from acme import challenges, errors, messages
from acme.client import ClientNetwork, ClientV2
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from josepy.jwa import ES256, ES384, ES512, RS256, JWASignature
from josepy.jwk import JWK, JWKEC, JWKRSA

from cmswizard.cms.issuers import Issuer
from cmswizard.pki.errors import N_, CmsCheckFailed, CmsInputError, Text
from cmswizard.pki.safe_text import shown
from cmswizard.remote.dns01 import DnsSession

__all__ = ["AcmeFailure", "AcmePort", "AcmeSession", "OrderFacts", "connect_issuer"]

USER_AGENT = "cmswizard"
NETWORK_TIMEOUT = 30
ORDER_DEADLINE = dt.timedelta(seconds=180)
Progress = Callable[[str], None]


class AcmeFailure(CmsCheckFailed):
    """The CA (or the way to it) said no: one line, exit 1 for that certificate."""


@dataclass(frozen=True)
class OrderFacts:
    url: str
    status: str  # pending, ready, processing, valid, invalid (or "gone": the CA no longer has it)
    certificate_pem: bytes = b""  # the chain, once valid and downloaded


def _problem(error: messages.Error) -> str:
    kind = (error.typ or "").rsplit(":", 1)[-1]
    detail = shown(error.detail or "", 200)
    return f"{kind}: {detail}" if kind else detail


def _jwk(key_pem: bytes, source: str) -> tuple[JWK, JWASignature]:
    try:
        key = serialization.load_pem_private_key(key_pem, password=None)
    except (ValueError, TypeError):
        raise CmsInputError(source, "is not an unencrypted PEM private key (the ACME account key)") from None
    if isinstance(key, ec.EllipticCurvePrivateKey):
        size = key.curve.key_size
        algorithm = {256: ES256, 384: ES384, 521: ES512}.get(size)
        if algorithm is None:
            raise CmsInputError(source, "is an EC key on a curve ACME does not use; use P-256")
        return JWKEC(key=key), algorithm
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < 2048:
            raise CmsInputError(source, f"is an RSA {key.key_size} key; an ACME account key needs RSA 2048 or more")
        return JWKRSA(key=key), RS256
    raise CmsInputError(source, "is neither an RSA nor an EC key; use an EC P-256 key")


class AcmeSession:
    """One issuer's ACME account, ready to order. `verify` is True (the system's roots) or a CA file."""

    def __init__(
        self,
        issuer: Issuer,
        account_key_pem: bytes,
        *,
        verify: bool | str = True,
        eab_hmac_key: bytes = b"",
        progress: Progress | None = None,
    ) -> None:
        self.issuer = issuer
        self.progress = progress or (lambda _text: None)
        self.key, algorithm = _jwk(account_key_pem, issuer.account_key)
        net = ClientNetwork(self.key, alg=algorithm, user_agent=USER_AGENT, timeout=NETWORK_TIMEOUT)
        net.verify_ssl = verify  # type: ignore[assignment]  # requests takes a CA file path as well
        self.net = net
        try:
            directory = ClientV2.get_directory(issuer.directory, net)
        except Exception as error:
            raise AcmeFailure(
                Text(
                    N_("ACME: cannot read the directory {url} ({reason})"), url=issuer.directory, reason=_reason(error)
                )
            ) from None
        self.client = ClientV2(directory, net)
        self._register(eab_hmac_key)

    def _register(self, eab_hmac_key: bytes) -> None:
        eab: dict[str, Any] | None = None
        if self.issuer.eab_kid:
            eab = messages.ExternalAccountBinding.from_data(
                account_public_key=self.key.public_key(),
                kid=self.issuer.eab_kid,
                hmac_key=eab_hmac_key.decode("ascii", "replace").strip(),
                directory=self.client.directory,
            )
        registration = messages.NewRegistration.from_data(
            terms_of_service_agreed=True,
            external_account_binding=eab,  # a JWS as a dict, as ExternalAccountBinding.from_data makes it
        )
        if self.issuer.contact:
            registration = registration.update(contact=self.issuer.contact)
        try:
            self.client.new_account(registration)
        except errors.ConflictError as existing:  # this key has an account: use it
            regr = messages.RegistrationResource(uri=existing.location, body=messages.Registration())
            self.net.account = regr
            try:
                self.client.query_registration(regr)
            except messages.Error as error:
                raise AcmeFailure(f"ACME: the account of {shown(self.issuer.account_key)}: {_problem(error)}") from None
        except messages.Error as error:
            raise AcmeFailure(
                f"ACME: {shown(self.issuer.directory)} refused the account of {shown(self.issuer.account_key)}: "
                f"{_problem(error)}"
            ) from None
        except Exception as error:
            raise AcmeFailure(f"ACME: registering the account failed ({_reason(error)})") from None

    # ------------------------------------------------------------ orders

    def new_order(self, csr_pem: bytes) -> str:
        """Order the names of the CSR; returns the order URL (to be saved before anything else happens)."""
        try:
            order = self.client.new_order(csr_pem, profile=self.issuer.profile or None)
        except messages.Error as error:
            raise AcmeFailure(Text(N_("ACME: the CA refused the order: {problem}"), problem=_problem(error))) from None
        except Exception as error:
            raise AcmeFailure(f"ACME: ordering failed ({_reason(error)})") from None
        if not order.uri:
            raise AcmeFailure("ACME: the CA answered the order without its URL (Location)")
        return str(order.uri)

    def _order(self, url: str, csr_pem: bytes) -> messages.OrderResource:
        response = self.client._post_as_get(url)
        body = messages.Order.from_json(response.json())
        authorizations = [
            self.client._authzr_from_response(self.client._post_as_get(u), uri=u) for u in body.authorizations
        ]
        return messages.OrderResource(body=body, uri=url, authorizations=authorizations, csr_pem=csr_pem)

    def order_facts(self, url: str) -> OrderFacts:
        """Where a saved order stands; the certificate is downloaded when it is valid."""
        try:
            body = messages.Order.from_json(self.client._post_as_get(url).json())
            if body.status == messages.STATUS_VALID and body.certificate:
                chain = self.client._post_as_get(body.certificate).text.encode()
                return OrderFacts(url, "valid", chain)
            return OrderFacts(url, str(body.status.name))
        except messages.Error as error:
            if error.code in ("malformed", "notFound") or "404" in str(error):
                return OrderFacts(url, "gone")
            raise AcmeFailure(f"ACME: the order {shown(url)}: {_problem(error)}") from None
        except Exception as error:
            raise AcmeFailure(f"ACME: reading the order {shown(url)} failed ({_reason(error)})") from None

    def complete(
        self,
        url: str,
        csr_pem: bytes,
        dns: DnsSession,
        *,
        before_publish: Callable[[list[str]], None] | None = None,
        after_publish: Callable[[], None] | None = None,
    ) -> bytes:
        """Answer DNS-01 for every pending authorisation, finalise with the CSR, return the chain (PEM)."""
        deadline = dt.datetime.now() + ORDER_DEADLINE
        try:
            order = self._order(url, csr_pem)
            pending = [a for a in order.authorizations if a.body.status == messages.STATUS_PENDING]
            answers = []
            for authorization in pending:
                challenge = next(
                    (c for c in authorization.body.challenges if isinstance(c.chall, challenges.DNS01)), None
                )
                if challenge is None:
                    raise AcmeFailure(
                        f"ACME: the CA offers no dns-01 challenge for {shown(authorization.body.identifier.value)}"
                        " (a CMS can answer no other)"
                    )
                value = challenge.chall.validation(self.key)
                answers.append((challenge, dns.locate(authorization.body.identifier.value, value)))
            if answers:
                self.progress(f"DNS-01 for {len(answers)} name(s)")
                records = [record for _, record in answers]
                if before_publish is not None:  # the caller notes them first: a kill -9 cannot clean up
                    before_publish([f"{r.owner} {r.zone} {r.value}" for r in records])
                with dns.published(records):
                    if after_publish is not None:
                        after_publish()
                    for challenge, _ in answers:
                        self.client.answer_challenge(challenge, challenge.chall.response(self.key))
                    order = self.client.poll_authorizations(order, deadline)
            self.progress("finalising with the CSR")
            done = self.client.finalize_order(order, deadline)
        except errors.ValidationError as failed:
            details = [
                f"{shown(a.body.identifier.value)}: {_problem(c.error)}"
                for a in failed.failed_authzrs
                for c in a.body.challenges
                if c.error is not None
            ]
            raise AcmeFailure(
                Text(N_("ACME: the CA could not validate {names}"), names="; ".join(details or ["the names"]))
            ) from None
        except errors.IssuanceError as failed:
            raise AcmeFailure(
                Text(N_("ACME: the CA refused to issue: {problem}"), problem=_problem(failed.error))
            ) from None
        except errors.TimeoutError:
            raise AcmeFailure(
                f"ACME: the order {shown(url)} did not finish within {ORDER_DEADLINE.seconds} s"
            ) from None
        except messages.Error as error:
            raise AcmeFailure(f"ACME: the CA refused: {_problem(error)}") from None
        except (requests.RequestException, errors.Error) as error:
            raise AcmeFailure(f"ACME: the CA could not be reached ({_reason(error)})") from None
        return str(done.fullchain_pem).encode()

    def renewal_window(self, certificate_pem: bytes) -> tuple[dt.datetime, dt.datetime] | None:
        """The CA's suggested renewal window (RFC 9773), or None when the CA offers no ARI."""
        try:
            base = str(self.client.directory["renewalInfo"])
        except KeyError:
            return None
        from acme.client import _renewal_info_path_component
        from cryptography import x509

        certificate = x509.load_pem_x509_certificate(certificate_pem)
        url = base + "/" + _renewal_info_path_component(certificate)
        try:
            info = messages.RenewalInfo.from_json(self.net.get(url, content_type="application/json").json())
        except Exception:
            return None  # ARI is advice: without it, the third-of-the-lifetime rule decides
        window = info.suggested_window
        return window.start, window.end


def _reason(error: BaseException) -> str:
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS: the CA's certificate is not trusted (set ca_file for an internal CA)"
    if isinstance(error, requests.ConnectionError):
        return "cannot connect"
    if isinstance(error, requests.Timeout):
        return "timed out"
    return f"{type(error).__name__}: {shown(error, 200)}"


def load_verify(issuer: Issuer, folder: Path) -> bool | str:
    """What the HTTPS connection to the CA trusts: the system's roots, or the plan's ca_file."""
    if not issuer.ca_file:
        return True
    path = Path(issuer.ca_file)
    path = path if path.is_absolute() else folder / path
    if not path.is_file():
        raise CmsInputError(str(path), "does not exist; ca_file names the PEM roots of the CA's HTTPS")
    return str(path)


class AcmePort:
    """The renewal run's view of one ACME issuer (cms/renewal_run.IssuerPort): account and DNS set up once."""

    def __init__(self, session: AcmeSession, dns: DnsSession) -> None:
        self.session = session
        self.dns = dns

    def has_ari(self) -> bool:
        try:
            self.session.client.directory["renewalInfo"]
        except KeyError:
            return False
        return True

    def renewal_window(self, certificate_pem: bytes) -> tuple[dt.datetime, dt.datetime] | None:
        return self.session.renewal_window(certificate_pem)

    def new_order(self, csr_pem: bytes) -> str:
        return self.session.new_order(csr_pem)

    def order_status(self, url: str) -> tuple[str, bytes]:
        facts = self.session.order_facts(url)
        return facts.status, facts.certificate_pem

    def complete(
        self,
        url: str,
        csr_pem: bytes,
        before_publish: Callable[[list[str]], None] | None = None,
        after_publish: Callable[[], None] | None = None,
    ) -> bytes:
        return self.session.complete(url, csr_pem, self.dns, before_publish=before_publish, after_publish=after_publish)

    def remove_records(self, records: Sequence[str]) -> None:
        """Remove TXT records a killed run left ("owner zone value"); a record already gone is no error."""
        from cmswizard.remote.dns01 import TxtRecord

        for text in records:
            owner, zone, value = text.split()
            self.dns.remove(TxtRecord(owner, owner, zone, value))


def connect_issuer(
    issuer: Issuer,
    folder: Path,
    *,
    progress: Progress | None = None,
    ask: Callable[[str], None] | None = None,
) -> AcmePort:
    """Account key (made 0600 on first use), EAB key, DNS set-up and the account, for `issuer`."""
    from cmswizard.cms.secrets import ensure_account_key, read_secret

    if issuer.dns is None:
        raise CmsInputError(
            f"issuers.{issuer.name}.dns", "is missing: an acme issuer needs a DNS-01 set-up (docs/renewal.md)"
        )
    dns = DnsSession(issuer.dns, folder, progress=progress, ask=ask)
    key = ensure_account_key(issuer.account_key, folder)
    eab = read_secret(issuer.eab_hmac_key, folder) if issuer.eab_hmac_key else b""
    session = AcmeSession(issuer, key, verify=load_verify(issuer, folder), eab_hmac_key=eab, progress=progress)
    return AcmePort(session, dns)
