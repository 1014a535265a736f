import html


def texte(reponse) -> str:
    """Response body with HTML entities decoded, to assert on what a reader sees."""
    return html.unescape(reponse.content.decode())
