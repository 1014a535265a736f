import json
import re

from django import template
from django.utils.safestring import mark_safe

from sun.core.telephone import international
from sun.core.text import de_nom
from sun.core.text import nombre as formater_nombre
from sun.inclusion.lieux.standard import LIBELLES_TYPOLOGIES, SERVICES_EXPLIQUES

register = template.Library()


@register.filter
def nombre(valeur, decimales=0):
    """370260 → « 370 260 » (espace fine insécable), 12.5 → « 12,5 »."""
    if valeur in (None, ""):
        return "—"
    return formater_nombre(valeur, int(decimales))


@register.filter
def valeur_indicateur(nombre_ou_rien):
    """An indicator's value: a count without decimals (« 134 »), else one (« 12,5 »)."""
    if nombre_ou_rien in (None, ""):
        return "—"
    entier = float(nombre_ou_rien).is_integer()
    return formater_nombre(nombre_ou_rien, 0 if entier else 1)


@register.filter
def tel(valeur: str) -> str:
    """« 04 68 11 20 30 » → « +33468112030 » for tel: links (international form)."""
    return international(valeur) or re.sub(r"[^0-9+]", "", valeur or "")


@register.filter
def json_attr(valeur) -> str:
    """JSON for a single-quoted HTML attribute: « & » and « ' » escaped, the rest is inert."""
    return mark_safe(json.dumps(valeur).replace("&", "&amp;").replace("'", "&#39;"))


@register.filter
def service_explique(service: str) -> str:
    """A service of the standard explained in a short, plain sentence."""
    return SERVICES_EXPLIQUES.get(service, "")


@register.filter
def valeur(dictionnaire, cle):
    """dictionnaire[cle] in a template, or None."""
    return dictionnaire.get(cle) if hasattr(dictionnaire, "get") else None


@register.filter
def tel_affiche(valeur: str) -> str:
    """« +33468112030 » → « 04 68 11 20 30 » for reading; other forms are left as they are."""
    chiffres = re.sub(r"[^0-9+]", "", valeur or "")
    if chiffres.startswith("+33") and len(chiffres) == 12:
        national = "0" + chiffres[3:]
        return " ".join(national[i : i + 2] for i in range(0, 10, 2))
    return valeur or ""


@register.filter
def typologies(codes: list[str]) -> str:
    """["BIB", "EPN"] → « Médiathèque, bibliothèque ; Espace public numérique »."""
    return " ; ".join(LIBELLES_TYPOLOGIES.get(code, code) for code in codes or [])


@register.filter
def pluriel(nombre) -> str:
    """« s » from 2 on: in French, 0 and 1 are singular."""
    try:
        return "s" if abs(float(nombre)) >= 2 else ""
    except (TypeError, ValueError):
        return ""


@register.filter
def attr_valeur(valeur_indicateur):
    """The number of an indicator's `Valeur` (None stays None)."""
    return getattr(valeur_indicateur, "valeur", None)


@register.filter
def peut_ouvrir(user, module: str) -> bool:
    """{% if request.user|peut_ouvrir:"orientation_statistiques" %}: a link shown only to whom
    the module opens (the same table as the server's check, `sun.comptes.modules`)."""
    from sun.comptes.modules import peut_ouvrir as ouvert

    return ouvert(user, module)


@register.filter
def de(nom: str) -> str:
    """« de » elided or contracted before a name: {{ commune.nom|de }} → « d'Ajac »."""
    return de_nom(nom)


@register.filter
def lignes_imbriquees(lignes) -> list[tuple[str, list[str]]]:
    """Report lines indented by four spaces become sub-items of the line above them."""
    groupes: list[tuple[str, list[str]]] = []
    for ligne in lignes or []:
        if ligne.startswith("    ") and groupes:
            groupes[-1][1].append(ligne.strip())
        else:
            groupes.append((ligne.strip(), []))
    return groupes
