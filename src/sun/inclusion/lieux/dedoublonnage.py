"""Duplicates in the register: compare places, merge the sure pairs, queue the doubtful ones.

The comparison itself is in `doublons` (blocking keys, scores); this module writes its
outcome. Merges found by an import are applied in memory one after the other (a place merged
twice keeps every value), then written in bulk: one statement per batch, not per pair.
"""

from django.db.models import Q

from sun.core.imports.masse import inserer, mettre_a_jour, par_lots
from sun.inclusion.lieux.doublons import (
    SEUIL_FUSION,
    Fiche,
    Lot,
    cellule,
    cles_a_jour,
    cles_comparaison,
    comparer,
    en_dict,
)
from sun.inclusion.lieux.doublons_partitions import partitions
from sun.inclusion.lieux.importation.fiche import CHAMPS_LIEU, jsonable
from sun.inclusion.lieux.standard import CHAMPS_MULTIPLES
from sun.inclusion.lieux.version_registre import registre_modifie
from sun.inclusion.models import HistoriqueLieu, Lieu, PaireDoublon, SourceLieu

CHAMPS_COMPARES = ["pk", "cles_doublons", "nom", "adresse", "code_insee", "latitude", "longitude",
                   "precision_localisation", "telephone", "courriels", "source", "commune"]  # fmt: skip
# The location travels as one unit, from the same record, with its precision.
CHAMPS_LOCALISATION = ["adresse", "complement_adresse", "code_postal", "code_insee", "commune",
                       "latitude", "longitude"]  # fmt: skip
RANG_PRECISION = {Lieu.Precision.EXACTE: 3, Lieu.Precision.ADRESSE: 2,
                  Lieu.Precision.COMMUNE: 1, Lieu.Precision.AUCUNE: 0}  # fmt: skip
CHAMPS_FUSION = [
    *CHAMPS_LIEU,
    "date_maj_fournie",
    "precision_localisation",
    "commune_ref",
    "structure",
    "cles_doublons",
]


def _fiche(pk, cles, nom, adresse, code_insee, latitude, longitude, precision, telephone,
           courriels, source, commune) -> Fiche:  # fmt: skip
    cles = cles if cles_a_jour(cles) else cles_comparaison(nom, adresse, commune)
    return Fiche(str(pk), cles, code_insee or "", latitude,
                 longitude, precision == Lieu.Precision.EXACTE and latitude is not None,
                 telephone or "", frozenset(courriels or ()), source or "")  # fmt: skip


def _sources_actives(lieux) -> dict:
    """Each place → the sources (imports) that list it now, sorted and joined by « | »."""
    sources: dict = {}
    lignes = (
        SourceLieu.objects.filter(disparu_le=None, lieu__in=lieux.values("pk"))
        .order_by("lieu_id", "source").values_list("lieu_id", "source")
    )  # fmt: skip
    for lieu_id, source in lignes.iterator(chunk_size=5000):
        deja = sources.get(lieu_id)
        if deja is None:
            sources[lieu_id] = source
        elif source not in deja.split("|"):
            sources[lieu_id] = f"{deja}|{source}"
    return sources


def _plus_recent(a: Lieu, b: Lieu) -> tuple[Lieu, Lieu]:
    """(fresher, older): a dated record beats an undated one (whose date is the import's)."""
    if a.date_maj_fournie != b.date_maj_fournie:
        return (a, b) if a.date_maj_fournie else (b, a)
    return (b, a) if b.date_maj > a.date_maj else (a, b)


