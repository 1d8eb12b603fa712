"""The wizard's pages, one module per start-page flow."""
