"""What a start imports: commands wait for every module they load, so the ones that need little load
little (issue 24). Each check runs in a fresh interpreter and looks at sys.modules, never at a clock."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def _modules_after(code: str) -> set[str]:
    """The modules loaded once `code` has run in a new interpreter."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_sftp_module_loads_paramiko_only_when_an_upload_starts_and_never_invoke() -> None:
    loaded = _modules_after("import cmswizard.remote.sftp")
    assert "paramiko" not in loaded
    loaded = _modules_after("import cmswizard.remote.sftp as sftp\nsftp._import_paramiko()")
    assert {"paramiko", "paramiko.transport", "paramiko.sftp_client"} <= loaded
    # paramiko's ssh_config imports invoke (and with it unittest.mock) only for `Match exec`
    assert not {"invoke", "unittest.mock", "yaml"} & loaded
    assert "invoke" not in loaded  # nor left blocked (a None entry): a later `import invoke` still works
