"""A transfer to the Archives départementales: a ZIP under VAR_DIR/donnees/versements/ holding
the records as CSV (`content/<type>.csv`) and the SEDA 2.1 manifest (`manifest.xml`), and its
`Versement` row. Nothing is removed from SUN here: the purge removes the records once an
archivist has marked the transfer « reçu »."""

import hashlib
import io
import zipfile
from datetime import date, datetime

from django.conf import settings
from django.utils import timezone

from sun.core.tableur import ecrivain_csv
from sun.donnees.catalogue import stockage
from sun.donnees.conservation import queries, seda
from sun.donnees.conservation.selection import dates_extremes
from sun.donnees.conservation.types import TypeEnregistrement
from sun.donnees.models import RegleConservation, SortFinal, Versement

DOSSIER = "versements"


def _cellule(valeur) -> str:
    if valeur is None:
        return ""
    if isinstance(valeur, datetime):
        return timezone.localtime(valeur).isoformat() if timezone.is_aware(valeur) else \
            valeur.isoformat()  # fmt: skip
    if isinstance(valeur, date):
        return valeur.isoformat()
    if isinstance(valeur, list | tuple):
        return "|".join(str(v) for v in valeur)
    return str(valeur)


def ecrire_csv(t: TypeEnregistrement, pks: list) -> bytes:
    """The records of a transfer as CSV (UTF-8): `id` then the kind's transfer columns."""
    colonnes = ["pk", *t.colonnes_versement]
    texte = io.StringIO()
    ecrivain = ecrivain_csv(texte)
    ecrivain.writerow(["id", *t.colonnes_versement])
    qs = t.model()._default_manager.filter(pk__in=pks).order_by("pk").values_list(*colonnes)
    for ligne in qs.iterator(chunk_size=2000):
        ecrivain.writerow([_cellule(v) for v in ligne])
    return texte.getvalue().encode("utf-8")


def producteur() -> str:
    from sun.inclusion.lieux.exports import producteur as organisation

    return organisation()


def archives() -> str:
    return getattr(settings, "SUN_ARCHIVES_SERVICE", "") or "Archives départementales"


def chemin(versement: Versement):
    return stockage.chemin_absolu(versement.fichier)


def preparer(regle: RegleConservation, t: TypeEnregistrement, pks: list) -> Versement:
    """Write the ZIP and its row (call inside a transaction; the file is removed by the caller
    if the transaction fails: see `purge`)."""
    annee = timezone.localdate().year
    numero = queries.prochain_numero(Versement, "VE", annee)
    debut, fin = dates_extremes(t, pks)
    donnees = ecrire_csv(t, pks)
    nom_csv = f"content/{t.code.replace('.', '-')}.csv"
    objet = seda.ObjetDonnees("BDO1", nom_csv, hashlib.sha256(donnees).hexdigest(), len(donnees))
    action = "Keep" if regle.sort_final in (SortFinal.CONSERVER, SortFinal.TRIER) else "Destroy"
    transfert = seda.Transfert(
        identifiant=numero, date=timezone.localtime(), service_versant=producteur(),
        commentaire=f"Versement {numero} : {t.libelle}, règle {regle.code} du tableau de gestion",
        service_archives=archives(), producteur=producteur(),
        titre=f"{regle.typologie} ({len(pks)} enregistrement(s))",
        description=(f"{t.libelle}, extraits de SUN ; règle {regle.code} : DUA de "
                     f"{regle.dua_valeur} {regle.get_dua_unite_display()} à compter de : "
                     f"{regle.get_point_depart_display().lower()} ; sort final : "
                     f"{regle.get_sort_final_display().lower()}."),
        regle=regle.code, date_depart=fin, action_finale=action, date_debut=debut, date_fin=fin,
        objets=(objet,),
    )  # fmt: skip
    relatif = f"{DOSSIER}/{numero}.zip"

    def producteur_zip(flux) -> None:
        tampon = io.BytesIO()
        with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.xml", seda.manifeste(transfert))
            z.writestr(nom_csv, donnees)
        flux.write(tampon.getvalue())

    ecrit = stockage.ecrire(relatif, producteur_zip)
    try:
        return Versement.objects.create(
            numero=numero,
            regle=regle,
            type_enregistrement=t.code,
            identifiants=list(pks),
            nombre=len(pks),
            date_debut=debut,
            date_fin=fin,
            fichier=ecrit.relatif,
            sha256=ecrit.sha256,
        )
    except Exception:
        stockage.supprimer(ecrit.relatif)
        raise
