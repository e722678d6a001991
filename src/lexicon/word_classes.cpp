// WordClasses loading and look-ups, and the gazetteer look-up cache.
#include "quotegraph/lexicon/word_classes.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "quotegraph/lexicon/tsv.h"
#include "quotegraph/text/text.h"

namespace quotegraph {

namespace {

using W = WordClasses;

// The class names of words.tsv and their bits.
constexpr std::pair<const char*, std::uint64_t> kNames[] = {
    {"det", W::kDet}, {"prep", W::kPrep}, {"subj", W::kSubj}, {"obj", W::kObj}, {"aux", W::kAux},
    {"adv", W::kAdv}, {"time", W::kTime}, {"cut", W::kCut}, {"poss", W::kPoss},
    {"nosource", W::kNoSource}, {"report", W::kReport}, {"objcontent", W::kObjContent},
    {"surcontent", W::kSurContent}, {"advphrase", W::kAdvPhrase},
    {"conj", W::kConj}, {"standalone", W::kStandalone}, {"audience", W::kAudience},
    {"blame", W::kBlame}, {"stateproxy", W::kStateProxy}, {"prenominal", W::kPrenominal},
    {"particle", W::kParticle}, {"capparticle", W::kCapParticle}, {"notverb", W::kNotVerb},
    {"circumstance", W::kCircumstance}, {"leader", W::kLeader}, {"genericleader", W::kGenericLeader},
    {"feminine", W::kFeminine}, {"masculine", W::kMasculine}, {"plural", W::kPlural},
    {"roleprefix", W::kRolePrefix}, {"ordinal", W::kOrdinal}, {"article", W::kArticle},
    {"notmanner", W::kNotManner}, {"manner", W::kManner}, {"titleabbrev", W::kTitleAbbrev}, {"npstop", W::kNpStop},
    {"pronounsubject", W::kPronounSubject}, {"quantifier", W::kQuantifier}, {"manneropener", W::kMannerOpener},
    {"contracted", W::kContracted}, {"narrative", W::kNarrative}, {"notparticiple", W::kNotParticiple},
    {"interjection", W::kInterjection}, {"person12", W::kPerson12}, {"person12after", W::kPerson12After},
    {"subj12", W::kSubj12}, {"circumstanceprep", W::kCircumstancePrep}, {"locative", W::kLocative},
    {"locativecoord", W::kLocativeCoord}, {"notnpword", W::kNotNpWord}, {"etreform", W::kEtreForm},
    {"clauseopener", W::kClauseOpener}, {"firstpossessive", W::kFirstPossessive},
    {"answerverb", W::kAnswerVerb}, {"impersonal", W::kImpersonal}, {"cutneedsque", W::kCutNeedsQue},
    {"relativelequel", W::kRelativeLequel}, {"negation", W::kNegation},
    {"stressedpronoun", W::kStressedPronoun}, {"descdet", W::kDescriptionDeterminer},
    {"keyarticle", W::kKeyArticle}};

// The class names of the second bit set (WordClasses::Extra).
constexpr std::pair<const char*, std::uint64_t> kExtraNames[] = {
    {"", W::kExtraNone},
    {"queform", W::kQueForm},
    {"deform", W::kDeForm},
    {"auform", W::kAuForm},
    {"aform", W::kAForm},
    {"neform", W::kNeForm},
    {"seform", W::kSeForm},
    {"etword", W::kEtWord},
    {"maisword", W::kMaisWord},
    {"siword", W::kSiWord},
    {"pourword", W::kPourWord},
    {"selonword", W::kSelonWord},
    {"apresword", W::kApresWord},
    {"enword", W::kEnWord},
    {"toutword", W::kToutWord},
    {"sourcenoun", W::kSourceNoun},
    {"parword", W::kParWord},
    {"quiword", W::kQuiWord},
    {"stressedmasculine", W::kStressedMasculine},
    {"stressedplural", W::kStressedPlural},
    {"sameword", W::kSameWord},
    {"citedby", W::kCitedBy},
    {"pronountargetprep", W::kPronounTargetPrep},
    {"ownopinionsubject", W::kOwnOpinionSubject},
    {"passiveetre", W::kPassiveEtre},
    {"replyadverbial", W::kReplyAdverbial},
    {"replynoun", W::kReplyNoun},
    {"appealnoun", W::kAppealNoun},
    {"contradicting", W::kContradicting},
    {"vocativetitle", W::kVocativeTitle},
    {"definitearticle", W::kDefiniteArticle},
    {"opinionbody", W::kOpinionBody},
    {"clockword", W::kClockWord},
    {"weatherword", W::kWeatherWord},
    {"contentnoun", W::kContentNoun},
    {"comparative", W::kComparative},
    {"voiceof", W::kVoiceOf},
    {"sideof", W::kSideOf},
    {"semiauxiliarypar", W::kSemiAuxiliaryPar},
    {"ainsiword", W::kAinsiWord},
    {"dutyword", W::kDutyWord},
    {"topicword", W::kTopicWord},
    {"talkword", W::kTalkWord},
    {"latter", W::kLatter}, {"dative", W::kDative}, {"nounlink", W::kNounLink},
    {"narrativepair", W::kNarrativePair}, {"gerundopener", W::kGerundOpener}, {"notgerund", W::kNotGerund},
    {"adjunctprep", W::kAdjunctPrep}, {"questionlabel", W::kQuestionLabel}, {"answerlabel", W::kAnswerLabel},
    {"byline", W::kByline}, {"nobody", W::kNobody}, {"indefhead", W::kIndefHead}, {"narrator", W::kNarrator},
    {"complementizer", W::kComplementizer}, {"person2", W::kSecondPerson},
    {"elision", W::kElision}, {"invertedsubject", W::kInvertedSubject}, {"abbreviation", W::kAbbreviation},
    {"definite", W::kDefinite}, {"complementprep", W::kComplementPrep}, {"diplomacy", W::kDiplomacy},
    {"ministry", W::kMinistry},
};

// The class names of the third bit set (WordClasses::Grammar).
constexpr std::pair<const char*, std::uint64_t> kGrammarNames[] = {
    {"", W::kGrammarNone},
    {"ceword", W::kCeWord},
    {"onword", W::kOnWord},
    {"ilword", W::kIlWord},
    {"yword", W::kYWord},
    {"puisword", W::kPuisWord},
    {"ouword", W::kOuWord},
    {"bienword", W::kBienWord},
    {"surword", W::kSurWord},
    {"contreword", W::kContreWord},
    {"gardeword", W::kGardeWord},
    {"suiteword", W::kSuiteWord},
    {"aupresword", W::kAupresWord},
    {"quantword", W::kQuantWord},
    {"tandisword", W::kTandisWord},
    {"eteword", W::kEteWord},
    {"dapresword", W::kDapresWord},
    {"cutkeepsclause", W::kCutKeepsClause},
    {"cutbeforeque", W::kCutBeforeQue},
    {"demonstrative", W::kDemonstrative},
    {"timedeterminer", W::kTimeDeterminer},
    {"cuetimedeterminer", W::kCueTimeDeterminer},
    {"statementclitic", W::kStatementClitic},
    {"passiveparticiple", W::kPassiveParticiple},
    {"auxinfinitive", W::kAuxInfinitive},
    {"topicnoun", W::kTopicNoun},
    {"topicprep", W::kTopicPrep},
    {"relativepronoun", W::kRelativePronoun},
    {"answerword", W::kAnswerWord},
    {"chainingword", W::kChainingWord},
    {"purposeword", W::kPurposeWord},
    {"pairword", W::kPairWord},
    {"firstperson", W::kFirstPerson},
    {"referencesnoone", W::kReferencesNoOne},
    {"thirdpersonsubject", W::kThirdPersonSubject},
    {"nametitle", W::kNameTitle},
    {"authorparticiple", W::kAuthorParticiple},
    {"negationword", W::kNegationWord},
    {"negationemphasis", W::kNegationEmphasis},
    {"negationobject", W::kNegationObject},
    {"obligationverb", W::kObligationVerb},
    {"demonstrativepronoun", W::kDemonstrativePronoun},
    {"quantityword", W::kQuantityWord},
    {"attributeverb", W::kAttributeVerb},
    {"askedsourceverb", W::kAskedSourceVerb},
    {"commeword", W::kCommeWord},
    {"pluperfectaux", W::kPluperfectAux},
    {"epithetmasculine", W::kEpithetMasculine},
    {"epithetfeminine", W::kEpithetFeminine},
    {"impersonalpassive", W::kImpersonalPassive},
    {"notname", W::kNotName},
    {"likenessform", W::kLikenessForm},
    {"faireform", W::kFaireForm},
    {"litotesverb", W::kLitotesVerb},
    {"selfverb", W::kSelfVerb},
    {"restrictiveword", W::kRestrictiveWord},
    {"semiauxiliary", W::kSemiAuxiliary},
    {"semiauxiliaryne", W::kSemiAuxiliaryNe},
    {"showingverb", W::kShowingVerb},
    {"documentverb", W::kDocumentVerb},
    {"questionword", W::kQuestionWord},
    {"questionverb", W::kQuestionVerb},
    {"observationverb", W::kObservationVerb},
    {"necessityword", W::kNecessityWord}, {"thirdpossessive", W::kThirdPossessive},
};

// The fourth set's classes (WordClasses::Anchor), by the same rule.
constexpr std::pair<const char*, std::uint64_t> kAnchorNames[] = {
    {"", W::kAnchorNone},
    {"speechsource", W::kSpeechSource},
    {"firstsingular", W::kFirstSingular},
    {"careparticiple", W::kCareParticiple},
    {"latterword", W::kLatterWord},
    {"concernedword", W::kConcernedWord},
    {"firstofpair", W::kFirstOfPair},
    {"secondofpair", W::kSecondOfPair},
    {"feminineform", W::kFeminineForm},
    {"pluralverb", W::kPluralVerb},
    {"selfword", W::kSelfWord},
    {"attitudeword", W::kAttitudeWord},
    {"backpresentative", W::kBackPresentative},
    {"addressword", W::kAddressWord},
    {"audiencenoun", W::kAudienceNoun},
    {"exampleword", W::kExampleWord},
    {"interviewword", W::kInterviewWord},
    {"interviewheading", W::kInterviewHeading},
    {"thingmodal", W::kThingModal},
    {"findingtext", W::kFindingText},
    {"speechactnoun", W::kSpeechActNoun},
    {"factnoun", W::kFactNoun},
    {"factsuffix", W::kFactSuffix},
    {"notfactnoun", W::kNotFactNoun},
    {"againstword", W::kAgainstWord},
    {"dativeword", W::kDativeWord},
    {"placepreposition", W::kPlacePreposition},
    {"thirddative", W::kThirdDative},
    {"nounonlypreposition", W::kNounOnlyPreposition},
    {"mannernoun", W::kMannerNoun},
    {"concessiveopener", W::kConcessiveOpener},
    {"perceptionverb", W::kPerceptionVerb},
    {"ruleparticiple", W::kRuleParticiple},
    {"placenoun", W::kPlaceNoun},
    {"eventnoun", W::kEventNoun},
    {"utterancenoun", W::kUtteranceNoun},
    {"harmword", W::kHarmWord},
    {"addressverb", W::kAddressVerb},
    {"letdownword", W::kLetdownWord},
    {"pleasedword", W::kPleasedWord},
    {"expectverb", W::kExpectVerb},
    {"opinionverb", W::kOpinionVerb},
    {"digitabbreviation", W::kDigitAbbreviation},
    {"officeprefix", W::kOfficePrefix},
    {"complementlink", W::kComplementLink},
};

// The bit of class `name` in the bit set `names` (kNames, kExtraNames,
// kGrammarNames or kAnchorNames), 0 for a name it does not define.
template <std::size_t N>
std::uint64_t bit_in(const std::pair<const char*, std::uint64_t> (&names)[N], const std::string& name) {
  // The first byte before the whole name: a line's class is compared with
  // some 200 names, most of which differ there.
  for (const auto& [known, bit] : names)
    if (!name.empty() && known[0] == name[0] && name == known) return bit;
  return 0;
}

// A several-word entry as the tokens fold: word by word, joined by single
// spaces, an elided word standing alone ("d'ailleurs" -> "d' ailleurs").
std::string joined_tokens(const std::string& folded) {
  std::string joined;
  for (char ch : folded) {
    if (ch == '\'') {
      joined += "' ";
      continue;
    }
    joined += ch;
  }
  while (!joined.empty() && joined.back() == ' ') joined.pop_back();
  return joined;
}

}  // namespace

Result<WordClasses> WordClasses::load(const std::string& data_dir, Diagnostics& diags) {
  const std::string path = data_dir + "/words.tsv";
  auto lines = read_tsv(path, diags);
  if (!lines) return Status::error(DiagCode::kIoError, path, 0, "cannot open word list");
  WordClasses w;
  for (const TsvLine& data_line : *lines) {
    const std::string& line = data_line.text;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      diags.error(DiagCode::kBadData, path, data_line.number, "expected class<TAB>word", line, "line");
      continue;
    }
    std::string cls = line.substr(0, tab);
    const std::string word = fold_utf8(line.substr(tab + 1));
    if (cls == "advphrase") {
      const std::string joined = joined_tokens(word);
      w.phrase_set_.find_or_add(joined, [] { return char{1}; });
      w.add_openers(joined, kOpensPhrase);
      continue;
    }
    if (cls == "marker" || cls == "markerself") {
      const SourceMarker kind = cls == "marker" ? SourceMarker::kBeforeSource : SourceMarker::kStandsForSource;
      const std::string joined = joined_tokens(word);
      w.marker_table_.find_or_add(joined, [&] { return kind; }) = kind;
      w.add_openers(joined, kOpensMarker);
      continue;
    }
    if (cls.rfind("subj:", 0) == 0 && cls.size() == 8) {  // subj:G:N, gender and number
      const std::pair<Gender, bool> person{cls[5], cls[7] == 'p'};
      w.subjects_.find_or_add(word, [&] { return person; }) = person;
      cls = "subj";
    }
    if (const std::uint64_t bit = bit_in(kNames, cls)) {
      w.classes_[word] |= bit;
      continue;
    }
    if (const std::uint64_t bit = bit_in(kExtraNames, cls)) {
      w.extra_[word] |= bit;
      continue;
    }
    if (const std::uint64_t bit = bit_in(kGrammarNames, cls)) {
      w.grammar_[word] |= bit;
      continue;
    }
    if (const std::uint64_t bit = bit_in(kAnchorNames, cls)) {
      w.anchor_[word] |= bit;
      continue;
    }
    diags.error(DiagCode::kBadData, path, data_line.number, "unknown word class '" + cls + "'", line, "line");
  }
  w.load_judgements(data_dir + "/judgements.tsv", diags);
  w.target_scorer_ = TargetScorer::load(data_dir + "/target_scorer.tsv", diags);
  w.index_bits();
  return w;
}

