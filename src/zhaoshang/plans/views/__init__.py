"""Plan pages, split by what they show."""
