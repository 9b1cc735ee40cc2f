"""A guided start: `restitution init` writes a first case file from an interview, or copies an example."""
