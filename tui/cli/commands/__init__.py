"""One module per command (or command group); `tui/cli/main.py` loads them lazily."""
