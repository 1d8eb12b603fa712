"""Whole-process CLI rows: `--help`, `pki verify`, `pki csr` (EC and RSA), each beside two floors —
`python -c "import cryptography.x509"` (the import floor) and a bare script doing the same
cryptography work with no parsing, checks or messages (cli_floors.py) — and the `openssl` command
(another OpenSSL: reported, never credited). RSA key generation is random, so RSA rows get more runs."""

from __future__ import annotations

import ctypes
import ctypes.util
import subprocess
from collections.abc import Callable
from pathlib import Path

from figures import CMSWIZARD, PY, QUICK, Row, alternate, ms, paired, process

BENCH = Path(__file__).parent
RUNS = 5 if QUICK else 31  # start-up of small processes
RSA_RUNS = 7 if QUICK else 41  # a random key in every run: enough for a stable median of the ratios
FLOOR = "`python -c 'import cryptography.x509'`"


def openssl_binary_version() -> str:
    return subprocess.run(["openssl", "version"], capture_output=True, text=True, check=True).stdout.strip()


def openssl_req(work: Path, stem: str, newkey: tuple[str, ...], extra: tuple[str, ...] = ()) -> None:
    """`openssl req` making a new key (`-newkey` and its options) and a CSR for cms1.example.com."""
    subprocess.run(
        [
            *("openssl", "req", "-new", "-newkey", *newkey, "-nodes"),
            *("-keyout", f"{stem}.key", "-out", f"{stem}.csr", "-subj", "/CN=cms1.example.com", *extra),
        ],
        cwd=work,
        check=True,
        capture_output=True,
    )


def _csr_runner(work: Path, key: str, bare: bool) -> Callable[[], None]:
    counter = iter(range(1_000_000))

    def run() -> None:
        name = f"{'b' if bare else 'c'}{key}{next(counter)}"
        argv = (
            [PY, str(BENCH / "cli_floors.py"), "csr", name, key]
            if bare
            else [
                *CMSWIZARD,
                "pki",
                "csr",
                name,
                "CN:cms1.example.com",
                "subjectAltName:cms1.example.com",
                "--key",
                key,
            ]
        )
        subprocess.run(argv, cwd=work, check=True, capture_output=True)

    return run


