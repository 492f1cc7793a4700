"""Layer 3, harmonize: pure functions on rows and frames (units, pace, the 2025 reform, harmonized
years, comparisons) and the derived tables made of them.
"""
