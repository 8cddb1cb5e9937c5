"""Formats shared with other programs: TEI and CMIF export, TEI and raw-copy import, bibliography exports."""
