"""Public pages of the catalogue (no login): the list with search and filters, a dataset's
page, a resource's stable address (302 to its latest published version), a dated version's
file and its check report. A draft is never shown (404); a withdrawn dataset's page says so,
its stable addresses answer 410 and its dated files stay where they were."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from sun.donnees import declarations
from sun.donnees.catalogue import queries, stockage
from sun.donnees.catalogue.qualite import qualite
from sun.donnees.models import StatutJeu
from sun.donnees.referentiel import TYPES_CONTENU, URL_LICENCE, Theme
from sun.donnees.validation import RapportValidation
from sun.territoire.models import Commune, Departement
from sun.web.fichiers import servir_fichier
from sun.web.limites import limite_anonyme

PAR_PAGE = 20
# The feeds for harvesters (wing « flux »): shown when their addresses exist.
FLUX = (
    ("donnees_dcat_ttl", "Catalogue DCAT-AP (Turtle)"),
    ("donnees_dcat_jsonld", "Catalogue DCAT-AP (JSON-LD)"),
    ("donnees_data_json", "Catalogue data.json"),
)


def liens_flux() -> list[tuple[str, str]]:
    liens = []
    for nom, libelle in FLUX:
        try:
            liens.append((libelle, reverse(nom)))
        except NoReverseMatch:
            continue
    return liens


def catalogue(request):
    q = request.GET.get("q", "").strip()[:200]
    theme = request.GET.get("theme", "")
    theme = theme if theme in Theme.values else ""
    mot_cle = request.GET.get("mot_cle", "").strip()[:100]
    resultat = queries.rechercher(q, theme, mot_cle)
    page = Paginator(resultat.jeux, PAR_PAGE).get_page(request.GET.get("page"))
    for trouve in page.object_list:  # the formats of the files a reuser can download
        trouve.formats_publies = list(dict.fromkeys(
            r.get_format_display() for r in trouve.ressources_liste if r.publiee))  # fmt: skip
    requete = urlencode({k: v for k, v in (("q", q), ("theme", theme), ("mot_cle", mot_cle))
                         if v})  # fmt: skip
    return render(request, "web/donnees/catalogue_liste.html", {
        "resultat": resultat, "page": page, "q": q, "theme": theme, "mot_cle": mot_cle,
        "requete": requete, "filtre_actif": bool(q or theme or mot_cle),
        "libelles_themes": dict(Theme.choices), "flux": liens_flux(),
        "maintenant": timezone.now(),
    })  # fmt: skip


def _api(jeu) -> str:
    """Where partners read the same data through the API (the declaration says), or ""."""
    if not jeu.declaration:
        return ""
    try:
        api = declarations.obtenir(jeu.declaration).api
    except declarations.DeclarationInconnue:
        return ""
    if not api or api.startswith(("/", "http")):
        return api
    try:
        return reverse(api)
    except NoReverseMatch:
        return ""


def _territoires(codes: list[str]) -> list[tuple[str, str]]:
    noms = dict(Commune.objects.filter(code_insee__in=codes).values_list("code_insee", "nom"))
    noms |= dict(Departement.objects.filter(code__in=codes).values_list("code", "nom"))
    return [(c, noms.get(c, "")) for c in codes]


def jeu(request, slug: str):
    trouve = queries.jeu_public(slug)
    if trouve is None:
        raise Http404("Jeu de données introuvable.")
    ressources = trouve.ressources_liste
    for r in ressources:
        r.versions_publiees = list(queries.versions_publiees(r)) if r.publiee else []
        r.stable = request.build_absolute_uri(reverse("donnees_ressource", args=[r.uuid]))
    return render(request, "web/donnees/catalogue_jeu.html", {
        "jeu": trouve, "ressources": ressources, "qualite": qualite(trouve),
        "retire": trouve.statut == StatutJeu.RETIRE, "api": _api(trouve),
        "territoires": _territoires(trouve.couverture_spatiale), "flux": liens_flux(),
        "libelles_themes": dict(Theme.choices), "url_licence": URL_LICENCE.get(trouve.licence),
    })  # fmt: skip


# The encoding a version's report names (sun.donnees.validation.lecture) → its IANA charset.
CHARSETS = {"UTF-8": "utf-8", "UTF-8 avec BOM": "utf-8", "Windows-1252": "windows-1252",
            "DOS (CP850)": "ibm850", "UTF-16 avec BOM": "utf-16"}  # fmt: skip


def _retire(request, jeu):
    return render(request, "web/donnees/catalogue_retire.html", {"jeu": jeu}, status=410)


def ressource(request, uuid):
    trouvee = queries.ressource_publique(uuid)
    if trouvee is None:
        raise Http404("Ressource introuvable.")
    if trouvee.jeu.statut == StatutJeu.RETIRE:
        return _retire(request, trouvee.jeu)
    derniere = queries.versions_publiees(trouvee).first()
    if derniere is None:
        return render(request, "web/donnees/catalogue_sans_version.html",
                      {"ressource": trouvee, "jeu": trouvee.jeu}, status=404)  # fmt: skip
    reponse = redirect("donnees_version", uuid=trouvee.uuid, numero=derniere.numero)
    reponse["Cache-Control"] = "public, max-age=300"
    return reponse


@limite_anonyme("exports", "SUN_LIMITE_EXPORTS")
def version(request, uuid, numero: int):
    trouvee = queries.version_publique(uuid, numero)
    if trouvee is None:
        raise Http404("Version introuvable.")
    chemin = stockage.chemin_absolu(trouvee.fichier)
    if not chemin.exists():
        raise Http404("Fichier introuvable.")
    type_contenu = TYPES_CONTENU.get(trouvee.ressource.format, TYPES_CONTENU["autre"])
    if trouvee.ressource.format == "csv" and trouvee.encodage in CHARSETS:
        # A deposited file is served as deposited: say its real encoding (Windows-1252…).
        type_contenu = f"text/csv; charset={CHARSETS[trouvee.encodage]}"
    # A dated version never changes: it may be kept a long time.
    return servir_fichier(request, chemin, type_contenu, trouvee.sha256, nom=trouvee.nom_fichier,
                          max_age=86400)  # fmt: skip


def rapport(request, uuid, numero: int):
    trouvee = queries.version_publique(uuid, numero)
    if trouvee is None:
        raise Http404("Version introuvable.")
    return render(request, "web/donnees/catalogue_rapport.html", {
        "version": trouvee, "ressource": trouvee.ressource, "jeu": trouvee.ressource.jeu,
        "rapport": RapportValidation.depuis_dict(trouvee.rapport),
    })  # fmt: skip
