"""Layer 1, inputs: where files live, errors, text, safe YAML, field checks, the catalogue, units,
derived text of PDF/DOCX documents, the domain's terms and the warehouse schema.
"""
