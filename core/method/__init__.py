"""What a method is: the model, the one converter that reads documents, and house methods (TOML).

The lowest layer of core: it knows nothing of meetings, stores or reports.
"""