namespace {

// The feminine and plural forms of a French adjective or noun, by the
// regular rules (courageux -> courageuse, courageuses; inacceptable ->
// inacceptables; fautif -> fautive; criminel -> criminelle; illégal ->
// illégaux). Irregular forms are listed in the data file itself.
std::vector<std::string> inflections(const std::string& w) {
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  auto stem = [&](std::size_t cut) { return w.substr(0, w.size() - cut); };
  std::vector<std::string> out{w};
  if (w.find(' ') != std::string::npos) return out;
  if (ends("eux")) {
    out.push_back(stem(1) + "se");
    out.push_back(stem(1) + "ses");
  } else if (ends("if")) {
    out.push_back(stem(1) + "ve");
    out.push_back(stem(1) + "ves");
    out.push_back(w + "s");
  } else if (ends("el") || ends("en")) {
    out.push_back(w + w.back() + "e");
    out.push_back(w + w.back() + "es");
    out.push_back(w + "s");
  } else if (ends("al")) {
    out.push_back(stem(2) + "aux");
    out.push_back(w + "e");
    out.push_back(w + "es");
  } else if (ends("e")) {
    out.push_back(w + "s");
  } else if (!ends("s") && !ends("x")) {
    out.push_back(w + "e");
    out.push_back(w + "s");
    out.push_back(w + "es");
  }
  return out;
}

}  // namespace

