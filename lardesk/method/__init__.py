"""The method of lärande uppföljning, as plain Python: the guide, the scales, the gap rules, statistics.

Standard library only; nothing here knows about Qt, the database or files other than ``resources/``.
"""
