"""Public pages of digital accessibility: the list of the département's digital services with
their compliance state, the accessibility declaration of each in the RGAA model, and the
multi-year plan with this year's action plan."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from sun.accessibilite import queries
from sun.accessibilite.models import Categorie, ServiceNumerique


def services(request):
    jour = timezone.localdate()
    lignes = [(sn, sn.conformite(jour)) for sn in queries.services_de_la_liste_publique()]
    return render(request, "web/accessibilite/services.html", {
        "reels": [ligne for ligne in lignes if not ligne[0].demonstration],
        "demonstration": [ligne for ligne in lignes if ligne[0].demonstration],
        "aujourd_hui": jour,
    })  # fmt: skip


def declaration(request, slug: str):
    sn = get_object_or_404(ServiceNumerique.objects.select_related("service"), slug=slug)
    jour = timezone.localdate()
    contenus = list(sn.contenus.all())
    parties = [(c, [x for x in contenus if x.categorie == c]) for c in Categorie]
    return render(request, "web/accessibilite/declaration.html", {
        "sn": sn, "conformite": sn.conformite(jour), "parties": parties,
        "schema": queries.schema_en_cours(jour), "aujourd_hui": jour,
        "lignes": {champ: [v.strip() for v in getattr(sn, champ).splitlines() if v.strip()]
                   for champ in ("environnement_test", "outils", "pages_testees")},
    })  # fmt: skip


def schema(request):
    jour = timezone.localdate()
    courant = queries.schema_en_cours(jour)
    actions = list(queries.actions_de_l_annee(courant, jour.year)) if courant else []
    sections = (
        [(courant._meta.get_field(s).verbose_name, getattr(courant, s)) for s in courant.SECTIONS]
        if courant else []
    )  # fmt: skip
    return render(request, "web/accessibilite/schema.html", {
        "schema": courant, "sections": sections, "actions": actions, "annee": jour.year,
        "aujourd_hui": jour,
    })  # fmt: skip