void WordClasses::load_judgements(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path);
  if (!in) return;  // optional: without it no content is judged
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) {
      diags.error(DiagCode::kBadData, path, number, "expected class<TAB>word", line, "line");
      continue;
    }
    const std::string cls = line.substr(0, tab);
    std::uint32_t bit = 0;
    if (cls == "negative") bit = kNegative;
    if (cls == "positive") bit = kPositive;
    if (cls == "deed") bit = kDeed;
    if (bit == 0) {
      diags.error(DiagCode::kBadData, path, number, "unknown judgement class '" + cls + "'", line, "line");
      continue;
    }
    for (const std::string& form : inflections(fold_utf8(line.substr(tab + 1)))) classes_[form] |= bit;
  }
}

const State* GazetteerCache::state_or_seat(std::string_view folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kStateOrSeat)) {
    const State* s = gaz_.state(folded);
    w.state_or_seat = s ? s : gaz_.seat(folded);
    w.known |= WordInfo::kStateOrSeat;
  }
  return w.state_or_seat;
}

bool GazetteerCache::may_open_state_or_seat(std::string_view folded_token) {
  WordInfo& w = table_.find(folded_token);
  if (!(w.known & WordInfo::kOpensStateOrSeat)) {
    w.opens_state_or_seat = gaz_.may_open_state_or_seat(folded_token);
    w.known |= WordInfo::kOpensStateOrSeat;
  }
  return w.opens_state_or_seat;
}

