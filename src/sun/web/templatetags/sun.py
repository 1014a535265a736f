import json
import re

from django import template
from django.utils.safestring import mark_safe

from sun.core.text import nombre as formater_nombre

register = template.Library()


@register.filter
def nombre(valeur, decimales=0):
    """370260 → « 370 260 » (espace fine insécable), 12.5 → « 12,5 »."""
    if valeur in (None, ""):
        return "—"
    return formater_nombre(valeur, int(decimales))


# Overseas numbers keep their own country code: 0590 … → +590 590 …
INDICATIFS_OUTRE_MER = {
    "0590": "+590", "0690": "+590", "0691": "+590",
    "0596": "+596", "0696": "+596", "0697": "+596",
    "0594": "+594", "0694": "+594",
    "0262": "+262", "0263": "+262", "0692": "+262", "0693": "+262",
    "0269": "+262", "0639": "+262",
}  # fmt: skip


@register.filter
def tel(valeur: str) -> str:
    """« 04 68 11 20 30 » → « +33468112030 » for tel: links (international form)."""
    chiffres = re.sub(r"[^0-9+]", "", valeur or "")
    if chiffres.startswith("0") and len(chiffres) == 10:
        indicatif = INDICATIFS_OUTRE_MER.get(chiffres[:4], "+33")
        return indicatif + chiffres[1:]
    return chiffres


@register.filter
def json_attr(valeur) -> str:
    return mark_safe(json.dumps(valeur).replace("'", "&#39;"))
