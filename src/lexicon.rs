//! The lexicon: every word and phrase the clause and report rules look at,
//! each with a *role*, kept as data in `data/lexicon.tsv`.
//!
//! Rules never test for a literal word: they ask whether a phrase of some
//! role stands somewhere ("a negation within the clause", "a facility noun
//! before the name"), so a new wording is a new lexicon row, not new code.
//! One tagging pass per article finds every phrase of every role at once
//! (the phrases' trie, an anchored aho-corasick DFA, walked from
//! each word start of the lower-case text), keeping the longest phrase at
//! each word start that ends on a word boundary — the same notion of a word as the rest of the
//! engine, a maximal run of letters and digits
//! ([`crate::text::ArticleText::words`]).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use rustc_hash::FxHashMap;

use crate::reports::Status;

/// What a lexicon phrase does. The header of `data/lexicon.tsv` documents
/// each role with examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    // Cues: phrases that report control, each with a status.
    /// Applies to the places of its clause ("veroverd", "fell to").
    Verb,
    /// A verb of falling ("viel", "fell"), which can be about other things
    /// ("doden vielen", "prices fell"): see `noise` and `noise_next`.
    Fall,
    /// A Dutch split verb whose particle closes the clause ("namen … in").
    Separable,
    /// Governs the place right after it ("de val van", "battle for").
    Nominal,
    /// A verb too common to govern a clause: only a place right after it.
    Object,
    /// "in handen van", "in the hands of": whose hands decides.
    Hands,
    /// "control of", "hold": whose control decides.
    Control,
    /// "heroverd", "retook": held, or a capture when the Taliban retake.
    Retake,
    /// "volgde", "was next": the status of the event before it.
    Continue,

    // Mood, polarity and source.
    Negation,
    Denial,
    /// Calls a claim false ("was false", "een leugen", "baseless"): in the
    /// claim's own clause the claim is refuted (held); in another clause
    /// ("…, but the resistance called it a lie") it disputes the claim.
    Refutation,
    Modal,
    Future,
    /// Opens a conditional clause ("als", "if").
    Conditional,
    Hedge,
    Partial,
    /// "only the district centres", "behalve het districtscentrum": the
    /// other side keeps a remainder, so a capture before it in the
    /// sentence is partial.
    Remainder,
    /// A part of a town ("the centre of", "het centrum van"): partial
    /// before a town's name; before a province's ("the center of Uruzgan
    /// province") it names the capital, and is nothing.
    TownPart,
    /// A part of a town named right after it ("reached the city centre",
    /// "Kunduz city centre"): as [`Role::TownPart`] before it.
    TownPartAfter,
    /// Parts a town is divided into, or a province ("districts",
    /// "districten", "neighbourhoods"): before a town that no province is
    /// named after ("nine of the ten districts of Lashkar Gah", "districten
    /// in de stad") they are parts of it, a partial report; before a
    /// province, or a capital named like its province ("three districts of
    /// Herat"), the name only locates them.
    Quarter,
    /// A compass noun ("noorden", "the north"): right before a name, it
    /// ends the phrase a preposition opened ("valt in het noorden Mazar").
    CompassNoun,
    /// A valley ("valley", "vallei"): a province named as its valley is
    /// the land fought over, not only where fighting is.
    ValleyWord,
    /// A post or position ("checkpoints", "controleposten"): taken in a
    /// town, a part of the town taken, so the town is fought over.
    OutpostWord,
    /// A plural pronoun that may stand for the places just named
    /// ("they", "these"): only as the subject of a verb of falling ("they
    /// might collapse"), never the Taliban's "they captured".
    PlacePronoun,
    /// A plural pronoun for people ("they", "ze", "zij"): as the subject
    /// of a verb of saying, the actor named last before it ("the Taliban
    /// celebrated what they said was the capture of Panjshir").
    PeoplePronoun,
    /// A singular pronoun as the object of a verb of taking ("the
    /// government retook it"): the place named last in its sentence; as
    /// the subject of a verb of falling ("it fell"), the town named last.
    ObjectPronoun,
    /// Marks a held cue that pushes an attack back ("repelled",
    /// "afgeslagen"): in a province, it says only where the attack was.
    Repel,
    /// Marks a reference word of nearness ("near", "in de buurt van"):
    /// fighting near a place threatens it.
    Proximity,
    /// A capture verb's infinitive or gerund ("veroveren", "taking"):
    /// without an actor, with a future after it, a capture named as what
    /// will be ("Kabul veroveren, zal …").
    VerbalNoun,
    /// "all", "alle": before a count of a province's districts, all of it.
    ShareAll,
    /// "most", "meeste", "majority": before a count of a province's
    /// districts, part of it.
    SharePart,
    /// "but" in "all but one district": part of the province.
    ShareBut,
    /// "out" in "12 out of 19 districts".
    ShareOut,
    /// A unit of a span of time ("weeks", "maanden"): "besieged for six
    /// months" is a siege told with its length.
    DurationUnit,
    /// The auxiliary of the past perfect ("had", "hadden"): what it tells
    /// was over before the story's time.
    Pluperfect,
    /// A verb form of the past, finite or participle ("fell", "taken",
    /// "vielen", "ingenomen"): a time limit beside it ("fell within days",
    /// "vielen binnen enkele dagen") tells how fast it happened, not a
    /// deadline still to come.
    PastForm,
    /// Opens a clause of what is still to come ("before", "until", "once",
    /// "voordat", "zodra"): "before Kunduz falls" tells a fall not yet
    /// come about, unless its verb is of the past ("before it fell").
    Prospective,
    /// Opens a clause of what happened at the same time ("while",
    /// "terwijl", "toen"): with no day of its own, the clause before it
    /// gives its day ("Kunduz fell on Sunday while fighting went on in
    /// Taloqan").
    Simultaneous,
    /// A route ("highway", "snelweg"): a name right before it, alone or
    /// joined to others by hyphens ("the Kabul-Kandahar highway"), only
    /// names the route.
    Route,
    /// Joins what is said to a verb of saying as well as opening a
    /// relative clause ("dat"): right after a name, with no comma, it does
    /// the first.
    Complementizer,
    /// A phrase for the Taliban side that fills the slot `{enemy}` of
    /// other rows ("pushed {enemy} out of"); not tagged in text itself.
    EnemySlot,
    /// An adjective that fills the slot `{adj}` of other rows ("de {adj}
    /// grensovergang"); not tagged in text itself.
    AdjectiveSlot,
    /// After a route noun, opens the name of its first end ("from",
    /// "linking", "van"): "the road linking Kabul with Bamiyan".
    RouteFrom,
    /// After a route's first end, opens the name of the other ("to",
    /// "with", "naar"): "de snelweg van Kabul naar Kandahar".
    RouteTo,
    /// A part of a town's edge ("the gates of", "de ingang van"): in
    /// Taliban hands as the subject of a hands cue, the town is threatened.
    Edge,
    Still,
    NoLonger,
    /// The Taliban say so ("taliban said", "Mujahid").
    Claim,
    /// A verb of claiming ("claimed", "beweren"): a Taliban claim when the
    /// Taliban are the ones speaking.
    ClaimVerb,
    Confirm,
    /// "completely": "has not fallen completely" is a partial capture.
    Complete,
    /// A time limit ("within 90 days", "binnen dertig dagen"): the future,
    /// wherever it stands in the clause.
    Deadline,
    /// The infinitive marker ("to"): "advancing to capture X" is a plan.
    Infinitive,
    /// An infinitive marker whose verb takes its object after it (English
    /// "to capture Taloqan", not Dutch "Taloqan te veroveren"): a name
    /// before it is not the object of a taking verb after it ("came from
    /// Kunduz to capture Taloqan").
    ObjectAfter,
    /// "managed to", "were able to": the infinitive after it happened.
    Achieved,
    /// A capture verb whose subject does the taking ("seized",
    /// "veroverden"): taken by the government side, the place is held.
    Agentive,
    /// A capture cue whose subject loses the place ("lost control of",
    /// "verloor de controle over"): lost by the Taliban, the place is held.
    Loss,
    /// A cue whose event happens at its place ("surrendered in X", "gaven
    /// zich over in X"): a place "in" it is what the cue reports about,
    /// not only where something happened.
    AtScene,
    /// A capture verb of getting into a place ("entered", "stormed into"):
    /// with fighting in its sentence, the place is fought over, not taken.
    Entry,
    /// "except", "behalve": the place is left out of what the clause
    /// reports ("all cities except Kabul are in Taliban hands": Kabul is
    /// held).
    Exception,
    /// "apart from", "aside from", "besides": an exception to a capture
    /// ("every city apart from Kabul fell"), but one more place still
    /// held ("only two cities aside from Kabul remain in government
    /// hands").
    Besides,

    // Actors.
    Taliban,
    Government,
    /// People on neither side ("evacuees", "vluchtelingen"): getting to a
    /// place, they threaten nothing.
    Civilian,

    // What makes a place something other than the subject of a report.
    /// A facility noun: "het vliegveld van X", "X airport".
    Facility,
    /// A point distances are measured from: "150 km from X", "north of X".
    Distance,
    /// A reference point: "near X", "fled to X", "except X".
    Reference,
    /// A phrase by which a province locates another place ("in de provincie").
    Locative,
    /// A part of a province smaller than a town ("district", "dorp").
    Unit,
    /// People a place only describes ("X officials", "de gouverneur van X").
    AgentNoun,
    /// Words that may stand between a cue and its place ("de stad", "key").
    Filler,
    /// A preposition that can head the phrase a name stands in ("in",
    /// "van", "of").
    Preposition,
    /// A preposition that says where ("in", "bij"), not whose ("of").
    LocativePreposition,
    /// A noun for an event that a possessive name is the subject of ("X's
    /// fall", "Kabul's capture"): the name is no mere modifier.
    EventNoun,
    /// The seat of a place's government ("the governor's office", "police
    /// headquarters"): taking it is taking the place.
    SeatOfPower,
    /// An airport noun: "the airport of X", "X's airport" is X's airport.
    Airport,
    /// Coordinated after "en"/"and", a new clause's verb ("and have
    /// fallen", "en hebben … bereikt").
    Auxiliary,
    /// An ordinal ("the sixth provincial capital to fall"): the infinitive
    /// after it is no plan but a count of what happened.
    Ordinal,
    /// Puts a report before the news ("had already taken", "eerder"): with
    /// no time of its own, it is background.
    Background,
    /// How a place was taken ("without a fight", "zonder slag of stoot"):
    /// may stand between a cue and its place.
    Manner,
    /// "without", "zonder": fighting right after it did not happen ("fell
    /// without any clashes").
    Without,
    /// A phrase whose place follows it ("the capital of X", "de hoofdstad
    /// van X"): not words referring back.
    Relational,
    /// A noun a cue right after it describes instead of a named place
    /// ("the last city in government hands").
    HeadNoun,
    /// A preposition putting an event before another ("na de val van X",
    /// "following the capture of X"): that event is background.
    TemporalPrep,
    /// A preposition of what went with an event ("amid", "not without",
    /// "niet zonder"): fighting after it was part of the event.
    Accompanying,
    /// Dutch "zou": reportedly with a verb, "would" with a nominal cue.
    Reportive,

    // Words that refer back to a place.
    AnaphorCity,
    AnaphorAny,
    AnaphorProvince,
    /// "the capital", "de hoofdstad": Kabul, unless a province is meant.
    AnaphorCapital,
    /// "their capitals", "hun hoofdsteden": the capitals of the provinces
    /// just named.
    AnaphorCapitals,
    /// "the airport", "het vliegveld": the airport of the town just named.
    AnaphorAirport,
    /// "the border crossing", "de grensovergang": the crossing just named.
    AnaphorCrossing,
    /// "these districts", "deze districten": the districts just named.
    AnaphorDistricts,
    /// "both provinces", "deze provincies": the provinces just named.
    AnaphorProvinces,
    /// "the cities", "beide steden": the towns just named.
    AnaphorTowns,
    /// "the district", "het district": the district just named.
    AnaphorDistrict,
    /// "the valley", "de vallei": the province, district or area just
    /// named (the Panjshir or Andarab valley), never a town.
    AnaphorValley,

    // Clause structure.
    /// Joins names into a list ("en", "and", "as well as").
    Coordinator,
    /// Always opens a new clause ("maar", "but", "while").
    ClauseCoordinator,
    /// Opens a subordinate clause that a comma closes ("nadat", "after").
    Subordinator,
    /// Opens a relative clause after a comma ("die", "which").
    Relative,

    // Page furniture and noise.
    /// Makes a verb of falling about something else ("doden", "prices").
    Noise,
    /// A word right after a verb of falling that makes it another verb
    /// ("valt onder", "fell short").
    NoiseNext,
    /// Marks a stock photo caption ("file photo", "archiefbeeld").
    StockCaption,
    /// Opens a link to another story ("Also read", "Lees ook"): its line
    /// is page furniture.
    RelatedLink,
    /// Presupposes that the Taliban have taken power ("since the Taliban
    /// takeover", "na de machtsovername"): a bound for dating, never a
    /// report. Matched apart from the tagging pass (see
    /// [`Lexicon::presupposes_takeover`]).
    AfterTakeover,
    /// May follow a separable verb's particle and still end its clause.
    Afterfield,

    // Words around a name that say what it names, read by the geoparser
    // one word at a time (see [`Role::is_lookup_only`]), and the same for
    // the dating rules.
    /// "provincie", "province": the name next to it is the province.
    ProvinceWord,
    /// "stad", "city", "village": the name after it is a settlement.
    CityWord,
    /// "hoofdstad", "capitals": with "of"/"van", the name after it stands
    /// for its province's capital.
    CapitalWord,
    /// "cities", "steden": "the capital cities of X".
    CityPlural,
    /// Joins names into a list for the geoparser ("and", "en", "or").
    NameJoiner,
    /// "of", "van".
    Genitive,
    /// "de", "the", "een".
    Article,
    /// Vouches for a district's or site's name in its sentence ("district",
    /// "woluswali", "grensovergang").
    DistrictWord,
    /// Next to a name, asks for its district entry ("het district X").
    KindDistrict,
    /// Next to a name, asks for its border crossing ("X border crossing").
    KindCrossing,
    /// Next to a name, asks for its airport or base ("X airbase").
    KindBase,
    /// Next to a name, asks for its valley or region ("de vallei X").
    KindArea,
    /// A capitalised adjective that may stand between "capital of" and a
    /// province ("Afghan").
    Demonym,

    // Words the dating rules read one word at a time.
    /// May stand in a dateline before its date ("Updated", "gepubliceerd").
    DatelineWord,
    /// Says the date after it is a later update's, not the publication's
    /// ("Updated", "bijgewerkt").
    UpdateWord,
    /// Before a date, makes it a deadline ("by", "tegen", "uiterlijk").
    DeadlineWord,
    /// After a date in its clause, makes it a plan ("will", "moet").
    PlanWord,
    /// Cannot stand between a count and the capital noun it counts ("the",
    /// "other", "meer").
    CountStop,
    /// Before a count, makes it what was added, not the total ("weer",
    /// "another", "today").
    Increment,
    /// May stand between a locative preposition and a count ("at least").
    CountHedge,
    /// Before a count, makes it a place ("in three capitals").
    CountLocative,
    /// A word of capture near a count of capitals ("fallen", "in handen").
    CountCapture,
    /// A word of threat before a count of capitals ("threatens 17 of the
    /// 34 capitals"): it counts threatened capitals, not fallen ones.
    CountThreat,

    // Function words the clause and report rules read one word at a time.
    /// Near a confirming word, people speak and so vouch for the sentence
    /// ("officials said", "volgens inwoners").
    SpeechWord,
    /// Before an actor, refers back to another ("its fighters", "hun").
    Possessive,
    /// Before a place after another of its clause, where a move set out
    /// from ("from", "vanuit").
    OriginWord,
    /// Before the agent of a passive ("by", "door").
    AgentWord,
    /// Before whom a place is handed to ("to").
    RecipientWord,
    /// Marks a capture cue of handing a place over ("handed over",
    /// "turned over"): who receives it has it, so a place handed to the
    /// government side is held.
    Handover,
    /// Before a time expression, the start of a span, not the day of the
    /// event ("since Friday", "sinds vrijdag").
    SinceWord,
    /// A subordinator of a later event ("before", "voordat"): a day named
    /// after it is that event's.
    BeforeWord,
    /// After a negation, makes it none ("not only", "niet alleen").
    OnlyWord,
    /// After a comma, opens an absolute phrase, no list item ("the fall of
    /// Jalalabad, with Kabul not yet taken").
    WithWord,
    /// Opens a list of examples of the noun before it ("seven capitals,
    /// mainly in the north of the country, including Kunduz"): what lies
    /// before it says nothing of the names after it.
    ListIntro,
    /// "Onder meer", "onder andere" (among others) between a verb and the
    /// names it governs: not the particle "onder" ("valt onder").
    AmongOthers,
    /// Marks a reference word that names the ends of a span ("between",
    /// "tussen"): the places after it are ends of a route.
    Between,
    /// Marks a claim phrase that names a speaker for the Taliban ("Taliban
    /// spokesman", "Mujahid"): a claim only where someone speaks.
    Speaker,
    /// A verb of driving someone out ("drove", "pushed", "expelled"): with
    /// a side as its object and "out of" or "from" after it, a cue for the
    /// place after that ("drove the insurgents out of X": held; "forced
    /// Afghan forces out of X": captured).
    Expel,
    /// A copula of being somewhere ("are", "zijn"): after the Taliban as
    /// its subject and before "in", a fight inside the place after that
    /// ("the fighters were in the districts of Kalakan and Paghman").
    Presence,
    /// Marks an anaphor of the capital that can only be Kabul ("the
    /// Afghan capital", "de hoofdstad van Afghanistan", "the presidential
    /// palace"), never the provincial capital named last.
    National,
    /// A verb of saying ("said", "zeggen"): a Taliban claim when a Taliban
    /// noun phrase is its subject right before it ("Taliban officials
    /// have said", "de Taliban zeggen").
    SayVerb,
    /// A counter-attack ("counteroffensive", "tegenaanval"): retaking set
    /// out to with one is a fight over the place.
    CounterAttack,
    /// An attack under way ("an attack", "campaigns", "aanval"): taking a
    /// place set out to with one ("kicked off an attack to capture X") is
    /// a fight over the place, as retaking with a counter-attack is.
    Campaign,
    /// An attempt ("trying to", "in a bid to", "probeert"): retaking
    /// attempted, like retaking set out to with a counter-attack, is a
    /// fight over the place.
    Attempt,
    /// A word of failing ("failed", "mislukten"): after "but", an attempt
    /// that failed leaves the place held.
    Failure,
    /// Failing to do what follows ("failed to", "niet in geslaagd om"): a
    /// capture the Taliban failed to make leaves the place held.
    FailedTo,
    /// Marks a held cue of getting a place back ("regained control of"):
    /// with the Taliban as its subject, they took it back — a capture.
    Regain,
    /// How an event is judged ("in what would be a stunning blow"): the
    /// modal word inside it is not the event's mood. A tag only, so that
    /// the modal is not read.
    Evaluation,
    /// A capture kept from happening ("prevented", "verhinderd"), on either
    /// side of it in its clause: the place held.
    Prevented,
    /// Opens a sentence that names the places of the sentence before
    /// ("Het gaat om X", "They are X and Y"): a cue there that found no
    /// place of its own is about them.
    Cataphor,
    /// A goal ("next goal", "doel"): a capture verb without a subject
    /// before it, named as a goal ("Taking X is their goal"), is a plan.
    Goal,
    /// Marks a capture cue that takes a place back ("fallen back to the
    /// Taliban"): the other side held it before.
    Back,
    /// Marks a capture cue that tells a state of control ("in Taliban
    /// hands", "under Taliban control"): "since Sunday" beside it is the
    /// day the state began, the capture's day.
    State,
    /// A predicate saying an event named before it never came about ("the
    /// fighting in Kabul did not happen", "de aanval bleef uit"): it
    /// negates the event noun that is its subject.
    Unrealised,
    /// Foreign troops ("US troops", "NATO forces"), also of the government
    /// side: their leaving a place hands it on, no one takes it.
    Foreign,
    /// A town's building whose capture is a part of the town taken ("the
    /// main prison in Sheberghan", "het politiebureau van Kunduz"); also a
    /// facility.
    TownBuilding,
}

