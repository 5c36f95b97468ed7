"""Reading input articles: text files, JSONL files, directories and standard input."""
from eventlens.ingest.readers import iter_inputs, parse_date

__all__ = ["iter_inputs", "parse_date"]
