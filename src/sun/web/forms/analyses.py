"""Agent space › Analyses: the form to import a fragility index file."""

from django import forms

from sun.web.forms.fichiers import verifier_lisible

TAILLE_MAX = 20 * 1024 * 1024


class ImportIfnForm(forms.Form):
    fichier = forms.FileField(
        label="Fichier de l'indice de fragilité numérique",
        help_text="CSV (tout séparateur, tout encodage) ou XLSX aux colonnes name, division, "
        "code, no_thd_coverage_rate, no_4g_coverage_rate, poverty_rate, older_65_rate, "
        "nscol15p_rate, total ; 20 Mo au plus.",
    )
    source = forms.CharField(
        label="Source", max_length=150, required=False,
        help_text="Par exemple : La MedNum, fragilite-numerique.fr, édition 2024. Par défaut : "
        "« Indice de fragilité numérique (La MedNum), fichier de l'ANCT ».",
    )  # fmt: skip
    departement_seul = forms.BooleanField(
        label="Ne lire que les communes et EPCI du département", required=False, initial=True,
        help_text="Un fichier national compte 35 000 communes : les autres lignes sont comptées, "
        "pas importées.",
    )  # fmt: skip
    essai = forms.BooleanField(
        label="Essai à blanc : montrer ce qui changerait sans rien enregistrer",
        required=False, initial=True,
    )  # fmt: skip

    def clean_fichier(self):
        fichier = self.cleaned_data["fichier"]
        if fichier.size > TAILLE_MAX:
            raise forms.ValidationError(
                "Fichier trop volumineux (20 Mo au plus) : demandez à l'administrateur de "
                "l'importer sur le serveur."
            )
        verifier_lisible(fichier)
        return fichier