const Role* GazetteerCache::role(std::string_view folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kRole)) {
    w.role = gaz_.role(folded);
    w.known |= WordInfo::kRole;
  }
  return w.role;
}

const State* GazetteerCache::nationality(std::string_view folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kNationality)) {
    w.nationality = gaz_.nationality(folded);
    w.known |= WordInfo::kNationality;
  }
  return w.nationality;
}

std::optional<Gender> GazetteerCache::courtesy_title(std::string_view folded) {
  WordInfo& w = table_.find(folded);
  if (!(w.known & WordInfo::kTitle)) {
    w.title = gaz_.courtesy_title(folded);
    w.known |= WordInfo::kTitle;
  }
  return w.title;
}

namespace {

// The fields of one line of a Hunspell dictionary with Grammalecte
// morphology that load_infinitives reads: whether some field is po:prn,
// whether some field opens with po:v. One scan of the line for " po:".
struct DicLineTags {
  bool given_name = false;
  bool verb = false;
};

DicLineTags dic_line_tags(std::string_view line) {
  DicLineTags tags;
  // From space to space (a search for the space alone is one memchr).
  for (std::size_t at = line.find(' '); at != std::string_view::npos; at = line.find(' ', at + 1)) {
    if (line.compare(at + 1, 3, "po:") != 0) continue;
    const std::string_view tag = line.substr(at + 4);
    if (tag.substr(0, 3) == "prn") tags.given_name = true;
    if (!tag.empty() && tag[0] == 'v') tags.verb = true;
  }
  return tags;
}

// The word of a dictionary line: up to its flags or morphology.
std::string_view dic_word(std::string_view line) { return line.substr(0, line.find_first_of("/ \t")); }

}  // namespace

