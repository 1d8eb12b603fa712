"""For the bench (helper "perf", issue 28 "Done when"): 20 renewals by `renew run` against pebble + BIND,
beside a bare loop on PyPI's `acme` + dnspython doing the same orders (same names, same CA, same DNS,
one account, 2-SAN Web Bridge 3 certificates, RSA 2048 keys) with none of cmswizard's checks, state or
files. Both return wall seconds; call them with a running bed (`helpers.acme_bed.running_bed()`).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from helpers.acme_bed import AcmeBed

COUNT = 20


def _certificates(count: int) -> list[tuple[str, str, list[str], list[str]]]:
    # every certificate its own pair of names (no authorisation reuse between orders: pebble reuses none)
    return [
        (
            f"wb3-{number}-2026",
            f"join{number}.test.example",
            [f"join{number}.test.example", f"edge{number}.test.example"],
            ["webbridge3"],
        )
        for number in range(count)
    ]


def cmswizard_renewals(bed: AcmeBed, folder: Path, count: int = COUNT) -> float:
    """One `renew run --issue-only` over a plan of `count` due certificates (in process, timed whole)."""
    from cmswizard.cms.plan import read_plan
    from cmswizard.cms.renewal_run import RunOptions, run_renewal
    from cmswizard.remote.acme import connect_issuer

    plan_path = bed.plan(folder, _certificates(count))
    plan = read_plan(plan_path)
    started = time.perf_counter()
    outcomes = run_renewal(
        plan,
        plan_path,
        folder,
        connect=lambda issuer: connect_issuer(issuer, folder),
        options=RunOptions(issue_only=True),
    )
    elapsed = time.perf_counter() - started
    failed = [o for o in outcomes if not o.ok]
    if failed or len(outcomes) != count:
        raise RuntimeError(f"renew run did not issue all {count}: {failed[:1]}")
    return elapsed


def bare_acme_loop(bed: AcmeBed, folder: Path, count: int = COUNT) -> float:
    """The same orders with the acme library and dnspython alone (timed from the account on)."""
    import dns.message
    import dns.query
    import dns.tsigkeyring
    import dns.update
    from acme import challenges, client, messages
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from cryptography.x509.oid import NameOID
    from josepy.jwa import ES256
    from josepy.jwk import JWKEC

    folder.mkdir(parents=True, exist_ok=True)
    key_text = bed.bind.key_file.read_text()
    key_name = key_text.split('"')[1]
    secret = key_text.split('secret "')[1].split('"')[0]
    keyring = dns.tsigkeyring.from_text({key_name: ("hmac-sha256", secret)})
    started = time.perf_counter()
    account = JWKEC(key=ec.generate_private_key(ec.SECP256R1()))
    net = client.ClientNetwork(account, alg=ES256, user_agent="bare")
    net.verify_ssl = str(bed.pebble.api_ca)  # type: ignore[assignment]
    acme = client.ClientV2(client.ClientV2.get_directory(bed.pebble.directory, net), net)
    acme.new_account(messages.NewRegistration.from_data(terms_of_service_agreed=True))
    for basename, cn, san, _services in _certificates(count):
        key = rsa.generate_private_key(65537, 2048)
        csr = (
            x509.CertificateSigningRequestBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in san]), critical=False)
            .sign(key, hashes.SHA256())
        )
        order = acme.new_order(csr.public_bytes(serialization.Encoding.PEM))
        published = []
        for authorization in order.authorizations:
            challenge = next(c for c in authorization.body.challenges if isinstance(c.chall, challenges.DNS01))
            name = f"_acme-challenge.{authorization.body.identifier.value}."
            update = dns.update.UpdateMessage("test.example.", keyring=keyring)
            update.add(name, 60, "TXT", f'"{challenge.chall.validation(account)}"')
            dns.query.tcp(update, "127.0.0.1", port=bed.bind.port, timeout=3)
            published.append((name, challenge))
        for _name, challenge in published:
            acme.answer_challenge(challenge, challenge.chall.response(account))
        done = acme.poll_and_finalize(order, dt.datetime.now() + dt.timedelta(seconds=60))
        for name, challenge in published:
            update = dns.update.UpdateMessage("test.example.", keyring=keyring)
            update.delete(name, "TXT", f'"{challenge.chall.validation(account)}"')
            dns.query.tcp(update, "127.0.0.1", port=bed.bind.port, timeout=3)
        (folder / f"{basename}.pem").write_text(done.fullchain_pem)
    return time.perf_counter() - started
