"""The filters of the statistics pages: period of receipt, service, démarche, channel. Bad
input is reported in French and the filter ignored; what was typed is kept for the form."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.dateparse import parse_date

from sun.relation.models import CanalDemande


@dataclass
class Filtres:
    du: date | None = None
    au: date | None = None
    service: int | None = None
    demarche: int | None = None
    canal: str = ""
    saisie: dict = field(default_factory=dict)
    erreurs: list[str] = field(default_factory=list)

    @classmethod
    def depuis(cls, donnees, services: set[int], demarches: set[int]) -> "Filtres":
        """From a query string; `services` and `demarches`: the identifiers that exist."""
        filtres = cls(
            saisie={
                c: str(donnees.get(c, ""))[:40]
                for c in ("du", "au", "service", "demarche", "canal")
            }
        )
        for nom, libelle in (("du", "début"), ("au", "fin")):
            texte = filtres.saisie[nom].strip()
            if not texte:
                continue
            try:
                jour = parse_date(texte)
            except ValueError:
                jour = None
            if jour is None:
                filtres.erreurs.append(
                    f"Date de {libelle} « {texte} » non reconnue : utilisez le "
                    "format AAAA-MM-JJ. Filtre ignoré."
                )
            setattr(filtres, nom, jour)
        if filtres.du and filtres.au and filtres.au < filtres.du:
            filtres.erreurs.append("La fin de la période précède son début : période ignorée.")
            filtres.du = filtres.au = None
        for nom, connus, libelle in (
            ("service", services, "Service"),
            ("demarche", demarches, "Démarche"),
        ):
            texte = filtres.saisie[nom].strip()
            if texte:
                if texte.isdigit() and int(texte) in connus:
                    setattr(filtres, nom, int(texte))
                else:
                    filtres.erreurs.append(f"{libelle} inconnu(e) : filtre ignoré.")
        canal = filtres.saisie["canal"].strip()
        if canal:
            if canal in CanalDemande.values:
                filtres.canal = canal
            else:
                filtres.erreurs.append("Canal inconnu : filtre ignoré.")
        return filtres

    def cle(self) -> str:
        return f"{self.du}|{self.au}|{self.service}|{self.demarche}|{self.canal}"

    def appliquer(self, qs):
        return qs.recues_entre(self.du, self.au).filtrees(
            service_id=self.service, demarche_id=self.demarche, canal=self.canal
        )
