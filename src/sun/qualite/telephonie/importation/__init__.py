"""Import of telephone call records (NOTES-relation §4.5): Asterisk CDR, Webex Calling,
SUN's CSV template or any export described by a mapping file (docs/telephonie.md)."""