/// The roles of cues, in the order in which a phrase with several of
/// them is read as one (a separable verb only when its particle closes the
/// clause).
pub const CUE_ROLES: [Role; 9] = [
    Role::Separable,
    Role::Nominal,
    Role::Control,
    Role::Hands,
    Role::Object,
    Role::Retake,
    Role::Verb,
    Role::Fall,
    Role::Continue,
];

/// The roles of words that refer back to a place.
pub const ANAPHOR_ROLES: [Role; 12] = [
    Role::AnaphorCity,
    Role::AnaphorAny,
    Role::AnaphorProvince,
    Role::AnaphorCapital,
    Role::AnaphorCapitals,
    Role::AnaphorAirport,
    Role::AnaphorCrossing,
    Role::AnaphorDistricts,
    Role::AnaphorProvinces,
    Role::AnaphorTowns,
    Role::AnaphorDistrict,
    Role::AnaphorValley,
];

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "verb" => Role::Verb,
            "fall" => Role::Fall,
            "separable" => Role::Separable,
            "nominal" => Role::Nominal,
            "object" => Role::Object,
            "hands" => Role::Hands,
            "control" => Role::Control,
            "retake" => Role::Retake,
            "continue" => Role::Continue,
            "negation" => Role::Negation,
            "denial" => Role::Denial,
            "refutation" => Role::Refutation,
            "modal" => Role::Modal,
            "future" => Role::Future,
            "conditional" => Role::Conditional,
            "hedge" => Role::Hedge,
            "partial" => Role::Partial,
            "remainder" => Role::Remainder,
            "town_part" => Role::TownPart,
            "town_part_after" => Role::TownPartAfter,
            "quarter" => Role::Quarter,
            "compass_noun" => Role::CompassNoun,
            "valley_word" => Role::ValleyWord,
            "outpost_word" => Role::OutpostWord,
            "place_pronoun" => Role::PlacePronoun,
            "people_pronoun" => Role::PeoplePronoun,
            "object_pronoun" => Role::ObjectPronoun,
            "repel" => Role::Repel,
            "proximity" => Role::Proximity,
            "verbal_noun" => Role::VerbalNoun,
            "share_all" => Role::ShareAll,
            "share_part" => Role::SharePart,
            "share_but" => Role::ShareBut,
            "share_out" => Role::ShareOut,
            "duration_unit" => Role::DurationUnit,
            "pluperfect" => Role::Pluperfect,
            "past_form" => Role::PastForm,
            "prospective" => Role::Prospective,
            "simultaneous" => Role::Simultaneous,
            "route" => Role::Route,
            "route_from" => Role::RouteFrom,
            "enemy_slot" => Role::EnemySlot,
            "adjective_slot" => Role::AdjectiveSlot,
            "complementizer" => Role::Complementizer,
            "route_to" => Role::RouteTo,
            "edge" => Role::Edge,
            "still" => Role::Still,
            "nolonger" => Role::NoLonger,
            "unrealised" => Role::Unrealised,
            "foreign" => Role::Foreign,
            "town_building" => Role::TownBuilding,
            "claim" => Role::Claim,
            "claim_verb" => Role::ClaimVerb,
            "say_verb" => Role::SayVerb,
            "counter_attack" => Role::CounterAttack,
            "campaign" => Role::Campaign,
            "attempt" => Role::Attempt,
            "failure" => Role::Failure,
            "failed_to" => Role::FailedTo,
            "regain" => Role::Regain,
            "evaluation" => Role::Evaluation,
            "prevented" => Role::Prevented,
            "cataphor" => Role::Cataphor,
            "goal" => Role::Goal,
            "back" => Role::Back,
            "state" => Role::State,
            "complete" => Role::Complete,
            "deadline" => Role::Deadline,
            "infinitive" => Role::Infinitive,
            "object_after" => Role::ObjectAfter,
            "achieved" => Role::Achieved,
            "agentive" => Role::Agentive,
            "loss" => Role::Loss,
            "exception" => Role::Exception,
            "besides" => Role::Besides,
            "at_scene" => Role::AtScene,
            "entry" => Role::Entry,
            "relational" => Role::Relational,
            "seat_of_power" => Role::SeatOfPower,
            "airport" => Role::Airport,
            "auxiliary" => Role::Auxiliary,
            "manner" => Role::Manner,
            "without" => Role::Without,
            "background" => Role::Background,
            "ordinal" => Role::Ordinal,
            "anaphor_airport" => Role::AnaphorAirport,
            "anaphor_crossing" => Role::AnaphorCrossing,
            "anaphor_district" => Role::AnaphorDistrict,
            "anaphor_districts" => Role::AnaphorDistricts,
            "anaphor_provinces" => Role::AnaphorProvinces,
            "anaphor_towns" => Role::AnaphorTowns,
            "event_noun" => Role::EventNoun,
            "preposition" => Role::Preposition,
            "locative_preposition" => Role::LocativePreposition,
            "confirm" => Role::Confirm,
            "taliban" => Role::Taliban,
            "civilian" => Role::Civilian,
            "government" => Role::Government,
            "facility" => Role::Facility,
            "distance" => Role::Distance,
            "reference" => Role::Reference,
            "locative" => Role::Locative,
            "unit" => Role::Unit,
            "agent_noun" => Role::AgentNoun,
            "filler" => Role::Filler,
            "head_noun" => Role::HeadNoun,
            "temporal_prep" => Role::TemporalPrep,
            "accompanying" => Role::Accompanying,
            "reportive" => Role::Reportive,
            "anaphor_city" => Role::AnaphorCity,
            "anaphor_any" => Role::AnaphorAny,
            "anaphor_valley" => Role::AnaphorValley,
            "anaphor_province" => Role::AnaphorProvince,
            "anaphor_capital" => Role::AnaphorCapital,
            "anaphor_capitals" => Role::AnaphorCapitals,
            "coordinator" => Role::Coordinator,
            "clause_coordinator" => Role::ClauseCoordinator,
            "subordinator" => Role::Subordinator,
            "relative" => Role::Relative,
            "noise" => Role::Noise,
            "noise_next" => Role::NoiseNext,
            "stock_caption" => Role::StockCaption,
            "related_link" => Role::RelatedLink,
            "afterfield" => Role::Afterfield,
            "after_takeover" => Role::AfterTakeover,
            "province_word" => Role::ProvinceWord,
            "city_word" => Role::CityWord,
            "capital_word" => Role::CapitalWord,
            "city_plural" => Role::CityPlural,
            "name_joiner" => Role::NameJoiner,
            "genitive" => Role::Genitive,
            "article" => Role::Article,
            "district_word" => Role::DistrictWord,
            "kind_district" => Role::KindDistrict,
            "kind_crossing" => Role::KindCrossing,
            "kind_base" => Role::KindBase,
            "kind_area" => Role::KindArea,
            "demonym" => Role::Demonym,
            "dateline_word" => Role::DatelineWord,
            "update_word" => Role::UpdateWord,
            "deadline_word" => Role::DeadlineWord,
            "plan_word" => Role::PlanWord,
            "count_stop" => Role::CountStop,
            "increment" => Role::Increment,
            "count_hedge" => Role::CountHedge,
            "count_locative" => Role::CountLocative,
            "count_capture" => Role::CountCapture,
            "count_threat" => Role::CountThreat,
            "speech_word" => Role::SpeechWord,
            "possessive" => Role::Possessive,
            "origin_word" => Role::OriginWord,
            "agent_word" => Role::AgentWord,
            "recipient_word" => Role::RecipientWord,
            "handover" => Role::Handover,
            "since_word" => Role::SinceWord,
            "before_word" => Role::BeforeWord,
            "only_word" => Role::OnlyWord,
            "with_word" => Role::WithWord,
            "list_intro" => Role::ListIntro,
            "among_others" => Role::AmongOthers,
            "between" => Role::Between,
            "speaker" => Role::Speaker,
            "national" => Role::National,
            "expel" => Role::Expel,
            "presence" => Role::Presence,
            _ => return None,
        })
    }

    /// Does a phrase of this role report control (and carry a status)?
    pub fn is_cue(self) -> bool {
        CUE_ROLES.contains(&self)
    }

    /// Cues that govern the place right after them.
    pub fn governs_next(self) -> bool {
        matches!(self, Role::Nominal | Role::Object | Role::Control)
    }

    /// Words that refer back to a place.
    pub fn is_anaphor(self) -> bool {
        ANAPHOR_ROLES.contains(&self)
    }

    /// Roles read only by looking a word up ([`Lexicon::word_roles`]),
    /// never tagged in running text: the geoparser's words around a name.
    /// Keeping them out of the tagging trie leaves the clause and report
    /// rules' tags as they are.
    pub fn is_lookup_only(self) -> bool {
        let (word, bit) = self.bit();
        LOOKUP_ONLY[word] & bit != 0
    }

    /// Roles whose phrases must be one word (they are looked up by word).
    fn is_word_role(self) -> bool {
        self.is_lookup_only()
            || matches!(
                self,
                Role::Afterfield
                    | Role::NoiseNext
                    | Role::Filler
                    | Role::Unit
                    | Role::HeadNoun
                    | Role::Preposition
                    | Role::LocativePreposition
            )
    }

    /// The role's word in a [`Roles`] set and its bit there.
    const fn bit(self) -> (usize, u128) {
        const {
            assert!(
                (Role::Back as usize) < 128 * ROLE_WORDS,
                "a role set has ROLE_WORDS u128s"
            )
        };
        let n = self as usize;
        (n / 128, 1 << (n % 128))
    }
}

