"""Pairing a task's measures in a revised notice with the measures already in the plan. Pure; no database.

Measures carry what units reported, so a revision must keep each on its row even when the office inserts,
removes or reorders measures: pair by text similarity first, then by position for what is left."""

from rapidfuzz import fuzz

SAME_MEASURE_SCORE = 60.0


def match_measures(old_texts: list[str], new_texts: list[str]) -> list[int | None]:
    """For each new measure, the index of the old measure it continues, or None for a new one."""
    scored = sorted(
        ((fuzz.ratio(old, new), o, n) for o, old in enumerate(old_texts) for n, new in enumerate(new_texts)),
        key=lambda item: (-item[0], abs(item[1] - item[2])),
    )
    pairs: list[int | None] = [None] * len(new_texts)
    used: set[int] = set()
    for score, o, n in scored:
        if score < SAME_MEASURE_SCORE:
            break
        if pairs[n] is None and o not in used:
            pairs[n] = o
            used.add(o)
    for n in range(len(new_texts)):
        if pairs[n] is None and n < len(old_texts) and n not in used:
            pairs[n] = n
            used.add(n)
    return pairs
