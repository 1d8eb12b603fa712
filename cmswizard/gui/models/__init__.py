"""Qt item models the pages show."""