/// How many 128-bit words a [`Roles`] set takes.
/// The slots a phrase may hold, each with the role of the phrases that
/// fill it: the Taliban side ([`Role::EnemySlot`]) and an adjective
/// ([`Role::AdjectiveSlot`]).
const SLOTS: [(&str, Role); 2] = [("{enemy}", Role::EnemySlot), ("{adj}", Role::AdjectiveSlot)];

const ROLE_WORDS: usize = 2;

/// The roles of [`Role::is_lookup_only`].
const LOOKUP_ONLY: [u128; ROLE_WORDS] = {
    let roles = [
        Role::ProvinceWord,
        Role::CityWord,
        Role::CapitalWord,
        Role::CityPlural,
        Role::NameJoiner,
        Role::Genitive,
        Role::Article,
        Role::DistrictWord,
        Role::KindDistrict,
        Role::KindCrossing,
        Role::KindBase,
        Role::KindArea,
        Role::Demonym,
        Role::DatelineWord,
        Role::UpdateWord,
        Role::DeadlineWord,
        Role::PlanWord,
        Role::CountStop,
        Role::Increment,
        Role::CountHedge,
        Role::CountLocative,
        Role::CountCapture,
        Role::CountThreat,
        Role::SpeechWord,
        Role::Possessive,
        Role::OriginWord,
        Role::AgentWord,
        Role::RecipientWord,
        Role::SinceWord,
        Role::BeforeWord,
        Role::OnlyWord,
        Role::WithWord,
        Role::CompassNoun,
        Role::ValleyWord,
        Role::OutpostWord,
        Role::PlacePronoun,
        Role::PeoplePronoun,
        Role::VerbalNoun,
        Role::ShareAll,
        Role::SharePart,
        Role::ShareBut,
        Role::ShareOut,
        Role::DurationUnit,
        Role::Pluperfect,
        Role::PastForm,
        Role::Prospective,
        Role::Simultaneous,
        Role::Route,
        Role::RouteFrom,
        Role::RouteTo,
        Role::Complementizer,
    ];
    let mut bits = [0; ROLE_WORDS];
    let mut k = 0;
    while k < roles.len() {
        let (word, bit) = roles[k].bit();
        bits[word] |= bit;
        k += 1;
    }
    bits
};

