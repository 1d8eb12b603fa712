"""Entry point of the frozen app (PyInstaller): the same as `python -m cmswizard`."""

import sys

from cmswizard.cli import main

if __name__ == "__main__":
    sys.exit(main())
