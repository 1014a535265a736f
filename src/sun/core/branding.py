"""The département's colour, made safe for white text (RGAA contrast 4.5:1)."""

import re
import warnings

HEX_COLOUR = re.compile(r"^#?([0-9a-fA-F]{6})$")
DEFAULT_COLOUR = "#1b5e7a"
MIN_CONTRAST = 4.5


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_with_white(rgb: tuple[int, int, int]) -> float:
    return 1.05 / (_luminance(rgb) + 0.05)


def accessible_colour(requested: str) -> str:
    """Return the requested colour, darkened until white text on it reaches 4.5:1.

    A département's brand colour is often too light for text; rather than refuse it we keep
    its hue and darken it, and warn the operator.
    """
    match = HEX_COLOUR.match(requested.strip())
    if not match:
        warnings.warn(
            f"SUN_COULEUR « {requested} » n'est pas une couleur #RRVVBB ; couleur par défaut utilisée.",
            stacklevel=2,
        )
        match = HEX_COLOUR.match(DEFAULT_COLOUR)
    value = match.group(1)
    rgb = tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))
    darkened = rgb
    while contrast_with_white(darkened) < MIN_CONTRAST:
        darkened = tuple(int(c * 0.9) for c in darkened)
    if darkened != rgb:
        warnings.warn(
            f"SUN_COULEUR #{value} est trop claire pour du texte blanc ; assombrie pour l'accessibilité.",
            stacklevel=2,
        )
    return "#" + "".join(f"{c:02x}" for c in darkened)
