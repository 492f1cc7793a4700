"""vnhealth: provincial health targets of Viet Nam, extracted, harmonized and compared."""

__version__ = "0.1.0"
