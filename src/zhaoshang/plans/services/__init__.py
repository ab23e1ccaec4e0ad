"""Writes on plans: importing notices, chains, assignments."""
