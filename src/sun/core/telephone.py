"""French phone numbers in the international form the national standards use: +33XXXXXXXXX."""

import re

# Overseas numbers keep their own country code: 0590 … → +590 590 …
INDICATIFS_OUTRE_MER = {
    "0590": "+590", "0690": "+590", "0691": "+590",
    "0596": "+596", "0696": "+596", "0697": "+596",
    "0594": "+594", "0694": "+594",
    "0262": "+262", "0263": "+262", "0692": "+262", "0693": "+262",
    "0269": "+262", "0639": "+262",
    "0508": "+508",
}  # fmt: skip
FORMAT_STANDARD = re.compile(
    r"^(\+33|\+590|\+594|\+262|\+596|\+269|\+687|\+689|\+508|\+681)(\d){6,9}$"
)


def international(valeur: str) -> str | None:
    """« 04 68 11 20 30 » → « +33468112030 »; None if it cannot be a valid number."""
    chiffres = re.sub(r"[^0-9+]", "", valeur or "")
    if chiffres.startswith("00"):
        chiffres = "+" + chiffres[2:]
    if chiffres.startswith("+330"):
        chiffres = "+33" + chiffres[4:]
    if chiffres.startswith("0") and len(chiffres) == 10:
        chiffres = INDICATIFS_OUTRE_MER.get(chiffres[:4], "+33") + chiffres[1:]
    elif chiffres.isdigit() and len(chiffres) == 9 and chiffres[0] in "123456789":
        chiffres = "+33" + chiffres  # spreadsheets drop the leading zero
    return chiffres if FORMAT_STANDARD.match(chiffres) else None