bool WordClasses::load_infinitives(const std::string& dic_path) {
  std::ifstream in(dic_path, std::ios::binary);
  if (!in) return false;
  // The whole file at once (2.6 MB for hunspell-fr), its lines cut as
  // views: one read and no string a line.
  std::ostringstream whole;
  whole << in.rdbuf();
  const std::string bytes = whole.str();
  const std::string_view all(bytes);
  for (std::size_t begin = 0; begin < all.size();) {
    std::size_t end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    const std::string_view line = all.substr(begin, end - begin);
    begin = end + 1;
    const DicLineTags tags = dic_line_tags(line);
    // "Marie/L'D'Q' po:prn is:fem is:inv": a given name and its gender.
    if (tags.given_name) {
      const bool fem = line.find("is:fem") != std::string_view::npos;
      const bool mas = line.find("is:mas") != std::string_view::npos;
      if (fem != mas) given_names_[fold_utf8(dic_word(line))] = fem ? 'f' : 'm';
      continue;
    }
    // "prendre/tF() po:v3_itnq__a": the word, its flags, its morphology.
    if (!tags.verb) continue;
    const std::string_view word = dic_word(line);
    auto ends = [&](std::string_view suf) {
      return word.size() > suf.size() && word.substr(word.size() - suf.size()) == suf;
    };
    if (ends("er") || ends("ir") || ends("re") || ends("oir")) infinitive_set_.find_or_add(fold_utf8(word), [] { return char{1}; });
  }
  return infinitive_set_.size() != 0;
}

