// French verb conjugation by rule. A verb is mapped by its ending to a
// paradigm (the six present forms, the imperfect, simple-past and future
// stems, the participles); the tenses built on a stem are then generated
// with the regular endings. The first group carries its spelling changes
// (ç/ge before a and o, è or a doubled consonant before a mute e, i for y);
// the irregular families are the ones found among verbs of saying. No verb
// has its forms typed out: a family is a rule on a suffix, and the only
// verb lists are the exceptions grammar books give for those rules.
#include "quotegraph/lexicon/morphology.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "quotegraph/text/text.h"

namespace quotegraph {
namespace detail {
namespace {

using U = std::u32string;

enum class PastKind { kA, kI, kU, kIn };

// The irregular part of a verb; the rest follows from the endings below.
struct Paradigm {
  // je, tu, il, nous, vous, ils; a person may have variant spellings
  // (paie/paye, connaît/connait).
  std::array<std::vector<U>, 6> present;
  U imperfect_stem;  // + ais, ais, ait, ions, iez, aient
  U past_stem;       // + the simple-past endings of past_kind
  PastKind past_kind = PastKind::kI;
  std::vector<U> future_stems;  // + ai, as, a, ons, ez, ont (and the conditional)
  U present_participle;
  U past_participle;  // masculine singular
  // First group: c becomes ç and g becomes ge before a and o (lançait,
  // jugeant), so the hard sound of the infinitive is kept.
  bool soften = false;
};

const std::array<const char32_t*, 6> kImperfectEndings = {U"ais", U"ais", U"ait",
                                                          U"ions", U"iez", U"aient"};
const std::array<const char32_t*, 6> kFutureEndings = {U"ai", U"as", U"a", U"ons", U"ez", U"ont"};
const std::array<const char32_t*, 6> kPastA = {U"ai", U"as", U"a", U"âmes", U"âtes", U"èrent"};
const std::array<const char32_t*, 6> kPastI = {U"is", U"is", U"it", U"îmes", U"îtes", U"irent"};
const std::array<const char32_t*, 6> kPastU = {U"us", U"us", U"ut", U"ûmes", U"ûtes", U"urent"};
const std::array<const char32_t*, 6> kPastIn = {U"ins", U"ins", U"int",
                                                U"înmes", U"întes", U"inrent"};

bool ends_with(const U& s, const U& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

U drop(const U& s, std::size_t n) { return s.substr(0, s.size() - n); }

bool is_vowel(char32_t c) {
  static const U kVowels = U"aeiouyàâäéèêëîïôöûùüÿœæ";
  return kVowels.find(c) != U::npos;
}

bool is_french_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || is_vowel(c) || c == U'ç' || c == U'ñ';
}

// Joins a stem and an ending, applying the first-group softening.
U attach(const U& stem, const char32_t* ending, bool soften) {
  const char32_t first = ending[0];
  const bool hard_vowel = first == U'a' || first == U'o' || first == U'â';
  if (soften && hard_vowel && !stem.empty()) {
    if (stem.back() == U'c') return drop(stem, 1) + U"ç" + ending;
    if (stem.back() == U'g') return stem + U"e" + ending;
  }
  return stem + ending;
}

void set_present(Paradigm& p, const U& prefix, std::initializer_list<const char32_t*> forms) {
  std::size_t i = 0;
  for (const char32_t* f : forms) p.present[i++] = {prefix + f};
}

// -eler and -eter verbs that take è instead of doubling the consonant
// (il martèle, il achète, il harcèle); the others double (appelle, jette).
bool takes_grave_not_double(const U& inf) {
  static const std::array<const char32_t*, 22> kGrave = {
      U"celer",   U"déceler",   U"receler",  U"ciseler",  U"démanteler", U"écarteler",
      U"geler",   U"congeler",  U"dégeler",  U"surgeler", U"regeler",    U"harceler",
      U"marteler", U"modeler",  U"remodeler", U"peler",   U"acheter",    U"racheter",
      U"corseter", U"crocheter", U"fureter", U"haleter"};
  return std::find(kGrave.begin(), kGrave.end(), inf) != kGrave.end();
}

// The first group: déclarer, lancer, juger, appeler, jeter, lever, espérer,
// employer, payer.
bool first_group(const U& inf, Paradigm& p) {
  if (inf == U"aller" || inf.size() < 3) return false;
  const U stem = drop(inf, 2);
  if (stem.empty()) return false;
  std::vector<U> mute;    // the stem before a mute e (il appelle, il lève)
  std::vector<U> future;  // the future stem (appeller-, lèver-, emploier-)
  if (stem.back() == U'y') {
    const U base = drop(stem, 1);
    const char32_t before = base.empty() ? U'\0' : base.back();
    if (before == U'o' || before == U'u') {  // y becomes i before a mute e
      mute = {base + U"i"};
      future = {base + U"ier"};
    } else if (before == U'a') {  // -ayer keeps y or takes i: paie and paye
      mute = {base + U"i", stem};
      future = {base + U"ier", stem + U"er"};
    } else {
      mute = {stem};
      future = {stem + U"er"};
    }
    // envoyer and renvoyer build their future on enverr- (voir's future).
    if (ends_with(inf, U"envoyer")) future = {drop(inf, 5) + U"verr"};
  } else {
    // The last vowel of the stem decides; u after g or q only marks the
    // hard consonant (délégu-er), so it is not that vowel.
    std::size_t end = stem.size();
    if (ends_with(stem, U"gu") || ends_with(stem, U"qu")) --end;
    std::size_t v = U::npos;
    for (std::size_t i = end; i-- > 0;) {
      if (is_vowel(stem[i])) {
        v = i;
        break;
      }
    }
    const U cluster = v == U::npos ? U() : stem.substr(v + 1);
    const bool single = cluster.size() == 1 && !is_vowel(cluster[0]) && cluster[0] != U'x';
    const bool muta_cum_liquida = cluster.size() == 2 && !is_vowel(cluster[0]) &&
                                  (cluster[1] == U'r' || cluster[1] == U'l') &&
                                  cluster[0] != U'r' && cluster[0] != U'l';
    if (v != U::npos && stem[v] == U'é' && !cluster.empty()) {
      // espérer: é becomes è before a mute e; the future keeps é in the
      // traditional spelling (répétera) and takes è in the 1990 one (répètera).
      U grave = stem;
      grave[v] = U'è';
      mute = {grave};
      future = {stem + U"er", grave + U"er"};
    } else if (v != U::npos && stem[v] == U'e' && (v == 0 || !is_vowel(stem[v - 1])) &&
               (single || muta_cum_liquida)) {
      U changed;
      if ((cluster == U"l" || cluster == U"t") && !takes_grave_not_double(inf)) {
        changed = stem + cluster;  // appelle, jette
      } else {
        changed = stem;
        changed[v] = U'è';  // lève, mène, martèle
      }
      mute = {changed};
      future = {changed + U"er"};
    } else {
      mute = {stem};
      future = {stem + U"er"};
    }
  }
  for (int person : {0, 1, 2, 5}) {
    static const std::array<const char32_t*, 6> kMuteEndings = {U"e", U"es", U"e", U"", U"", U"ent"};
    for (const U& m : mute) p.present[person].push_back(m + kMuteEndings[person]);
  }
  p.present[3] = {attach(stem, U"ons", true)};
  p.present[4] = {stem + U"ez"};
  p.imperfect_stem = stem;
  p.past_stem = stem;
  p.past_kind = PastKind::kA;
  p.future_stems = future;
  p.present_participle = attach(stem, U"ant", true);
  p.past_participle = stem + U"é";
  p.soften = true;
  return true;
}

// The second group: avertir, réagir, applaudir (avertissons, avertissait).
void second_group(const U& inf, Paradigm& p) {
  const U stem = drop(inf, 2);
  set_present(p, stem, {U"is", U"is", U"it", U"issons", U"issez", U"issent"});
  p.imperfect_stem = stem + U"iss";
  p.past_stem = stem;
  p.past_kind = PastKind::kI;
  p.future_stems = {inf};
  p.present_participle = stem + U"issant";
  p.past_participle = stem + U"i";
}

bool is_one_of(const U& s, std::initializer_list<const char32_t*> list) {
  for (const char32_t* item : list)
    if (s == item) return true;
  return false;
}

bool ends_with_any(const U& s, std::initializer_list<const char32_t*> list) {
  for (const char32_t* item : list)
    if (ends_with(s, item)) return true;
  return false;
}

// -ir verbs: the irregular families, then the second group.
bool ir_verb(const U& inf, Paradigm& p) {
  if (ends_with(inf, U"oir")) {
    if (is_one_of(inf, {U"voir", U"revoir", U"entrevoir", U"prévoir"})) {
      const U pre = drop(inf, 4);
      set_present(p, pre, {U"vois", U"vois", U"voit", U"voyons", U"voyez", U"voient"});
      p.imperfect_stem = pre + U"voy";
      p.past_stem = pre + U"v";
      p.past_kind = PastKind::kI;
      // prévoir keeps its infinitive as future stem; voir has verr-.
      p.future_stems = {inf == U"prévoir" ? inf : pre + U"verr"};
      p.present_participle = pre + U"voyant";
      p.past_participle = pre + U"vu";
      return true;
    }
    if (inf == U"savoir") {
      set_present(p, U"", {U"sais", U"sais", U"sait", U"savons", U"savez", U"savent"});
      p.imperfect_stem = U"sav";
      p.past_stem = U"s";
      p.past_kind = PastKind::kU;
      p.future_stems = {U"saur"};
      p.present_participle = U"sachant";
      p.past_participle = U"su";
      return true;
    }
    if (ends_with(inf, U"valoir") && is_one_of(drop(inf, 6), {U"", U"pré", U"re", U"équi"})) {
      const U pre = drop(inf, 6);
      set_present(p, pre, {U"vaux", U"vaux", U"vaut", U"valons", U"valez", U"valent"});
      p.imperfect_stem = pre + U"val";
      p.past_stem = pre + U"val";
      p.past_kind = PastKind::kU;
      p.future_stems = {pre + U"vaudr"};
      p.present_participle = pre + U"valant";
      p.past_participle = pre + U"valu";
      return true;
    }
    return false;  // devoir, pouvoir, recevoir, avoir …: not covered
  }
  if (ends_with(inf, U"ïr")) return false;  // haïr
  if (ends_with(inf, U"quérir")) {
    const U pre = drop(inf, 6);
    set_present(p, pre, {U"quiers", U"quiers", U"quiert", U"quérons", U"quérez", U"quièrent"});
    p.imperfect_stem = pre + U"quér";
    p.past_stem = pre + U"qu";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"querr"};
    p.present_participle = pre + U"quérant";
    p.past_participle = pre + U"quis";
    return true;
  }
  if (ends_with(inf, U"courir")) {
    const U pre = drop(inf, 6);
    set_present(p, pre, {U"cours", U"cours", U"court", U"courons", U"courez", U"courent"});
    p.imperfect_stem = pre + U"cour";
    p.past_stem = pre + U"cour";
    p.past_kind = PastKind::kU;
    p.future_stems = {pre + U"courr"};
    p.present_participle = pre + U"courant";
    p.past_participle = pre + U"couru";
    return true;
  }
  if (ends_with_any(inf, {U"ouvrir", U"ffrir"})) {
    // Present like the first group (il ouvre), participle in -ert.
    const U r = drop(inf, 2);
    set_present(p, r, {U"e", U"es", U"e", U"ons", U"ez", U"ent"});
    p.imperfect_stem = r;
    p.past_stem = r;
    p.past_kind = PastKind::kI;
    p.future_stems = {inf};
    p.present_participle = r + U"ant";
    p.past_participle = drop(r, 1) + U"ert";
    return true;
  }
  if (ends_with(inf, U"cueillir")) {
    const U r = drop(inf, 2);
    set_present(p, r, {U"e", U"es", U"e", U"ons", U"ez", U"ent"});
    p.imperfect_stem = r;
    p.past_stem = r;
    p.past_kind = PastKind::kI;
    p.future_stems = {r + U"er"};
    p.present_participle = r + U"ant";
    p.past_participle = r + U"i";
    return true;
  }
  if (ends_with_any(inf, {U"tenir", U"venir"})) {
    const U x = drop(inf, 4);  // sout-, prév-
    set_present(p, x, {U"iens", U"iens", U"ient", U"enons", U"enez", U"iennent"});
    p.imperfect_stem = x + U"en";
    p.past_stem = x;
    p.past_kind = PastKind::kIn;
    p.future_stems = {x + U"iendr"};
    p.present_participle = x + U"enant";
    p.past_participle = x + U"enu";
    return true;
  }
  // mentir, sentir, partir, sortir, dormir, servir lose the stem's last
  // consonant in the singular present (il dément, il sert); a few look-alikes
  // belong to the second group (répartir, assortir, asservir).
  if (ends_with_any(inf, {U"mentir", U"sentir", U"partir", U"sortir", U"dormir", U"servir"}) &&
      !ends_with_any(inf, {U"répartir", U"impartir", U"assortir", U"asservir"})) {
    const U r = drop(inf, 2);
    const U s = drop(r, 1);
    p.present = {{{s + U"s"}, {s + U"s"}, {s + U"t"}, {r + U"ons"}, {r + U"ez"}, {r + U"ent"}}};
    p.imperfect_stem = r;
    p.past_stem = r;
    p.past_kind = PastKind::kI;
    p.future_stems = {inf};
    p.present_participle = r + U"ant";
    p.past_participle = r + U"i";
    return true;
  }
  if (ends_with_any(inf, {U"mourir", U"fuir", U"vêtir", U"gésir", U"ouïr", U"faillir",
                          U"saillir", U"bouillir"})) {
    return false;
  }
  if (inf.size() < 4) return false;
  second_group(inf, p);
  return true;
}

// -re verbs: only the irregular families the rules know.
bool re_verb(const U& inf, Paradigm& p) {
  if (ends_with(inf, U"dire")) {
    if (ends_with(inf, U"maudire")) return false;  // maudissons: another paradigm
    const U pre = drop(inf, 4);
    // vous dites only for dire and redire; prédisez, contredisez.
    const U vous = (pre.empty() || pre == U"re") ? U"dites" : U"disez";
    set_present(p, pre, {U"dis", U"dis", U"dit", U"disons", vous.c_str(), U"disent"});
    p.imperfect_stem = pre + U"dis";
    p.past_stem = pre + U"d";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"dir"};
    p.present_participle = pre + U"disant";
    p.past_participle = pre + U"dit";
    return true;
  }
  if (ends_with(inf, U"crire")) {
    const U pre = drop(inf, 5);
    set_present(p, pre, {U"cris", U"cris", U"crit", U"crivons", U"crivez", U"crivent"});
    p.imperfect_stem = pre + U"criv";
    p.past_stem = pre + U"criv";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"crir"};
    p.present_participle = pre + U"crivant";
    p.past_participle = pre + U"crit";
    return true;
  }
  if (ends_with(inf, U"rire")) {  // rire, sourire
    const U pre = drop(inf, 4);
    set_present(p, pre, {U"ris", U"ris", U"rit", U"rions", U"riez", U"rient"});
    p.imperfect_stem = pre + U"ri";
    p.past_stem = pre + U"r";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"rir"};
    p.present_participle = pre + U"riant";
    p.past_participle = pre + U"ri";
    return true;
  }
  if (ends_with(inf, U"lire")) {  // lire, relire, élire
    const U pre = drop(inf, 4);
    set_present(p, pre, {U"lis", U"lis", U"lit", U"lisons", U"lisez", U"lisent"});
    p.imperfect_stem = pre + U"lis";
    p.past_stem = pre + U"l";
    p.past_kind = PastKind::kU;
    p.future_stems = {pre + U"lir"};
    p.present_participle = pre + U"lisant";
    p.past_participle = pre + U"lu";
    return true;
  }
  if (ends_with_any(inf, {U"duire", U"struire"})) {  // déduire, construire
    const U x = drop(inf, 2);
    set_present(p, x, {U"s", U"s", U"t", U"sons", U"sez", U"sent"});
    p.imperfect_stem = x + U"s";
    p.past_stem = x + U"s";
    p.past_kind = PastKind::kI;
    p.future_stems = {x + U"r"};
    p.present_participle = x + U"sant";
    p.past_participle = x + U"t";
    return true;
  }
  if (ends_with(inf, U"croire") && inf.size() == 6) {
    set_present(p, U"", {U"crois", U"crois", U"croit", U"croyons", U"croyez", U"croient"});
    p.imperfect_stem = U"croy";
    p.past_stem = U"cr";
    p.past_kind = PastKind::kU;
    p.future_stems = {U"croir"};
    p.present_participle = U"croyant";
    p.past_participle = U"cru";
    return true;
  }
  if (ends_with(inf, U"faire")) {  // faire, refaire, satisfaire, défaire
    const U pre = drop(inf, 5);
    set_present(p, pre, {U"fais", U"fais", U"fait", U"faisons", U"faites", U"font"});
    p.imperfect_stem = pre + U"fais";
    p.past_stem = pre + U"f";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"fer"};
    p.present_participle = pre + U"faisant";
    p.past_participle = pre + U"fait";
    return true;
  }
  if (inf == U"taire" || ends_with(inf, U"plaire")) {
    const U x = drop(inf, 4);  // t-, pl-, compl-
    p.present = {{{x + U"ais"}, {x + U"ais"}, {x + U"ait"}, {x + U"aisons"}, {x + U"aisez"},
                  {x + U"aisent"}}};
    // il plaît keeps the circumflex in the traditional spelling, il tait never had it.
    if (inf != U"taire") p.present[2] = {x + U"aît", x + U"ait"};
    p.imperfect_stem = x + U"ais";
    p.past_stem = x;
    p.past_kind = PastKind::kU;
    p.future_stems = {x + U"air"};
    p.present_participle = x + U"aisant";
    p.past_participle = x + U"u";
    return true;
  }
  if (ends_with(inf, U"mettre")) {
    const U pre = drop(inf, 6);
    set_present(p, pre, {U"mets", U"mets", U"met", U"mettons", U"mettez", U"mettent"});
    p.imperfect_stem = pre + U"mett";
    p.past_stem = pre + U"m";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"mettr"};
    p.present_participle = pre + U"mettant";
    p.past_participle = pre + U"mis";
    return true;
  }
  if (ends_with(inf, U"battre")) {
    const U pre = drop(inf, 6);
    set_present(p, pre, {U"bats", U"bats", U"bat", U"battons", U"battez", U"battent"});
    p.imperfect_stem = pre + U"batt";
    p.past_stem = pre + U"batt";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"battr"};
    p.present_participle = pre + U"battant";
    p.past_participle = pre + U"battu";
    return true;
  }
  if (ends_with(inf, U"aître")) {
    if (is_one_of(inf, {U"naître", U"renaître"})) return false;  // né: another paradigm
    const U pre = drop(inf, 5);
    // The 1990 spelling drops the circumflex of il connaît and the future.
    p.present = {{{pre + U"ais"}, {pre + U"ais"}, {pre + U"aît", pre + U"ait"},
                  {pre + U"aissons"}, {pre + U"aissez"}, {pre + U"aissent"}}};
    p.imperfect_stem = pre + U"aiss";
    p.past_stem = pre;
    p.past_kind = PastKind::kU;
    p.future_stems = {pre + U"aîtr", pre + U"aitr"};
    p.present_participle = pre + U"aissant";
    p.past_participle = pre + U"u";
    return true;
  }
  if (ends_with(inf, U"prendre")) {
    const U pre = drop(inf, 7);
    set_present(p, pre, {U"prends", U"prends", U"prend", U"prenons", U"prenez", U"prennent"});
    p.imperfect_stem = pre + U"pren";
    p.past_stem = pre + U"pr";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"prendr"};
    p.present_participle = pre + U"prenant";
    p.past_participle = pre + U"pris";
    return true;
  }
  if (ends_with_any(inf, {U"aindre", U"eindre", U"oindre"})) {
    const U x = drop(inf, 4);  // plai-, crai-, pei-
    set_present(p, x, {U"ns", U"ns", U"nt", U"gnons", U"gnez", U"gnent"});
    p.imperfect_stem = x + U"gn";
    p.past_stem = x + U"gn";
    p.past_kind = PastKind::kI;
    p.future_stems = {x + U"ndr"};
    p.present_participle = x + U"gnant";
    p.past_participle = x + U"nt";
    return true;
  }
  // répondre, rendre, défendre, perdre, mordre; the stem keeps its d (il répond).
  if (ends_with_any(inf, {U"ndre", U"rdre"}) && !ends_with(inf, U"oudre")) {
    const U x = drop(inf, 2);
    set_present(p, x, {U"s", U"s", U"", U"ons", U"ez", U"ent"});
    p.imperfect_stem = x;
    p.past_stem = x;
    p.past_kind = PastKind::kI;
    p.future_stems = {x + U"r"};
    p.present_participle = x + U"ant";
    p.past_participle = x + U"u";
    return true;
  }
  if (ends_with(inf, U"rompre")) {  // interrompre: il interrompt
    const U x = drop(inf, 2);
    set_present(p, x, {U"s", U"s", U"t", U"ons", U"ez", U"ent"});
    p.imperfect_stem = x;
    p.past_stem = x;
    p.past_kind = PastKind::kI;
    p.future_stems = {x + U"r"};
    p.present_participle = x + U"ant";
    p.past_participle = x + U"u";
    return true;
  }
  if (ends_with(inf, U"clure")) {
    const U x = drop(inf, 3);  // concl-
    set_present(p, x, {U"us", U"us", U"ut", U"uons", U"uez", U"uent"});
    p.imperfect_stem = x + U"u";
    p.past_stem = x;
    p.past_kind = PastKind::kU;
    p.future_stems = {x + U"ur"};
    p.present_participle = x + U"uant";
    // inclure and occlure write their participle inclus, conclure conclu.
    p.past_participle = ends_with_any(inf, {U"inclure", U"occlure"}) ? x + U"us" : x + U"u";
    return true;
  }
  if (ends_with(inf, U"suivre")) {
    const U pre = drop(inf, 6);
    set_present(p, pre, {U"suis", U"suis", U"suit", U"suivons", U"suivez", U"suivent"});
    p.imperfect_stem = pre + U"suiv";
    p.past_stem = pre + U"suiv";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"suivr"};
    p.present_participle = pre + U"suivant";
    p.past_participle = pre + U"suivi";
    return true;
  }
  if (ends_with(inf, U"vaincre")) {  // c becomes qu before a vowel
    const U pre = drop(inf, 7);
    set_present(p, pre,
                {U"vaincs", U"vaincs", U"vainc", U"vainquons", U"vainquez", U"vainquent"});
    p.imperfect_stem = pre + U"vainqu";
    p.past_stem = pre + U"vainqu";
    p.past_kind = PastKind::kI;
    p.future_stems = {pre + U"vaincr"};
    p.present_participle = pre + U"vainquant";
    p.past_participle = pre + U"vaincu";
    return true;
  }
  return false;
}

