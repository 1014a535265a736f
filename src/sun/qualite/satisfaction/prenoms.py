"""Word lists of the free-text masking (`masquage`), lower-case and without accents.

PRENOMS: common first names given in France (the most frequent of the last decades, INSEE
« fichier des prénoms », typed by hand). A first name alone is not masked unless it follows
« merci à », « par », « avec »… or signs the text; followed by a capitalised word it is.
MOTS_COURANTS: capitalised words that are not names (institutions, titles, places words).
SIGLES: acronyms that an all-capitals word after a first name may be.
"""


def mots(texte: str) -> frozenset[str]:
    return frozenset(texte.split())


PRENOMS = mots(
    """
adam adele adrien agathe agnes aicha alain alan albert alexandra alexandre alexis alice aline
alix amandine amelie amina anais andre andrea ange angelique anne annie anthony antoine
antonin arnaud arthur audrey aurelie aurelien axel aya baptiste bastien beatrice benjamin
benoit bernadette bernard bertrand brigitte bruno camille capucine carine carole caroline
catherine cecile celia celine chantal charlene charles charlotte chloe christelle christian
christiane christine christophe claire clara claude claudine clement colette coralie
corinne cyril cyrille damien daniel danielle david delphine denis denise didier dominique
dylan eden edith elena elisa elisabeth elise eliott elodie eloise elsa emilie emma emmanuel
emmanuelle enzo eric estelle ethan etienne eugenie eva evelyne fabien fabienne fabrice fanny
fatima fatou florence florian francis francine francois francoise frederic frederique gabin
gabriel gabrielle gael gaelle genevieve georges gerard gilbert gilles gisele guillaume guy
helene henri herve hugo hugues ines irene isabelle jacqueline jacques jade jean jeanne jeremy
jerome joel joelle jonathan jordan joseph josette josiane juliette julie julien justine
karim karine kevin laetitia laura laure laurence laurent lea lea leila leo leon leonie lilou
lina linda lisa loic louis louise luc luca lucas lucie lucien lucille ludovic lydie lyna
madeleine maelle maeva magali manon marc marcel marguerite maria marie marine marion
martine mathieu mathilde matheo mathis mattheo maxime melanie melissa michel michele
micheline mickael mireille mohamed monique morgane muriel myriam nadia nadine nathalie
nathan nicolas nicole noah noe noemie norbert oceane odette odile olivia olivier pascal
pascale patrice patricia patrick paul paulette pauline philippe pierre quentin rachel raphael
raymond regine remi renee richard robert roger romain sabine sacha samia samuel sandrine
sarah sebastien serge severine simone sofia solange sophie stephane stephanie suzanne sylvain
sylvie theo thierry thomas timothee tom valentin valerie vanessa veronique victor vincent
virginie xavier yann yannick yasmine yves yvette yvonne zoe
"""
)

MOTS_COURANTS = mots(
    """
aide aides allocation agence association caf carsat ccas centre commune conseil cpam
departement departemental departementale direction france francais etat gouvernement
internet madame maison mairie monsieur maire mdph mission office pole prefecture president
presidente region republique sante securite service services site social sociale solidarite
solidarites tresor public publique publics territoire ville bonjour bonsoir merci cordialement
le la les un une des du de et ou mais donc car ni je tu il elle nous vous ils elles on ce cet
cette ces mon ma mes ton ta tes son sa ses notre votre leur tres trop bien mal moyen pas
rien tout tous toute toutes apa rsa pch aah
"""
)

SIGLES = mots(
    """
aah anah ants apa ars ass caf carsat ccas cdas cesu cmu cpam css dgfip epci ehpad fsl ft mdph
msa mds ok pch pmi pole rsa sncf sms urssaf usa tv pdf ras svp wifi
"""
)

# Words announcing a place (street, school…): a first name and a name after them are kept.
AVANT_UN_LIEU = mots(
    """
rue avenue av boulevard bd place allee impasse chemin quai square cours route pont college
lycee ecole groupe scolaire stade gymnase hopital clinique centre residence cite maison espace
salle parc jardin mediatheque bibliotheque saint sainte st ste
"""
)
