//! A deterministic generator of synthetic news articles, for benchmarks and
//! scale tests (`cargo run --release --example gen_corpus -- N OUT`).
//!
//! Articles are written from templates in the style of Dutch and English
//! news about the 2021 offensive: headlines, capture, claim, fight, threat
//! and hold sentences with relative and absolute dates, reference and
//! filler sentences, and spelling variants of places drawn from the whole
//! gazetteer (its listed spellings plus Dutch transliterations). The same
//! seed always gives the same corpus. None of it is copied from the seeds.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::gazetteer::{Gazetteer, Place, PlaceKind};

/// SplitMix64: a tiny, well-known, seedable generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / ((1u64 << 53) as f64)) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One generated article: a file name and its text.
#[derive(Debug, Clone)]
pub struct SynthArticle {
    pub name: String,
    pub text: String,
}

const NL_DAYS: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Month names as Dutch news writes them (also used by the date property tests).
pub const NL_MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
/// Month names as English news writes them.
pub const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Sentence templates. `{P}` a place, `{Q}` a second place, `{PROV}` a
/// province, `{T}` a time expression, `{N}` a number.
const NL_CAPTURE: &[&str] = &[
    "De Taliban hebben {T} de stad {P} ingenomen, melden lokale functionarissen.",
    "{T} viel ook {P} in handen van de opstandelingen.",
    "Volgens bewoners is {P} {T} zonder slag of stoot overgenomen.",
    "Na dagenlange gevechten veroverden de strijders {T} {P}, in de provincie {PROV}.",
    "De val van {P} {T} is een zware slag voor de regering.",
    "Regeringstroepen hebben {P} {T} verlaten, waarna de Taliban de controle over de stad kregen.",
];
const NL_CLAIM: &[&str] = &[
    "Een woordvoerder van de Taliban beweert dat {P} {T} is ingenomen.",
    "De Taliban claimen {T} de verovering van {P}, maar dat is niet bevestigd.",
];
const NL_CONTEST: &[&str] = &[
    "In {P} wordt {T} nog hevig gevochten.",
    "Rond {P} woedt {T} de strijd om de toegangswegen.",
    "De Taliban vielen {T} {P} aan vanuit het zuiden.",
];
const NL_THREAT: &[&str] = &[
    "Analisten vrezen dat ook {P} binnen enkele dagen kan vallen.",
    "De strijders rukken op naar {P}, op {N} kilometer van {Q}.",
    "{P} dreigt als volgende in handen van de Taliban te vallen.",
];
const NL_HELD: &[&str] = &[
    "{P} is volgens het ministerie nog in handen van de regering.",
    "Een aanval op {P} werd {T} afgeslagen, zegt het leger.",
    "Regeringstroepen hebben {P} {T} heroverd.",
];
const NL_PLAIN: &[&str] = &[
    "{P} ligt op {N} kilometer van {Q}.",
    "Veel inwoners van {P} zijn gevlucht naar {Q}.",
    "De weg tussen {P} en {Q} is afgesloten.",
    "In {PROV} wonen naar schatting {N}0.000 mensen.",
];
const NL_FILLER: &[&str] = &[
    "De Verenigde Staten trekken hun laatste troepen terug uit het land, zoals president Biden eerder dit jaar aankondigde.",
    "Hulporganisaties waarschuwen voor een humanitaire ramp nu steeds meer families op de vlucht slaan en de voedselprijzen stijgen.",
    "Het ministerie van Buitenlandse Zaken roept Nederlanders op het land zo snel mogelijk te verlaten met een commerciële vlucht.",
    "Op sociale media circuleren beelden van gevluchte gezinnen die met hun bezittingen langs de kant van de weg wachten.",
    "De vredesonderhandelingen in Doha liggen al weken stil, terwijl beide partijen elkaar de schuld geven van het geweld.",
    "Volgens de Verenigde Naties zijn sinds mei honderdduizenden mensen op de vlucht geslagen binnen de grenzen van het land.",
    "Diplomaten in Brussel en Washington overleggen over de evacuatie van lokale medewerkers en hun familieleden.",
    "Een woordvoerder van het Pentagon zei dat de terugtrekking volgens plan verloopt en eind augustus afgerond moet zijn.",
    "Mensenrechtenorganisaties maken zich grote zorgen over de positie van vrouwen en meisjes in de veroverde gebieden.",
    "De Afghaanse president riep de bevolking op kalm te blijven en beloofde dat het leger de steden zal verdedigen.",
    "Experts wijzen erop dat het leger sterk afhankelijk was van Amerikaanse luchtsteun en logistiek.",
    "In de hoofdsteden van de buurlanden wordt gevreesd voor een nieuwe vluchtelingenstroom richting Europa.",
    "Het kabinet in Den Haag bespreekt vandaag opnieuw de situatie, meldt een ingewijde.",
    "Journalisten ter plaatse beschrijven lange rijen voor de banken, waar mensen hun spaargeld proberen op te nemen.",
];
const EN_CAPTURE: &[&str] = &[
    "The Taliban captured {P} {T}, local officials said.",
    "{P} fell to the insurgents {T} after government forces withdrew.",
    "Militants took control of {P} in {PROV} province {T}, a provincial council member confirmed.",
    "The fall of {P} {T} leaves the government with few strongholds in the region.",
    "Insurgents overran {P} {T}, residents told Reuters.",
];
const EN_CLAIM: &[&str] = &[
    "A Taliban spokesman said the group had seized {P} {T}.",
    "The Taliban claimed to have captured {P}, but officials denied the claim.",
];
const EN_CONTEST: &[&str] = &[
    "Heavy fighting was reported in {P} {T}.",
    "The battle for {P} continued {T}.",
    "Insurgents attacked {P} {T}.",
];
const EN_THREAT: &[&str] = &[
    "Officials fear {P} could fall within days.",
    "Taliban fighters are closing in on {P}, about {N} km from {Q}.",
    "The insurgents are advancing on {P}.",
];
const EN_HELD: &[&str] = &[
    "Afghan forces repelled an attack on {P} {T}.",
    "{P} remains under government control, the defence ministry said.",
    "Government troops recaptured {P} {T}.",
];
const EN_PLAIN: &[&str] = &[
    "{P} lies {N} km from {Q}.",
    "Thousands of residents of {P} have fled to {Q}.",
    "The road between {P} and {Q} is closed.",
];
const EN_FILLER: &[&str] = &[
    "The United States is completing the withdrawal of its troops, as President Biden announced earlier this year.",
    "Aid agencies warned of a humanitarian crisis as more families fled their homes and food prices rose sharply.",
    "Peace talks in Doha have stalled for weeks, with both sides blaming each other for the surge in violence.",
    "The United Nations says hundreds of thousands of people have been displaced since May, many of them children.",
    "Embassies urged their citizens to leave the country on the first available commercial flight.",
    "A Pentagon spokesman said the withdrawal was proceeding according to plan and would be completed by the end of August.",
    "Human rights groups said they were deeply concerned about the treatment of women and girls in areas under insurgent control.",
    "Analysts say the army has relied heavily on American air support and contractors to maintain its aircraft.",
    "The president addressed the nation in a televised speech, promising that the security forces would defend the cities.",
    "Neighbouring countries have reinforced their borders, fearing a new wave of refugees.",
    "Diplomats in Brussels and Washington are discussing how to evacuate local staff and their families.",
    "Long queues formed outside banks as residents tried to withdraw their savings, witnesses said.",
];

