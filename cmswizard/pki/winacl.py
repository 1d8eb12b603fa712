"""Owner-only access for private keys and PKCS#12 files on Windows (issue 25).

POSIX gets mode 0600 from the atomic writer (pki/files.py). NTFS ignores modes: a new file inherits its
folder's ACL, which on a shared folder or a USB stick lets other users read the key. So the writer gives
the empty temporary file, before any key byte is in it, a protected DACL (no inherited entries) that
grants full control to exactly three: the user running cmswizard, SYSTEM (backup, the indexer) and the
Administrators group (who can take ownership anyway).

The ACL is built as an SDDL string by `owner_only_sddl`, a pure function the tests check with its
inputs on every platform; the Win32 calls that read the user's SID and apply the descriptor are
isolated in `Win32Security` (ctypes, advapi32), which only a Windows machine runs. FAT/exFAT sticks
keep no ACL at all: there the call fails quietly and the README says to delete keys from the stick.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["AccessEntry", "Win32Security", "owner_only_entries", "owner_only_sddl", "protect_private_file"]

FILE_ALL_ACCESS = "FA"  # SDDL right: full control
LOCAL_SYSTEM = "SY"  # SDDL alias of S-1-5-18
ADMINISTRATORS = "BA"  # SDDL alias of S-1-5-32-544 (the built-in Administrators group)
_SID = re.compile(r"S-1-\d+(-\d+)+")


@dataclass(frozen=True)
class AccessEntry:
    """One ACE: allow `rights` to `trustee` (a SID string or an SDDL alias), not inherited by children."""

    trustee: str
    rights: str = FILE_ALL_ACCESS

    def sddl(self) -> str:
        return f"(A;;{self.rights};;;{self.trustee})"


def owner_only_entries(owner_sid: str) -> list[AccessEntry]:
    if not _SID.fullmatch(owner_sid):
        raise ValueError(f"not a SID: {owner_sid!r}")
    entries = [AccessEntry(owner_sid), AccessEntry(LOCAL_SYSTEM), AccessEntry(ADMINISTRATORS)]
    if owner_sid in ("S-1-5-18", "S-1-5-32-544"):  # running as SYSTEM or as the group itself: no twin entry
        entries = entries[1:]
    return entries


def owner_only_sddl(owner_sid: str) -> str:
    """The security descriptor: owner = the user, DACL protected ("P": inherited entries are removed and
    none arrive later) with full control for the user, SYSTEM and Administrators, and nothing else."""
    return f"O:{owner_sid}D:P" + "".join(entry.sddl() for entry in owner_only_entries(owner_sid))


class SecurityApi(Protocol):
    def current_user_sid(self) -> str: ...

    def apply_sddl(self, path: Path, sddl: str) -> None: ...


class Win32Security:
    """The Win32 calls, and nothing else (Windows only; not run on this project's Linux CI)."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        self.ctypes, self.wintypes = ctypes, wintypes
        self.advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
        self.kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]

    def _check(self, ok: int, what: str) -> None:
        if not ok:
            error = self.ctypes.get_last_error()  # type: ignore[attr-defined]
            raise OSError(error, f"{what} failed (Windows error {error})")

    def current_user_sid(self) -> str:
        ctypes, wintypes = self.ctypes, self.wintypes
        token_query, token_user = 0x0008, 1
        token = wintypes.HANDLE()
        process = self.kernel32.GetCurrentProcess()
        self._check(self.advapi32.OpenProcessToken(process, token_query, ctypes.byref(token)), "OpenProcessToken")
        try:
            size = wintypes.DWORD()
            self.advapi32.GetTokenInformation(token, token_user, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(size.value)
            self._check(
                self.advapi32.GetTokenInformation(token, token_user, buffer, size, ctypes.byref(size)),
                "GetTokenInformation",
            )
            sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = wintypes.LPWSTR()
            self._check(self.advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)), "ConvertSid")
            try:
                return str(text.value)
            finally:
                self.kernel32.LocalFree(text)
        finally:
            self.kernel32.CloseHandle(token)

    def apply_sddl(self, path: Path, sddl: str) -> None:
        ctypes, wintypes = self.ctypes, self.wintypes
        sddl_revision_1, se_file_object = 1, 1
        dacl_information, protected_dacl_information = 0x00000004, 0x80000000
        descriptor = ctypes.c_void_p()
        self._check(
            self.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
                sddl, sddl_revision_1, ctypes.byref(descriptor), None
            ),
            "ConvertStringSecurityDescriptorToSecurityDescriptor",
        )
        try:
            present, defaulted = wintypes.BOOL(), wintypes.BOOL()
            dacl = ctypes.c_void_p()
            self._check(
                self.advapi32.GetSecurityDescriptorDacl(
                    descriptor, ctypes.byref(present), ctypes.byref(dacl), ctypes.byref(defaulted)
                ),
                "GetSecurityDescriptorDacl",
            )
            result = self.advapi32.SetNamedSecurityInfoW(
                str(path), se_file_object, dacl_information | protected_dacl_information, None, None, dacl, None
            )
            if result != 0:  # returns the error code itself
                raise OSError(result, f"SetNamedSecurityInfo failed (Windows error {result})")
        finally:
            self.kernel32.LocalFree(descriptor)


def protect_private_file(path: Path, api: SecurityApi | None = None) -> bool:
    """Give `path` the owner-only ACL. True when applied; False on a platform or file system without
    ACLs (POSIX has 0600 already; FAT keeps none). Windows only unless a test passes its own `api`."""
    if api is None:
        if sys.platform != "win32":
            return False
        api = Win32Security()
    try:
        api.apply_sddl(path, owner_only_sddl(api.current_user_sid()))
    except OSError:
        return False  # e.g. FAT/exFAT: no security descriptors to set
    return True
