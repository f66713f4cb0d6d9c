"""A meeting in motion: commands, events, the engine that decides and folds, time and fit.

Pure and without I/O: the store persists what this layer decides.
"""
