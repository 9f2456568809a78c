"""Thin routers over DrafterService, one module per area."""
