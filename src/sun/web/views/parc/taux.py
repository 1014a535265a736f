"""Agent space › legal rates of the fleet (décret n° 2023-266): every year's A, B, rate, target
and gap, a year's page with the rule, the lists behind A and B, the exclusions and the exits
not counted, the freezing of the 1 January stock, and the CSV of the rates. The figures come
from `sun.parc.taux`; writes go through `sun.parc.taux.services`."""

import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sun.comptes.roles import RoleManquant, role_requis
from sun.core.tableur import ecrivain_csv
from sun.parc.cycle_vie import RefusCycleVie
from sun.parc.taux import achats, declaration, permissions, queries, reemploi
from sun.parc.taux.services import figer_stock

PAR_PAGE = 100
EXEMPLES = 50  # items shown per reason of exclusion or of exit not counted
PREMIERE_ANNEE = 2000


def lien_equipement(pk: int) -> str | None:
    """The sheet of an item in the inventory wing, when that page exists."""
    try:
        return reverse("espace:parc_equipement", kwargs={"pk": pk})
    except NoReverseMatch:
        return None


def _avec_liens(equipements) -> list[tuple]:
    return [(e, lien_equipement(e.pk)) for e in equipements]


def _csv(rangs, nom: str) -> HttpResponse:
    """A CSV as SUN's other exports are (BOM, semicolons: opens in a spreadsheet)."""
    tampon = io.StringIO()
    ecrivain_csv(tampon, delimiter=";", lineterminator="\n").writerows(rangs)
    reponse = HttpResponse("\ufeff" + tampon.getvalue(), content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


@role_requis(*permissions.LECTEURS)
def accueil(request):
    jour = timezone.localdate()
    serie = reemploi.serie(jour)
    annee_achats = jour.year - 1
    return render(request, "web/parc/taux/accueil.html", {
        "serie": serie, "regle": reemploi.REGLE, "reference": reemploi.REFERENCE,
        "source": reemploi.SOURCE, "jour": jour,
        "achats": [p for p in achats.parts(annee_achats) if not p.vide],
        "achats_informatique": achats.informatique(annee_achats), "annee_achats": annee_achats,
        "avertissement_achats": achats.AVERTISSEMENT_OBJECTIF,
        "declaration_manque": declaration.manque(),
        "demonstration": queries.nombre_demonstration(),
        "peut_ecrire": permissions.peut_ecrire(request.user),
        "a_figer": [t.annee for t in serie if t.fige is None],
    })  # fmt: skip


def _page(request, qs, parametre: str):
    return Paginator(qs, PAR_PAGE).get_page(request.GET.get(parametre))


@role_requis(*permissions.LECTEURS)
def annee(request, annee: int):
    jour = timezone.localdate()
    if not PREMIERE_ANNEE <= annee <= jour.year:
        raise Http404("Année hors de la période suivie.")
    t = reemploi.taux_annee(annee)
    detail = reemploi.detail(annee)
    page_b = _page(request, queries.pour_liste(reemploi.liste_b(annee, t.fige)), "page_b")
    page_a = _page(request, queries.pour_liste(queries.orientes(annee)), "page_a")
    exclus = [
        (m, n, _avec_liens(queries.pour_liste(queries.exclus(annee, m.code))[:EXEMPLES]))
        for m, n in zip(detail.exclusions_stock, detail.exclusions_sorties, strict=True)
        if m.nombre or n.nombre
    ]
    non_comptees = [
        (m, _avec_liens(queries.pour_liste(queries.non_comptes(annee, m.code))[:EXEMPLES]))
        for m in detail.non_comptees
        if m.nombre
    ]
    return render(request, "web/parc/taux/annee.html", {
        "t": t, "regle": reemploi.REGLE, "reference": reemploi.REFERENCE,
        "source": reemploi.SOURCE, "jour": jour,
        "page_b": page_b, "liste_b": _avec_liens(page_b), "page_a": page_a,
        "liste_a": _avec_liens(page_a), "exclus": exclus, "non_comptees": non_comptees,
        "exemples": EXEMPLES, "demonstration": queries.nombre_demonstration(),
        "peut_figer": permissions.peut_ecrire(request.user) and t.fige is None,
    })  # fmt: skip


@role_requis(*permissions.LECTEURS)
@require_POST
def figer(request):
    if not permissions.peut_ecrire(request.user):
        raise RoleManquant("Seuls le service informatique et les administrateurs figent le stock "
                           "au 1er janvier.", permissions.REDACTEURS)  # fmt: skip
    try:
        valeur = int(request.POST.get("annee", ""))
    except ValueError:
        messages.error(request, "Année invalide : rien n'a été figé.")
        return redirect("espace:parc_taux")
    try:
        stock = figer_stock(valeur, request.user)
    except RefusCycleVie as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Stock au 1er janvier {valeur} figé : {stock.nombre} "
                         "équipement(s) réformé(s) du champ.")  # fmt: skip
    if PREMIERE_ANNEE <= valeur <= timezone.localdate().year:
        return redirect("espace:parc_taux_annee", annee=valeur)
    return redirect("espace:parc_taux")


@role_requis(*permissions.LECTEURS)
def export_csv(request):
    return _csv(reemploi.lignes_csv(reemploi.serie()), "taux-reemploi-decret-2023-266.csv")


@role_requis(*permissions.LECTEURS)
def declaration_csv(request, annee: int):
    if not PREMIERE_ANNEE <= annee <= timezone.localdate().year:
        raise Http404("Année hors de la période suivie.")
    try:
        texte = declaration.fichier(annee)
    except RefusCycleVie as exc:
        messages.error(request, exc.message)
        return redirect(reverse("espace:parc_achats") + f"?annee={annee}")
    reponse = HttpResponse(texte, content_type="text/csv; charset=utf-8")
    reponse["Content-Disposition"] = f'attachment; filename="{declaration.nom_du_fichier(annee)}"'
    return reponse
