"""Rules on a row that names a chain and a link of it (a project, an enterprise, a tech need)."""

from django.core.exceptions import ValidationError


def link_in_chain(row, *, fill_chain: bool = True) -> None:
    """A link of another chain is refused; a link without its chain names the chain (when `fill_chain`)."""
    if row.chain_link_id and row.chain_id and row.chain_link.chain_id != row.chain_id:
        raise ValidationError({"chain_link": "产业链环节不属于所选产业链"})
    if fill_chain and row.chain_link_id and not row.chain_id:
        row.chain_id = row.chain_link.chain_id
