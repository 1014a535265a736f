"""A SYNTHETIC GLPI export of computers, written byte for byte as GLPI writes its CSV (as the
real export of ../shared/reference/parc shows): UTF-8 with BOM, `;`, every field quoted, a
trailing `;` on each line, LF, several MAC addresses on several lines inside one cell,
French labels with the group prefix, day-first dates, durations « 60 mois ». Made-up values
(entities « … (SYNTHÉTIQUE) », serial numbers starting with SYN): for tests, demonstrations
and the benchmark, never to import on a site in service."""

import random
from datetime import date, datetime, timedelta
from pathlib import Path

FINANCIER = "Informations financières et administratives - "
ENTETE = ["Nom", "Entité", "Lieu", "Statut", "Fabricant", "Type", "Modèle", "Réseau",
          "Date de création", f"{FINANCIER}Durée de garantie", "Numéro de série",
          "Numéro d'inventaire", f"{FINANCIER}Date de livraison", f"{FINANCIER}Date d'achat",
          f"{FINANCIER}Valeur", f"{FINANCIER}Date de réforme", "Composants - Adresse MAC"]  # fmt: skip
RACINE = "Département de l'Aude (SYNTHÉTIQUE)"
STATUTS = [("Actif", 850), ("Campagne_DEEE", 80), ("Recyclé", 20), ("Spare", 30), ("Inactif", 20)]
TYPES = [  # (type, share, makers and models, price range)
    ("Poste de travail - Slim", 640, [("LENOVO", "11JAS1J200"), ("LENOVO", "10M8S2D400"),
                                      ("HP", "ProDesk 400 G7 SFF")], (550, 850)),
    ("Poste de travail - Dalle (Tout en un)", 80, [("LENOVO", "11TBS1M500")], (750, 1100)),
    ("Portable", 220, [("LENOVO", "ThinkPad L14 Gen 2"), ("HP", "ProBook 450 G8"),
                       ("Acer", "TravelMate P2")], (650, 1250)),
    ("Poste de travail - Tiny", 50, [("LENOVO", "ThinkCentre M75q Gen 2")], (500, 700)),
    ("PC_SERVEUR", 6, [("Dell", "PowerEdge T150")], (1500, 3000)),
    ("VMware", 4, [("VMware, Inc.", "VMware Virtual Platform")], (0, 0)),
]  # fmt: skip
RESEAUX = [("Pédagogique", 7), ("Administratif", 3)]


def _choix(alea: random.Random, pondere):
    return alea.choices([p[0] for p in pondere], weights=[p[1] for p in pondere])[0]


def _entites(nombre_colleges: int) -> list[tuple[str, str]]:
    """(entity path, name prefix): the département's services and its collèges."""
    services = [f"{RACINE} > Services > {s}" for s in (
        "Direction des systèmes d'information", "Direction des solidarités",
        "Direction des routes et des mobilités", "Hôtel du Département",
    )]  # fmt: skip
    colleges = [f"{RACINE} > Collèges > {110000 + i:07d}{'ABCDEFGHJK'[i % 10]} - Collège "
                f"synthétique n° {i + 1}" for i in range(nombre_colleges)]  # fmt: skip
    return [(e, f"DSI{n:02d}") for n, e in enumerate(services)] + [
        (e, e.rsplit(" > ", 1)[1][:7]) for e in colleges
    ]


def _date(jour: date) -> str:
    return f"{jour:%d-%m-%Y}"


def _ligne(alea: random.Random, i: int, entites) -> list[str]:
    entite, prefixe = entites[i % len(entites)]
    statut = _choix(alea, STATUTS)
    type_, _, modeles, (bas, haut) = TYPES[
        alea.choices(range(len(TYPES)), weights=[t[1] for t in TYPES])[0]
    ]
    fabricant, modele = alea.choice(modeles)
    ancien = statut in ("Campagne_DEEE", "Recyclé")
    livraison = date(2011, 1, 3) + timedelta(days=alea.randrange(0, 4700 if ancien else 5000))
    achat = livraison - timedelta(days=alea.randrange(5, 60)) if alea.random() < 0.7 else None
    creation = datetime.combine(livraison, datetime.min.time()) + timedelta(
        days=alea.randrange(1, 90), minutes=alea.randrange(8 * 60, 18 * 60)
    )
    reforme = ""
    if statut == "Recyclé" or (statut == "Campagne_DEEE" and alea.random() < 0.5):
        reforme = _date(min(livraison + timedelta(days=alea.randrange(6 * 365, 11 * 365)),
                            date(2025, 6, 30)))  # fmt: skip
    macs = [":".join(f"{alea.randrange(256):02x}" for _ in range(6))
            for _ in range(2 if alea.random() < 0.04 else 1)]  # fmt: skip
    inventaire = f"UC{2000000 + i:07d}" if alea.random() > 0.02 else ""
    valeur = f"{alea.randrange(bas, haut + 1)},00" if haut and alea.random() < 0.8 else ""
    salle = f"Bât. {alea.choice('ABC')} > Niv. {alea.randrange(0, 4)} > {alea.randrange(1, 40):03d}"
    return [
        f"{prefixe}-{i:06d}", entite, salle if alea.random() > 0.1 else "", statut, fabricant,
        type_, modele, _choix(alea, RESEAUX), f"{creation:%d-%m-%Y %H:%M}",
        alea.choice(["60 mois", "60 mois", "36 mois", "0 mois", ""]), f"SYN{i:08X}", inventaire,
        _date(livraison), _date(achat) if achat else "",
        valeur, reforme, "\n".join(macs),
    ]  # fmt: skip


def _champ(valeur: str) -> str:
    return '"' + valeur.replace('"', '""') + '"'


def ecrire_glpi(chemin: Path, lignes: int, *, graine: int = 18, colleges: int = 30) -> Path:
    """Write `lignes` computers to `chemin`; the same `graine` gives the same file."""
    alea = random.Random(graine)
    entites = _entites(colleges)
    chemin = Path(chemin)
    with chemin.open("w", encoding="utf-8-sig", newline="") as sortie:
        sortie.write(";".join(map(_champ, ENTETE)) + ";\n")
        for i in range(lignes):
            sortie.write(";".join(map(_champ, _ligne(alea, i, entites))) + ";\n")
    return chemin
