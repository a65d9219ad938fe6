//! The bundled offline basemap: Afghanistan's 34 provinces and the
//! neighbouring countries (Natural Earth, simplified; see `assets/README.md`).
//!
//! The viewer draws it on every frame, so everything that does not depend
//! on the view is done once here: polygons are triangulated (egui only
//! fills convex shapes) and every vertex is converted to normalised Web
//! Mercator coordinates (0–1 across the world). Placing them on screen is
//! then one multiply-add per vertex, whatever the zoom.

use std::sync::OnceLock;

use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon, TriangulateEarcut};
use serde::Deserialize;

/// Normalised Web Mercator coordinates: x, y in 0–1, y growing south.
pub type Unit = [f64; 2];

/// Converts longitude/latitude to normalised Web Mercator.
pub fn mercator_unit(lon: f64, lat: f64) -> Unit {
    let lat = lat.clamp(-85.05112878, 85.05112878).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// A province or country of the basemap.
#[derive(Debug, Clone)]
pub struct Region {
    /// ISO 3166-2 code for provinces (`AF-KAN`), ISO 3166-1 alpha-2 for countries.
    pub iso: String,
    pub name: String,
    pub name_nl: String,
    /// Label point, longitude/latitude, inside the region.
    pub label: (f64, f64),
    pub shape: MultiPolygon<f64>,
    /// Outline rings in Mercator units.
    pub rings: Vec<Vec<Unit>>,
    /// Fill triangles in Mercator units, three vertices each.
    pub triangles: Vec<Unit>,
}

/// The whole basemap.
#[derive(Debug, Clone)]
pub struct Basemap {
    pub provinces: Vec<Region>,
    pub countries: Vec<Region>,
    /// Afghanistan's outline rings in Mercator units.
    pub national_border: Vec<Vec<Unit>>,
    /// Longitude/latitude bounds of Afghanistan: (west, south, east, north).
    pub afghanistan_bounds: (f64, f64, f64, f64),
}

/// Errors reading basemap data.
#[derive(Debug, thiserror::Error)]
pub enum BasemapError {
    #[error("basemap JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("basemap has no provinces")]
    Empty,
}

#[derive(Deserialize)]
struct RawBasemap {
    afghanistan: RawShape,
    provinces: Vec<RawRegion>,
    countries: Vec<RawRegion>,
}

#[derive(Deserialize)]
struct RawShape {
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Deserialize)]
struct RawRegion {
    iso: String,
    name: String,
    name_nl: String,
    label: [f64; 2],
    polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

const BASEMAP_JSON: &str = include_str!("../assets/basemap.json");

impl Basemap {
    /// The basemap embedded in the binary, loaded once.
    pub fn bundled() -> &'static Basemap {
        static BUNDLED: OnceLock<Basemap> = OnceLock::new();
        BUNDLED.get_or_init(|| Basemap::load_bundled().expect("the bundled basemap is checked by the test suite"))
    }

    /// Parses the embedded basemap afresh (benchmarks time it).
    pub fn load_bundled() -> Result<Basemap, BasemapError> {
        Basemap::parse(BASEMAP_JSON)
    }

    /// Parses the `assets/basemap.json` schema.
    pub fn parse(json: &str) -> Result<Basemap, BasemapError> {
        let raw: RawBasemap = serde_json::from_str(json)?;
        if raw.provinces.is_empty() {
            return Err(BasemapError::Empty);
        }
        let national = to_multipolygon(&raw.afghanistan.polygons);
        let national_border = unit_rings(&national);
        let mut bounds = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &raw.afghanistan.polygons {
            for ring in p {
                for [lon, lat] in ring {
                    bounds = (
                        bounds.0.min(*lon),
                        bounds.1.min(*lat),
                        bounds.2.max(*lon),
                        bounds.3.max(*lat),
                    );
                }
            }
        }
        Ok(Basemap {
            provinces: raw.provinces.into_iter().map(region).collect(),
            countries: raw.countries.into_iter().map(region).collect(),
            national_border,
            afghanistan_bounds: bounds,
        })
    }

