"""The registers beside the sources: persons and places (loaded with the sources), archives, bibliography and its style."""
