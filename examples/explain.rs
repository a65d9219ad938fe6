//! Shows how the engine reads an article: each sentence's clauses, the
//! part each place plays, and the reports it makes, with their dates.
//!
//! ```sh
//! cargo run --release --example explain -- FILE…
//! ```

use std::path::PathBuf;

use opmars::clauses::ArticleClauses;
use opmars::corpus::Corpus;
use opmars::gazetteer::Gazetteer;
use opmars::input::load_paths;
use opmars::reports::Lexicon;
use opmars::text::ArticleText;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let loaded = load_paths(&paths);
    for e in &loaded.errors {
        eprintln!("{e}");
    }
    let gaz = Gazetteer::bundled();
    let lex = Lexicon::bundled();
    let corpus = Corpus::build(loaded.articles);
    for (ai, article) in corpus.articles.iter().enumerate() {
        let an = &corpus.analyses[ai];
        let publ = corpus.publications[ai];
        println!("=== {} (published {:?}, {:?})", article.name, publ.date, publ.basis);
        let text = article.text.as_str();
        let at = ArticleText::new(text);
        let tags = opmars::clauses::tag_outside_names(lex, &at, article.body_start, &an.mentions);
        let a = ArticleClauses::new(
            gaz,
            lex,
            text,
            &at.lower,
            article.body_start,
            &at.words,
            &tags,
            &an.sentences,
            &an.mentions,
            &an.time_refs,
        );
        for (si, s) in an.sentences.iter().enumerate() {
            let mentions = a.mentions_of(si);
            let reports: Vec<_> = corpus
                .reports
                .iter()
                .filter(|r| r.article == ai && r.report.sentence_index == si)
                .collect();
            if mentions.is_empty() && reports.is_empty() {
                continue;
            }
            println!("[{si}] {}", text[s.clone()].replace('\n', " "));
            for c in &a.clauses[si] {
                let parts: Vec<&str> = c.spans.iter().map(|r| text[r.clone()].trim()).collect();
                println!(
                    "    {:?}{}: {}",
                    c.kind,
                    c.antecedent.as_ref().map(|x| format!(" ({x:?})")).unwrap_or_default(),
                    parts.join(" … ")
                );
            }
            for i in mentions {
                let m = &an.mentions[i];
                println!(
                    "    - {} → {} ({}) {:?}",
                    &text[m.span.clone()],
                    gaz.place(m.place).name,
                    gaz.place(m.place).kind.as_str(),
                    a.roles[i]
                );
            }
            for r in reports {
                println!(
                    "    => {} {} {:?} cue {:?} time {:?}{}",
                    gaz.place(r.report.place).name,
                    r.report.status.as_str(),
                    r.event.map(|e| (e.date, e.precision)),
                    &text[r.report.cue.clone()],
                    r.report.time.as_ref().map(|(sp, _)| &text[sp.clone()]),
                    if r.report.anaphoric { " (anaphoric)" } else { "" }
                );
            }
        }
    }
}
