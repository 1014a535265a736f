"""Forms of the retention pages: one rule (the checks of `sun.donnees.conservation.regles`,
each reason tied to its field), the file of a tableau de gestion, the Archives' decisions."""

from django import forms

from sun.donnees.conservation import regles, types
from sun.donnees.models import PointDepart, SortFinal, Unite

# Which field a reason of `regles.verifier` is about (by the start of the reason).
_CHAMPS = (("durée d'utilité", "dua_valeur"), ("unité de la dua", "dua_unite"),
           ("durée des données", "rgpd_valeur"), ("unité des données", "rgpd_unite"),
           ("point de départ", "point_depart"), ("le point de départ", "point_depart"),
           ("sort final", "sort_final"), ("type d'enregistrement", "type_enregistrement"),
           ("typologie", "typologie"), ("date de validation", "valide_archives_le"))  # fmt: skip


def _champ(raison: str) -> str | None:
    debut = raison.lower()
    for prefixe, champ in _CHAMPS:
        if debut.startswith(prefixe):
            return champ
    for c in regles.LONGUEURS:
        if debut.startswith(f"{c} trop long"):
            return c
    return None


class RegleForm(forms.Form):
    typologie = forms.CharField(label="Typologie des documents", max_length=250)
    type_enregistrement = forms.ChoiceField(
        label="Enregistrements de SUN", required=False,
        help_text="Vide pour un document que SUN ne tient pas : la règle figure au tableau "
        "sans être appliquée.",
    )  # fmt: skip
    service = forms.CharField(label="Service", max_length=200, required=False)
    processus = forms.CharField(label="Processus", max_length=200, required=False)
    dua_valeur = forms.CharField(label="Durée d'utilité administrative", max_length=6,
                                 help_text="Nombre entier, zéro ou plus.")  # fmt: skip
    dua_unite = forms.ChoiceField(label="Unité de la durée d'utilité administrative",
                                  choices=Unite.choices)  # fmt: skip
    point_depart = forms.ChoiceField(label="Point de départ", choices=PointDepart.choices)
    sort_final = forms.ChoiceField(label="Sort final", choices=SortFinal.choices)
    rgpd_valeur = forms.CharField(
        label="Durée de conservation des données personnelles", max_length=6, required=False,
        help_text="Au-delà, les données personnelles sont anonymisées sans attendre la fin de "
        "la durée d'utilité administrative. Vide : aucune anonymisation.",
    )  # fmt: skip
    rgpd_unite = forms.ChoiceField(label="Unité de la durée des données personnelles",
                                   choices=Unite.choices)  # fmt: skip
    modalites_tri = forms.CharField(label="Modalités de tri", required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    observations = forms.CharField(label="Observations", required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    reference = forms.CharField(label="Référence réglementaire", max_length=300, required=False)
    communicabilite = forms.CharField(label="Communicabilité", max_length=200, required=False)
    source = forms.CharField(label="Instruction ou source", max_length=200, required=False)
    valide_archives_le = forms.CharField(
        label="Validée par les Archives le", max_length=10, required=False,
        help_text="Date au format JJ/MM/AAAA, vide tant que les Archives n'ont pas validé.",
    )  # fmt: skip

    def __init__(self, *args, code: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.code = code
        self.fields["type_enregistrement"].choices = [("", "— aucun —")] + [
            (t.code, t.libelle) for t in types.tous()
        ]

    def clean(self):
        donnees = super().clean()
        if self.errors:
            return donnees
        _, raisons = regles.verifier({**donnees, "code": self.code})
        for raison in raisons:
            self.add_error(_champ(raison), raison[0].upper() + raison[1:] + ".")
        return donnees

    @staticmethod
    def initial_de(regle) -> dict:
        initial = {c: getattr(regle, c) for c in regles.COLONNES if c != "code"}
        initial["rgpd_valeur"] = "" if regle.rgpd_valeur is None else regle.rgpd_valeur
        d = regle.valide_archives_le
        initial["valide_archives_le"] = d.strftime("%d/%m/%Y") if d else ""
        return initial


class ImportForm(forms.Form):
    fichier = forms.FileField(label="Tableau de gestion (CSV ou YAML)",
                              help_text="Les colonnes sont celles de l'export CSV du tableau. "
                              "Une seule ligne refusée : rien n'est enregistré.")  # fmt: skip


class RefusForm(forms.Form):
    motif = forms.CharField(label="Motif du refus", max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
