"""The Textual terminal interface and the command line."""
