"""One module per command (or command group); `tui/cli.py` loads them lazily."""