/// A set of roles, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles([u128; ROLE_WORDS]);

impl Roles {
    pub fn contains(self, role: Role) -> bool {
        let (word, bit) = role.bit();
        self.0[word] & bit != 0
    }

    /// The roles of either set.
    pub fn union(self, other: Roles) -> Roles {
        Roles(std::array::from_fn(|k| self.0[k] | other.0[k]))
    }

    pub fn is_empty(self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    /// Does some role of the set refer back to a place?
    pub fn is_anaphor(self) -> bool {
        ANAPHOR_ROLES.iter().any(|&r| self.contains(r))
    }

    /// Does some role of the set report control?
    pub fn has_cue(self) -> bool {
        CUE_ROLES.iter().any(|&r| self.contains(r))
    }

    /// Does the set hold a role that is tagged in running text (not only
    /// looked up by word)?
    pub fn has_tagged(self) -> bool {
        self.0.iter().zip(LOOKUP_ONLY).any(|(&w, lookup)| w & !lookup != 0)
    }

    fn insert(&mut self, role: Role) {
        let (word, bit) = role.bit();
        self.0[word] |= bit;
    }
}

/// One lexicon row.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Lower case; for a separable verb, its head ("namen").
    pub phrase: String,
    pub role: Role,
    /// Cues only; `None` for a continuation, which takes the status of the
    /// event before it.
    pub status: Option<Status>,
    /// A separable verb's particle ("in", "onder de voet").
    pub particle: Option<String>,
}

