from cmswizard.cli import main

raise SystemExit(main())
