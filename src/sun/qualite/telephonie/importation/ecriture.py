"""Writes of the import of calls, in bulk: the queues met for the first time, the new calls
(one INSERT … executemany per batch, `core.imports.masse`), the calls whose values changed.
One read per batch of what the source already has: never a query per row."""

from collections.abc import Iterable

from sun.core.imports import masse
from sun.qualite.models import Appel, FileAttente
from sun.qualite.telephonie.importation.conversion import Jambe, calendrier

COMPARES = ("file_id", "debut", "issue", "attente_s", "conversation_s", "groupe_agents",
            "appelant", "demonstration")  # fmt: skip


def files_connues() -> dict[str, int]:
    return dict(FileAttente.objects.values_list("code", "pk"))


def creer_files(codes: Iterable[str], *, demonstration: bool = False) -> dict[str, int]:
    """Queues named by an export and unknown so far: code and name = the export's name, no
    service yet (the coordinator ties them to one in the agent space)."""
    codes = sorted(set(codes))
    FileAttente.objects.bulk_create(
        [FileAttente(code=c, nom=c, demonstration=demonstration) for c in codes],
        ignore_conflicts=True,
    )
    return dict(FileAttente.objects.filter(code__in=codes).values_list("code", "pk"))


def existants(source: str, identifiants: list[str]) -> dict[str, tuple]:
    """{identifiant: (pk, *COMPARES)} of the calls of `source` among `identifiants`."""
    trouves = {}
    for lot in masse.par_lots(identifiants, 5000):
        for pk, identifiant, *valeurs in Appel.objects.filter(
            source=source, identifiant__in=lot
        ).values_list("pk", "identifiant", *COMPARES):
            trouves[identifiant] = (pk, *valeurs)
    return trouves


def ligne(appel: Jambe, file_id: int, source: str, demonstration: bool) -> dict:
    jour, jour_semaine, demi_heure = calendrier(appel.debut)
    return {
        "file_id": file_id, "source": source, "identifiant": appel.identifiant,
        "debut": appel.debut, "jour": jour, "jour_semaine": jour_semaine,
        "demi_heure": demi_heure, "issue": appel.issue, "attente_s": appel.attente_s,
        "conversation_s": appel.conversation_s, "groupe_agents": appel.groupe_agents,
        "appelant": appel.appelant, "demonstration": demonstration,
    }  # fmt: skip


def ecrire(lignes: list[dict], connus: dict[str, tuple]) -> tuple[int, int, int]:
    """Insert the new calls, update the changed ones; (new, changed, unchanged)."""
    nouvelles, modifiees, inchangees = [], [], 0
    for valeurs in lignes:
        connu = connus.get(valeurs["identifiant"])
        if connu is None:
            nouvelles.append(valeurs)
        elif tuple(valeurs[c] for c in COMPARES) != connu[1:]:
            modifiees.append(Appel(pk=connu[0], **valeurs))
        else:
            inchangees += 1
    masse.inserer_lignes(Appel, nouvelles)
    masse.mettre_a_jour(modifiees, ["file", *COMPARES[1:], "jour", "jour_semaine", "demi_heure"])
    return len(nouvelles), len(modifiees), inchangees


def rattacher_files_demo(services: dict[str, str]) -> None:
    """Tie the demonstration queues `{code: service code}` still tied to no service."""
    from sun.relation.models import ServiceInstructeur

    par_code = dict(ServiceInstructeur.objects.filter(code__in=services.values())
                    .values_list("code", "pk"))  # fmt: skip
    for file, service in services.items():
        if service in par_code:
            FileAttente.objects.filter(code=file, demonstration=True, service=None).update(
                service_id=par_code[service]
            )


def nommer_files(noms: dict[str, str], *, demonstration: bool = False) -> None:
    """Create the queues `{code: name}` that do not exist yet (demonstration data)."""
    connues = set(FileAttente.objects.filter(code__in=noms).values_list("code", flat=True))
    FileAttente.objects.bulk_create(
        [
            FileAttente(code=c, nom=n, demonstration=demonstration)
            for c, n in noms.items()
            if c not in connues
        ]
    )
