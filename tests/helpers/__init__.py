"""Test helpers shared by several test modules (never import a test module from another)."""
