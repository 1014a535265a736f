"""The datasets SUN produces itself, declared by their apps like indicators are:

    from sun.donnees.declarations import JeuDeclare, RessourceDeclaree, declarer

    declarer(JeuDeclare(
        code="inclusion.lieux",
        slug="lieux-de-mediation-numerique",
        titre="Lieux de médiation numérique",
        description="…",
        themes=("solidarites",),
        mots_cles=("inclusion numérique", "médiation numérique"),
        frequence="daily",
        ressources=(
            RessourceDeclaree(code="csv", titre="Lieux (CSV, standard national)", format="csv",
                              ecrire=ecrire_csv, versions=empreinte_registre,
                              schema=("LaMednum/standard-mediation-num", "1.0.1")),
        ),
    ))

`ecrire(fichier)` writes the whole file into a binary file open for writing and returns the
number of data rows (or None); it never writes demonstration content. `versions()` returns a
fingerprint of the data the file is made from (sun.core.versions.empreinte): the catalogue
makes a new dated version of the resource only when it changes. The catalogue
(`sun.donnees.catalogue`) creates and updates the dataset row from the declaration; nothing
else has to be done by the app."""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from sun.core.tableur import ecrivain_csv


@dataclass(frozen=True)
class RessourceDeclaree:
    code: str
    titre: str
    format: str  # a value of sun.donnees.referentiel.Format
    ecrire: Callable[[BinaryIO], int | None] = field(repr=False)
    versions: Callable[[], str] = field(repr=False)
    schema: tuple[str, str] | None = None  # (schema id, version) on schema.data.gouv.fr
    description: str = ""
    nom_fichier: str = ""  # download name; default: <slug>-<code>.<format>


@dataclass(frozen=True)
class JeuDeclare:
    code: str
    slug: str
    titre: str
    description: str
    themes: tuple[str, ...]
    mots_cles: tuple[str, ...]
    frequence: str  # a value of sun.donnees.referentiel.Frequence
    ressources: tuple[RessourceDeclaree, ...]
    maille: str = "Départementale"
    service: str = ""
    # (start, end) of the period its data cover, when known.
    couverture: Callable[[], tuple[date | None, date | None]] | None = field(
        default=None, repr=False
    )
    # Where partners read the same data through the API (name of a URL, or a full path).
    api: str = ""
    # Made after every other dataset: its file describes them (the catalogue itself).
    en_dernier: bool = False


def fichier_csv(entete: list[str], lignes: Callable[[], Iterable]) -> Callable[[BinaryIO], int]:
    """The `ecrire` of a CSV resource: UTF-8, `,` between columns (as the national schemas
    want), `entete` then the rows `lignes()` yields, written by chunks of about 1 MB (formula
    cells neutralised by sun.core.tableur); returns the rows written."""

    def ecrire(fichier: BinaryIO) -> int:
        tampon = io.StringIO(newline="")
        ecrivain = ecrivain_csv(tampon, lineterminator="\n")
        ecrivain.writerow(entete)
        nombre = 0
        for ligne in lignes():
            ecrivain.writerow(ligne)
            nombre += 1
            if tampon.tell() > 1 << 20:
                fichier.write(tampon.getvalue().encode())
                tampon.seek(0)
                tampon.truncate()
        fichier.write(tampon.getvalue().encode())
        return nombre

    return ecrire


class DeclarationInconnue(KeyError):
    def __str__(self) -> str:
        return f"Jeu de données déclaré inconnu : « {self.args[0]} »."


_JEUX: dict[str, JeuDeclare] = {}


def declarer(jeu: JeuDeclare) -> JeuDeclare:
    codes = [r.code for r in jeu.ressources]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{jeu.code} : deux ressources portent le même code.")
    ancien = _JEUX.get(jeu.code)
    if ancien is not None and ancien.slug != jeu.slug:
        raise ValueError(f"{jeu.code} : déjà déclaré sous l'adresse {ancien.slug}.")
    _JEUX[jeu.code] = jeu
    return jeu


def obtenir(code: str) -> JeuDeclare:
    try:
        return _JEUX[code]
    except KeyError:
        raise DeclarationInconnue(code) from None


def tous() -> list[JeuDeclare]:
    return sorted(_JEUX.values(), key=lambda j: j.code)
