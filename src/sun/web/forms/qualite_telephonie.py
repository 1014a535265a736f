"""Forms of the telephone pages: a queue's settings, the choices of the staffing aid and the
rota grid. They check what was typed and hand plain values to
`sun.qualite.telephonie.services`; they never write."""

from django import forms

from sun.qualite.telephonie.effectifs import OBJECTIFS, Objectif
from sun.qualite.telephonie.services import AGENTS_MAX
from sun.qualite.telephonie.statistiques.tableau import JOURS, creneau


class FileAttenteForm(forms.Form):
    service = forms.ModelChoiceField(
        label="Service qui répond à cette file", queryset=None, required=False,
        empty_label="Aucun service (file non rattachée)",
    )  # fmt: skip
    objectif_decroche = forms.IntegerField(
        label="Objectif de taux de décroché (%)", min_value=1, max_value=100,
        help_text="Objectif de l'État pour les services publics : 85 %.",
    )  # fmt: skip
    abandon_court_s = forms.IntegerField(
        label="Abandons exclus en deçà de (secondes)", min_value=0, max_value=120,
        help_text="Un appel raccroché avant ce délai n'est pas compté comme appel à décrocher "
        "(0 : tous comptés). La définition Services Publics+ ne fixe pas de seuil.",
    )  # fmt: skip
    seuil_reponse_s = forms.IntegerField(
        label="Réponse rapide en (secondes) au plus", min_value=1, max_value=600,
        help_text="Sert au chiffre « décrochés dans le délai ».",
    )  # fmt: skip

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


CHOIX_OBJECTIFS = [
    ("decroche", "85 % des appels décrochés (objectif de l'État)"),
    ("80en20", "80 % des appels décrochés en 20 secondes au plus"),
    ("perso", "Objectif personnalisé (part des appels décrochés dans un délai)"),
]


class EffectifsForm(forms.Form):
    """The choices of the staffing aid (read from the query string)."""

    objectif = forms.ChoiceField(label="Niveau de service visé", choices=CHOIX_OBJECTIFS,
                                 initial="decroche", widget=forms.RadioSelect)  # fmt: skip
    cible = forms.DecimalField(label="Part des appels (%) pour l'objectif personnalisé",
                               min_value=1, max_value=99.9, decimal_places=1, required=False,
                               initial=90)  # fmt: skip
    delai_s = forms.IntegerField(label="Décrochés en (secondes) au plus, pour l'objectif "
                                 "personnalisé", min_value=0, max_value=3600, required=False,
                                 initial=30)  # fmt: skip
    apres_appel_s = forms.IntegerField(
        label="Temps de travail après l'appel (secondes)", min_value=0, max_value=1800,
        required=False, initial=0,
        help_text="Ajouté à la durée moyenne de conversation (saisie d'une fiche, d'un courriel…).",
    )  # fmt: skip

    def clean(self):
        donnees = super().clean()
        if donnees.get("objectif") == "perso":
            for champ in ("cible", "delai_s"):
                if donnees.get(champ) is None and champ not in self.errors:
                    self.add_error(champ, "Obligatoire pour un objectif personnalisé.")
        return donnees

    def choix(self) -> tuple[Objectif, int]:
        """The objective and the wrap-up time (defaults when the form is not valid)."""
        if not self.is_valid():
            return OBJECTIFS["decroche"], 0
        d = self.cleaned_data
        apres = d.get("apres_appel_s") or 0
        if d["objectif"] == "perso":
            return Objectif(float(d["cible"]) / 100, d["delai_s"]), apres
        return OBJECTIFS[d["objectif"]], apres


def nom_case(jour: int, demi_heure: int) -> str:
    return f"j{jour}_h{demi_heure}"


class PlanningForm(forms.Form):
    """One number per weekday and half-hour of the opening hours; empty: not entered."""

    def __init__(self, *args, jours: list[int], heures: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.jours, self.heures = jours, heures
        for j in jours:
            for h in heures:
                self.fields[nom_case(j, h)] = forms.IntegerField(
                    label=f"Agents le {JOURS[j - 1]} de {creneau(h)}", required=False,
                    min_value=0, max_value=AGENTS_MAX,
                    widget=forms.NumberInput(attrs={"inputmode": "numeric", "style": "width: 4.5em"}),
                )  # fmt: skip

    def grille(self) -> dict[tuple[int, int], int | None]:
        return {(j, h): self.cleaned_data.get(nom_case(j, h)) for j in self.jours
                for h in self.heures}  # fmt: skip

    def lignes(self):
        """[(half-hour label, [bound fields of each weekday])] for the grid's table."""
        return [(creneau(h), [self[nom_case(j, h)] for j in self.jours]) for h in self.heures]
