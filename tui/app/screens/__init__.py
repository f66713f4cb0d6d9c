"""The app's screens, one a module, each with its sibling `.tcss` file where it needs style."""
