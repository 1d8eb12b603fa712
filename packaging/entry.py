"""Entry point of the frozen app (PyInstaller): the same start as the installed `cmswizard` script."""

import sys

from cmswizard._entry import main

if __name__ == "__main__":
    sys.exit(main())