/// Dutch-style spelling of an English transliteration (sh → sj, u → oe,
/// j → dzj, kh → ch), as Dutch outlets write names nobody listed.
pub fn dutch_spelling(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        match (c, next) {
            ('S', 'h') => {
                out.push_str("Sj");
                i += 2;
                continue;
            }
            ('s', 'h') => {
                out.push_str("sj");
                i += 2;
                continue;
            }
            ('K', 'h') => {
                out.push_str("Ch");
                i += 2;
                continue;
            }
            ('k', 'h') => {
                out.push_str("ch");
                i += 2;
                continue;
            }
            ('J', _) => out.push_str("Dzj"),
            ('j', _) => out.push_str("dzj"),
            ('u', _) => out.push_str("oe"),
            ('U', _) => out.push_str("Oe"),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The generator.
pub struct Generator<'g> {
    rng: Rng,
    settlements: Vec<&'g Place>,
    provinces: Vec<&'g Place>,
    start: NaiveDate,
    span_days: u64,
}

impl<'g> Generator<'g> {
    /// A generator over the gazetteer, dating articles from 1 July 2021 over
    /// about two months.
    pub fn new(gaz: &'g Gazetteer, seed: u64) -> Self {
        let settlements = gaz.places().iter().filter(|p| p.kind != PlaceKind::Province).collect();
        let provinces = gaz.provinces().collect();
        let start = NaiveDate::from_ymd_opt(2021, 7, 1).unwrap_or_default();
        Generator {
            rng: Rng::new(seed),
            settlements,
            provinces,
            start,
            span_days: 62,
        }
    }

    fn spelling(&mut self, p: &Place, dutch: bool) -> String {
        // Mostly the canonical name, often a listed variant, sometimes a
        // Dutch transliteration nobody listed.
        let roll = self.rng.below(10);
        if roll < 5 || p.names.len() == 1 {
            p.name.clone()
        } else if roll < 8 {
            let v = self.rng.pick(&p.names).clone();
            if v.chars().next().is_some_and(char::is_uppercase) {
                v
            } else {
                p.name.clone()
            }
        } else if dutch {
            dutch_spelling(&p.name)
        } else {
            p.name.clone()
        }
    }

    fn place(&mut self) -> &'g Place {
        // Capitals appear more often than villages, as in the news.
        if self.rng.chance(0.35) {
            let caps: Vec<&Place> = self
                .settlements
                .iter()
                .copied()
                .filter(|p| p.kind == PlaceKind::Capital)
                .collect();
            if !caps.is_empty() {
                let i = self.rng.below(caps.len());
                return caps[i];
            }
        }
        let i = self.rng.below(self.settlements.len());
        self.settlements[i]
    }

    fn time(&mut self, dutch: bool, published: NaiveDate) -> String {
        let wd = |d: NaiveDate| d.weekday().num_days_from_monday() as usize;
        let back = self.rng.below(5) as u64;
        let day = published.checked_sub_days(Days::new(back)).unwrap_or(published);
        let roll = self.rng.below(9);
        match (dutch, roll) {
            (true, 0) => "vandaag".into(),
            (true, 1) => "gisteren".into(),
            (true, 2) => "gisteravond".into(),
            (true, 3) => NL_DAYS[wd(day)].into(),
            (true, 4) => format!("{}ochtend", NL_DAYS[wd(day)]),
            (true, 5) => format!("op {} {}", day.day(), NL_MONTHS[day.month0() as usize]),
            (true, 6) => "vannacht".into(),
            (true, 7) => "afgelopen weekend".into(),
            (true, _) => "eergisteren".into(),
            (false, 0) => "today".into(),
            (false, 1) => "yesterday".into(),
            (false, 2) => "last night".into(),
            (false, 3) => format!("on {}", EN_DAYS[wd(day)]),
            (false, 4) => format!("on {} morning", EN_DAYS[wd(day)]),
            (false, 5) => format!("on {} {}", EN_MONTHS[day.month0() as usize], day.day()),
            (false, 6) => "this morning".into(),
            (false, 7) => "over the weekend".into(),
            (false, _) => "earlier this week".into(),
        }
    }

    fn fill(&mut self, template: &str, dutch: bool, published: NaiveDate) -> String {
        let mut out = template.to_owned();
        if out.contains("{P}") {
            let p = self.place();
            let s = self.spelling(p, dutch);
            out = out.replacen("{P}", &s, 1);
        }
        if out.contains("{Q}") {
            let q = self.place();
            let s = self.spelling(q, dutch);
            out = out.replacen("{Q}", &s, 1);
        }
        if out.contains("{PROV}") {
            let pr = *self.rng.pick(&self.provinces);
            let s = self.spelling(pr, dutch);
            out = out.replacen("{PROV}", &s, 1);
        }
        if out.contains("{T}") {
            let t = self.time(dutch, published);
            out = out.replacen("{T}", &t, 1);
        }
        if out.contains("{N}") {
            let n = 10 + self.rng.below(190);
            out = out.replacen("{N}", &n.to_string(), 1);
        }
        // Sentence-initial capital.
        let mut chars = out.chars();
        match chars.next() {
            Some(c) => c.to_uppercase().chain(chars).collect(),
            None => out,
        }
    }

    /// The `i`-th article (deterministic for a given seed and sequence).
    pub fn article(&mut self, i: usize) -> SynthArticle {
        let dutch = self.rng.chance(0.6);
        let published = self
            .start
            .checked_add_days(Days::new(self.rng.next_u64() % self.span_days))
            .unwrap_or(self.start);
        let mut text = String::with_capacity(4096);
        match self.rng.below(10) {
            0..=6 => text.push_str(&format!("date {}\n", published.format("%Y-%m-%d"))),
            7..=8 => text.push_str(&format!("date {} ", published.format("%Y-%m"))),
            _ => {}
        }
        let headline = if dutch {
            *self.rng.pick(NL_CAPTURE)
        } else {
            *self.rng.pick(EN_CAPTURE)
        };
        let headline = self.fill(headline, dutch, published);
        text.push_str(headline.trim_end_matches('.'));
        text.push_str("\n\n");
        // Wire copy: a dozen paragraphs of two to five sentences, about a
        // third of them about control of a place, the rest context.
        let paragraphs = 8 + self.rng.below(8);
        for _ in 0..paragraphs {
            let sentences = 2 + self.rng.below(4);
            for s in 0..sentences {
                let kind = self.rng.below(30);
                let pool: &[&str] = match (dutch, kind) {
                    (true, 0..=3) => NL_CAPTURE,
                    (true, 4) => NL_CLAIM,
                    (true, 5..=6) => NL_CONTEST,
                    (true, 7) => NL_THREAT,
                    (true, 8) => NL_HELD,
                    (true, 9..=11) => NL_PLAIN,
                    (true, _) => NL_FILLER,
                    (false, 0..=3) => EN_CAPTURE,
                    (false, 4) => EN_CLAIM,
                    (false, 5..=6) => EN_CONTEST,
                    (false, 7) => EN_THREAT,
                    (false, 8) => EN_HELD,
                    (false, 9..=11) => EN_PLAIN,
                    (false, _) => EN_FILLER,
                };
                let template = *self.rng.pick(pool);
                let sentence = self.fill(template, dutch, published);
                if s > 0 {
                    text.push(' ');
                }
                text.push_str(&sentence);
            }
            text.push_str("\n\n");
        }
        if !dutch && self.rng.chance(0.3) {
            let d = published;
            text.push_str(&format!(
                "Fighting continues across the north https://t.co/x{i} — Wire (@wire) {} {}, {}\n",
                EN_MONTHS[d.month0() as usize],
                d.day(),
                d.year()
            ));
        }
        let name = format!("{:06}_{}.txt", i, if dutch { "nl" } else { "en" });
        SynthArticle { name, text }
    }

    /// `n` articles.
    pub fn corpus(&mut self, n: usize) -> Vec<SynthArticle> {
        (0..n).map(|i| self.article(i)).collect()
    }
}

