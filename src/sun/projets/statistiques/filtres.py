"""The filters of the statistics page (period, nature, tool, direction), read from the query
string without JavaScript; a wrong value is dropped with a French message."""

from dataclasses import dataclass, field
from datetime import date

from sun.projets.models.demandes import Nature


@dataclass
class Filtres:
    du: date | None = None
    au: date | None = None
    nature: str = ""
    outil: int | None = None
    direction: int | None = None
    erreurs: list[str] = field(default_factory=list)
    saisie: dict = field(default_factory=dict)  # what the person typed, shown back

    @classmethod
    def depuis(cls, donnees, outils: set[int], directions: set[int]) -> "Filtres":
        f = cls(saisie={k: str(donnees.get(k, "") or "")[:40]
                        for k in ("du", "au", "nature", "outil", "direction")})  # fmt: skip
        f.du = f._date("du", "début de période")
        f.au = f._date("au", "fin de période")
        if f.du and f.au and f.du > f.au:
            f.erreurs.append("La fin de la période précède son début : période ignorée.")
            f.du = f.au = None
        nature = f.saisie["nature"]
        if nature and nature not in Nature.values:
            f.erreurs.append("Nature inconnue : filtre ignoré.")
        else:
            f.nature = nature
        f.outil = f._parmi("outil", outils, "Outil inconnu")
        f.direction = f._parmi("direction", directions, "Direction inconnue")
        return f

    def _date(self, cle: str, quoi: str) -> date | None:
        texte = self.saisie[cle]
        if not texte:
            return None
        try:
            return date.fromisoformat(texte)
        except ValueError:
            self.erreurs.append(f"Date de {quoi} illisible (attendu AAAA-MM-JJ) : ignorée.")
            return None

    def _parmi(self, cle: str, connus: set[int], message: str) -> int | None:
        texte = self.saisie[cle]
        if not texte:
            return None
        if texte.isdigit() and int(texte) in connus:
            return int(texte)
        self.erreurs.append(f"{message} : filtre ignoré.")
        return None

    @property
    def criteres(self) -> dict:
        return {"du": self.du, "au": self.au, "nature": self.nature, "outil": self.outil,
                "direction": self.direction}  # fmt: skip
