//! Every input kind and encoding opmars reads, on fixtures written for
//! these tests (tests/fixtures/input/).

use std::fs;
use std::path::{Path, PathBuf};

use opmars::article::{Article, BUNDLED_SEEDS};
use opmars::corpus::Corpus;
use opmars::dates::PartialDate;
use opmars::input::{Loaded, Progress, load_paths, load_paths_with_progress, read_bytes};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/input")
        .join(rel)
}

fn load_one(path: &Path) -> Loaded {
    let loaded = load_paths(&[path.to_path_buf()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded
}

fn only(path: &Path) -> Article {
    let mut loaded = load_one(path);
    assert_eq!(loaded.articles.len(), 1);
    loaded.articles.remove(0)
}

fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    Some(PartialDate {
        year: y,
        month: m,
        day: Some(d),
    })
}

#[test]
fn plain_text_is_the_file_itself() {
    let path = fixture("formats/kunduz.txt");
    let a = only(&path);
    assert_eq!(a.text, fs::read_to_string(&path).unwrap());
    assert_eq!(a.name, "kunduz.txt");
    assert_eq!(a.path.as_deref(), Some(path.as_path()));
    assert_eq!(a.stated_date, day(2021, 8, 8));
    assert!(a.body().starts_with("De Taliban hebben zondag"));
    assert_eq!((a.title.as_deref(), a.url.as_deref()), (None, None));
}

#[test]
fn the_seeds_read_from_disk_equal_the_bundled_ones() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = load_one(&seeds);
    let read: Vec<(&str, &str)> = loaded
        .articles
        .iter()
        .map(|a| (a.name.as_str(), a.text.as_str()))
        .collect();
    assert_eq!(read, BUNDLED_SEEDS);
}

#[test]
fn markdown_with_front_matter() {
    let path = fixture("formats/herat.md");
    let a = only(&path);
    let file = fs::read_to_string(&path).unwrap();
    assert_eq!(a.text, file, "offsets stay file offsets");
    assert!(a.body().starts_with("# Herat in handen"));
    assert_eq!(a.title.as_deref(), Some("Herat in handen van de Taliban"));
    assert_eq!(a.url.as_deref(), Some("https://example.org/nieuws/herat-gevallen"));
    assert_eq!(a.stated_date, day(2021, 8, 13));
    // Without front matter a `# Heading` is the title.
    let b = read_bytes("kop.md", None, b"# Kunduz gevallen\n\nDe stad is gevallen.").unwrap();
    assert_eq!(b[0].title.as_deref(), Some("Kunduz gevallen"));
}

#[test]
fn html_with_junk_around_the_article() {
    let a = only(&fixture("formats/ghazni.html"));
    assert_eq!(
        a.text,
        "Taliban nemen Ghazni in\n\n\
         Door de buitenlandredactie\n\n\
         De Taliban hebben donderdag de stad Ghazni ingenomen, op zo'n 150 kilometer van de hoofdstad.\n\n\
         De gouverneur van de provincie zou met zijn lijfwachten zijn gevlucht. Regeringstroepen bieden nog verzet bij de gevangenis.\n\n\
         Een controlepost aan de rand van de stad."
    );
    for junk in [
        "cookies",
        "Deel op",
        "Reacties",
        "Binnenland",
        "nieuwsbrief",
        "dataLayer",
        "Meer over",
        "©",
        "font-family",
    ] {
        assert!(!a.text.contains(junk), "{junk} left in");
    }
    assert_eq!(a.title.as_deref(), Some("Taliban nemen Ghazni in"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://voorbeeldblad.example/buitenland/ghazni-gevallen")
    );
    assert_eq!(a.stated_date, day(2021, 8, 12));
    assert_eq!(a.body_start, 0);
}

#[test]
fn html_dates_titles_and_urls_from_other_places() {
    let page = r#"<html><head><title>Kandahar | Wire</title>
        <meta property="og:url" content="https://wire.example/kandahar">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle",
         "headline": "Kandahar falls", "datePublished": "2021-08-13T08:00:00+04:30"}
        </script></head>
        <body><p>The Taliban captured Kandahar.</p></body></html>"#;
    let a = &read_bytes("k.html", None, page.as_bytes()).unwrap()[0];
    assert_eq!(a.title.as_deref(), Some("Kandahar falls"));
    assert_eq!(a.url.as_deref(), Some("https://wire.example/kandahar"));
    assert_eq!(a.stated_date, day(2021, 8, 13));

    let page = r#"<title>Herat</title><article><time datetime="2021-08-12T20:00">gisteren</time>
        <div itemprop="articleBody"><p>Herat is gevallen.</p></div></article>"#;
    let a = &read_bytes("h.htm", None, page.as_bytes()).unwrap()[0];
    assert_eq!(a.text, "Herat is gevallen.", "articleBody is preferred");
    assert_eq!(a.title.as_deref(), Some("Herat"));
    assert_eq!(a.stated_date, day(2021, 8, 12));

    let page = r#"<meta name="DC.date" content="2021-08"><main><p>Kabul.</p></main>"#;
    let a = &read_bytes("m.html", None, page.as_bytes()).unwrap()[0];
    assert_eq!(
        a.stated_date,
        Some(PartialDate {
            year: 2021,
            month: 8,
            day: None
        })
    );
}

