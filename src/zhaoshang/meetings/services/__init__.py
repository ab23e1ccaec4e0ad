"""Writes on meetings: series and their schedule, a meeting's agenda, attendance, minutes, decisions; action items."""
