"""The daily job of the feeds wing (sun.core.taches.quotidien): send to data.gouv.fr every
published dataset not up to date there (retrying yesterday's failures); nothing when the
publication is not configured."""

from sun.core.taches import quotidien
from sun.donnees.flux import datagouv
from sun.donnees.flux.services import DESACTIVEE, publier_en_attente


def publier_sur_datagouv() -> str:
    if not datagouv.active():
        return DESACTIVEE
    envois = publier_en_attente()
    echecs = [e for e in envois if e.envoye and not e.reussi]
    resume = f"{len(envois) - len(echecs)} jeu(x) envoyé(s) à data.gouv.fr"
    if echecs:
        resume += f", {len(echecs)} en échec (nouvel essai demain) : " + " ; ".join(
            f"{e.jeu.slug} : {e.message}" for e in echecs[:3]
        )
    return resume


quotidien.declarer("donnees.datagouv", "Publication des jeux de données sur data.gouv.fr",
                   publier_sur_datagouv)  # fmt: skip
