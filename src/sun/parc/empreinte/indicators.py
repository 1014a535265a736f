"""Indicators of the wing « empreinte » (registered through sun.parc.indicators), for the
current year, at the level of the département (the fleet is the département's). The source
names the factor edition; the date is that of the fleet's data. Demonstration equipment never
counts."""

from django.utils import timezone

from sun.core.indicators import Indicateur, Niveau, Valeur, declarer

SOURCE = "Inventaire du parc (SUN) et facteurs d'émission"


def _source(table) -> str:
    return f"Inventaire du parc (SUN) ; facteurs {table.mention}"


def empreinte_totale(niveau: Niveau, code: str) -> Valeur:
    from sun.parc.empreinte.pages import tableau

    t = tableau()
    if not t.total.nombre:
        return Valeur(None, None, _source(t.table), t.note_demo or "Aucun équipement daté.")
    note = "; ".join(filter(None, [t.note_demo, _sans_facteur(t)]))
    return Valeur(round(t.total.total / 1000, 2), t.hypotheses.date, _source(t.table), note)


def _sans_facteur(t) -> str:
    n = sum(nombre for _, nombre in t.sans_facteur)
    return f"{n} équipement{'s' if n > 1 else ''} sans facteur non compté{'s' if n > 1 else ''}" \
        if n else ""  # fmt: skip


def empreinte_par_agent(niveau: Niveau, code: str) -> Valeur:
    from sun.parc.empreinte.pages import tableau

    t = tableau()
    if t.par_agent is None:
        return Valeur(None, None, _source(t.table),
                      "Effectif des sites non renseigné : valeur non calculée.")  # fmt: skip
    note = f"Sites dont l'effectif est connu : {t.effectif} agents"
    return Valeur(round(t.par_agent, 1), t.hypotheses.date, _source(t.table),
                  "; ".join(filter(None, [note, t.note_demo])))  # fmt: skip


def part_au_dela_duree_vie(niveau: Niveau, code: str) -> Valeur:
    """Items in the fleet (in stock, in service, in repair) whose planned lifetime (year of
    acquisition + lifetime) ended before the current year, among those with a date."""
    from sun.parc.empreinte import queries
    from sun.parc.empreinte.facteurs import table_courante
    from sun.parc.empreinte.pages import groupes

    annee = timezone.localdate().year
    en_parc = [g for g in groupes() if not g.hors_service and g.debut is not None]
    total = sum(g.nombre for g in en_parc)
    table = table_courante()
    if not total:
        return Valeur(None, None, _source(table), "Aucun équipement daté en parc.")
    au_dela = sum(g.nombre for g in en_parc if g.debut + g.duree < annee)
    return Valeur(round(100 * au_dela / total, 1), queries.date_des_donnees(), _source(table))


for code_, libelle, unite, calcul, sens, description in [
    ("parc.empreinte_totale", "Empreinte carbone annuelle du parc informatique", "t CO2e/an",
     empreinte_totale, "baisse",
     "Fabrication des équipements amortie sur leur durée de vie prévue et usage, pour l'année "
     "en cours (facteurs d'émission versionnés, édition fixée par l'administrateur du site)."),
    ("parc.empreinte_par_agent", "Empreinte du parc par agent", "kg CO2e/agent/an",
     empreinte_par_agent, "baisse",
     "Empreinte annuelle des équipements des sites dont l'effectif est connu, divisée par "
     "cet effectif ; pas de valeur sans effectif."),
    ("parc.part_au_dela_duree_vie", "Équipements gardés au-delà de leur durée de vie prévue",
     "%", part_au_dela_duree_vie, "hausse",
     "Part des équipements en parc dont la durée de vie prévue est dépassée : les garder plus "
     "longtemps évite la fabrication de leurs remplaçants."),
]:  # fmt: skip
    declarer(Indicateur(code=code_, libelle=libelle, unite=unite, niveaux=(Niveau.DEPARTEMENT,),
                        calcul=calcul, source=SOURCE, sens=sens, description=description))  # fmt: skip
