"""One home for the patterns of every finder.

``common`` holds what all finders share (dates, numbers, provinces, sentences); each
finder's own grammar lives in a sibling module (``citations``, ``agencies``, ``targets`` …).
"""
