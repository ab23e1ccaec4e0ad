"""Writes on enterprise needs: tickets (create, route, accept, settle, rate, urge), limits, late escalation."""
