"""Layer 6, render: notebooks executed into reports, PDFs, the explorer and the site pages.
"""
