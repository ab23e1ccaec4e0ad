"""The masked form of contact details (phones, e-mail, ID-like numbers) that everyone sees who may not see them in
full: project contacts and registry rows, on pages, API and exports alike."""


def mask_phone(phone: str) -> str:
    """138****0000: the first three and last four characters kept, the rest starred (short values: all but the last two)."""
    phone = (phone or "").strip()
    if len(phone) >= 8:
        return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
    return "*" * max(len(phone) - 2, 0) + phone[-2:] if phone else ""


def mask_contact(value) -> str:
    """Any contact value masked: an e-mail keeps its first character and domain, anything else as `mask_phone`."""
    text = str(value or "").strip()
    if "@" in text:
        name, _, domain = text.partition("@")
        return f"{name[:1]}***@{domain}"
    return mask_phone(text)
