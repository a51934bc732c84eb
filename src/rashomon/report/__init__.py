"""Outputs for people and programs: the JSON export and the HTML report."""
