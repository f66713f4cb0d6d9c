"""`python -m intervisie.tui` runs the command line (tests use it; so can users)."""

from intervisie.tui.cli.main import main

if __name__ == "__main__":
    main(prog_name="intervisie")
