"""The national annual-report format (国办公开办函〔2021〕30号) and its 2019 trial predecessor, as plugins.

Six parts, three statistical tables drawn from data, and the checks assessors apply: arithmetic inside the
tables, continuity with last year's report, and numbers typed into the prose against the tables.
"""
