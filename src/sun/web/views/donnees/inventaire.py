"""Agent space › inventory of data: the list with its filters and counts, an entry's page
(the GDPR retention beside the archival rule), the exports (CNIL register, cartography,
yearly répertoire). Readers: permissions.INVENTAIRE_LECTEURS; writes: inventaire_saisie."""

import io

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sun.comptes.roles import role_requis
from sun.donnees import permissions
from sun.donnees.inventaire import exports, queries, registre_cnil
from sun.donnees.models import EntreeInventaire, Nature, OrigineEntree, Ouverture
from sun.donnees.referentiel import TYPES_CONTENU

PAR_PAGE = 50
LECTEURS = permissions.INVENTAIRE_LECTEURS


def entree_ou_404(pk: int) -> EntreeInventaire:
    entree = queries.entrees().filter(pk=pk).first()
    if entree is None:
        raise Http404("Entrée introuvable.")
    return entree


@role_requis(*LECTEURS)
def liste(request):
    f = {c: request.GET.get(c, "").strip()[:200]
         for c in ("service", "nature", "personnelles", "ouverture", "q")}  # fmt: skip
    qs = queries.filtrer(queries.entrees(), f["service"], f["nature"], f["personnelles"],
                         f["ouverture"], f["q"])  # fmt: skip
    return render(request, "web/donnees/inventaire_liste.html", {
        "page": Paginator(qs, PAR_PAGE).get_page(request.GET.get("page")), "f": f,
        "comptes": queries.comptes(qs), "services": queries.services(),
        "natures": Nature.choices, "ouvertures": Ouverture.choices,
        "peut_ecrire": permissions.peut_ecrire_inventaire(request.user),
        "annee": timezone.localdate().year, "maintenant": timezone.now(),
        "filtres": "&".join(f"{k}={v}" for k, v in f.items() if v),
    })  # fmt: skip


@role_requis(*LECTEURS)
def entree(request, pk: int):
    e = entree_ou_404(pk)
    return render(request, "web/donnees/inventaire_entree.html", {
        "e": e, "de_sun": e.origine == OrigineEntree.SUN, "mesures_sun": e.mesures_securite,
        "complements": e.mesures_complementaires, "champs": [c for c in e.champs.splitlines() if c.strip()],
        "peut_ecrire": permissions.peut_ecrire_inventaire(request.user),
        "maintenant": timezone.now(),
    })  # fmt: skip


def _fichier(contenu: bytes | str, nom: str, format_: str) -> HttpResponse:
    reponse = HttpResponse(contenu, content_type=TYPES_CONTENU[format_])
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@role_requis(*LECTEURS)
def export_cnil(request):
    tampon = io.BytesIO()
    registre_cnil.ecrire_registre(tampon)
    return _fichier(tampon.getvalue(), "registre-des-traitements.xlsx", "xlsx")


@role_requis(*LECTEURS)
def export_csv(request):
    tampon = io.StringIO()
    exports.ecrire_cartographie(tampon)
    return _fichier("\ufeff" + tampon.getvalue(), "cartographie-des-donnees.csv", "csv")


@role_requis(*LECTEURS)
def repertoire(request):
    texte = request.GET.get("annee", "")
    annee = int(texte) if texte.isdigit() and 1900 < int(texte) < 3000 else None
    if annee is None:
        annee = timezone.localdate().year
    tampon = io.StringIO()
    exports.ecrire_repertoire(tampon, annee)
    return _fichier("\ufeff" + tampon.getvalue(),
                    f"repertoire-des-informations-publiques-{annee}.csv", "csv")  # fmt: skip
