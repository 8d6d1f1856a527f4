"""depeche: French news extraction (actors, quantities, dates, attributions) as tidy tables."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"   # ../shared/SCHEMA.md
