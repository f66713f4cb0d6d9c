"""The `intervisie` command line: click commands, loaded lazily; no Textual at module level."""