#[test]
fn the_article_with_most_text_is_the_article() {
    let page = r#"<body>
        <article class="teaser"><p>Lees ook: Kabul</p></article>
        <article><p>De Taliban hebben Kunduz ingenomen.</p><p>Het leger trok zich terug naar het vliegveld.</p></article>
        <article class="teaser"><p>Lees ook: Herat</p></article></body>"#;
    let a = &read_bytes("a.html", None, page.as_bytes()).unwrap()[0];
    assert_eq!(
        a.text,
        "De Taliban hebben Kunduz ingenomen.\n\nHet leger trok zich terug naar het vliegveld."
    );
}

#[test]
fn a_json_object() {
    let a = only(&fixture("formats/lashkargah.json"));
    assert_eq!(a.name, "lashkargah.json");
    assert_eq!(a.title.as_deref(), Some("Fighting reaches the centre of Lashkar Gah"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://wire.example/world/lashkar-gah-fighting")
    );
    assert_eq!(a.stated_date, day(2021, 8, 3));
    assert!(!a.text.contains('\r'), "CRLF in the JSON string is normalised");
    assert!(a.text.contains("compound.\n\nThe Taliban"));
}

#[test]
fn a_json_array() {
    let loaded = load_one(&fixture("formats/array.json"));
    let got: Vec<(&str, Option<&str>, Option<&str>)> = loaded
        .articles
        .iter()
        .map(|a| (a.name.as_str(), a.title.as_deref(), a.url.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "array.json#1",
                Some("Zaranj falls to the Taliban"),
                Some("https://wire.example/world/zaranj")
            ),
            (
                "array.json#2",
                Some("Taliban veroveren Sjeberghan"),
                Some("https://voorbeeldblad.example/buitenland/sjeberghan")
            ),
        ]
    );
    assert_eq!(loaded.articles[1].stated_date, day(2021, 8, 7));
}

#[test]
fn a_news_api_export() {
    let loaded = load_one(&fixture("formats/newsapi.json"));
    let [first, second] = &loaded.articles[..] else {
        panic!("{:?}", loaded.articles);
    };
    assert_eq!(first.name, "newsapi.json#1");
    assert_eq!(
        first.text,
        "De Taliban hebben dinsdag Pul-i-Khumri ingenomen, de hoofdstad van de provincie Baghlan.\n\nInwoners meldden gevechten.",
        "markup stripped, the truncation marker dropped"
    );
    assert_eq!(first.stated_date, day(2021, 8, 10));
    assert_eq!(
        second.text, "The Taliban captured Farah city on Tuesday, officials said.",
        "description when content is null"
    );
}

#[test]
fn json_lines() {
    let loaded = load_one(&fixture("formats/export.jsonl"));
    let names: Vec<&str> = loaded.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["export.jsonl#1", "export.jsonl#3", "export.jsonl#4"],
        "named by line; blank lines skipped"
    );
    assert_eq!(loaded.articles[0].title.as_deref(), Some("Kandahar falls"));
    assert_eq!(loaded.articles[2].stated_date, day(2021, 8, 15), "RFC 2822");
    assert_eq!(loaded.articles[2].url, None);
}

#[test]
fn a_folder_of_every_kind_in_order() {
    let loaded = load_one(&fixture("formats"));
    let names: Vec<&str> = loaded.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "array.json#1",
            "array.json#2",
            "export.jsonl#1",
            "export.jsonl#3",
            "export.jsonl#4",
            "ghazni.html",
            "herat.md",
            "kunduz.txt",
            "lashkargah.json",
            "newsapi.json#1",
            "newsapi.json#2",
        ]
    );
    // And the engine finds a capture in (nearly) every one of them.
    let corpus = Corpus::build(loaded.articles);
    let gaz = opmars::gazetteer::Gazetteer::bundled();
    let mut places: Vec<&str> = corpus
        .distinct_reports()
        .map(|(_, r)| gaz.place(r.place()).name.as_str())
        .collect();
    places.sort();
    places.dedup();
    for p in [
        "Farah",
        "Ghazni",
        "Herat",
        "Jalalabad",
        "Kandahar",
        "Kunduz",
        "Lashkar Gah",
        "Mazar-i-Sharif",
        "Sheberghan",
        "Zaranj",
    ] {
        assert!(places.contains(&p), "{p} missing from {places:?}");
    }
}

/// The encoding fixture's text, as UTF-8 with LF line ends.
fn source() -> String {
    fs::read_to_string(fixture("encodings/source.txt")).unwrap()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = std::iter::once(0xFEFF).filter(|_| bom).chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '‘' => 0x91,
            '’' => 0x92,
            c => u8::try_from(u32::from(c)).expect("Latin-1 text"),
        })
        .collect()
}

