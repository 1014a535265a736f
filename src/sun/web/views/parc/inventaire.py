"""Agent space › parc informatique: the fleet list (filters, counts per état and type, CSV
export) and the sheet of one equipment. Module « parc » (INFORMATIQUE, PILOTE, ADMIN read);
writes (inventaire_saisie, inventaire_cycle, inventaire_sites) are for INFORMATIQUE and ADMIN
(`sun.parc.permissions`), a pilot gets a 403 on them."""

import io
from functools import wraps

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sun.comptes.roles import role_requis
from sun.core.tableur import ecrivain_csv
from sun.parc import permissions, queries
from sun.parc.exports import lignes_csv
from sun.parc.models import Equipement, Site
from sun.parc.referentiel import Etat, Proprietaire, TypeEquipement
from sun.web.forms.parc import (
    AnnulationForm,
    EtatForm,
    InterventionForm,
    PreuveForm,
    ReformeForm,
)

PAR_PAGE = 50
FILTRES = ("type", "etat", "site", "commune", "proprietaire", "source", "texte", "age",
           "garantie", "donnees")  # fmt: skip
SOURCE = "inventaire du parc enregistré dans SUN ({site}, saisies et imports)"


def lecture(vue):
    return role_requis(*permissions.LECTEURS)(vue)


def ecriture(vue):
    """Readers of the module get in (anonymous users go to the login page); only writers of
    the inventory go further, the others get a 403."""

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        permissions.verifier_ecriture(request.user)
        return vue(request, *args, **kwargs)

    return lecture(enveloppe)


def equipement_ou_404(pk: int) -> Equipement:
    equipement = queries.equipement(pk)
    if equipement is None:
        raise Http404("Équipement introuvable.")
    return equipement


def _filtres(request) -> dict:
    filtres = {c: request.GET.get(c, "").strip() for c in FILTRES}
    filtres["actifs"] = any(filtres.values())
    return filtres


def _equipements_filtres(filtres: dict):
    valeurs = {c: filtres[c] for c in FILTRES}
    return queries.filtrer(Equipement.objects.all(), **valeurs, jour=timezone.localdate())


@lecture
def liste(request):
    filtres = _filtres(request)
    equipements = _equipements_filtres(filtres)
    page = Paginator(queries.pour_la_liste(equipements), PAR_PAGE).get_page(request.GET.get("page"))
    return render(request, "web/parc/inventaire/liste.html", {
        "page": page, "filtres": filtres, "comptes": queries.comptes_etat_type(equipements),
        "types": TypeEquipement.choices, "etats": Etat.choices,
        "sites": Site.objects.order_by("nom"), "proprietaires": Proprietaire.choices,
        "sources": queries.sources(), "tranches": [(k, v[0]) for k, v in queries.TRANCHES_AGE.items()],
        "donnees": queries.DONNEES.items(), "peut_ecrire": permissions.peut_ecrire(request.user),
        "maintenant": timezone.now(),
    })  # fmt: skip


@lecture
def export_csv(request):
    equipements = _equipements_filtres(_filtres(request))
    tampon = io.StringIO()
    ecrivain_csv(tampon, delimiter=";").writerows(lignes_csv(equipements, timezone.localdate()))
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    nom = f"parc-informatique-{timezone.localdate():%Y-%m-%d}.csv"
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


def formulaires_de_la_fiche(fiche, lie: dict | None = None) -> dict:
    """The life-cycle forms of a sheet, each with its prefix; `lie`: {prefix: bound form}."""
    jour = {"date": timezone.localdate()}
    formulaires = {
        "etat": EtatForm(prefix="etat", etats=fiche.etats_possibles, initial=jour),
        "reforme": ReformeForm(prefix="reforme", initial=jour),
        "preuve": PreuveForm(prefix="preuve", initial={"date_preuve": timezone.localdate()}),
        "annulation": AnnulationForm(prefix="annulation"),
        "intervention": InterventionForm(prefix="intervention", initial=jour),
    }
    return formulaires | (lie or {})


def rendre_fiche(request, equipement: Equipement, lie: dict | None = None, erreur: str = ""):
    fiche = queries.fiche(equipement, timezone.localdate())
    return render(request, "web/parc/inventaire/fiche.html", {
        "fiche": fiche, "e": fiche.equipement, "formulaires": formulaires_de_la_fiche(fiche, lie),
        "peut_ecrire": permissions.peut_ecrire(request.user), "erreur": erreur,
        "maintenant": timezone.now(),
    }, status=400 if erreur else 200)  # fmt: skip


@lecture
def fiche(request, pk: int):
    return rendre_fiche(request, equipement_ou_404(pk))
