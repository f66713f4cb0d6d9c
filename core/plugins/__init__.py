"""How methods, profiles and exporters arrive: the hook specs, entry points and the one loader."""
