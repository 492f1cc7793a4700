"""Layer 4, build: the warehouse (core tables, derived tables, views, checks as a gate), the one
read-only door to it, the data dictionary, adding, reviewing and evaluating documents.
"""
