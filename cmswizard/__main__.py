try:
    from cmswizard.cli import main

    code = main()
except KeyboardInterrupt:  # Ctrl+C while Python still loads the command line, before main() catches it
    import sys

    if sys.stderr is not None:
        sys.stderr.write("cmswizard: interrupted; nothing was written\n")
    code = 130
raise SystemExit(code)