/// Errors in lexicon data.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("lexicon line {line}: {message}")]
    BadRow { line: usize, message: String },
    #[error("lexicon: cannot build the phrase matcher: {0}")]
    Matcher(String),
}

/// A phrase found in a text: its byte span and the lexicon rows that have
/// it (one phrase may have several roles: "vielen" falls and, with "aan",
/// attacks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub span: Range<usize>,
    pattern: u32,
}

/// The lexicon with its matcher.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// The distinct phrases, as the matcher's patterns.
    patterns: Vec<String>,
    /// The rows of each pattern.
    pattern_entries: Vec<Vec<u32>>,
    /// The roles of each pattern.
    pattern_roles: Vec<Roles>,
    /// The pattern of each phrase.
    pattern_index: FxHashMap<String, usize>,
    matcher: DFA,
    /// The roles of each one-word phrase, for questions about a single
    /// word ("is the word after the particle an afterfield word?").
    word_roles: FxHashMap<String, Roles>,
    /// The phrases of [`Role::AfterTakeover`], kept out of the tagging
    /// trie (a long phrase there would swallow the shorter ones it
    /// starts with, "the taliban").
    takeover: aho_corasick::AhoCorasick,
}

const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn bundled() -> &'static Lexicon {
        static BUNDLED: OnceLock<Lexicon> = OnceLock::new();
        BUNDLED.get_or_init(|| Lexicon::load_bundled().expect("the bundled lexicon is checked by the test suite"))
    }

    /// Parses the embedded lexicon afresh (benchmarks time it).
    pub fn load_bundled() -> Result<Lexicon, LexiconError> {
        Lexicon::parse(LEXICON_TSV)
    }

    /// Parses the TSV lexicon format (see the header of `data/lexicon.tsv`):
    /// phrase, role, status (`-` for none), language.
    pub fn parse(tsv: &str) -> Result<Self, LexiconError> {
        let mut entries = Vec::new();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| LexiconError::BadRow {
                line: n + 1,
                message: message.to_owned(),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 4 {
                return Err(bad("expected 4 tab-separated columns"));
            }
            let role = Role::parse(cols[1]).ok_or_else(|| bad("unknown role"))?;
            let status = match cols[2] {
                "-" => None,
                s => Some(Status::parse(s).ok_or_else(|| bad("unknown status"))?),
            };
            if role.is_cue() != status.is_some() && role != Role::Continue {
                return Err(bad("cues need a status, other roles none"));
            }
            if role == Role::Continue && status.is_some() {
                return Err(bad("a continuation takes the status of the event before it"));
            }
            let phrase = cols[0].trim();
            if phrase.is_empty() || phrase != phrase.to_lowercase() {
                return Err(bad("phrases are non-empty and lower case"));
            }
            // (A brace opens one of the slots, which rows fill.)
            let mut rest = phrase.to_owned();
            for (slot, _) in SLOTS {
                rest = rest.replace(slot, "");
            }
            if rest.contains(['{', '}']) {
                return Err(bad("unknown slot"));
            }
            if !(phrase.chars().next().is_some_and(char::is_alphanumeric)
                && phrase.chars().next_back().is_some_and(char::is_alphanumeric))
            {
                return Err(bad("a phrase starts and ends with a letter or digit"));
            }
            // The head is one word; the particle may be several ("liepen …
            // onder de voet").
            let (phrase, particle) = match (role, phrase.split_once(' ')) {
                (Role::Separable, Some((head, particle))) => (head.to_owned(), Some(particle.to_owned())),
                (Role::Separable, None) => return Err(bad("a separable verb needs a particle")),
                _ => (phrase.to_owned(), None),
            };
            if role.is_word_role() && phrase.contains(|c: char| !c.is_alphanumeric()) {
                return Err(bad("phrases of this role are one word"));
            }
            entries.push(Entry {
                phrase,
                role,
                status,
                particle,
            });
        }
        // A row with a slot stands for one row per phrase that fills it
        // ("pushed {enemy} out of": "pushed the taliban out of", "pushed
        // taliban fighters out of", …; "de {adj} grensovergang": "de
        // drukste grensovergang", …).
        for (slot, role) in SLOTS {
            let fillers: Vec<String> = entries
                .iter()
                .filter(|e| e.role == role)
                .map(|e| e.phrase.clone())
                .collect();
            let slotted;
            (slotted, entries) = entries
                .into_iter()
                .filter(|e| e.role != role)
                .partition(|e| e.phrase.contains(slot));
            for e in slotted {
                for filler in &fillers {
                    entries.push(Entry {
                        phrase: e.phrase.replace(slot, filler),
                        ..e.clone()
                    });
                }
            }
        }
        // A Dutch split verb closing a subordinate clause is one word,
        // particle first: "nadat de taliban Kunduz innamen", "sinds de
        // taliban de hoofdstad overnamen". Each separable verb with a
        // one-word particle is also that joined verb (unless a row says
        // otherwise).
        let joined: Vec<Entry> = entries
            .iter()
            .filter(|e| e.role == Role::Separable)
            .filter_map(|e| {
                let particle = e.particle.as_deref().filter(|p| !p.contains(' '))?;
                let phrase = format!("{particle}{}", e.phrase);
                let listed = entries.iter().any(|o| o.phrase == phrase);
                (!listed).then_some(Entry {
                    phrase,
                    role: Role::Verb,
                    status: e.status,
                    particle: None,
                })
            })
            .collect();
        entries.extend(joined);
        Lexicon::from_entries(entries)
    }

    fn from_entries(entries: Vec<Entry>) -> Result<Self, LexiconError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        let mut pattern_roles: Vec<Roles> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut word_roles: FxHashMap<String, Roles> = FxHashMap::default();
        let mut takeover: Vec<String> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            // Typographic apostrophes match as the plain one ("hasn’t").
            let spellings = || {
                let typographic = e.phrase.contains('\'').then(|| e.phrase.replace('\'', "’"));
                std::iter::once(e.phrase.clone()).chain(typographic)
            };
            if e.role == Role::AfterTakeover {
                takeover.extend(spellings());
                continue;
            }
            if e.role.is_lookup_only() {
                word_roles.entry(e.phrase.clone()).or_default().insert(e.role);
                continue;
            }
            for spelling in spellings() {
                let k = *index.entry(spelling.clone()).or_insert_with(|| {
                    patterns.push(spelling.clone());
                    pattern_entries.push(Vec::new());
                    pattern_roles.push(Roles::default());
                    patterns.len() - 1
                });
                pattern_entries[k].push(i as u32);
                pattern_roles[k].insert(e.role);
                if !spelling.contains(|c: char| !c.is_alphanumeric()) {
                    word_roles.entry(spelling).or_default().insert(e.role);
                }
            }
        }
        let matcher = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|e| LexiconError::Matcher(e.to_string()))?;
        // (A DFA: it scans whole articles, and its phrases share common
        // openings such as "the president", which an NFA pays for.)
        let takeover = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&takeover)
            .map_err(|e| LexiconError::Matcher(e.to_string()))?;
        Ok(Lexicon {
            entries,
            patterns,
            pattern_entries,
            pattern_roles,
            pattern_index: index,
            matcher,
            word_roles,
            takeover,
        })
    }

    /// Does the lower-case text hold a phrase, on word boundaries, that
    /// presupposes the Taliban in power ([`Role::AfterTakeover`])?
    pub fn presupposes_takeover(&self, lower: &str) -> bool {
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.takeover
            .find_iter(lower)
            .any(|m| !is_word(lower[..m.start()].chars().next_back()) && !is_word(lower[m.end()..].chars().next()))
    }

    /// Every row.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The rows of a tag's phrase.
    pub fn entries_of(&self, tag: &Tag) -> impl Iterator<Item = &Entry> + '_ {
        self.pattern_entries[tag.pattern as usize]
            .iter()
            .map(|&i| &self.entries[i as usize])
    }

    /// The row of a tag's phrase with this role.
    pub fn entry_with(&self, tag: &Tag, role: Role) -> Option<&Entry> {
        self.entries_of(tag).find(|e| e.role == role)
    }

    /// The roles of a tag's phrase.
    pub fn roles(&self, tag: &Tag) -> Roles {
        self.pattern_roles[tag.pattern as usize]
    }

    /// The phrase a tag matched, as the lexicon has it.
    pub fn phrase(&self, tag: &Tag) -> &str {
        &self.patterns[tag.pattern as usize]
    }

    /// The roles of a lower-case phrase as the lexicon has it ("trokken
    /// binnen": a separable verb's head and particle written together).
    pub fn phrase_roles(&self, phrase: &str) -> Roles {
        self.pattern_index
            .get(phrase)
            .map(|&k| self.pattern_roles[k])
            .unwrap_or_default()
    }

    /// The roles of one lower-case word as a one-word phrase.
    pub fn word_roles(&self, word: &str) -> Roles {
        self.word_roles.get(word).copied().unwrap_or_default()
    }

    /// Does the bundled lexicon give the one (lower-case) word this role?
    /// How the geoparser and the dating rules ask about the words they
    /// look up ([`Role::is_lookup_only`]).
    pub fn word_is(word: &str, role: Role) -> bool {
        Lexicon::bundled().word_roles(word).contains(role)
    }

    /// Every lexicon phrase in `lower` (a lower-case text with the same
    /// offsets as the original) from byte `from` on, that starts at the
    /// start of a word and ends at the end of one: at each word start the
    /// longest such phrase, and the next search starts after it.
    pub fn tag(&self, lower: &str, from: usize) -> Vec<Tag> {
        self.tag_words(lower, &crate::text::alphanumeric_runs(lower), from)
    }

    /// [`Lexicon::tag`] given the text's words (its maximal runs of letters
    /// and digits, as [`crate::text::ArticleText::words`]): phrases are
    /// tried only where a word starts, each by one walk of the trie.
    pub fn tag_words(&self, lower: &str, words: &[Range<usize>], from: usize) -> Vec<Tag> {
        let mut out: Vec<Tag> = Vec::with_capacity(words.len() / 3);
        let Ok(start) = self.matcher.start_state(Anchored::Yes) else {
            return out;
        };
        let bytes = lower.as_bytes();
        let mut next = from;
        let first = words.partition_point(|w| w.start < from);
        for w in &words[first..] {
            if w.start < next {
                continue;
            }
            // Walk the phrase trie from here, one byte at a time, keeping
            // the longest phrase that ends on a word end (a longer one
            // ending inside a word gives way to a shorter one).
            let mut longest = None;
            let mut sid = start;
            for (at, &b) in bytes.iter().enumerate().skip(w.start) {
                sid = self.matcher.next_state(Anchored::Yes, sid, b);
                if !self.matcher.is_special(sid) {
                    continue;
                }
                if self.matcher.is_dead(sid) {
                    break;
                }
                if self.matcher.is_match(sid) {
                    let pattern = self.matcher.match_pattern(sid, 0);
                    let end = at + 1;
                    // (Only phrases that start here: see aho-corasick's
                    // note on anchored searches in a DFA.)
                    if end - self.matcher.pattern_len(pattern) == w.start && at_word_end(lower, end) {
                        longest = Some(Tag {
                            span: w.start..end,
                            pattern: pattern.as_u32(),
                        });
                    }
                }
            }
            if let Some(tag) = longest {
                next = tag.span.end;
                out.push(tag);
            }
        }
        out
    }
}

