"""Layering (design.md): the engine and the CLI never import Qt; pki/ and cms/ never touch the network;
pki/ never imports cms/."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "cmswizard"
ENGINE_FOLDERS = ("pki", "cms", "export", "remote")


def _engine_modules() -> list[str]:
    names = []
    for folder in ENGINE_FOLDERS:
        for path in sorted((PACKAGE / folder).glob("*.py")):
            stem = path.stem
            names.append(f"cmswizard.{folder}" if stem == "__init__" else f"cmswizard.{folder}.{stem}")
    return names


def _cli_modules() -> list[str]:
    return [
        ".".join(("cmswizard", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        for path in sorted((PACKAGE / "cli").rglob("*.py"))
    ]


def _imports(folder: str) -> list[tuple[str, str]]:
    """(file, imported module) for every import in a package folder."""
    found = []
    for path in sorted((PACKAGE / folder).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found += [(path.name, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((path.name, node.module))
    return found


def test_engine_source_has_no_qt_import() -> None:
    offenders = [
        f"{folder}/{name}: {module}"
        for folder in ENGINE_FOLDERS
        for name, module in _imports(folder)
        if module.split(".")[0] in ("PySide6", "shiboken6")
    ]
    assert offenders == []


NETWORK = ("socket", "ssl", "http", "urllib", "asyncio", "paramiko", "requests", "smtplib", "ftplib")


def test_pki_and_cms_have_no_network_and_pki_does_not_import_cms() -> None:
    offenders = [
        f"{folder}/{name}: {module}"
        for folder in ("pki", "cms")
        for name, module in _imports(folder)
        if module.split(".")[0] in NETWORK or (folder == "pki" and module.startswith("cmswizard.cms"))
    ]
    assert offenders == []


def test_engine_and_cli_import_without_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {[*_engine_modules(), *_cli_modules(), 'cmswizard.catalogue']!r}: importlib.import_module(name)\n"
        "from cmswizard.cli import main\n"
        "assert main(['pki', 'list', '.']) == 0\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# What a command module may import from the command line's own package: the shared modules (and the
# package `cli.commands` for its `Commands` type), never `cmswizard.cli` itself nor another command.
_CLI_SHARED = {
    "cmswizard.cli.output",
    "cmswizard.cli.inputs",
    "cmswizard.cli.checks",
    "cmswizard.cli.ssh",
    "cmswizard.cli.deployment_options",
    "cmswizard.cli.issuer_options",
    "cmswizard.cli.unattended",
}


def _cli_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("cmswizard.cli")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cmswizard.cli"):
            found.add(node.module)
            if node.module in ("cmswizard.cli", "cmswizard.cli.commands"):  # `from cmswizard.cli import output`
                found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_cli_command_modules_import_only_the_shared_modules() -> None:
    """A command is one module with one `register()`; what two commands share lives in a shared module,
    and the shared modules know no command, so the command line has no import circle."""
    offenders = []
    for path in sorted((PACKAGE / "cli" / "commands").glob("*.py")):
        if path.stem == "__init__":
            continue
        tree = ast.parse(path.read_text())
        registers = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "register"]
        if len(registers) != 1:
            offenders.append(f"commands/{path.name}: {len(registers)} register()")
        allowed = _CLI_SHARED | {"cmswizard.cli.commands", "cmswizard.cli.commands.Commands"}
        offenders += [f"commands/{path.name}: {name}" for name in sorted(_cli_imports(path) - allowed)]
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        if path.stem != "__init__":
            offenders += [f"{path.name}: {name}" for name in sorted(_cli_imports(path) - _CLI_SHARED)]
    assert offenders == []
    bare = [
        f"commands/{path.name}:{node.lineno}"
        for path in sorted((PACKAGE / "cli" / "commands").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and type(node.value.value) is int
    ]
    assert bare == [], "a handler ends with an ExitCode (cli/output.py), not a bare number"
    from cmswizard.cli.commands import COMMANDS

    modules = {p.stem for p in (PACKAGE / "cli" / "commands").glob("*.py")} - {"__init__"}
    assert sorted(COMMANDS) == sorted(modules)


def test_gui_does_not_use_cryptography_directly() -> None:
    offenders = []
    for path in (PACKAGE / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cryptography"):
                offenders.append(path.name)
            if isinstance(node, ast.Import) and any(a.name.startswith("cryptography") for a in node.names):
                offenders.append(path.name)
    assert offenders == []


def _file_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_pages_import_neither_the_wizard_nor_each_other() -> None:
    """The wizard imports pages, never the reverse; a page talks to its flow state, not to another page."""
    offenders = []
    for path in sorted((PACKAGE / "gui" / "pages").glob("*.py")):
        for name in _file_imports(path):
            if name == "cmswizard.gui.wizard" or (
                name.startswith("cmswizard.gui.pages.") and name != f"cmswizard.gui.pages.{path.stem}"
            ):
                offenders.append(f"{path.name}: {name}")
    for shared in ("flows.py", "page.py", "tasks.py", "dialogs.py", "widgets.py", "i18n.py"):
        offenders += [
            f"{shared}: {n}"
            for n in _file_imports(PACKAGE / "gui" / shared)
            if n.startswith(("cmswizard.gui.wizard", "cmswizard.gui.pages"))
        ]
    assert offenders == []


def test_pages_are_built_when_first_needed() -> None:
    """Start-up builds the start page only; a flow's module is imported when the user goes there."""
    code = (
        "import os, sys, tempfile\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from pathlib import Path\n"
        "from cmswizard.gui.launch import create_application\n"
        "from cmswizard.gui.settings import Settings\n"
        "from cmswizard.gui.wizard import CmsWizard\n"
        "app = create_application()\n"
        "wizard = CmsWizard(Settings.at(Path(tempfile.mkdtemp()) / 's.ini'))\n"
        "wizard.show(); app.processEvents()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('cmswizard.gui.pages.'))\n"
        "assert loaded == ['cmswizard.gui.pages.start'], loaded\n"
        "assert len(wizard.pageIds()) == 1, wizard.pageIds()\n"
        "late = ('cmswizard.cms', 'cmswizard.gui.help', 'cryptography')  # not needed for the first window\n"
        "early = sorted(m for m in sys.modules if m.startswith(late))\n"
        "assert early == [], early\n"
        "wizard.next()\n"
        "assert 'cmswizard.gui.pages.csr' in sys.modules and 'cmswizard.gui.pages.bundle' not in sys.modules\n"
        "assert wizard.currentPage().title()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_mnemonic_label_has_a_buddy(qtbot, tmp_path) -> None:
    """A label showing '&' literally (no buddy) is a layout bug a person sees at once."""
    from PySide6.QtWidgets import QLabel

    from cmswizard.gui.settings import Settings
    from cmswizard.gui.wizard import PAGES, CmsWizard

    wizard = CmsWizard(Settings.at(tmp_path / "s.ini"))
    qtbot.addWidget(wizard)
    for page_id in PAGES:
        wizard.page_at(page_id)
    orphans = [
        label.text()
        for label in wizard.findChildren(QLabel)
        if "&" in label.text()
        and "&amp;" not in label.text()
        and label.buddy() is None
        and not label.text().startswith("<")
    ]
    assert orphans == []


def test_only_remote_talks_to_the_network() -> None:
    """Exports (sticks, PKCS#12) stay off the network too; SFTP lives in cmswizard/remote/."""
    offenders = [
        f"export/{name}: {module}"
        for name, module in _imports("export")
        if module.split(".")[0] in NETWORK or module.startswith("cmswizard.remote")
    ]
    assert offenders == []


def test_buttons_connect_to_slots_without_signal_arguments() -> None:
    """clicked(bool) connected to save(path=None) ran save(False) (issue 13, item 1): a button's slot
    takes no parameters, so nothing the signal sends can land in one."""
    signals = {"clicked", "triggered", "pressed", "released", "activated", "helpRequested"}
    offenders = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text())
        methods: dict[str, list[ast.FunctionDef]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                methods.setdefault(node.name, []).append(node)
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in signals
                and node.args
            ):
                continue
            target = node.args[0]
            where = f"{path.relative_to(PACKAGE)}:{node.lineno}"
            if isinstance(target, ast.Lambda):
                if target.args.args or target.args.kwonlyargs or target.args.defaults:
                    offenders.append(f"{where}: lambda with parameters")
            elif isinstance(target, ast.Attribute) and target.attr in methods:
                for method in methods[target.attr]:
                    names = [a.arg for a in method.args.args if a.arg != "self"]
                    if names or method.args.kwonlyargs:
                        offenders.append(f"{where}: {target.attr}({', '.join(names)})")
    assert offenders == []


