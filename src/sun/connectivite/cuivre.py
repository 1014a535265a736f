"""The copper switch-off of a commune told in plain French: where it stands today and what a
resident must do before each date. Dates are always those of the imported file, with its date
(never a date typed from a text)."""

from dataclasses import dataclass
from datetime import date

from sun.connectivite.models import CalendrierCuivre


class Phase:
    SANS_CALENDRIER = "sans_calendrier"
    AVANT_FC = "avant_fc"  # copper subscriptions still sold
    FC_PASSEE = "fc_passee"  # no new copper subscription; existing lines still work
    FT_PASSEE = "ft_passee"  # copper services have stopped


@dataclass(frozen=True)
class Explication:
    phase: str
    titre: str
    etapes: list[str]
    jours_avant_prochaine: int | None  # countdown to the next date (None: no next date)
    prochaine: str  # « fermeture commerciale », « fermeture technique » or ""


FC = (
    "La fermeture commerciale : plus aucun nouvel abonnement sur le réseau cuivre ne peut être "
    "souscrit, quel que soit l'opérateur. Les abonnements en cours continuent de fonctionner."
)
FT = (
    "La fermeture technique : les services sur le cuivre (téléphone fixe, ADSL, VDSL) "
    "s'arrêtent. Les lignes qui n'ont pas changé de technologie sont coupées."
)
A_FAIRE = [
    "Vérifier sur « Ma connexion internet » (Arcep) si votre logement est raccordable à la fibre.",
    "Contacter l'opérateur de votre choix pour passer à la fibre (ou, sans fibre, à la 4G/5G "
    "fixe, au satellite ou à la radio) ; le raccordement est en général sans frais pour vous.",
    "Penser aux équipements branchés sur la ligne : téléassistance, alarme, ascenseur, fax, "
    "terminal de paiement. Demandez à leur fournisseur comment ils fonctionneront ensuite.",
    "Se méfier du démarchage à domicile : aucun opérateur n'est mandaté par la mairie ; rien "
    "ne vous oblige à signer sur le pas de votre porte.",
]  # fmt: skip


def _jours(jusqu_au: date | None, aujourd_hui: date) -> int | None:
    return (jusqu_au - aujourd_hui).days if jusqu_au and jusqu_au >= aujourd_hui else None


def expliquer(calendrier: CalendrierCuivre | None, aujourd_hui: date) -> Explication:
    if calendrier is None or not (calendrier.date_fc or calendrier.date_ft):
        return Explication(
            Phase.SANS_CALENDRIER,
            "Aucune date de fermeture du cuivre n'est publiée pour cette commune.",
            ["Le réseau cuivre fonctionne normalement. Le plan national prévoit la fin du "
             "cuivre d'ici fin 2030 : les dates seront annoncées au moins un an à l'avance.",
             *A_FAIRE[:1]],
            None, "",
        )  # fmt: skip
    fc, ft = calendrier.date_fc, calendrier.date_ft
    if ft and ft <= aujourd_hui:
        return Explication(Phase.FT_PASSEE, f"Le cuivre est fermé depuis le {ft:%d/%m/%Y}.",
                           [FT, "Sans fibre, un accès par 4G/5G fixe, satellite ou radio est "
                            "possible, avec l'aide de l'État « Cohésion numérique des "
                            "territoires »."], None, "")  # fmt: skip
    if fc and fc <= aujourd_hui:
        etapes = [FC, *A_FAIRE]
        titre = f"Fermeture commerciale depuis le {fc:%d/%m/%Y}"
        if ft:
            titre += f" ; fermeture technique le {ft:%d/%m/%Y}"
        return Explication(Phase.FC_PASSEE, titre + ".", etapes, _jours(ft, aujourd_hui),
                           "fermeture technique" if ft else "")  # fmt: skip
    titre = f"Fermeture commerciale prévue le {fc:%d/%m/%Y}" if fc else "Fermeture prévue"
    if ft:
        titre += f", fermeture technique le {ft:%d/%m/%Y}"
    return Explication(Phase.AVANT_FC, titre + ".", [FC, FT, *A_FAIRE], _jours(fc, aujourd_hui),
                       "fermeture commerciale" if fc else "")  # fmt: skip
