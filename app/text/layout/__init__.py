"""Layout analysis of a scraped article: word lists by language (``vocab``), the rule table (``rules``), block
features and the learned combiner that turns rule signals into one kind per block (``combiner``)."""