#[test]
fn every_encoding_reads_to_the_same_text() {
    let text = source();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", text.as_bytes().to_vec()),
        ("utf8-bom.txt", bom),
        ("utf16le-bom.txt", utf16(&text, false, true)),
        ("utf16be-bom.txt", utf16(&text, true, true)),
        ("utf16le.txt", utf16(&text, false, false)),
        ("windows-1252.txt", windows_1252(&text)),
        ("crlf.txt", text.replace('\n', "\r\n").into_bytes()),
        ("cr.txt", text.replace('\n', "\r").into_bytes()),
        ("utf16le-crlf.md", utf16(&text.replace('\n', "\r\n"), false, true)),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in &cases {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    let loaded = load_one(dir.path());
    assert_eq!(loaded.articles.len(), cases.len());
    for a in &loaded.articles {
        assert_eq!(a.text, text, "{}", a.name);
        assert_eq!(a.stated_date, day(2021, 8, 14), "{}", a.name);
        assert!(a.body().starts_with("De Taliban"), "{}", a.name);
    }
}

#[test]
fn latin1_with_accents() {
    let text = "De Taliban hebben Herat ingenomen; duizenden zijn geëvacueerd, één café bleef open.";
    let a = &read_bytes("latin1.txt", None, &windows_1252(text)).unwrap()[0];
    assert_eq!(a.text, text);
    // A page that declares its charset.
    let mut page = b"<meta charset=\"windows-1252\"><p>".to_vec();
    page.extend(windows_1252("Ghazni is geëvacueerd."));
    let a = &read_bytes("p.html", None, &page).unwrap()[0];
    assert_eq!(a.text, "Ghazni is geëvacueerd.");
    // A JSON Lines record in Windows-1252.
    let mut line = b"{\"text\": \"".to_vec();
    line.extend(windows_1252("Kunduz is geëvacueerd."));
    line.extend(b"\"}\n");
    let a = &read_bytes("l.jsonl", None, &line).unwrap()[0];
    assert_eq!(a.text, "Kunduz is geëvacueerd.");
}

#[test]
fn files_named_explicitly_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("page", "<!DOCTYPE html><title>T</title><p>Herat is gevallen.</p>"),
        ("record.dat", r#"{"text": "Kunduz is gevallen.", "date": "2021-08-08"}"#),
        ("lines", "{\"text\": \"Ghazni.\"}\n{\"text\": \"Kabul.\"}\n"),
        ("notes", "date 2021-08-12\nGhazni is gevallen."),
    ];
    let mut paths = Vec::new();
    for (name, content) in cases {
        fs::write(dir.path().join(name), content).unwrap();
        paths.push(dir.path().join(name));
    }
    let loaded = load_paths(&paths);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let got: Vec<(&str, &str)> = loaded.articles.iter().map(|a| (a.name.as_str(), a.body())).collect();
    assert_eq!(
        got,
        [
            ("page", "Herat is gevallen."),
            ("record.dat", "Kunduz is gevallen."),
            ("lines#1", "Ghazni."),
            ("lines#2", "Kabul."),
            ("notes", "Ghazni is gevallen."),
        ]
    );
    // …but in a folder only known extensions are read.
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    assert!(loaded.articles.is_empty() && loaded.errors.is_empty());
}

#[test]
fn folders_skip_hidden_files_and_saved_page_assets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir_all(d.join(".git")).unwrap();
    fs::create_dir_all(d.join("nos/pagina_files")).unwrap();
    fs::write(d.join(".git/HEAD.txt"), "Kabul").unwrap();
    fs::write(d.join(".verborgen.txt"), "Kabul").unwrap();
    fs::write(d.join("nos/pagina.html"), "<p>Kunduz is gevallen.</p>").unwrap();
    fs::write(d.join("nos/pagina_files/advert.html"), "<p>Kabul</p>").unwrap();
    fs::write(d.join("nos/foto.jpg"), [0xFF, 0xD8, 0xFF]).unwrap();
    fs::write(d.join("b.txt"), "Herat is gevallen.").unwrap();
    let loaded = load_paths(&[d.to_path_buf()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let names: Vec<&str> = loaded.articles.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["b.txt", "nos/pagina.html"]);
}

#[test]
fn progress_is_reported_per_file() {
    let mut seen: Vec<Progress> = Vec::new();
    let loaded = load_paths_with_progress(&[fixture("formats")], &mut |p| seen.push(p));
    assert_eq!(loaded.articles.len(), 11);
    let counts: Vec<(usize, usize)> = seen.iter().map(|p| (p.done, p.total)).collect();
    assert_eq!(counts, [(0, 7), (1, 7), (2, 7), (3, 7), (4, 7), (5, 7), (6, 7), (7, 7)]);
    assert!(seen[0].current.ends_with("array.json"));
    assert!(seen[7].current.ends_with("newsapi.json"));
    // Nothing to read: one final report.
    let mut seen = Vec::new();
    load_paths_with_progress(&[], &mut |p| seen.push(p));
    assert_eq!(seen.len(), 1);
    assert_eq!((seen[0].done, seen[0].total), (0, 0));
}