Gender WordClasses::given_name_gender(const std::string& folded) const {
  auto it = given_names_.find(folded);
  return it == given_names_.end() ? '?' : it->second;
}

namespace {

// The words of one of the class sets that have any of `bits`, sorted.
std::vector<std::string> members_of(const std::unordered_map<std::string, std::uint64_t>& set,
                                    std::uint64_t bits) {
  std::vector<std::string> out;
  for (const auto& [word, word_bits] : set)
    if (word_bits & bits) out.push_back(word);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

void WordClasses::add_openers(std::string_view joined, std::uint8_t bit) {
  // A look-up joins n >= 2 tokens with single spaces, so its first token
  // is the key up to one of the key's spaces (a token may hold a space
  // itself: every space counts).
  for (std::size_t space = joined.find(' '); space != std::string_view::npos; space = joined.find(' ', space + 1))
    openers_.find_or_add(joined.substr(0, space), [] { return std::uint8_t{0}; }) |= bit;
}

void WordClasses::index_bits() {
  bits_.clear();
  for (const auto& [word, bits] : classes_) bits_.find_or_add(word, [] { return FormBits{}; }).classes = bits;
  for (const auto& [word, bits] : extra_) bits_.find_or_add(word, [] { return FormBits{}; }).extra = bits;
  extra_openers_.clear();
  for (const auto& [word, bits] : extra_)
    if (const std::size_t space = word.find(' '); space != std::string::npos)
      extra_openers_.find_or_add(std::string_view(word).substr(0, space), [] { return std::uint64_t{0}; }) |= bits;
  for (const auto& [word, bits] : grammar_) bits_.find_or_add(word, [] { return FormBits{}; }).grammar = bits;
  for (const auto& [word, bits] : anchor_) bits_.find_or_add(word, [] { return FormBits{}; }).anchor = bits;
}

std::uint64_t WordClasses::classes(std::string_view folded) const {
  const FormBits* b = bits_.find(folded);
  return b ? b->classes : 0;
}

bool WordClasses::has(std::string_view folded, std::uint64_t bits) const { return (classes(folded) & bits) != 0; }

std::uint64_t WordClasses::extra(std::string_view folded) const {
  const FormBits* b = bits_.find(folded);
  return b ? b->extra : 0;
}

bool WordClasses::has_extra(std::string_view folded, std::uint64_t extra_bits) const {
  return (extra(folded) & extra_bits) != 0;
}

std::vector<std::string> WordClasses::members(std::uint64_t bits) const { return members_of(classes_, bits); }

std::vector<std::string> WordClasses::extra_members(std::uint64_t extra_bits) const {
  return members_of(extra_, extra_bits);
}

std::vector<std::string> WordClasses::anchor_members(std::uint64_t anchor_bits) const {
  return members_of(anchor_, anchor_bits);
}

std::uint64_t WordClasses::grammar(std::string_view folded) const {
  const FormBits* b = bits_.find(folded);
  return b ? b->grammar : 0;
}

bool WordClasses::has_grammar(std::string_view folded, std::uint64_t grammar_bits) const {
  return (grammar(folded) & grammar_bits) != 0;
}

std::uint64_t WordClasses::anchor(std::string_view folded) const {
  const FormBits* b = bits_.find(folded);
  return b ? b->anchor : 0;
}

bool WordClasses::has_anchor(std::string_view folded, std::uint64_t anchor_bits) const {
  return (anchor(folded) & anchor_bits) != 0;
}

bool WordClasses::subject(std::string_view folded, Gender& gender, bool& plural) const {
  const std::pair<Gender, bool>* person = subjects_.find(folded);
  if (!person) return false;
  gender = person->first;
  plural = person->second;
  return true;
}

}  // namespace quotegraph