/// Weekday names, for tests.
pub fn weekday_nl(w: Weekday) -> &'static str {
    NL_DAYS[w.num_days_from_monday() as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::corpus::Corpus;

    #[test]
    fn deterministic() {
        let g = Gazetteer::bundled();
        let a = Generator::new(g, 7).corpus(20);
        let b = Generator::new(g, 7).corpus(20);
        assert!(a.iter().zip(&b).all(|(x, y)| x.text == y.text && x.name == y.name));
        let c = Generator::new(g, 8).corpus(20);
        assert!(a.iter().zip(&c).any(|(x, y)| x.text != y.text));
    }

    #[test]
    fn generated_articles_yield_mentions_and_reports() {
        let g = Gazetteer::bundled();
        let articles: Vec<Article> = Generator::new(g, 1)
            .corpus(40)
            .into_iter()
            .filter_map(|a| Article::from_plain_text(a.name, a.text).ok())
            .collect();
        assert_eq!(articles.len(), 40);
        let corpus = Corpus::build(articles);
        let mentions: usize = corpus.analyses.iter().map(|a| a.mentions.len()).sum();
        assert!(mentions > 40 * 10, "{mentions}");
        assert!(corpus.reports.len() > 40 * 3, "{}", corpus.reports.len());
        assert!(corpus.publications.iter().all(|p| p.date.is_some()));
    }

    #[test]
    fn dutch_spellings() {
        assert_eq!(dutch_spelling("Sheberghan"), "Sjeberghan");
        assert_eq!(dutch_spelling("Jalalabad"), "Dzjalalabad");
        assert_eq!(dutch_spelling("Kunduz"), "Koendoez");
        assert_eq!(weekday_nl(Weekday::Fri), "vrijdag");
    }
}
