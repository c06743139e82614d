"""Other representations of the enriched document (IPTC ninjs); pure functions, no HTTP."""