def appliquer_fusion(garde: Lieu, absorbe: Lieu) -> dict:
    """Merge `absorbe`'s values into `garde` in memory; return the changes of `garde`.

    Each field takes the fresher record's value (a dated record beats an undated one), lists
    are united; the location (address, commune, coordinates) is taken whole from the more
    precisely located record, never from a less precise one; the commune's name is the
    territory's."""
    recent, ancien = _plus_recent(garde, absorbe)
    avant = {c: jsonable(getattr(garde, c)) for c in CHAMPS_LIEU}
    rang_garde = RANG_PRECISION.get(garde.precision_localisation, 0)
    rang_absorbe = RANG_PRECISION.get(absorbe.precision_localisation, 0)
    if rang_absorbe != rang_garde:
        lieu_localise = absorbe if rang_absorbe > rang_garde else garde
    else:
        lieu_localise = recent
    localisation = {c: getattr(lieu_localise, c) for c in CHAMPS_LOCALISATION}
    rattache = next((l for l in (lieu_localise, garde, absorbe) if l.commune_ref_id), None)
    if rattache is not None:  # the territory's name (read with the places when merging many)
        localisation["commune_ref_id"] = rattache.commune_ref_id
        localisation["commune"] = rattache.commune_ref.nom
    for champ in CHAMPS_LIEU:
        if champ in CHAMPS_MULTIPLES:
            valeur = list(dict.fromkeys([*getattr(recent, champ), *getattr(ancien, champ)]))
        else:
            valeur = getattr(recent, champ) or getattr(ancien, champ)
        setattr(garde, champ, valeur)
    for champ, valeur in localisation.items():
        setattr(garde, champ, valeur)
    garde.precision_localisation = lieu_localise.precision_localisation
    garde.date_maj_fournie = garde.date_maj_fournie or absorbe.date_maj_fournie
    garde.structure_id = garde.structure_id or absorbe.structure_id
    garde.preparer_cles_doublons()
    return {
        c: [avant[c], jsonable(getattr(garde, c))]
        for c in CHAMPS_LIEU
        if avant[c] != jsonable(getattr(garde, c))
    }


def _deplacer(modele, cible: dict) -> None:
    """Point the rows of `modele` that belonged to absorbed places at the place kept."""
    lignes = []
    for morceau in par_lots(list(cible)):
        lignes += modele.objects.filter(lieu_id__in=morceau).values_list("pk", "lieu_id")
    mettre_a_jour([modele(pk=pk, lieu_id=cible[lieu]) for pk, lieu in lignes], ["lieu"])


def enregistrer_fusions(fusions: list[tuple[Lieu, Lieu, dict, int | None]], *, auteur=None) -> None:
    """Write merges already applied in memory: (kept, absorbed, changes, score) in order."""
    if not fusions:
        return
    suivant = {absorbe.pk: garde.pk for garde, absorbe, _, _ in fusions}

    def final(pk):
        while pk in suivant:
            pk = suivant[pk]
        return pk

    cible = {pk: final(pk) for pk in suivant}
    gardes = {garde.pk: garde for garde, _, _, _ in fusions if garde.pk not in suivant}
    mettre_a_jour(list(gardes.values()), CHAMPS_FUSION)
    _deplacer(SourceLieu, cible)
    _deplacer(HistoriqueLieu, cible)
    absorbes = list(cible)
    for morceau in par_lots(absorbes):
        PaireDoublon.objects.filter(Q(lieu_a__in=morceau) | Q(lieu_b__in=morceau)).delete()
    inserer([
        HistoriqueLieu(
            lieu_id=final(garde.pk), action=HistoriqueLieu.Action.FUSION, auteur=auteur,
            changements=changements,
            commentaire=f"Fusion avec « {absorbe.nom} » ({absorbe.source})" + (f", score {score}" if score else ""),
        )
        for garde, absorbe, changements, score in fusions
    ])  # fmt: skip
    for morceau in par_lots(absorbes):
        Lieu.objects.filter(pk__in=morceau).delete()
    registre_modifie()


def fusionner(garde: Lieu, absorbe: Lieu, *, auteur=None, score: int | None = None) -> Lieu:
    """Merge `absorbe` into `garde`: every source identifier and the history are kept."""
    changements = appliquer_fusion(garde, absorbe)
    enregistrer_fusions([(garde, absorbe, changements, score)], auteur=auteur)
    return garde


def _mettre_en_attente(paires: list[tuple]) -> int:
    """Queue doubtful pairs (place ids, score, detail) not queued yet; return how many."""
    ordonnees = {}
    for a, b, valeur, details in paires:
        a_id, b_id = sorted((str(a), str(b)))
        ordonnees.setdefault((a_id, b_id), (valeur, details))
    existantes = set()
    lieux = list({pk for paire in ordonnees for pk in paire})
    for morceau in par_lots(lieux):
        existantes |= {
            (str(a), str(b))
            for a, b in PaireDoublon.objects.filter(lieu_a__in=morceau).values_list(
                "lieu_a", "lieu_b"
            )
        }
    nouvelles = [cle for cle in ordonnees if cle not in existantes]
    for morceau in par_lots(nouvelles, 5000):  # model objects a batch at a time
        inserer([
            PaireDoublon(lieu_a_id=a, lieu_b_id=b, score=ordonnees[(a, b)][0],
                         details=en_dict(ordonnees[(a, b)][1]))
            for a, b in morceau
        ])  # fmt: skip
    return len(nouvelles)


