"""Reads on meetings: lists and one meeting, the agenda's candidates, action items and their lights."""
