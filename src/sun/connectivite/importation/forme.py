"""What every kind of connectivity file shares: its columns, the model its rows go to, the key
of a row within an edition, and the batch writes (one read per batch of what the edition
already has, then bulk inserts and updates: never a query per row)."""

from collections.abc import Iterator

from django.db import models

from sun.core.imports import Rapport, masse

LOT_CODES = 5000  # communes per `code_insee IN (…)` read


class Forme:
    """One kind of file whose rows are one row each (per commune, or per commune and key)."""

    genre: str = ""
    modele: type[models.Model]
    cle: tuple[str, ...] = ()  # fields after the commune that make a row's key
    champs: tuple[str, ...] = ()  # value fields compared and written
    colonnes: tuple[str, ...] = ()  # required columns
    colonne_code = "code_insee"
    colonne_departement = ""
    source = ""
    source_url = ""
    # Rows of one commune that agree may repeat (one line per postal code): merged, not refused.
    repetitions_identiques = False

    def convertir(self, numero: int, ligne: dict, rapport: Rapport) -> dict | None:
        """The values of one row (without `code_insee`), or None when refused."""
        raise NotImplementedError

    def fusionner(self, a: dict, b: dict) -> dict | None:
        """Two arrondissements of Paris, Lyon or Marseille folded into one commune: their
        merged row, or None when this kind of file cannot merge them (then refused as
        duplicates). Counts add up by default."""
        return {c: _somme(a.get(c), b.get(c)) for c in a}

    def cle_de(self, valeurs: dict) -> str:
        if not self.cle:
            return valeurs["code_insee"]
        return "|".join([valeurs["code_insee"], *(str(valeurs[c]) for c in self.cle)])

    def empreinte(self, valeurs: dict) -> tuple:
        return tuple(valeurs[c] for c in self.champs)

    # --- writes ---------------------------------------------------------------------------
    def ecrire(self, edition_id: int, lignes: list[dict]) -> dict[str, str]:
        """Insert, update or leave each row; {key: "n" new | "m" changed | "i" unchanged}."""
        existants = {}
        codes = sorted({ligne["code_insee"] for ligne in lignes})
        noms = ("pk", "code_insee", *self.cle, *self.champs)
        for lot in masse.par_lots(codes, LOT_CODES):
            requete = self.modele.objects.filter(edition_id=edition_id, code_insee__in=lot)
            for pk, *valeurs in requete.values_list(*noms):
                rangee = dict(zip(noms[1:], valeurs, strict=True))
                existants[self.cle_de(rangee)] = (pk, self.empreinte(rangee))
        nouvelles, modifiees, statuts = [], [], {}
        for ligne in lignes:
            cle = self.cle_de(ligne)
            actuel = existants.get(cle)
            if actuel is None:
                nouvelles.append({"edition_id": edition_id, **ligne})
                statuts[cle] = "n"
            elif actuel[1] != self.empreinte(ligne):
                modifiees.append(self.modele(pk=actuel[0], edition_id=edition_id, **ligne))
                statuts[cle] = "m"
            else:
                statuts[cle] = "i"
        masse.inserer_lignes(self.modele, nouvelles)
        masse.mettre_a_jour(modifiees, self.champs)
        return statuts

    def existantes(self, edition_id: int, perimetre: str) -> Iterator[tuple[int, str]]:
        """(pk, key) of the edition's rows within the perimeter ("" : all of them)."""
        requete = self.modele.objects.filter(edition_id=edition_id)
        if perimetre:
            requete = requete.filter(code_insee__startswith=perimetre)
        noms = ("pk", "code_insee", *self.cle)
        for pk, *valeurs in requete.values_list(*noms).iterator(chunk_size=5000):
            yield pk, self.cle_de(dict(zip(noms[1:], valeurs, strict=True)))

    def supprimer(self, edition_id: int, pks: list[int], cles: set[str]) -> None:
        """Delete the rows `pks` (those whose key is in `cles`)."""
        masse_supprimer(self.modele, pks)


def _somme(a, b):
    if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool):
        return a + b
    return a if a is not None else b


def masse_supprimer(modele: type[models.Model], pks: list[int]) -> None:
    from sun.core.versions import donnees_ecrites

    if pks:
        donnees_ecrites(modele)
    for lot in masse.par_lots(pks, 900):
        modele.objects.filter(pk__in=lot).delete()


def lire(rapport: Rapport, numero: int, ligne: dict, colonne: str, lecteur):
    """`lecteur(ligne[colonne])`; on ValueError the line is refused (returns the marker)."""
    try:
        return lecteur(ligne.get(colonne) or "")
    except ValueError as exc:
        rapport.refuser(numero, colonne, ligne.get(colonne), str(exc))
        return REFUSEE


REFUSEE = object()
