"""`plan apply` uses the keys it has just made without reading them back (issue 24: loading an RSA
key checks its primes, which cost most of what making it did), and every CSR still matches its key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from cmswizard.cms import plan_files
from cmswizard.cms.plan_files import ItemState, apply_plan
from cmswizard.cms.plan_making import PlanAnswers, new_plan
from cmswizard.cms.services import CmsVersion
from cmswizard.pki.keys import public_key_der
from cmswizard.pki.spec import KeyType


def test_first_apply_reads_no_key_back_and_each_csr_matches_its_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = new_plan(
        PlanAnswers(
            CmsVersion.V3,
            ("cms1.example.com", "cms2.example.com"),
            ("edge1.example.com",),
            "join.example.com",
            key_type=KeyType.EC256,
            today=dt.date(2026, 1, 1),
        )
    )
    loaded: list[str] = []
    real_load = plan_files.load_bytes

    def recording_load(data: bytes, name: str, *args: object, **kwargs: object) -> object:
        loaded.append(name)
        return real_load(data, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plan_files, "load_bytes", recording_load)
    results = apply_plan(plan, tmp_path)
    made_keys = sorted(r.name for r in results if r.state is ItemState.MADE and r.name.endswith(".key"))
    assert made_keys == sorted(f"{c.basename}.key" for c in plan.certificates)
    assert [name for name in loaded if name.endswith(".key")] == []
    for key_name in made_keys:
        key = load_pem_private_key((tmp_path / key_name).read_bytes(), None)
        csr = x509.load_pem_x509_csr((tmp_path / key_name.replace(".key", ".csr")).read_bytes())
        assert public_key_der(csr.public_key()) == public_key_der(key.public_key())  # type: ignore[arg-type]
        assert csr.is_signature_valid
    loaded.clear()
    apply_plan(plan, tmp_path)  # a later apply reads the keys it did not make (to match certificates)
    assert sorted(name for name in loaded if name.endswith(".key")) == made_keys
