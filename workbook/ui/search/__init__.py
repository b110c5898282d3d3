"""Search: the header field and the results page."""