# What `pki verify` may load beyond `import cryptography.x509`: start-up is most of its run time
# (bench/run.py measures it), so the chain builder, `dataclasses` (inspect, ast, dis), the
# `serialization` package (SSH, ciphers) and pkcs7 (the `email` package) stay out of it.
_VERIFY_MODULES = {
    "cmswizard",
    "cmswizard.cli",
    "cmswizard.cli.commands",
    "cmswizard.cli.commands.pki",
    "cmswizard.cli.inputs",
    "cmswizard.cli.output",
    "cmswizard.cli.streams",  # the output encoding, set before anything is printed
    "cmswizard.pki",
    "cmswizard.pki.certfacts",
    "cmswizard.pki.errors",
    "cmswizard.pki.files",
    "cmswizard.pki.keys",
    "cmswizard.pki.leftovers",
    "cmswizard.pki.loader",
    "cmswizard.pki.safe_text",
    "cmswizard.pki.verify",
}
_NEVER_ON_VERIFY = {
    "dataclasses",
    "inspect",
    "email",
    "shutil",
    "cryptography.hazmat.primitives.serialization",
    "cryptography.hazmat.primitives.serialization.pkcs7",
    "cryptography.hazmat.primitives.serialization.pkcs12",
    "cryptography.hazmat.primitives.serialization.ssh",
    "cmswizard.pki.chain",
    "cmswizard.pki.spec",
    "PySide6",
}


