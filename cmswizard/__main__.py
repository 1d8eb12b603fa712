"""`python -m cmswizard`: the same start as the installed script (Ctrl+C while loading: one line, 130)."""

from cmswizard._entry import main

raise SystemExit(main())
