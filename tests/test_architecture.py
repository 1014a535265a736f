"""The architecture rules of SUN, checked on the source with `ast` (no database, no import):

- views (sun.web.views) and API endpoints (sun.api) never write to the ORM: writes are named
  functions in the services of the apps and wings;
- the lower layers (core, territoire, inclusion, pilotage, comptes) never import sun.web,
  sun.api or sun.cli, not even inside a function;
- no import cycle between the modules of sun (imports run when a module loads);
- no source file over 400 lines (migrations apart).

Each checker is also tried on synthetic sources, so that a checker that finds nothing because
it is broken does not pass for a clean tree.
"""

import ast
from functools import cache
from pathlib import Path

import pytest

SUN = Path(__file__).resolve().parent.parent / "src" / "sun"

ECRITURES = frozenset({"save", "delete", "create", "bulk_create", "bulk_update", "update",
                       "update_or_create", "get_or_create"})  # fmt: skip
SANS_ECRITURE = ("web/views", "api")
COUCHES_BASSES = (
    "core",
    "territoire",
    "inclusion",
    "pilotage",
    "relation",
    "qualite",
    "accessibilite",
    "connectivite",
    "parc",
    "donnees",
    "competences",
    "projets",
    "comptes",
)
COUCHES_HAUTES = ("sun.web", "sun.api", "sun.cli")
LIGNES_MAX = 400


# --- reading the source -----------------------------------------------------------------------
def modules(racine: Path = SUN) -> dict[str, Path]:
    """{dotted name: file} of every module of the package at `racine`, migrations apart."""
    resultat = {}
    for chemin in sorted(racine.rglob("*.py")):
        relatif = chemin.relative_to(racine.parent).with_suffix("")
        if "migrations" in relatif.parts:
            continue
        parties = list(relatif.parts)
        if parties[-1] == "__init__":
            parties.pop()
        resultat[".".join(parties)] = chemin
    return resultat


@cache
def _arbre(chemin: Path) -> ast.Module:
    return ast.parse(chemin.read_text(encoding="utf-8"), filename=str(chemin))


def _base_relative(noeud: ast.ImportFrom, module: str, est_paquet: bool) -> str:
    """The absolute module an ImportFrom starts from (`from ..web import x` resolved)."""
    if not noeud.level:
        return noeud.module or ""
    paquet = module.split(".") if est_paquet else module.split(".")[:-1]
    paquet = paquet[: len(paquet) - (noeud.level - 1)]
    return ".".join([*paquet, noeud.module] if noeud.module else paquet)


def _noms_importes(noeud: ast.AST, module: str, est_paquet: bool) -> list[str]:
    """What an import statement names: `import a.b` → a.b; `from a import b` → a and a.b."""
    if isinstance(noeud, ast.Import):
        return [alias.name for alias in noeud.names]
    if isinstance(noeud, ast.ImportFrom):
        base = _base_relative(noeud, module, est_paquet)
        return [base, *(f"{base}.{alias.name}" for alias in noeud.names if alias.name != "*")]
    return []


