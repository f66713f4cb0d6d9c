"""The built-in intervision methods: plugins in the `intervisie` entry-point group."""