fn at_word_end(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(lex: &Lexicon, text: &str) -> Vec<(String, String)> {
        let lower = text.to_lowercase();
        lex.tag(&lower, 0)
            .iter()
            .map(|t| (lower[t.span.clone()].to_owned(), lex.phrase(t).to_owned()))
            .collect()
    }

    /// A tag that overlaps a place name is dropped (a name's words are its
    /// own), and being the longest it hides the shorter phrase inside it:
    /// "the presidential palace in kabul" left "the presidential palace"
    /// untagged. So no tagged phrase may hold a name.
    #[test]
    fn no_tagged_phrase_holds_a_place_name() {
        let gaz = crate::gazetteer::Gazetteer::bundled();
        let spellings: std::collections::HashSet<String> = gaz
            .places()
            .iter()
            .flat_map(|p| p.names.iter().map(|n| n.to_lowercase()))
            .collect();
        let lex = Lexicon::bundled();
        let mut found = Vec::new();
        for e in lex.entries() {
            if e.role == Role::AfterTakeover || e.role.is_lookup_only() {
                continue;
            }
            let words: Vec<&str> = e.phrase.split(' ').collect();
            for i in 0..words.len() {
                for j in i + 1..=words.len().min(i + 4) {
                    let name = words[i..j].join(" ");
                    // (Names made only of ordinary words, "city", "back",
                    // are no mention in lower case.)
                    let ordinary = words[i..j].iter().all(|w| gaz.is_common_word(w));
                    if !ordinary && spellings.contains(&name) {
                        found.push(format!("{} ({name})", e.phrase));
                    }
                }
            }
        }
        assert!(found.is_empty(), "{found:?}");
    }

    /// A mark says something of the cue it stands beside: a phrase marked
    /// without a cue row is tagged for nothing, and as the longest phrase
    /// there it hides the cue a shorter one would have given.
    #[test]
    fn every_marked_phrase_is_a_cue_too() {
        let lex = Lexicon::bundled();
        let marks = [
            Role::State,
            Role::Loss,
            Role::Agentive,
            Role::Back,
            Role::AtScene,
            Role::Handover,
            Role::Repel,
        ];
        let unmarked: Vec<&str> = lex
            .entries()
            .iter()
            .filter(|e| marks.contains(&e.role))
            .filter(|e| {
                !lex.entries()
                    .iter()
                    .any(|c| c.phrase == e.phrase && (c.role.is_cue() || c.role == Role::Regain))
            })
            .map(|e| e.phrase.as_str())
            .collect();
        assert!(unmarked.is_empty(), "{unmarked:?}");
    }

    #[test]
    fn the_bundled_lexicon_parses() {
        let lex = Lexicon::bundled();
        assert!(lex.entries().iter().filter(|e| e.role.is_cue()).count() > 200);
    }

    #[test]
    fn bad_rows_are_rejected() {
        for bad in [
            "x\tverb\t-\tnl",
            "x\tnegation\tcaptured\tnl",
            "x\tbogus\t-\tnl",
            "X\tverb\tcaptured\tnl",
            "x\tverb\tcaptured",
            "namen\tseparable\tcaptured\tnl",
            "de stad\tfiller\t-\tnl",
            "'s\tfiller\t-\tnl",
            "volgde\tcontinue\tcaptured\tnl",
            "pushed {foe} out of\tnominal\theld\ten",
        ] {
            assert!(Lexicon::parse(bad).is_err(), "{bad}");
        }
        assert!(Lexicon::parse("volgde\tcontinue\t-\tnl").is_ok());
    }

    #[test]
    fn tags_are_leftmost_longest_on_word_boundaries() {
        let lex = Lexicon::parse(
            "in\tlocative\t-\tnl\nin handen\thands\tcaptured\tnl\nin handen van\thands\tcaptured\tnl\n\
             val van\tnominal\tcaptured\tnl\nvan\tfiller\t-\tnl\nhasn't\tnegation\t-\ten\n",
        )
        .unwrap();
        assert_eq!(
            tags(&lex, "Kunduz is in handen van de Taliban."),
            vec![("in handen van".into(), "in handen van".into())]
        );
        // A longer phrase that ends inside a word gives way to a shorter one.
        assert_eq!(tags(&lex, "in handenvol"), vec![("in".into(), "in".into())]);
        // Not inside words.
        assert!(tags(&lex, "binnen de vallei").is_empty());
        assert_eq!(
            tags(&lex, "de val van Herat"),
            vec![("val van".into(), "val van".into())]
        );
        // Typographic apostrophes.
        assert_eq!(tags(&lex, "It hasn’t fallen").len(), 1);
    }

    #[test]
    fn a_slot_row_stands_for_each_way_the_taliban_are_named() {
        let lex = Lexicon::parse(
            "the taliban\tenemy_slot\t-\ten\ntaliban fighters\tenemy_slot\t-\ten\n\
             pushed {enemy} out of\tnominal\theld\ten\n",
        )
        .unwrap();
        for text in [
            "troops pushed the taliban out of garmsir",
            "troops pushed taliban fighters out of garmsir",
        ] {
            let t = lex.tag(text, 0);
            assert_eq!(t.len(), 1, "{text}");
            assert!(lex.roles(&t[0]).contains(Role::Nominal));
        }
        // The slot's own phrases are not tagged, nor is the row unfilled.
        assert!(lex.tag("the taliban", 0).is_empty());
        assert!(lex.tag("pushed the insurgents out of", 0).is_empty());
        // An adjective's slot likewise.
        let lex = Lexicon::parse(
            "drukste\tadjective_slot\t-\tnl\nde grensovergang\tanaphor_crossing\t-\tnl\n\
             de {adj} grensovergang\tanaphor_crossing\t-\tnl\n",
        )
        .unwrap();
        for text in ["namen de grensovergang in", "namen de drukste grensovergang in"] {
            let t = lex.tag(text, 0);
            assert_eq!(t.len(), 1, "{text}");
            assert!(lex.roles(&t[0]).contains(Role::AnaphorCrossing));
        }
    }

    #[test]
    fn one_phrase_may_have_several_roles() {
        let lex = Lexicon::parse("vielen\tfall\tcaptured\tnl\nvielen aan\tseparable\tcontested\tnl\n").unwrap();
        let lower = "de taliban vielen herat aan";
        let t = lex.tag(lower, 0);
        assert_eq!(t.len(), 1);
        let roles = lex.roles(&t[0]);
        assert!(roles.contains(Role::Fall) && roles.contains(Role::Separable));
        assert_eq!(
            lex.entry_with(&t[0], Role::Separable)
                .and_then(|e| e.particle.as_deref()),
            Some("aan")
        );
    }

    #[test]
    fn words_around_a_name_are_looked_up_not_tagged() {
        let lex = Lexicon::bundled();
        assert!(lex.word_roles("provincie").contains(Role::ProvinceWord));
        assert!(lex.word_roles("airbase").contains(Role::KindBase));
        assert!(lex.word_roles("of").contains(Role::NameJoiner) && lex.word_roles("of").contains(Role::Genitive));
        // "deelstaat" has no tagged role: running text gets no tag for it,
        // and a capitalised "Deelstaat" is still no misspelt place name.
        assert!(!lex.word_roles("deelstaat").has_tagged());
        let text = "de deelstaat bij het dorp";
        assert!(
            lex.tag(text, 0)
                .iter()
                .all(|t| !lex.roles(t).contains(Role::ProvinceWord))
        );
        assert!(lex.tag(text, 0).iter().all(|t| &text[t.span.clone()] != "deelstaat"));
    }

    #[test]
    fn wordings_that_presuppose_the_taliban_in_power() {
        let lex = Lexicon::bundled();
        for yes in [
            "thousands fled after the taliban takeover of the country.",
            "sinds de machtsovername van de taliban is de grens dicht.",
            "life in taliban-ruled afghanistan",
            "flights since the taliban’s takeover",
            "sinds de taliban de macht overnamen, zijn 95.000 mensen geëvacueerd.",
            "trade fell after the taliban's return to power.",
            "the taliban declared victory as the president fled the country.",
            "de taliban riepen de overwinning uit nu de president het land ontvlucht is.",
        ] {
            assert!(lex.presupposes_takeover(yes), "{yes}");
        }
        for no in [
            "a taliban takeover could follow within months.",
            "de taliban dreigen met een machtsovername.",
            // Only whole words.
            "na de machtsovernameplannen",
            // Taking over one place is not the takeover of the country.
            "since the taliban took over the district in june, schools are shut.",
            // Others fleeing the country.
            "thousands fled the country in july.",
        ] {
            assert!(!lex.presupposes_takeover(no), "{no}");
        }
    }
}
