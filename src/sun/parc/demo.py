"""A demonstration fleet for the served département: six sites (three services of the
Département with their headcount, three collèges with UAI-like codes in its communes) and
400 items of every type acquired over thirteen years, some bought refurbished, some in
repair or in stock, 100 decommissioned over the last four years of which 40 left the fleet by
every route (some committed before the exit and proved it — they count for décret
n° 2023-266 —, some without proof, some recycled, some too old).

Everything is flagged `demonstration` (never counted in an indicator) and named so
(« démonstration » in site names, `DEMO-` in equipment names). Deterministic: a fixed seed and
dates relative to 1 January of the current year (so the fleet looks current), none after
today. Written in bulk (a few statements); idempotent: a second call adds nothing."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from sun.core.versions import donnees_ecrites
from sun.parc.models import Equipement, EvenementCycleVie, Site, Sortie
from sun.parc.referentiel import (
    CATEGORIE_DU_TYPE,
    Achat,
    Destination,
    Etat,
    Proprietaire,
    TypeEquipement,
    Voie,
)
from sun.territoire.models import Commune, Departement

SOURCE = "Démonstration SUN"
GRAINE = 2026
T = TypeEquipement
# type → (how many, name prefix, [(make, model)], price range € HT, warranty years)
PARC = {
    T.POSTE_FIXE: (110, "PC", [("HP", "EliteDesk 800 G6"), ("DELL", "OptiPlex 7090"),
                               ("LENOVO", "ThinkCentre M720q")], (550, 950), 5),
    T.PORTABLE: (90, "PORT", [("LENOVO", "ThinkPad T14"), ("DELL", "Latitude 5420"),
                              ("HP", "EliteBook 840 G8")], (750, 1400), 3),
    T.ECRAN: (100, "ECR", [("IIYAMA", "ProLite 24 pouces"), ("DELL", "P2422H")], (120, 260), 5),
    T.IMPRIMANTE: (15, "IMP", [("BROTHER", "HL-L5100DN"), ("HP", "LaserJet M404")], (180, 450), 3),
    T.SMARTPHONE: (30, "TEL", [("SAMSUNG", "Galaxy A54"), ("FAIRPHONE", "Fairphone 4")],
                   (250, 550), 2),
    T.TELEPHONE: (10, "POSTE", [("ALCATEL", "8028s")], (90, 180), 3),
    T.TABLETTE: (15, "TAB", [("SAMSUNG", "Galaxy Tab A8"), ("APPLE", "iPad 9")], (220, 480), 2),
    T.SERVEUR: (8, "SRV", [("DELL", "PowerEdge R650")], (3500, 7500), 5),
    T.RESEAU: (12, "NET", [("CISCO", "Catalyst 9200")], (600, 2200), 5),
    T.VIDEOPROJECTEUR: (8, "VP", [("EPSON", "EB-W51")], (400, 800), 3),
    T.AUTRE: (2, "DIV", [("LOGITECH", "Station d'accueil")], (80, 200), 2),
}  # fmt: skip
SERVICES = [("Direction des systèmes d'information", 95), ("Direction des routes et des "
            "mobilités", 340), ("Direction de l'action sociale et de l'insertion", 520)]  # fmt: skip
COLLEGES = ["Collège Jean Moulin", "Collège Les Cèdres", "Collège Marcel Pagnol"]
D = Destination
# The 40 exits: (route, taker, taker's name, committed before, proved). The first ten go to
# the oldest items (more than ten years old when decommissioned: outside the objective).
SORTIES = (
    [(Voie.RECYCLAGE, D.ECO_ORGANISME, "Éco-organisme agréé (démonstration)", False, False)] * 8
    + [(Voie.DESTRUCTION, D.PRESTATAIRE, "Prestataire de destruction (démonstration)",
        False, False)] * 2
    + [(Voie.DON, D.DON_ASSOCIATION, "Association Numérique solidaire (démonstration)",
        True, True)] * 6
    + [(Voie.DON, D.DON_ASSOCIATION, "Association Numérique solidaire (démonstration)",
        True, False)] * 2
    + [(Voie.DON, D.DON_PERSONNEL, "Agents du Département (démonstration)", True, True)] * 2
    + [(Voie.DON, D.DON_PERSONNEL, "Agents du Département (démonstration)", False, False)] * 2
    + [(Voie.REEMPLOI, D.CESSION_PUBLIQUE, "Commune voisine (démonstration)", True, True)] * 3
    + [(Voie.REEMPLOI, D.VENTE, "Revendeur de matériel reconditionné (démonstration)",
        True, True)] * 2
    + [(Voie.REEMPLOI, D.VENTE, "Revendeur de matériel reconditionné (démonstration)",
        "apres", True)] * 1
    + [(Voie.REEMPLOI, D.REPRISE_FOURNISSEUR, "Fournisseur d'origine (démonstration)",
        True, False)] * 2
    + [(Voie.REUTILISATION, D.ECO_ORGANISME, "Éco-organisme agréé (démonstration)",
        True, True)] * 4
    + [(Voie.REUTILISATION, D.ECO_ORGANISME, "Éco-organisme agréé (démonstration)",
        True, False)] * 2
    + [(Voie.RECYCLAGE, D.PRESTATAIRE, "Prestataire de recyclage (démonstration)",
        False, False)] * 2
    + [(Voie.DESTRUCTION, D.PRESTATAIRE, "Prestataire de destruction (démonstration)",
        False, False)] * 2
)  # fmt: skip
REFORMES_EN_STOCK = 60
Genre = EvenementCycleVie.Genre


def _ans(jour: date, ans: int) -> date:
    try:
        return jour.replace(year=jour.year + ans)
    except ValueError:
        return jour.replace(year=jour.year + ans, day=28)


def _sites(code: str) -> list[Site]:
    """The six demonstration sites (created when missing)."""
    departement = Departement.objects.filter(code=code).select_related("chef_lieu").first()
    communes = list(Commune.objects.filter(departement__code=code)
                    .order_by("-population_municipale", "code_insee")[:4])  # fmt: skip
    chef_lieu = (departement.chef_lieu if departement and departement.chef_lieu
                 else (communes[0] if communes else None))  # fmt: skip
    autres = [c for c in communes if c != chef_lieu] or [chef_lieu]
    voulus = [Site(nom=f"{nom} (démonstration)", genre=Site.Genre.SERVICE, commune=chef_lieu,
                   effectif=effectif, demonstration=True) for nom, effectif in SERVICES]  # fmt: skip
    prefixe = code.zfill(3) if code.isdigit() else "620"
    voulus += [Site(nom=f"{nom} (démonstration)", genre=Site.Genre.COLLEGE,
                    code_uai=f"{prefixe}{9001 + i}{'ABC'[i]}", commune=autres[i % len(autres)],
                    demonstration=True) for i, nom in enumerate(COLLEGES)]  # fmt: skip
    existants = set(Site.objects.filter(nom__in=[s.nom for s in voulus])
                    .values_list("nom", flat=True))  # fmt: skip
    Site.objects.bulk_create([s for s in voulus if s.nom not in existants])
    donnees_ecrites(Site)
    return list(Site.objects.filter(nom__in=[s.nom for s in voulus]).order_by("genre", "nom"))


def _equipements(alea: random.Random, sites: list[Site], debut: date, borne) -> list[Equipement]:
    types = [t for t, (n, *_) in PARC.items() for _ in range(n)]
    alea.shuffle(types)
    resultat = []
    for i, type_ in enumerate(types, start=1):
        _, prefixe, modeles, (bas, haut), garantie = PARC[type_]
        fabricant, modele = alea.choice(modeles)
        acquisition = borne(debut + timedelta(days=alea.randrange(13 * 365 + 300)))
        reconditionne = alea.random() < 0.12
        prix = Decimal(alea.randint(bas, haut)) * (Decimal("0.55") if reconditionne else 1)
        site = alea.choice(sites)
        resultat.append(Equipement(
            source=SOURCE, cle=f"inv:DEMO-{i:05d}", numero_inventaire=f"DEMO-{i:05d}",
            numero_serie=f"DEMO{alea.getrandbits(40):010X}", nom=f"DEMO-{prefixe}-{i:04d}",
            type=type_, categorie_deee=CATEGORIE_DU_TYPE[type_], fabricant=fabricant,
            modele=modele, date_acquisition=acquisition, prix_acquisition=prix.quantize(Decimal("0.01")),
            achat=Achat.RECONDITIONNE if reconditionne else Achat.NEUF,
            date_fin_garantie=_ans(acquisition, garantie),
            proprietaire=(Proprietaire.COLLEGE if site.genre == Site.Genre.COLLEGE
                          and alea.random() < 0.2 else Proprietaire.DEPARTEMENT),
            site=site, commune=site.commune, etat=Etat.EN_SERVICE,
            date_mise_en_service=borne(acquisition + timedelta(days=alea.randrange(5, 40))),
            commentaire="Équipement de démonstration (inventé).", demonstration=True,
        ))  # fmt: skip
    return resultat


def _cycle(alea: random.Random, equipements: list[Equipement], debut_reformes: date, borne):
    """Decommission 100 items acquired at least three years before the window, 40 of which
    leave the fleet; put some others in repair, in stock or on order. Returns the exits as
    (item, route, taker, name, commitment, proof) and the events."""
    evenements = []
    candidats = sorted((e for e in equipements if e.date_acquisition < _ans(debut_reformes, -3)),
                       key=lambda e: (e.date_acquisition, e.cle))  # fmt: skip
    vieux = candidats[:10]
    autres = candidats[10:]
    alea.shuffle(autres)
    sortants = vieux + autres[: len(SORTIES) - len(vieux)]
    en_stock_reforme = autres[len(SORTIES) - len(vieux) :][:REFORMES_EN_STOCK]
    fenetre = (borne(date.today()) - debut_reformes).days or 1
    sorties = []
    for e in sortants + en_stock_reforme:
        e.etat = Etat.REFORME
        # Items that leave were decommissioned at least 200 days ago: their exit, commitment
        # and proof fall before today.
        jours = max(fenetre - 200, 1) if e in sortants else fenetre
        e.date_reforme = borne(debut_reformes + timedelta(days=alea.randrange(jours)))
        if e in vieux:  # decommissioned at over ten years old
            e.date_reforme = max(e.date_reforme, _ans(e.date_acquisition, 11))
            e.date_reforme = borne(e.date_reforme)
        evenements.append((e, Genre.REFORME, e.date_reforme, Etat.EN_SERVICE, Etat.REFORME,
                           "Réforme (démonstration)."))  # fmt: skip
    for e, (voie, destination, nom, engage, prouve) in zip(sortants, SORTIES, strict=True):
        e.etat = Etat.SORTI
        quand = borne(e.date_reforme + timedelta(days=alea.randrange(10, 150)))
        engagement = (None if not engage else
                      quand + timedelta(days=20) if engage == "apres" else
                      quand - timedelta(days=alea.randrange(0, 30)))  # fmt: skip
        preuve = borne(quand + timedelta(days=alea.randrange(15, 60))) if prouve else None
        sorties.append(Sortie(
            date=quand, voie=voie, destination=destination, destinataire=nom,
            justification="Sortie de démonstration (inventée).", date_engagement=engagement,
            reference_engagement=f"ENG-DEMO-{len(sorties) + 1:03d}" if engage else "",
            date_preuve=preuve, reference_preuve=f"PRV-DEMO-{len(sorties) + 1:03d}" if preuve else "",
            valeur_unitaire=Decimal(alea.choice([30, 50, 80, 120])) if voie == Voie.DON else None,
        ))  # fmt: skip
        sorties[-1].equipement = e
        evenements.append(
            (e, Genre.SORTIE, quand, Etat.REFORME, Etat.SORTI, f"{voie.label} — {nom}")
        )
    restants = [e for e in equipements if e.etat == Etat.EN_SERVICE]
    recents = [e for e in restants if e.date_acquisition >= _ans(borne(date.today()), -1)]
    for e in alea.sample(restants, 25):
        e.etat = Etat.EN_REPARATION
        evenements.append((e, Genre.CHANGEMENT_ETAT, borne(date.today() - timedelta(days=alea.randrange(3, 40))),
                           Etat.EN_SERVICE, Etat.EN_REPARATION, "Panne (démonstration)."))  # fmt: skip
    for e in alea.sample([e for e in restants if e.etat == Etat.EN_SERVICE], 20):
        e.etat = Etat.EN_STOCK
    for e in recents[:2]:
        if e.etat == Etat.EN_SERVICE:
            e.etat, e.date_mise_en_service = Etat.COMMANDE, None
    for e in alea.sample([e for e in restants if e.etat == Etat.EN_SERVICE], 15):
        genre = alea.choice([Genre.AMELIORATION, Genre.REPARATION, Genre.RECONDITIONNEMENT])
        jour = borne(e.date_acquisition + timedelta(days=alea.randrange(200, 1500)))
        evenements.append((e, genre, jour, e.etat, e.etat, {
            Genre.AMELIORATION: "Mémoire portée à 16 Go (démonstration).",
            Genre.REPARATION: "Écran remplacé (démonstration).",
            Genre.RECONDITIONNEMENT: "Disque SSD et système réinstallés (démonstration).",
        }[genre]))  # fmt: skip
    return sorties, evenements


@transaction.atomic
def creer_demo(code_departement: str | None = None) -> int:
    """Write the demonstration fleet; returns the number of items created (0 when it is
    already there)."""
    if Equipement.objects.filter(source=SOURCE).exists():
        return 0
    code = code_departement or settings.SUN_DEPARTEMENT
    aujourd_hui = date.today()
    annee = aujourd_hui.year

    def borne(jour: date) -> date:
        return min(jour, aujourd_hui)

    alea = random.Random(GRAINE)
    sites = _sites(code)
    equipements = _equipements(alea, sites, date(annee - 13, 1, 1), borne)
    sorties, evenements = _cycle(alea, equipements, date(annee - 3, 1, 1), borne)
    Equipement.objects.bulk_create(equipements, batch_size=500)
    pks = dict(Equipement.objects.filter(source=SOURCE).values_list("cle", "pk"))
    for sortie in sorties:
        sortie.equipement_id = pks[sortie.equipement.cle]
    Sortie.objects.bulk_create(sorties)
    lignes = [EvenementCycleVie(equipement_id=pks[e.cle], date=e.date_acquisition,
                                genre=Genre.ENTREE, etat_apres=Etat.EN_SERVICE,
                                commentaire="Entrée dans l'inventaire (démonstration).")
              for e in equipements]  # fmt: skip
    lignes += [EvenementCycleVie(equipement_id=pks[e.cle], date=jour, genre=genre,
                                 etat_avant=avant, etat_apres=apres, commentaire=commentaire)
               for e, genre, jour, avant, apres, commentaire in evenements]  # fmt: skip
    EvenementCycleVie.objects.bulk_create(lignes, batch_size=1000)
    for modele in (Equipement, Sortie, EvenementCycleVie):
        donnees_ecrites(modele)
    return len(equipements)


def charger_tout() -> list[str]:
    """Every wing's demonstration data (repairers first: refurbished items name one), each with
    one line of French saying what was loaded. Idempotent."""
    from sun.parc.dons.demo import creer_demo as dons
    from sun.parc.reparateurs.demo import creer_demo as reparateurs
    from sun.parc.taux.demo import creer_demo as achats

    lignes = []
    for libelle, fonction, compte in (
        ("acteurs de la réparation et du reconditionnement", reparateurs, "comptés"),
        ("équipements du parc", creer_demo, "comptés"),
        ("lignes d'achat", achats, "comptées"),
        ("dons de matériel", dons, "comptés"),
    ):
        if n := fonction():
            lignes.append(f"{n} {libelle} de DÉMONSTRATION (jamais {compte}).")
    return lignes