void push_unique(std::vector<std::string>& v, const U& form) {
  std::string s = to_utf8(form);
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Expands a paradigm into the Conjugation lists, third persons first.
void expand(const Paradigm& p, Conjugation& out) {
  const auto& past_endings = p.past_kind == PastKind::kA   ? kPastA
                             : p.past_kind == PastKind::kI ? kPastI
                             : p.past_kind == PastKind::kU ? kPastU
                                                           : kPastIn;
  // Each tense as six lists of variants.
  auto tense = [&](const std::vector<U>& stems, const std::array<const char32_t*, 6>& endings) {
    std::array<std::vector<U>, 6> t;
    for (int i = 0; i < 6; ++i)
      for (const U& s : stems) t[i].push_back(attach(s, endings[i], p.soften));
    return t;
  };
  const std::array<std::array<std::vector<U>, 6>, 5> tenses = {
      p.present, tense({p.imperfect_stem}, kImperfectEndings), tense({p.past_stem}, past_endings),
      tense(p.future_stems, kFutureEndings), tense(p.future_stems, kImperfectEndings)};
  // Third persons of every tense, then first and second persons.
  for (int person : {2, 0, 1}) {
    for (const auto& t : tenses)
      for (const U& f : t[person]) push_unique(out.finite_singular, f);
  }
  for (int person : {5, 3, 4}) {
    for (const auto& t : tenses)
      for (const U& f : t[person]) push_unique(out.finite_plural, f);
  }
  const U& ms = p.past_participle;
  const bool ends_in_s = !ms.empty() && (ms.back() == U's' || ms.back() == U'x');
  out.past_participles = {to_utf8(ms), to_utf8(ms + U"e"), to_utf8(ends_in_s ? ms : ms + U"s"),
                          to_utf8(ms + U"es")};
  out.present_participle = to_utf8(p.present_participle);
}

}  // namespace
}  // namespace detail

bool conjugate(std::string_view infinitive, Conjugation& out) {
  using namespace detail;
  out = Conjugation();
  auto decoded = decode_utf8(infinitive);
  if (!decoded) return false;
  const U& inf = decoded.text();
  if (inf.size() < 3) return false;
  for (char32_t c : inf)
    if (!is_french_letter(c)) return false;
  Paradigm p;
  bool known = false;
  if (ends_with(inf, U"er")) {
    known = first_group(inf, p);
  } else if (ends_with(inf, U"ir")) {
    known = ir_verb(inf, p);
  } else if (ends_with(inf, U"re")) {
    known = re_verb(inf, p);
  }
  if (!known) return false;
  out.infinitive = std::string(infinitive);
  expand(p, out);
  return true;
}

}  // namespace quotegraph
