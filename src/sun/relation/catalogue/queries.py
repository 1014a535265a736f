"""Reads of the catalogue with several clauses: the public portal (search, filters) and the
page of one démarche with its channels and the desks of the register of places."""

import math

from django.db.models import Prefetch, Q, QuerySet

from sun.relation.catalogue.recherche import mots
from sun.relation.models import Canal, Demarche

SEPARATEUR = "|"  # sun.core.champs.ListeField


def _contient_valeur(champ: str, valeur: str) -> Q:
    """`valeur` is one of the values of the list field `champ` (values never hold « | »)."""
    s = SEPARATEUR
    return (Q(**{champ: valeur}) | Q(**{f"{champ}__startswith": f"{valeur}{s}"})
            | Q(**{f"{champ}__endswith": f"{s}{valeur}"})
            | Q(**{f"{champ}__contains": f"{s}{valeur}{s}"}))  # fmt: skip


class DemarcheQuerySet(QuerySet):
    def publiees(self):
        return self.filter(publiee=True)

    def recherche(self, texte: str):
        """Every word of `texte` begins a word of the title, summary, thème or publics
        (accents, case and punctuation forgiven: `Demarche.cle_recherche`)."""
        qs = self
        for mot in mots(texte):
            qs = qs.filter(cle_recherche__contains=f" {mot}")
        return qs

    def pour_publics(self, publics: list[str]):
        """For at least one of `publics` (none: no filter)."""
        if not publics:
            return self
        filtre = Q()
        for public in publics:
            filtre |= _contient_valeur("publics", public)
        return self.filter(filtre)

    def des_themes(self, themes: list[str]):
        return self.filter(theme__in=themes) if themes else self

    def par_canaux(self, types: list[str]):
        """Doable through at least one of the channel types `types`."""
        if not types:
            return self
        return self.filter(pk__in=Canal.objects.filter(type__in=types).values("demarche_id"))

    def avec_canaux(self):
        return self.prefetch_related("canaux")


def demarches() -> DemarcheQuerySet:
    return DemarcheQuerySet(Demarche)


def portail(texte: str = "", *, publics=(), themes=(), canaux=()) -> DemarcheQuerySet:
    """The published démarches matching the portal's search, by title."""
    return (demarches().publiees().recherche(texte).pour_publics(list(publics))
            .des_themes(list(themes)).par_canaux(list(canaux)).avec_canaux()
            .order_by("titre", "pk"))  # fmt: skip


def demarche_publique(slug: str) -> Demarche | None:
    """A published démarche with its service, its channels and their desks (visible places of
    the register only)."""
    from sun.inclusion.lieux.recherche import STATUTS_VISIBLES
    from sun.inclusion.models import Lieu

    lieux = Lieu.objects.filter(statut__in=STATUTS_VISIBLES).order_by("nom")
    canaux = Canal.objects.order_by("ordre", "pk").prefetch_related(Prefetch("lieux", lieux))
    return (demarches().publiees().select_related("service")
            .prefetch_related(Prefetch("canaux", canaux)).filter(slug=slug).first())  # fmt: skip


def a_un_formulaire_sun(demarche: Demarche) -> bool:
    """The démarche can be deposited through this site's own form."""
    return any(c.type == Canal.Type.EN_LIGNE and c.outil == Canal.Outil.SUN
               for c in demarche.canaux.all())  # fmt: skip


def guichets(slug: str) -> list:
    """The ids of the visible places of the register where the published démarche `slug` can
    be done at a desk (`Canal.lieux`), in channel order, each once."""
    from sun.inclusion.lieux.recherche import STATUTS_VISIBLES

    lignes = (Canal.objects.filter(demarche__slug=slug, demarche__publiee=True,
                                   lieux__statut__in=STATUTS_VISIBLES)
              .order_by("ordre", "pk").values_list("lieux", flat=True))  # fmt: skip
    return list(dict.fromkeys(lignes))


def guichets_pour_recherche(
    slug: str,
    latitude: float | None = None,
    longitude: float | None = None,
    *,
    departement: str = "",
    maintenant=None,
) -> list:
    """The desks of the démarche `slug` as results of the help search (`Trouve`): nearest
    first with their distance when the search has a position, by name otherwise; each with
    its opening state now (local time of `departement`)."""
    from sun.inclusion.lieux.recherche import (
        RAYON_TERRE_KM,
        ResumeLieu,
        Trouve,
        code_departement,
        etat,
    )
    from sun.inclusion.models import Lieu
    from sun.territoire.timezones import heure_locale

    ids = guichets(slug)
    if not ids:
        return []
    champs = ["id", *ResumeLieu._fields[1:]]
    resumes = [ResumeLieu(*ligne) for ligne in
               Lieu.objects.filter(pk__in=ids).values_list(*champs)]  # fmt: skip
    trouves = []
    for r in resumes:
        distance = None
        if None not in (latitude, longitude, r.latitude, r.longitude):
            la1, lo1, la2, lo2 = map(math.radians, (latitude, longitude, r.latitude, r.longitude))
            h = (math.sin((la2 - la1) / 2) ** 2
                 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)  # fmt: skip
            distance = 2 * RAYON_TERRE_KM * math.asin(min(1.0, math.sqrt(h)))
        local = code_departement(r.code_insee) if r.code_insee else departement
        moment = heure_locale(local or departement or "75", maintenant)
        trouves.append(Trouve(r, distance, etat(r.horaires, moment)))
    trouves.sort(key=lambda t: (t.distance_km is None, t.distance_km or 0, t.lieu.nom))
    return trouves


def valeurs_des_filtres() -> tuple[list[str], list[str]]:
    """The thèmes and the publics of the published démarches (the portal's filters), in the
    order of the catalogue's lists, then any other value."""
    from sun.relation.catalogue.recherche import PUBLICS, THEMES

    lignes = list(demarches().publiees().values_list("theme", "publics"))
    themes = {t for t, _ in lignes}
    publics = {p for _, liste in lignes for p in liste}
    ordre = lambda connus, presents: ([v for v in connus if v in presents]  # noqa: E731
                                      + sorted(presents - set(connus)))  # fmt: skip
    return ordre(THEMES, themes), ordre(PUBLICS, publics)


def services_pour_reclamation() -> list[tuple[int, str]]:
    """(id, name) of the services a complaint may concern."""
    from sun.relation.models import ServiceInstructeur

    return list(ServiceInstructeur.objects.order_by("nom").values_list("pk", "nom"))


def service_par_id(pk: int | None):
    from sun.relation.models import ServiceInstructeur

    return ServiceInstructeur.objects.filter(pk=pk).first() if pk else None


def a_un_canal_electronique(canaux) -> bool:
    """An online form or an e-mail address among `canaux` (a démarche's channels, loaded)."""
    return any(c.type in ("en_ligne", "courriel") for c in canaux)


def guichets_de_la_demarche(slug: str, position) -> tuple:
    """The published démarche named by the help search's `?demarche=` and its desks (nearest
    first when the search has a position); (None, []) for an unknown one."""
    demarche = demarches().publiees().filter(slug=slug[:80]).first() if slug else None
    if demarche is None:
        return None, []
    lat, lon = (position.latitude, position.longitude) if position is not None else (None, None)
    departement = position.code_departement if position is not None else ""
    return demarche, guichets_pour_recherche(demarche.slug, lat, lon,
                                             departement=departement or "")  # fmt: skip