def bench_cli(work: Path, row: Row) -> None:
    from factory_for_bench import chain_files

    leaf, bundle, root, _sent = chain_files(work)
    counter = iter(range(1_000_000))

    def openssl_csr() -> None:
        openssl_req(
            work,
            f"oe{next(counter)}",
            ("ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            ("-addext", "subjectAltName=DNS:cms1.example.com"),
        )

    samples = alternate(
        {
            "floor": process([PY, "-c", "import cryptography.x509"]),
            "help": process([*CMSWIZARD, "--help"]),
            "verify": process([*CMSWIZARD, "pki", "verify", str(leaf), str(bundle)], work),
            "bare verify": process([PY, str(BENCH / "cli_floors.py"), "verify", str(leaf), str(bundle)]),
            "openssl verify": process(
                ["openssl", "verify", "-CAfile", str(root), "-untrusted", str(bundle), str(leaf)]
            ),
            "csr": _csr_runner(work, "ec256", bare=False),
            "bare csr": _csr_runner(work, "ec256", bare=True),
            "openssl csr": openssl_csr,
        },
        RUNS,
    )
    binary = openssl_binary_version()
    floor = samples["floor"]
    ratio, shown = paired(samples["help"], floor)
    row(
        "`cmswizard --help`, whole process",
        ms(samples["help"]),
        f"{FLOOR} {ms(floor)} → {shown}",
        "≤ 1.0× floor",
        ratio <= 1.0,
    )
    ratio, shown = paired(samples["verify"], floor)
    _, bare_shown = paired(samples["verify"], samples["bare verify"])
    _, bare_over_floor = paired(samples["bare verify"], floor)
    row(
        "`pki verify` 3-level chain, whole process",
        ms(samples["verify"]),
        f"{FLOOR} {ms(floor)} → {shown}; openssl verify ({binary}) {ms(samples['openssl verify'])}",
        "≤ 1.1× floor",
        ratio <= 1.1,
    )
    row(
        "`pki verify`, against a floor doing the same work",
        ms(samples["verify"]),
        f"the same cryptography calls in a bare script (load both files, PolicyBuilder) {ms(samples['bare verify'])} "
        f"→ {bare_shown}; that script is {bare_over_floor} the import floor",
        "reported (the target is against the import floor)",
        None,
    )
    ratio, shown = paired(samples["csr"], samples["bare csr"])
    _, over_floor = paired(samples["csr"], floor)
    _, bare_over_floor = paired(samples["bare csr"], floor)
    row(
        "`pki csr --key ec256`, whole process",
        ms(samples["csr"]),
        f"the same cryptography calls in a bare script (P-256 key, CSR with the SAN, both written and fsynced) "
        f"{ms(samples['bare csr'])} → {shown}; against {FLOOR} → {over_floor} (the bare script alone is "
        f"{bare_over_floor}); openssl req -newkey ec P-256 with the same SAN ({binary}) {ms(samples['openssl csr'])}",
        "≤ 1.15× the same work",
        ratio <= 1.15,
    )


def _system_libcrypto() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("crypto")
    return ctypes.CDLL(name) if name else None


def loaded_library_version(libcrypto: ctypes.CDLL) -> str:
    """What the library ctypes loaded says it is (OpenSSL_version), not what the `openssl` command says."""
    libcrypto.OpenSSL_version.restype = ctypes.c_char_p
    libcrypto.OpenSSL_version.argtypes = [ctypes.c_int]
    return str(libcrypto.OpenSSL_version(0).decode())


def bench_rsa(work: Path, row: Row) -> None:
    """RSA-2048: `pki csr` judged against the same library doing the same work (a bare script); `openssl
    req` (another OpenSSL) and the two OpenSSLs' key generation side by side are reported, not credited."""
    from cryptography.hazmat.backends.openssl.backend import backend
    from cryptography.hazmat.primitives.asymmetric import rsa

    counter = iter(range(1_000_000))
    samples = alternate(
        {
            "ours": _csr_runner(work, "rsa2048", bare=False),
            "bare": _csr_runner(work, "rsa2048", bare=True),
            "openssl": lambda: openssl_req(work, f"o{next(counter)}", ("rsa:2048",)),
        },
        RSA_RUNS,
    )
    ratio, shown = paired(samples["ours"], samples["bare"])
    _, openssl_shown = paired(samples["ours"], samples["openssl"])
    row(
        "`pki csr --key rsa2048`, whole process",
        ms(samples["ours"]),
        f"the same work with the same library in a bare script {ms(samples['bare'])} → {shown}; "
        f"openssl req ({openssl_binary_version()}, another OpenSSL: not credited) {ms(samples['openssl'])} → {openssl_shown}",
        "≤ 1.15× the same work",
        ratio <= 1.15,
    )
    libcrypto = _system_libcrypto()
    if libcrypto is None or not hasattr(libcrypto, "EVP_PKEY_Q_keygen"):
        return
    libcrypto.EVP_PKEY_Q_keygen.restype = ctypes.c_void_p  # EVP_RSA_gen(bits) is a macro for this call
    libcrypto.EVP_PKEY_get_bits.argtypes = [ctypes.c_void_p]
    libcrypto.EVP_PKEY_free.argtypes = [ctypes.c_void_p]

    def system_keygen() -> None:
        key = libcrypto.EVP_PKEY_Q_keygen(None, None, b"RSA", ctypes.c_size_t(2048))
        assert key and libcrypto.EVP_PKEY_get_bits(key) == 2048
        libcrypto.EVP_PKEY_free(key)

    samples = alternate(
        {"bundled": lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), "system": system_keygen},
        RSA_RUNS,
    )
    _, shown = paired(samples["system"], samples["bundled"])
    row(
        "RSA-2048 key generation in process, the two OpenSSLs",
        f"cryptography ({backend.openssl_version_text()}) {ms(samples['bundled'])}",
        f"system libcrypto ({loaded_library_version(libcrypto)}, loaded by ctypes) {ms(samples['system'])}: "
        f"system ÷ bundled {shown}",
        "reported (why openssl req is not credited)",
        None,
    )
