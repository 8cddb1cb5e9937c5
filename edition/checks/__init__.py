"""Checks of the loaded corpus that need every part of it: ids, notes, references, untagged names."""
