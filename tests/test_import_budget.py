"""What a start imports: commands wait for every module they load, so the ones that need little load
little (issue 24). Each check runs in a fresh interpreter and looks at sys.modules, never at a clock."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def _modules_after(code: str) -> set[str]:
    """The modules loaded once `code` has run in a new interpreter."""
    script = (
        textwrap.dedent(code) + "\nimport sys\nprint('MODULES', *sorted(sys.modules))\n"
    )  # nothing new imported to say it
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(done.stdout.splitlines()[-1].split()[1:])


def test_sftp_module_loads_paramiko_only_when_an_upload_starts_and_never_invoke() -> None:
    loaded = _modules_after("import cmswizard.remote.sftp")
    assert "paramiko" not in loaded
    loaded = _modules_after("import cmswizard.remote.sftp as sftp\nsftp._import_paramiko()")
    assert {"paramiko", "paramiko.transport", "paramiko.sftp_client"} <= loaded
    # paramiko's ssh_config imports invoke (and with it unittest.mock) only for `Match exec`
    assert not {"invoke", "unittest.mock", "yaml"} & loaded
    assert "invoke" not in loaded  # nor left blocked (a None entry): a later `import invoke` still works


_HEAVY = ("dataclasses", "xml", "json", "tomllib", "cmswizard.cms", "cmswizard.pki.spec", "cmswizard.catalogue")


def _command_modules_after(argv: list[str]) -> set[str]:
    return _modules_after(f"from cmswizard.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n")


def _heavy(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if m.split(".")[0] in _HEAVY or m.startswith(_HEAVY))


def test_help_imports_no_command_module_and_no_cryptography() -> None:
    loaded = _command_modules_after(["--help"])
    assert sorted(m for m in loaded if m.startswith("cmswizard.cli.commands.")) == []
    assert _heavy(loaded) == []
    assert not any(m.startswith("cryptography") for m in loaded)


def test_a_command_imports_its_own_module_only(tmp_path: Path) -> None:
    leaf = tmp_path / "missing.pem"
    loaded = _command_modules_after(["pki", "verify", str(leaf), str(leaf)])
    assert sorted(m for m in loaded if m.startswith("cmswizard.cli.commands.")) == ["cmswizard.cli.commands.pki"]


def test_pki_verify_imports_beyond_the_library_only_what_it_uses(tmp_path: Path) -> None:
    from helpers.factory import hierarchy

    h = hierarchy(depth=1)
    leaf, bundle = tmp_path / "leaf.pem", tmp_path / "bundle.pem"
    leaf.write_bytes(h.leaf.pem)
    bundle.write_bytes(b"".join(c.pem for c in h.chain[1:]))
    floor = _modules_after("import cryptography.x509")
    extra = _command_modules_after(["pki", "verify", str(leaf), str(bundle)]) - floor
    assert _heavy(extra) == []
    assert sorted(m for m in extra if m.startswith("cmswizard")) == [
        "cmswizard",
        "cmswizard.cli",
        "cmswizard.cli.commands",
        "cmswizard.cli.commands.pki",
        "cmswizard.cli.inputs",
        "cmswizard.cli.output",
        "cmswizard.cli.streams",
        "cmswizard.pki",
        "cmswizard.pki.certfacts",
        "cmswizard.pki.errors",
        "cmswizard.pki.files",
        "cmswizard.pki.keys",
        "cmswizard.pki.leftovers",  # the writer's temporary names and folder lock: stdlib only
        "cmswizard.pki.loader",
        "cmswizard.pki.safe_text",
        "cmswizard.pki.verify",
    ]


def test_the_help_lines_are_the_commands_own() -> None:
    """`--help` lists SUMMARIES without importing the commands; each must say what its module's parser says."""
    import argparse
    import importlib

    from cmswizard.cli.commands import COMMANDS, SUMMARIES

    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    for module in COMMANDS:
        importlib.import_module(f"cmswizard.cli.commands.{module}").register(commands)
    registered = {action.dest: action.help for action in commands._choices_actions}
    assert registered == {command: summary for command, (_module, summary) in SUMMARIES.items()}
    assert list(commands.choices) == list(SUMMARIES)


def test_closing_a_wizard_without_a_plan_imports_no_engine() -> None:
    """Closing asks about an unsaved plan only when one is open; a fresh wizard's close loads nothing more."""
    loaded = _modules_after(
        """
        import os, tempfile
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from cmswizard.gui.launch import create_application
        from cmswizard.gui.settings import Settings
        from cmswizard.gui.wizard import CmsWizard
        app = create_application()
        wizard = CmsWizard(Settings.at(Path(tempfile.mkdtemp()) / "settings.ini"))
        wizard.show()
        app.processEvents()
        wizard.reject()
        app.processEvents()
        """
    )
    assert "cmswizard.gui.wizard" in loaded
    assert not {"cmswizard.cms.plan", "cryptography"} & loaded
