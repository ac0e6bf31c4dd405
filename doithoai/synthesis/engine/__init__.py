"""Synthesis engine: topic classification, grouping, titles and routing of petitions."""
