"""Passes that decide, once and for every output, what is printed: numbers, citations, index groups, back matter."""