def detecter_doublons(cles: set[str] | None = None, *, auteur=None) -> tuple[int, int]:
    """Compare places (those of `cles` against all, or all against all); merge the sure pairs,
    queue the doubtful ones. Returns (merged, queued). Pairs already decided are left alone.

    A big register is compared one part at a time (doublons_partitions): memory stays
    bounded; the merges of a part are written before the next part is read."""
    decidees = {
        frozenset((str(a), str(b)))
        for a, b in PaireDoublon.objects.exclude(statut=PaireDoublon.Statut.A_REVOIR).values_list(
            "lieu_a", "lieu_b"
        )
    }
    fusionnes, en_attente, absorbes, vues = 0, 0, set(), set()
    for propres, alentours in partitions():
        pks, lot, a_comparer, nombre_propres = _colonnes(propres, alentours, cles)
        if not a_comparer and a_comparer is not None:
            continue
        # A pair with a place of the halo may be found again from the other part: remembered.
        du_halo = set(pks[nombre_propres:])
        resultats = [r for r in comparer(lot, a_comparer)
                     if frozenset((pks[r[0]], pks[r[1]])) not in vues]  # fmt: skip
        vues |= {frozenset((pks[i], pks[j])) for i, j, _, _ in resultats
                 if pks[i] in du_halo or pks[j] in du_halo}  # fmt: skip
        doutes: list = []
        fusions = _fusions_et_doutes(resultats, pks, decidees, absorbes, doutes)
        enregistrer_fusions(fusions, auteur=auteur)
        fusionnes += len(fusions)
        # A doubtful pair may involve a place merged meanwhile: it is gone, so is the pair.
        en_attente += _mettre_en_attente(
            [d for d in doutes if d[0] not in absorbes and d[1] not in absorbes]
        )
    return fusionnes, en_attente


def _lire(lieux, pks: list, fiches: list) -> None:
    sources = _sources_actives(lieux)
    for ligne in lieux.values_list(*CHAMPS_COMPARES).iterator(chunk_size=5000):
        pks.append(ligne[0])
        fiches.append(_fiche(*ligne[:10], sources.pop(ligne[0], ""), ligne[11]))


def _colonnes(propres, alentours, cles) -> tuple[list, Lot, set | None, int]:
    """A part's places (and the neighbours of its border) as comparison columns, read as a
    stream (no list of rows, no model objects); which of them to compare."""
    pks, fiches = [], []
    _lire(propres, pks, fiches)
    if alentours is None:
        return pks, Lot(fiches), cles, len(pks)
    a_comparer = {str(pk) for pk in pks}
    if cles is not None:
        a_comparer &= cles
    nombre_propres = len(pks)
    cellules = {cellule(f.latitude, f.longitude) for f in fiches if f.exacte}
    voisines = {(x + dx, y + dy) for x, y in cellules for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    proches = [
        pk for pk, lat, lon in alentours.filter(precision_localisation=Lieu.Precision.EXACTE)
        .values_list("pk", "latitude", "longitude").iterator(chunk_size=5000)
        if cellule(lat, lon) in voisines
    ]  # fmt: skip
    for morceau in par_lots(proches):
        _lire(Lieu.objects.filter(pk__in=morceau), pks, fiches)
    return pks, Lot(fiches), a_comparer, nombre_propres


def _fusions_et_doutes(resultats, pks, decidees, absorbes, doutes) -> list:
    """Merge the sure pairs in memory (whole places read for them only); queue the others."""
    a_charger = list({pks[k] for i, j, v, _ in resultats if v >= SEUIL_FUSION for k in (i, j)})
    lieux: dict = {}
    for morceau in par_lots(a_charger):
        lieux |= Lieu.objects.select_related("commune_ref").in_bulk(morceau)
    fusions = []
    for i, j, valeur, details in resultats:
        pk_a, pk_b = pks[i], pks[j]
        if frozenset((str(pk_a), str(pk_b))) in decidees or pk_a in absorbes or pk_b in absorbes:
            continue
        if valeur >= SEUIL_FUSION:
            garde, absorbe = sorted((lieux[pk_a], lieux[pk_b]), key=lambda l: l.cree_le)
            fusions.append((garde, absorbe, appliquer_fusion(garde, absorbe), valeur))
            absorbes.add(absorbe.pk)
        else:
            doutes.append((pk_a, pk_b, valeur, details))
    return fusions