def _est_type_checking(noeud: ast.If) -> bool:
    test = noeud.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports_au_chargement(noeuds):
    """Import statements run when the module loads: not in functions, not under
    `if TYPE_CHECKING:`, but in classes, `if`, `try` and `with` at module level."""
    for noeud in noeuds:
        if isinstance(noeud, ast.Import | ast.ImportFrom):
            yield noeud
        elif isinstance(noeud, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        elif isinstance(noeud, ast.If) and _est_type_checking(noeud):
            yield from _imports_au_chargement(noeud.orelse)
        else:
            yield from _imports_au_chargement(ast.iter_child_nodes(noeud))


# --- the checkers -----------------------------------------------------------------------------
def ecritures_orm(arbre: ast.AST) -> list[tuple[int, str]]:
    """(line, call) of every call of a method named like an ORM write (`x.save()`,
    `Model.objects.create(…)`, `form.save()`, `qs.update(…)`…)."""
    return sorted(
        (noeud.lineno, ast.unparse(noeud.func))
        for noeud in ast.walk(arbre)
        if isinstance(noeud, ast.Call)
        and isinstance(noeud.func, ast.Attribute)
        and noeud.func.attr in ECRITURES
    )


def imports_interdits(
    arbre: ast.AST, module: str, est_paquet: bool, interdits=COUCHES_HAUTES
) -> list[tuple[int, str]]:
    """(line, module) of every import of an `interdits` package, wherever it is in the module
    (`from sun import web` imports sun.web; `from ..api.erreurs import x`, sun.api.erreurs)."""

    def interdit(nom: str) -> bool:
        return any(nom == i or nom.startswith(f"{i}.") for i in interdits)

    trouves = set()
    for noeud in ast.walk(arbre):
        noms = _noms_importes(noeud, module, est_paquet)
        if noms and isinstance(noeud, ast.ImportFrom) and interdit(noms[0]):
            noms = noms[:1]  # the module itself, not each name taken from it
        trouves.update((noeud.lineno, nom) for nom in noms if interdit(nom))
    return sorted(trouves)


def graphe_imports(tous: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of `tous` it imports when it loads. `from a import b` points at
    the module a.b when there is one, else at a."""
    graphe = {}
    for module, chemin in tous.items():
        est_paquet = chemin.name == "__init__.py"
        cibles = set()
        for noeud in _imports_au_chargement(_arbre(chemin).body):
            if isinstance(noeud, ast.Import):
                for alias in noeud.names:
                    nom = alias.name
                    while nom and nom not in tous:
                        nom = nom.rpartition(".")[0]
                    if nom:
                        cibles.add(nom)
            else:
                base = _base_relative(noeud, module, est_paquet)
                for alias in noeud.names:
                    if f"{base}.{alias.name}" in tous:
                        cibles.add(f"{base}.{alias.name}")
                    elif base in tous:
                        cibles.add(base)
        cibles.discard(module)
        graphe[module] = cibles
    return graphe


def cycles(graphe: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a → … → a) per strongly connected group of modules (Tarjan)."""
    rang: dict[str, int] = {}
    bas: dict[str, int] = {}
    pile: list[str] = []
    sur_pile: set[str] = set()
    groupes: list[set[str]] = []

    def visiter(depart: str) -> None:  # iterative: no recursion limit on deep chains
        travail = [(depart, iter(sorted(graphe.get(depart, ()))))]
        rang[depart] = bas[depart] = len(rang)
        pile.append(depart)
        sur_pile.add(depart)
        while travail:
            noeud, suivants = travail[-1]
            suivant = next(suivants, None)
            if suivant is not None:
                if suivant not in rang:
                    rang[suivant] = bas[suivant] = len(rang)
                    pile.append(suivant)
                    sur_pile.add(suivant)
                    travail.append((suivant, iter(sorted(graphe.get(suivant, ())))))
                elif suivant in sur_pile:
                    bas[noeud] = min(bas[noeud], rang[suivant])
                continue
            travail.pop()
            if travail:
                parent = travail[-1][0]
                bas[parent] = min(bas[parent], bas[noeud])
            if bas[noeud] == rang[noeud]:
                groupe = set()
                while True:
                    membre = pile.pop()
                    sur_pile.discard(membre)
                    groupe.add(membre)
                    if membre == noeud:
                        break
                if len(groupe) > 1:
                    groupes.append(groupe)

    for module in sorted(graphe):
        if module not in rang:
            visiter(module)
    return [_un_cycle(graphe, groupe) for groupe in groupes]


def _un_cycle(graphe: dict[str, set[str]], groupe: set[str]) -> list[str]:
    """The shortest cycle through the first module of the group, as a path."""
    depart = min(groupe)
    chemins = {depart: [depart]}
    a_voir = [depart]
    while a_voir:
        noeud = a_voir.pop(0)
        for suivant in sorted(graphe[noeud] & groupe):
            if suivant == depart:
                return [*chemins[noeud], depart]
            if suivant not in chemins:
                chemins[suivant] = [*chemins[noeud], suivant]
                a_voir.append(suivant)
    raise AssertionError(f"groupe sans cycle : {groupe}")  # a strongly connected group has one


def trop_longs(
    tous: dict[str, Path], racine: Path = SUN, maximum: int = LIGNES_MAX
) -> list[tuple[str, int]]:
    """(path from the package's folder, lines) of the modules over `maximum` lines."""
    resultat = []
    for chemin in tous.values():
        with chemin.open(encoding="utf-8") as f:
            lignes = sum(1 for _ in f)
        if lignes > maximum:
            resultat.append((chemin.relative_to(racine.parent).as_posix(), lignes))
    return resultat


def _sous(tous: dict[str, Path], *dossiers: str, racine: Path = SUN) -> dict[str, Path]:
    return {
        m: c for m, c in tous.items()
        if any(c.is_relative_to(racine / d) for d in dossiers)
    }  # fmt: skip


def _lieu(chemin: Path) -> str:
    return str(chemin.relative_to(SUN.parent.parent)) if chemin.is_relative_to(SUN) else str(chemin)


# --- the rules on SUN's source ----------------------------------------------------------------
def test_les_vues_et_l_api_n_ecrivent_pas_dans_la_base():
    fautes = [
        f"{_lieu(chemin)}:{ligne} {appel}(…)"
        for chemin in _sous(modules(), *SANS_ECRITURE).values()
        for ligne, appel in ecritures_orm(_arbre(chemin))
    ]
    assert not fautes, (
        "Écritures dans une vue ou l'API : passez par une fonction du services.py de l'application "
        "ou de l'aile.\n" + "\n".join(fautes)
    )


def test_les_couches_basses_n_importent_ni_le_web_ni_l_api_ni_la_cli():
    fautes = [
        f"{_lieu(chemin)}:{ligne} importe {nom}"
        for module, chemin in _sous(modules(), *COUCHES_BASSES).items()
        for ligne, nom in imports_interdits(_arbre(chemin), module, chemin.name == "__init__.py")
    ]
    assert not fautes, "Import d'une couche haute par une couche basse :\n" + "\n".join(fautes)


def test_aucun_cycle_d_imports():
    trouves = cycles(graphe_imports(modules()))
    assert not trouves, "Cycles d'imports :\n" + "\n".join(" → ".join(c) for c in trouves)


def test_aucun_fichier_de_plus_de_400_lignes():
    fautes = trop_longs(modules())
    assert not fautes, "Fichiers trop longs :\n" + "\n".join(f"{c} : {n} lignes" for c, n in fautes)


# --- the checkers catch what they must --------------------------------------------------------
def test_le_detecteur_d_ecritures_les_voit_toutes():
    source = """
def vue(request, form, lieu, qs):
    lieu.save(update_fields=["nom"])
    form.save()
    Lieu.objects.create(nom="x")
    Lieu.objects.get_or_create(nom="x")
    Lieu.objects.update_or_create(nom="x")
    Lieu.objects.bulk_create([])
    Lieu.objects.bulk_update([], ["nom"])
    qs.filter(a=1).update(b=2)
    lieu.delete()
    return Lieu.objects.filter(a=1).exclude(b=2).first(), qs.count()
"""
    assert [appel for _, appel in ecritures_orm(ast.parse(source))] == [
        "lieu.save", "form.save", "Lieu.objects.create", "Lieu.objects.get_or_create",
        "Lieu.objects.update_or_create", "Lieu.objects.bulk_create", "Lieu.objects.bulk_update",
        "qs.filter(a=1).update", "lieu.delete",
    ]  # fmt: skip


def test_le_detecteur_d_imports_interdits_les_voit_partout():
    source = """
import sun.cli
from sun import api
from sun.core.text import nombre
from ..web.graphiques import graphique_barres

def rapport():
    from sun.web.graphiques import graphique_indicateurs
"""
    trouves = imports_interdits(ast.parse(source), "sun.pilotage.rapport", est_paquet=False)
    assert trouves == [(2, "sun.cli"), (3, "sun.api"), (5, "sun.web.graphiques"),
                       (8, "sun.web.graphiques")]  # fmt: skip
    assert imports_interdits(ast.parse("from sun.webhooks import x"), "sun.core.m", False) == []


def _paquet(racine: Path, fichiers: dict[str, str]) -> dict[str, Path]:
    for nom, texte in fichiers.items():
        chemin = racine / "sun" / nom
        chemin.parent.mkdir(parents=True, exist_ok=True)
        chemin.write_text(texte, encoding="utf-8")
    return modules(racine / "sun")


def test_le_detecteur_de_cycles_les_trouve_et_les_decrit(tmp_path):
    tous = _paquet(tmp_path, {
        "__init__.py": "",
        "geo/__init__.py": "",
        "geo/models.py": "from sun.geo.queries import CommuneQuerySet\n",
        "geo/queries.py": "from sun.geo import models\n",  # a loop through `from pkg import mod`
        "a.py": "from . import b\n",
        "b.py": "class B:\n    from sun import c\n",  # a class body runs at import
        "c.py": "import sun.a\n",
        "paresseux.py": "def f():\n    from sun import sage\n",  # in a function: not a loop
        "sage.py": "import sun.paresseux\n",
        "typage.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sun import sage2\n",
        "sage2.py": "import sun.typage\n",
    })  # fmt: skip
    assert sorted(cycles(graphe_imports(tous))) == [
        ["sun.a", "sun.b", "sun.c", "sun.a"],
        ["sun.geo.models", "sun.geo.queries", "sun.geo.models"],
    ]


def test_le_detecteur_de_fichiers_trop_longs(tmp_path):
    tous = _paquet(tmp_path, {
        "__init__.py": "",
        "juste.py": "x = 1\n" * 400,
        "long.py": "x = 1\n" * 401,
        "migrations/0001_initial.py": "x = 1\n" * 1000,  # generated: not counted
    })  # fmt: skip
    assert trop_longs(tous, racine=tmp_path / "sun") == [("sun/long.py", 401)]


@pytest.mark.parametrize("dossier", SANS_ECRITURE)
def test_les_dossiers_surveilles_existent(dossier):
    """A renamed folder would silently leave its rule checking nothing."""
    assert _sous(modules(), dossier)