    /// The province containing a point, if any.
    pub fn province_at(&self, lon: f64, lat: f64) -> Option<&Region> {
        let p = Point::new(lon, lat);
        self.provinces.iter().find(|r| r.shape.contains(&p))
    }

    /// A province by ISO code.
    pub fn province(&self, iso: &str) -> Option<&Region> {
        self.provinces.iter().find(|r| r.iso == iso)
    }
}

fn to_multipolygon(polygons: &[Vec<Vec<[f64; 2]>>]) -> MultiPolygon<f64> {
    let ring = |r: &Vec<[f64; 2]>| LineString::from(r.iter().map(|[x, y]| Coord { x: *x, y: *y }).collect::<Vec<_>>());
    MultiPolygon::new(
        polygons
            .iter()
            .filter(|p| !p.is_empty())
            .map(|p| Polygon::new(ring(&p[0]), p[1..].iter().map(ring).collect()))
            .collect(),
    )
}

fn unit_rings(shape: &MultiPolygon<f64>) -> Vec<Vec<Unit>> {
    let mut out = Vec::new();
    for poly in shape {
        for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
            out.push(ring.coords().map(|c| mercator_unit(c.x, c.y)).collect());
        }
    }
    out
}

fn region(raw: RawRegion) -> Region {
    let shape = to_multipolygon(&raw.polygons);
    let rings = unit_rings(&shape);
    let mut triangles = Vec::new();
    for poly in &shape {
        for t in poly.earcut_triangles_iter() {
            for c in [t.v1(), t.v2(), t.v3()] {
                triangles.push(mercator_unit(c.x, c.y));
            }
        }
    }
    Region {
        iso: raw.iso,
        name: raw.name,
        name_nl: raw.name_nl,
        label: (raw.label[0], raw.label[1]),
        shape,
        rings,
        triangles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    #[test]
    fn bundled_basemap_has_all_provinces_and_neighbours() {
        let b = Basemap::bundled();
        assert_eq!(b.provinces.len(), 34);
        for iso in ["PK", "IR", "TM", "UZ", "TJ", "CN"] {
            assert!(b.countries.iter().any(|c| c.iso == iso), "{iso}");
        }
        assert!(
            b.provinces
                .iter()
                .all(|p| !p.triangles.is_empty() && p.triangles.len() % 3 == 0)
        );
        let (w, s, e, n) = b.afghanistan_bounds;
        assert!(w > 60.0 && w < 61.0 && e > 74.0 && e < 75.5 && s > 29.0 && s < 30.0 && n > 38.0 && n < 39.0);
    }

    #[test]
    fn capitals_lie_in_their_basemap_province() {
        let b = Basemap::bundled();
        let g = Gazetteer::bundled();
        for cap in g.capitals() {
            let found = b.province_at(cap.lon, cap.lat).map(|r| r.iso.as_str());
            assert_eq!(found, Some(cap.province.as_str()), "{}", cap.name);
        }
    }

    #[test]
    fn provinces_match_gazetteer_codes() {
        let b = Basemap::bundled();
        let g = Gazetteer::bundled();
        for p in g.provinces() {
            assert!(b.province(&p.province).is_some(), "{}", p.province);
        }
    }

    #[test]
    fn mercator_unit_is_standard() {
        let [x, y] = mercator_unit(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        let [x, _] = mercator_unit(180.0, 0.0);
        assert!((x - 1.0).abs() < 1e-12);
        assert!(mercator_unit(69.0, 35.0)[1] < 0.5);
    }

    #[test]
    fn malformed_json_is_an_error() {
        assert!(Basemap::parse("{").is_err());
        assert!(matches!(
            Basemap::parse(r#"{"afghanistan":{"polygons":[]},"provinces":[],"countries":[]}"#),
            Err(BasemapError::Empty)
        ));
    }
}
