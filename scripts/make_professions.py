#!/usr/bin/env python3
"""Writes data/professions.tsv: the nouns of person that Debian's
hunspell-fr dictionary (fr_FR.dic, classical 7.0) tells by their
morphology, so that the speaker finder knows a noun that can speak without
a list read off articles. A French noun that has a masculine and a
feminine form names a being (genre motivé: directeur, directrice;
boulanger, boulangère; régisseur, régisseuse; habitant, habitante), while a
thing has one gender. Kept: every line whose part of speech is po:nom and
whose affix class gives the feminine (F. F+ Fs Fc W.), without po:adj (an
adjective that is a noun as well, grand, seul, futur, is left to the
tagger), except the agent nouns in -teur of class Fc, which keep it
(protecteur, conservateur, contributeur). Left out: nouns already in
roles.tsv or speaking_nouns.tsv, and the devices and tools the dictionary
also gives both genders (SKIP: moteur, hacheur, le passé, le reçu). Usage:
  python3 scripts/make_professions.py /usr/share/hunspell/fr_FR.dic data/
"""
import os
import sys
import unicodedata

# -teur nouns the dictionary gives both genders that name a device or a
# part, not a person; kept short on purpose (a thing seldom heads the
# subject of a speech verb, so a miss here costs little).
SKIP = {"moteur", "capteur", "détecteur", "compteur", "ordinateur", "radiateur", "réacteur", "projecteur",
        "accélérateur", "aspirateur", "calculateur", "collecteur", "condensateur", "connecteur",
        "convertisseur", "déclencheur", "descripteur", "disjoncteur", "émetteur", "excavateur", "générateur",
        "indicateur", "inhalateur", "interrupteur", "isolateur", "multiplicateur",
        "numérateur", "dénominateur", "ventilateur", "vibrateur", "amplificateur",
        "activateur", "inhibiteur", "catalyseur", "sélecteur", "transformateur", "rotateur", "tracteur",
        "vecteur", "secteur", "facteur", "réflecteur", "extracteur", "applicateur", "désinfecteur",
        "incinérateur", "stimulateur", "pulvérisateur", "destructeur", "accumulateur", "adaptateur",
        "alimentateur", "automoteur", "commutateur", "compensateur", "enducteur", "extincteur", "horodateur",
        "injecteur", "locomoteur", "obturateur", "oscillateur", "perforateur", "récepteur", "séparateur",
        "stabilisateur", "tabulateur", "thermorégulateur", "épilateur", "épurateur", "modulateur", "trisecteur",
        "déviateur", "excitateur", "évacuateur", "régénérateur", "rétenteur", "cumulateur", "simulateur",
        "transpositeur", "vitrificateur", "salvateur", "révélateur", "tracteur", "migrateur", "irrigateur",
        "pollinisateur", "nidificateur", "réplicateur", "vocalisateur", "hacheur", "extrudeur", "dénoyauteur",
        "épandeur", "composteur", "afficheur", "grapheur", "marqueur", "aligneur", "draineur", "compresseur",
        "broyeur", "concasseur", "démarreur", "échangeur", "aérateur", "batteuse",
        "chargeur", "cuiseur", "doseur", "enregistreur", "essoreuse", "filtreur",
        "mélangeur", "planeur", "propulseur", "releveur", "tondeur",
        "viseur", "ours", "éléphant", "renard", "loup", "chat", "chien", "lapin",
        "mouton", "cochon", "poulain", "passé", "composé", "développé", "fondu", "levé", "coulé", "rôti",
        "reçu", "vu", "retrait", "doré", "fumé", "soufflé", "piqué", "coupé", "tombé", "bordé", "conduit",
        "parfait", "poiré", "opposé", "dératé",
        "mateur", "gageur"}


def key(s):
    s = unicodedata.normalize("NFD", s.lower())
    return "".join(c for c in s if unicodedata.category(c) != "Mn").replace("-", " ")


def listed(data_dir):
    out = set()
    for name in ("roles.tsv", "speaking_nouns.tsv"):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    out.add(key(line.split("\t")[0]))
    return out


def main():
    dic, data_dir = sys.argv[1], sys.argv[2]
    known = listed(data_dir)
    nouns = set()
    with open(dic, encoding="utf-8") as f:
        for line in f:
            if "po:nom" not in line or not line[:1].islower():
                continue
            word, _, rest = line.partition("/")
            flags = rest.split()[0] if rest else ""
            if " " in word or word in SKIP:
                continue
            flag = flags[:2]
            if flag == "Fc" or (flag in ("F.", "F+", "Fs", "W.") and "po:adj" not in line):
                nouns.add(word)
    rows = sorted(n for n in nouns if key(n) not in known)
    with open(os.path.join(data_dir, "professions.tsv"), "w", encoding="utf-8") as out:
        out.write("# professions.tsv, written by scripts/make_professions.py (do not edit by hand).\n")
        out.write("".join("# " + l + "\n" for l in __doc__.strip().splitlines()))
        out.write("# Same columns as speaking_nouns.tsv (noun, kind); read by Gazetteer::load\n"
                  "# after it, so a noun listed there keeps its kind. Feminines and plurals\n"
                  "# are derived at load (directrice, urgentistes), not listed.\n")
        for n in rows:
            out.write(n + "\tperson\n")


if __name__ == "__main__":
    main()
