"""INSEE codes as the connectivity files write them: always text, Paris, Lyon and Marseille
arrondissements folded into their commune, a leading zero a spreadsheet dropped put back when
there is only one way to do it."""

import re

CODE = re.compile(r"^(\d{5}|2[AB]\d{3})$")
# Arrondissements → commune: Paris 75101–75120, Lyon 69381–69389, Marseille 13201–13216.
PLM = {
    **{f"751{n:02d}": "75056" for n in range(1, 21)},
    **{f"6938{n}": "69123" for n in range(1, 10)},
    **{f"132{n:02d}": "13055" for n in range(1, 17)},
}


class CodeInvalide(ValueError):
    """A code that is not an INSEE commune code (message in French)."""


def departement(code: str) -> str:
    """The département of a commune code: 3 characters overseas (97x), else 2."""
    return code[:3] if code.startswith("97") else code[:2]


def normaliser(brut, departement_declare: str = "") -> tuple[str, str]:
    """(code, note) of a commune code read from a file: the note says what was corrected
    (empty when nothing was). `departement_declare`: the file's own département column, which
    settles a code that lost its leading zero. CodeInvalide when it cannot be read."""
    code = str(brut if brut is not None else "").strip().upper()
    if code.endswith(".0") and code[:-2].isdigit():  # a number cell of a workbook
        code = code[:-2]
    note = ""
    if len(code) == 4 and code.isdigit():
        corrige = "0" + code
        declare = departement_declare.strip().upper().lstrip("0")
        if code[0] == "0" or (declare and declare != corrige[1]):
            raise CodeInvalide(
                f"code INSEE de 4 chiffres ambigu (« {code} ») : le zéro initial manque peut-être"
                " mais le département ne le confirme pas ; corrigez le fichier (5 caractères)"
            )
        code, note = corrige, f"zéro initial rétabli ({brut} → {corrige})"
    if not CODE.match(code):
        raise CodeInvalide(
            "code INSEE invalide (5 caractères attendus, par exemple 11069 ou 2A004)"
        )
    if code in PLM:
        note = (note + " ; " if note else "") + f"arrondissement {code} regroupé dans {PLM[code]}"
        code = PLM[code]
    return code, note


def dans_perimetre(code: str, perimetre: str) -> bool:
    """Whether the commune belongs to the département `perimetre` ("" : the whole of France)."""
    return not perimetre or departement(code) == perimetre
