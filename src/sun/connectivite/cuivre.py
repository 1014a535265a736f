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
    # What happens, in one or two sentences with the dates (empty without a calendar).
    consequence: str = ""
    # The date before which residents should act (None: none left).
    avant_le: date | None = None

    @property
    def definitions(self) -> list[str]:
        """The two closures explained (the words of the calendar)."""
        return [e for e in self.etapes if e in (FC, FT)]

    @property
    def actions(self) -> list[str]:
        """What residents should do."""
        return [e for e in self.etapes if e not in (FC, FT)]


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


ARRET = "le téléphone fixe et l'internet par le cuivre (ADSL, VDSL) s'arrêteront"


def _consequence(fc: date | None, ft: date | None, aujourd_hui: date) -> str:
    phrases = []
    if fc and fc > aujourd_hui:
        phrases.append(f"À partir du {fc:%d/%m/%Y}, plus personne ne pourra souscrire un nouvel "
                       "abonnement sur le cuivre ; les abonnements en cours continueront.")  # fmt: skip
    elif fc:
        phrases.append(f"Depuis le {fc:%d/%m/%Y}, on ne peut plus souscrire d'abonnement sur le "
                       "cuivre ; les abonnements en cours fonctionnent encore.")  # fmt: skip
    if ft and ft > aujourd_hui:
        phrases.append(f"Le {ft:%d/%m/%Y}, {ARRET} : les lignes qui n'auront pas changé de "
                       "technologie seront coupées.")  # fmt: skip
    elif ft:
        phrases.append(f"Depuis le {ft:%d/%m/%Y}, le téléphone fixe et l'internet par le cuivre "
                       "sont arrêtés.")  # fmt: skip
    return " ".join(phrases)


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
                            "territoires »."], None, "",
                           _consequence(fc, ft, aujourd_hui))  # fmt: skip
    if fc and fc <= aujourd_hui:
        etapes = [FC, *A_FAIRE]
        titre = f"Fermeture commerciale depuis le {fc:%d/%m/%Y}"
        if ft:
            titre += f" ; fermeture technique le {ft:%d/%m/%Y}"
        return Explication(Phase.FC_PASSEE, titre + ".", etapes, _jours(ft, aujourd_hui),
                           "fermeture technique" if ft else "",
                           _consequence(fc, ft, aujourd_hui), ft)  # fmt: skip
    titre = f"Fermeture commerciale prévue le {fc:%d/%m/%Y}" if fc else "Fermeture prévue"
    if ft:
        titre += f", fermeture technique le {ft:%d/%m/%Y}"
    return Explication(Phase.AVANT_FC, titre + ".", [FC, FT, *A_FAIRE], _jours(fc, aujourd_hui),
                       "fermeture commerciale" if fc else "", _consequence(fc, ft, aujourd_hui),
                       ft or fc)  # fmt: skip
