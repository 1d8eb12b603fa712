"""The same-library floor of `cmswizard upload` (run as a process by bench/upload.py): paramiko alone
putting the files and getting each back, with the host key checked against known_hosts and a key
login — no names checked, no temporary names, no comparison, no report. paramiko is imported as
cmswizard imports it (without `invoke`, which it loads only for ssh_config's `Match exec`).

argv: HOST PORT USER KEY_FILE KNOWN_HOSTS FILE…"""

from __future__ import annotations

import io
import socket
import sys
from pathlib import Path


def main() -> None:
    host, port, user, key_file, known_hosts, *files = sys.argv[1:]
    sys.modules["invoke"] = None  # type: ignore[assignment]
    import paramiko

    del sys.modules["invoke"]
    transport = paramiko.Transport(socket.create_connection((host, int(port))))
    transport.start_client()
    key = transport.get_remote_server_key()
    known = paramiko.HostKeys(known_hosts).lookup(f"[{host}]:{port}")
    if known is None or known.get(key.get_name()) != key:
        raise SystemExit("host key not known")
    transport.auth_publickey(user, paramiko.PKey.from_path(key_file))
    sftp = paramiko.SFTPClient.from_transport(transport)
    assert sftp is not None
    for name in files:
        data = Path(name).read_bytes()
        sftp.putfo(io.BytesIO(data), Path(name).name, confirm=False)
        back = io.BytesIO()
        sftp.getfo(Path(name).name, back)
        assert back.getvalue() == data
    transport.close()


if __name__ == "__main__":
    main()