def test_pki_verify_imports_only_what_it_uses(tmp_path: Path) -> None:
    from helpers.factory import hierarchy

    chain = hierarchy(depth=2)
    leaf, bundle = tmp_path / "leaf.pem", tmp_path / "bundle.pem"
    leaf.write_bytes(chain.leaf.pem)
    bundle.write_bytes(b"".join(c.pem for c in chain.chain[1:]))
    code = (
        "import sys, cryptography.x509\n"
        "before = set(sys.modules)\n"
        "from cmswizard.cli import main\n"
        f"assert main(['pki', 'verify', {str(leaf)!r}, {str(bundle)!r}]) == 0\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.splitlines()[-1].split())  # the line before is the verdict
    assert {name for name in loaded if name.startswith("cmswizard")} == _VERIFY_MODULES
    assert loaded & _NEVER_ON_VERIFY == set()


def test_the_start_page_needs_no_cryptography() -> None:
    """cryptography costs the idle wizard ~16 MB and its first window ~50 ms: loaded when a flow needs it."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from cmswizard.gui.launch import create_application\n"
        "from cmswizard.gui.settings import Settings\n"
        "from cmswizard.gui.wizard import CmsWizard\n"
        "import tempfile, pathlib\n"
        "app = create_application()\n"
        "wizard = CmsWizard(Settings.at(pathlib.Path(tempfile.mkdtemp()) / 's.ini'))\n"
        "wizard.show()\n"
        "app.processEvents()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('cryptography'))))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_pages_ask_through_dialogs_and_colour_through_style() -> None:
    """Every modal question goes through gui/dialogs.py (tests can answer it), and no page writes a colour:
    gui/style.py picks one readable on the palette in use (light or dark, WCAG AA)."""
    import re

    offenders = []
    for path in sorted((PACKAGE / "gui").rglob("*.py")):
        if path.name in ("dialogs.py", "style.py", "p12_dialog.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bQ(MessageBox|FileDialog|InputDialog)\.", text):
            offenders.append(f"{path.name}: a Qt dialog called directly")
        if re.search(r"#[0-9a-fA-F]{6}\b|GlobalColor\.(red|darkYellow|darkGreen|green|gray|darkGray)", text):
            offenders.append(f"{path.name}: a colour written in the code")
    assert offenders == []


def test_speed_hooks_live_in_one_module() -> None:
    """gc.freeze() and the bench's environment hook are in gui/tuning.py, which says why; pages and the
    engine call it rather than tune the interpreter or read bench switches themselves."""
    allowed_env = {
        "gui/tuning.py",  # the bench's first-paint hook
        "gui/launch.py",  # CMSWIZARD_PSEUDO: pseudo-translation for layout checks, a user-facing switch
    }
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE))
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("freeze", "setswitchinterval")
                and where != "gui/tuning.py"
                and isinstance(node.value, ast.Name)
                and node.value.id in ("gc", "sys")
            ):
                offenders.append(f"{where}: {node.value.id}.{node.attr}")
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.startswith("CMSWIZARD_")
                and where not in allowed_env
            ):
                offenders.append(f"{where}: {node.value}")
    assert offenders == []


def test_the_readme_layout_names_every_room_and_only_rooms_that_exist() -> None:
    """The README's layout table is the newcomer's map: each folder of the package is in it, and each
    path it names exists."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout and design", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    named = {path for row in rows for path in re.findall(r"`([\w./-]+)`", row.split("|")[1])}
    rooms = {f"cmswizard/{p.name}/" for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert rooms <= named
    for path in named:
        target = PACKAGE.parent / path if path.startswith(("cmswizard/", "tests/", "docs/")) else None
        if target is None and "/" not in path:  # a module of the package's top level, named by itself
            target = PACKAGE / path
        if target is not None:
            assert target.exists(), path


def _module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_imports(path: Path, known: set[str]) -> set[str]:
    """The package's modules that `path` names in any import: at module level, inside functions, and for
    the type checker only (a circle through those is still a circle in the design, and the first one
    moved to module level would break the start)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def _circles(package: Path) -> list[str]:
    """The modules of `package` from which an import chain leads back to themselves. A package's own
    `__init__` is left out: its children import it anyway."""
    paths = {_module_name(p, package): p for p in package.rglob("*.py")}
    known = set(paths)
    graph = {
        name: {t for t in _package_imports(path, known) if t != name and not name.startswith(t + ".")}
        for name, path in paths.items()
    }
    circles = []
    for start in sorted(graph):  # a depth-first walk from each module: is it reachable from itself?
        stack, seen = list(graph[start]), set()
        while stack:
            node = stack.pop()
            if node == start:
                circles.append(start)
                break
            if node not in seen:
                seen.add(node)
                stack.extend(graph[node])
    return circles


def test_the_import_graph_has_no_circle() -> None:
    """No module needs a module that needs it, counting imports inside functions and for the type checker
    only: a type both ends name lives in a module of its own (cms/plan_types.py for the plan's)."""
    assert _circles(PACKAGE) == []


def test_the_circle_check_sees_a_circle_through_type_only_and_function_imports(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "reader.py").write_text("from pkg.names import check\n")
    (package / "names.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.reader import Plan\n"
    )
    (package / "sheet.py").write_text("def later():\n    from pkg.reader import Plan\n")
    (package / "other.py").write_text("from pkg.sheet import later\n")
    assert _circles(package) == ["pkg.names", "pkg.reader"]
    (package / "names.py").write_text("")
    assert _circles(package) == []
    (package / "reader.py").write_text("from pkg.other import later\n")
    assert _circles(package) == ["pkg.other", "pkg.reader", "pkg.sheet"]


def test_a_deployment_is_built_by_one_function() -> None:
    """`cms.deployment.build_deployment` is the one place a `Deployment` is made (from a plan, the CLI's
    options or the wizard's fields), so the routes cannot each pick their own defaults again."""
    builder = "cms/deployment.py"
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE))
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and where != builder:
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called == "Deployment":
                    offenders.append(f"{where}:{node.lineno}")
    assert offenders == []
    assert "Deployment(" in (PACKAGE / builder).read_text()  # the check looks at the right module
