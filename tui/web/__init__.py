"""The participants' web page and the room view, served by one aiohttp process (no Textual)."""
