"""`python -m intervisie.tui.web --data-dir D --port P`: the participants' web server."""

from intervisie.tui.web.server import main

main()
