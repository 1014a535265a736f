"""The daily job of the fleet: freeze B of décret n° 2023-266 (the decommissioned items in
stock on 1 January) once that day has passed (sun.core.taches.quotidien)."""

from sun.core.taches import quotidien
from sun.parc.taux.services import figer_si_besoin

quotidien.declarer("parc.figer_stock", "Figer le stock réformé au 1er janvier", figer_si_besoin)
