"""The bulk writer of imported requests: one batch of accepted rows at a time, a fixed number
of queries per batch whatever its size.

Per batch: read the requests already imported under these numbers, the contacts already known
by e-mail or phone, and the tracking codes drawn; then insert the new contacts, the new
requests (`masse.inserer`) and their history, and update the changed ones
(`masse.mettre_a_jour`) with an `Evenement` « import » giving the status move. At the end, the
counters of the services touched are recounted (`compteurs.recompter`).
"""

from datetime import timedelta

from sun.core.imports import Rapport
from sun.core.imports.masse import inserer, inserer_lignes, mettre_a_jour, par_lots
from sun.core.versions import donnees_ecrites
from sun.relation.models import Demande, Demarche, Evenement, Usager
from sun.relation.registre import compteurs
from sun.relation.registre.code_suivi import nouveau_code
from sun.relation.registre.services import calculer_dates, nouvelle_demande
from sun.relation.registre.usagers import cle_courriel, cle_nom, cle_telephone

SUIVIS = ("statut", "decidee_le", "recue_le", "canal", "lien_externe", "objet")
ECRITS = (*SUIVIS, "date_decision_implicite", "dans_les_temps")


class Ecrivain:
    def __init__(self, source_externe: str, libelle_source: str, auteur=None):
        self.source_externe = source_externe
        self.libelle_source = libelle_source
        self.auteur = auteur if getattr(auteur, "pk", None) else None
        self.par = f"Import {libelle_source}"
        self.demarches: dict[int, Demarche] = {}
        self.services: set[int] = set()

    # --- one batch ------------------------------------------------------------------------
    def ecrire(self, lignes: list, rapport: Rapport) -> None:
        if not lignes:
            return
        existantes = self._existantes([ligne.numero for ligne in lignes])
        nouvelles, modifiees, evenements = [], [], []
        for ligne in lignes:
            demande = existantes.get(ligne.numero)
            if demande is None:
                nouvelles.append((ligne, self._nouvelle(ligne)))
                continue
            evenement = self._mettre_a_jour(demande, ligne, rapport)
            if evenement is not None:
                modifiees.append(demande)
                evenements.append(evenement)
            self._comparer_date_source(demande, ligne, rapport)
        if nouvelles:
            self._inserer(nouvelles, rapport)
        if modifiees:
            mettre_a_jour(modifiees, ECRITS)
            inserer_lignes(Evenement, evenements)
            self.services.update(d.service_id for d in modifiees)

    def terminer(self) -> None:
        if self.services:
            compteurs.recompter(sorted(self.services))
            donnees_ecrites(Demande)

    # --- reads ----------------------------------------------------------------------------
    def _existantes(self, numeros: list[str]) -> dict[str, Demande]:
        resultat = {}
        for lot in par_lots(numeros, 500):
            for d in Demande.objects.filter(source_externe=self.source_externe,
                                            numero_externe__in=lot):  # fmt: skip
                d.demarche = self.demarches.get(d.demarche_id) or d.demarche
                resultat[d.numero_externe] = d
        return resultat

    # --- changes --------------------------------------------------------------------------
    def _nouvelle(self, ligne) -> Demande:
        d = nouvelle_demande(ligne.demarche, canal=ligne.canal, recue_le=ligne.recue_le,
                             objet=ligne.objet, typologie=ligne.typologie,
                             statut=ligne.statut)  # fmt: skip
        d.decidee_le = ligne.decidee_le
        calculer_dates(d)
        d.source_externe, d.numero_externe = self.source_externe, ligne.numero
        d.lien_externe = ligne.lien
        d.enregistree_par = self.auteur
        return d

    def _mettre_a_jour(self, d: Demande, ligne, rapport: Rapport) -> dict | None:
        avant = {c: getattr(d, c) for c in SUIVIS}
        apres = {"statut": ligne.statut, "decidee_le": ligne.decidee_le,
                 "recue_le": ligne.recue_le, "canal": ligne.canal,
                 "lien_externe": ligne.lien or d.lien_externe,
                 "objet": ligne.objet or d.objet}  # fmt: skip
        if avant == apres:
            rapport.inchanges += 1
            return None
        for champ, valeur in apres.items():
            setattr(d, champ, valeur)
        if d.statut != avant["statut"] and d.pieces_en_attente:
            rapport.avertir(ligne.position, "statut", d.statut, "pièces demandées dans SUN "
                            "encore attendues : le délai reste suspendu")  # fmt: skip
        calculer_dates(d)
        rapport.modifies += 1
        changes = [c for c in SUIVIS if avant[c] != apres[c]]
        texte = f"{self.libelle_source} n° {ligne.numero} : " + ", ".join(
            f"{c} {avant[c] or '—'} → {apres[c] or '—'}" for c in changes
        )
        rapport.noter_changement(texte)
        de = avant["statut"] if avant["statut"] != d.statut else ""
        return {"demande_id": d.pk, "type": Evenement.Type.IMPORT, "auteur_id": self.auteur and
                self.auteur.pk, "auteur_libelle": self.par, "de_statut": de,
                "vers_statut": d.statut if de else "",
                "commentaire": f"Mis à jour depuis {self.libelle_source} (n° {ligne.numero}) : "
                + ", ".join(changes)}  # fmt: skip

    def _comparer_date_source(self, d: Demande, ligne, rapport: Rapport) -> None:
        """DS's `datePrevisionnelleDecisionSVASVR` is the day the decision can be claimed; it
        is a day early when the month's end clamps (see the notes, §3.2): an alert, not a
        refusal."""
        prevue = ligne.date_prevue_source
        if prevue is None:
            return
        reclamable = (
            d.date_decision_implicite + timedelta(days=1) if d.date_decision_implicite else None
        )
        if reclamable == prevue:
            return
        if reclamable is None:
            raison = (f"la source prévoit une décision implicite le {prevue:%d/%m/%Y}, mais la "
                      "démarche n'a pas de décision implicite dans SUN (ou des pièces sont attendues)")  # fmt: skip
        else:
            raison = (f"la source prévoit la décision implicite le {prevue:%d/%m/%Y} ; SUN la "
                      f"calcule née le {d.date_decision_implicite:%d/%m/%Y} (règle du quantième), "
                      f"réclamable le {reclamable:%d/%m/%Y}")  # fmt: skip
        rapport.avertir(ligne.position, "date_decision_implicite", prevue.isoformat(), raison)

    # --- inserts --------------------------------------------------------------------------
    def _inserer(self, nouvelles: list, rapport: Rapport) -> None:
        self._rattacher_usagers(nouvelles)
        self._tirer_codes([d for _, d in nouvelles])
        inserer([d for _, d in nouvelles])
        numeros = [ligne.numero for ligne, _ in nouvelles]
        cles: dict[str, int] = {}
        for lot in par_lots(numeros, 500):
            cles.update(Demande.objects.filter(source_externe=self.source_externe,
                                               numero_externe__in=lot)
                        .values_list("numero_externe", "pk"))  # fmt: skip
        evenements = []
        for ligne, d in nouvelles:
            d.pk = cles[ligne.numero]
            self._comparer_date_source(d, ligne, rapport)
            evenements.append({
                "demande_id": d.pk, "type": Evenement.Type.CREATION,
                "auteur_id": self.auteur and self.auteur.pk, "auteur_libelle": self.par,
                "de_statut": "", "vers_statut": d.statut,
                "commentaire": f"Importée de {self.libelle_source} (n° {ligne.numero}), reçue le "
                f"{d.recue_le:%d/%m/%Y} ({d.get_canal_display().lower()})",
            })  # fmt: skip
        inserer_lignes(Evenement, evenements)
        rapport.nouveaux += len(nouvelles)
        for ligne, _ in nouvelles[: max(0, 200 - len(rapport.apercu))]:
            rapport.noter_changement(f"nouvelle : {self.libelle_source} n° {ligne.numero}")
        self.services.update(d.service_id for _, d in nouvelles)

    def _rattacher_usagers(self, nouvelles: list) -> None:
        """The minimal contact: a name and an e-mail or a phone; an existing contact with the
        same e-mail (or phone) is reused (« dites-le-nous une fois »); else none."""
        avec = [(ligne, d) for ligne, d in nouvelles
                if ligne.nom and (ligne.courriel or ligne.telephone)]  # fmt: skip
        if not avec:
            return
        courriels = {cle_courriel(ligne.courriel) for ligne, _ in avec if ligne.courriel}
        telephones = {cle_telephone(ligne.telephone) for ligne, _ in avec if ligne.telephone}
        connus_c: dict[str, Usager] = {}
        connus_t: dict[str, Usager] = {}
        for lot in par_lots(sorted(courriels), 500):
            for u in Usager.objects.filter(cle_courriel__in=lot).order_by("-pk"):
                connus_c[u.cle_courriel] = u
        for lot in par_lots(sorted(telephones), 500):
            for u in Usager.objects.filter(cle_telephone__in=lot).order_by("-pk"):
                connus_t[u.cle_telephone] = u
        a_creer: list[Usager] = []
        for ligne, d in avec:
            kc, kt = cle_courriel(ligne.courriel), cle_telephone(ligne.telephone)
            usager = (kc and connus_c.get(kc)) or (kt and connus_t.get(kt))
            if not usager:
                usager = Usager(nom=ligne.nom, courriel=ligne.courriel, telephone=ligne.telephone,
                                code_postal=ligne.code_postal, cle_courriel=kc, cle_telephone=kt,
                                cle_nom=cle_nom(ligne.nom))  # fmt: skip
                a_creer.append(usager)
                if kc:
                    connus_c[kc] = usager
                if kt:
                    connus_t[kt] = usager
            d.usager = usager
        if a_creer:
            Usager.objects.bulk_create(a_creer, batch_size=500)  # keys read back (RETURNING)
        for _, d in avec:
            d.usager_id = d.usager.pk

    def _tirer_codes(self, demandes: list[Demande]) -> None:
        """A fresh tracking code for each (`nouveau_code`), redrawn while one is taken."""
        tires: set[str] = set()
        restantes = demandes
        for _ in range(10):
            codes = {}
            for d in restantes:
                code = nouveau_code()
                while code in tires:
                    code = nouveau_code()
                tires.add(code)
                codes[code] = d
                d.code_suivi = code
            pris = set()
            for lot in par_lots(list(codes), 500):
                pris.update(Demande.objects.filter(code_suivi__in=lot)
                            .values_list("code_suivi", flat=True))  # fmt: skip
            restantes = [codes[c] for c in pris]
            if not restantes:
                return
        raise RuntimeError("Aucun code de suivi libre trouvé en 10 essais.")
