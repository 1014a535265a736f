"""`{% datagouv_etat jeu as etat %}`: whether publication to data.gouv.fr is configured and the
address of the dataset's page there (for web/donnees/flux_datagouv_statut.html)."""

from django import template

from sun.donnees.flux import datagouv

register = template.Library()


@register.simple_tag
def datagouv_etat(jeu) -> dict:
    r = datagouv.reglages()
    lien = ""
    if r.actif and getattr(jeu, "datagouv_id", "") and r.url.endswith("/api/1"):
        lien = f"{r.url.removesuffix('/api/1')}/fr/datasets/{jeu.datagouv_id}/"
    return {"active": r.actif, "lien": lien}
