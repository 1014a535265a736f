"""The typology of hotline calls as a tree: a type is a path (« Logiciel > Messagerie »);
its parents need not be types themselves (they are shown as headings of the tree)."""

from dataclasses import dataclass

from sun.core.text import plier

SEPARATEUR = " > "
LONGUEUR_MAX = 255


def normaliser(libelle: str) -> str:
    """« Logiciel>  Messagerie » → « Logiciel > Messagerie » (spaces and separators tidied);
    "" when there is nothing but separators."""
    morceaux = [" ".join(m.split()) for m in (libelle or "").split(">")]
    if any(not m for m in morceaux):
        return "" if not any(morceaux) else SEPARATEUR.join(morceaux)
    return SEPARATEUR.join(morceaux)


def segments_vides(libelle: str) -> bool:
    return any(not m for m in libelle.split(SEPARATEUR))


def cle(libelle: str) -> str:
    """How two labels are compared (case, accents and spaces ignored)."""
    return plier(normaliser(libelle))


@dataclass
class Noeud:
    chemin: str
    nom: str  # its last segment
    niveau: int  # 0 for a root
    type: object | None = None  # the TypeDemande, None for a heading only
    demandes: int = 0  # requests of this type
    total: int = 0  # requests of this type and of those below it

    @property
    def retrait(self) -> str:
        """What precedes its name in the tree (no style needed)."""
        return "\u00a0\u00a0\u00a0" * self.niveau + "↳ " if self.niveau else ""


def arbre(types, effectifs: dict[int, int]) -> list[Noeud]:
    """The types in the order of the tree (depth first, alphabetical), with the headings
    their paths imply and the number of requests of each."""
    noeuds: dict[str, Noeud] = {}
    for t in types:
        morceaux = t.libelle.split(SEPARATEUR)
        for i in range(1, len(morceaux) + 1):
            chemin = SEPARATEUR.join(morceaux[:i])
            noeuds.setdefault(chemin, Noeud(chemin, morceaux[i - 1], i - 1))
        noeud = noeuds[t.libelle]
        noeud.type, noeud.demandes = t, effectifs.get(t.pk, 0)
    for noeud in noeuds.values():
        noeud.total = sum(n.demandes for c, n in noeuds.items()
                          if c == noeud.chemin or c.startswith(noeud.chemin + SEPARATEUR))  # fmt: skip
    return sorted(noeuds.values(), key=lambda n: [plier(m) for m in n.chemin.split(SEPARATEUR)])
