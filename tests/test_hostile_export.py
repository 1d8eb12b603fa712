"""Issue 30, faults on the stick: an export never reports success onto the computer's own disk, and a
re-run after a stick that filled up resumes instead of asking for --force.

A tmpfs stands in for the stick (root only): unmounted after it was chosen, or in the middle of the copy,
its mount point is an empty folder on the system disk again, and the export must notice.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cmswizard.export.copy import ExportItem, device_of, export_files

from helpers.mounts import stick, why_not

KEY = b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"


def _items(count: int = 6) -> list[ExportItem]:
    return [ExportItem(f"cms{n}.key", KEY + bytes([n]) * 50) for n in range(count)]


def _unmount(point: Path) -> None:
    subprocess.run(["umount", "-l", str(point)], check=True, capture_output=True)


@pytest.fixture
def tmpfs_stick():
    reason = why_not("tmpfs")
    if reason:
        pytest.skip(reason)
    with stick("tmpfs", 2048) as point:
        yield point


def test_a_stick_unmounted_after_it_was_chosen_gets_nothing_written(tmp_path: Path, tmpfs_stick: Path) -> None:
    chosen = device_of(tmpfs_stick)
    _unmount(tmpfs_stick)
    result = export_files(_items(), tmpfs_stick / "export", readme="r", device=chosen)
    assert not result.ok
    assert "is no longer on the stick that was chosen" in str(result.error)
    assert list(tmpfs_stick.iterdir()) == []  # no key on the computer's own disk


def test_a_stick_unmounted_mid_copy_stops_the_export_and_leaves_no_key_behind(tmpfs_stick: Path) -> None:
    def pull_out(done: int, total: int, name: str) -> None:
        if done == 2:
            _unmount(tmpfs_stick)

    result = export_files(_items(), tmpfs_stick / "export", readme="r", progress=pull_out)
    assert not result.ok
    assert result.copied == ["cms0.key", "cms1.key"]
    assert "no longer on the stick" in str(result.error) or "does not exist any more" in str(result.error)
    leftovers = list(tmpfs_stick.rglob("*"))
    assert not [p for p in leftovers if p.is_file()], leftovers


def test_a_rerun_after_a_full_stick_resumes_without_force(tmp_path: Path) -> None:
    target = tmp_path / "stick" / "export"
    target.parent.mkdir()
    items = _items(4)
    first = export_files(items[:2], target, readme="r")  # as if the stick filled after two files
    assert first.ok
    (target / "SHA256SUMS").unlink()
    (target / "README.txt").unlink()
    again = export_files(items, target, readme="r")
    assert again.ok, again.error
    assert sorted(again.copied) == sorted([*(i.name for i in items), "SHA256SUMS", "README.txt"])
    different = [ExportItem("cms0.key", b"another key\n")]
    refused = None
    try:
        export_files(different, target, readme="r")
    except Exception as error:
        refused = str(error)
    assert refused is not None and "already exists" in refused


def test_a_disk_turned_read_only_between_key_and_csr_is_finished_by_the_next_apply(cli) -> None:
    """The key is linked into place, then the file system turns read-only: the CSR cannot be placed and the
    roll-back cannot remove the key. Once writable again, the next `plan apply` makes the CSR from that key."""
    import os as os_module

    from cmswizard.pki import files as files_module

    from helpers.hostile_plans import plan_text
    from helpers.mounts import remount_read_only

    reason = why_not("tmpfs")
    if reason:
        pytest.skip(reason)
    with stick("tmpfs", 2048) as point:
        plan = point / "site.toml"
        plan.write_text(plan_text())
        real_replace = os_module.replace
        calls: list[str] = []

        def lock_then_replace(source: object, target: object, *args: object, **kwargs: object) -> None:
            calls.append(str(target))
            if str(target).endswith("cb.csr") and len(calls) == 1:  # the key is in place; now the CSR
                remount_read_only(point)
            real_replace(source, target, *args, **kwargs)  # type: ignore[arg-type]

        files_module.os.replace = lock_then_replace  # type: ignore[assignment]
        try:
            first = cli("plan", "apply", str(plan))
        finally:
            files_module.os.replace = real_replace  # type: ignore[assignment]
        assert first.code == 2 and "read-only" in first.err, (calls, first.err)
        # the roll-back could not remove the key on a read-only disk: a key without its CSR is left
        assert (point / "cb.key").exists() and not (point / "cb.csr").exists()
        subprocess.run(["mount", "-o", "remount,rw", str(point)], check=True, capture_output=True)
        second = cli("plan", "apply", str(plan))
        assert second.code in (0, 1), second.err
        assert (point / "cb.key").exists() and (point / "cb.csr").exists()
        assert cli("pki", "match", str(point / "cb.key"), str(point / "cb.csr")).code == 0
