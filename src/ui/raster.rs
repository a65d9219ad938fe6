//! A software renderer for egui's output: triangles with a texture and
//! vertex colours, blended like egui's own GPU painters (colours multiplied
//! and blended in gamma space, premultiplied alpha). It lets opmars draw
//! the viewer's map into an image with no window, GPU or display, which is
//! how replay frames are made, in the app and on the command line alike.
//!
//! egui anti-aliases by "feathering" (a thin band of vertices fading to
//! transparent along every edge), so sampling each pixel at its centre is
//! enough for smooth shapes; textures (the font atlas, which also holds
//! egui's prepared discs) are sampled bilinearly.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, TextureId, TexturesDelta};

/// One texture: premultiplied sRGBA pixels.
struct Texture {
    size: [usize; 2],
    pixels: Vec<Color32>,
    linear: bool,
}

/// Holds egui's textures and paints its meshes into RGBA images.
#[derive(Default)]
pub struct SoftRenderer {
    textures: HashMap<TextureId, Texture>,
}

impl SoftRenderer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies the texture updates of a pass (before painting it).
    pub fn set_textures(&mut self, delta: &TexturesDelta) {
        for (id, deltas) in &delta.set {
            for d in deltas {
                let egui::ImageData::Color(image) = &d.image;
                let linear = d.options.magnification == egui::TextureFilter::Linear;
                match d.pos {
                    None => {
                        self.textures.insert(
                            *id,
                            Texture {
                                size: image.size,
                                pixels: image.pixels.clone(),
                                linear,
                            },
                        );
                    }
                    Some([x0, y0]) => {
                        let Some(t) = self.textures.get_mut(id) else { continue };
                        let [w, h] = image.size;
                        for y in 0..h {
                            let ty = y0 + y;
                            if ty >= t.size[1] {
                                break;
                            }
                            for x in 0..w {
                                let tx = x0 + x;
                                if tx >= t.size[0] {
                                    break;
                                }
                                t.pixels[ty * t.size[0] + tx] = image.pixels[y * w + x];
                            }
                        }
                    }
                }
            }
        }
    }

    /// Frees the textures a pass released (after painting it).
    pub fn free_textures(&mut self, delta: &TexturesDelta) {
        for id in &delta.free {
            self.textures.remove(id);
        }
    }

    /// Paints `primitives` (in points) into a `width`×`height` pixel
    /// image cleared to `background`. Returns straight (not premultiplied)
    /// RGBA bytes, row by row.
    pub fn paint(
        &self,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        width: usize,
        height: usize,
        background: Color32,
    ) -> Vec<u8> {
        let mut target = Target {
            width,
            height,
            pixels: vec![premultiplied(background); width * height],
        };
        for p in primitives {
            let Primitive::Mesh(mesh) = &p.primitive else {
                continue;
            };
            let clip = Clip {
                x0: (p.clip_rect.min.x * pixels_per_point).round().max(0.0) as i64,
                y0: (p.clip_rect.min.y * pixels_per_point).round().max(0.0) as i64,
                x1: ((p.clip_rect.max.x * pixels_per_point).round() as i64).min(width as i64),
                y1: ((p.clip_rect.max.y * pixels_per_point).round() as i64).min(height as i64),
            };
            if clip.x0 >= clip.x1 || clip.y0 >= clip.y1 {
                continue;
            }
            let texture = self.textures.get(&mesh.texture_id);
            for tri in mesh.indices.chunks_exact(3) {
                let v = |i: u32| mesh.vertices.get(i as usize);
                let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) else {
                    continue;
                };
                target.triangle([a, b, c], pixels_per_point, &clip, texture);
            }
        }
        let mut out = Vec::with_capacity(width * height * 4);
        for p in &target.pixels {
            out.extend_from_slice(&unmultiply(*p));
        }
        out
    }
}

/// Premultiplied colour as floats 0–1 (gamma space).
#[derive(Clone, Copy)]
struct Rgba([f32; 4]);

fn premultiplied(c: Color32) -> Rgba {
    Rgba([
        f32::from(c.r()) / 255.0,
        f32::from(c.g()) / 255.0,
        f32::from(c.b()) / 255.0,
        f32::from(c.a()) / 255.0,
    ])
}

fn unmultiply(p: Rgba) -> [u8; 4] {
    let [r, g, b, a] = p.0;
    let to = |v: f32| (v * 255.0).round().clamp(0.0, 255.0) as u8;
    if a <= 0.0 {
        return [0, 0, 0, 0];
    }
    [to(r / a), to(g / a), to(b / a), to(a)]
}

struct Clip {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

struct Target {
    width: usize,
    height: usize,
    pixels: Vec<Rgba>,
}

impl Target {
    fn triangle(&mut self, v: [&Vertex; 3], ppp: f32, clip: &Clip, texture: Option<&Texture>) {
        let p: [[f32; 2]; 3] = [
            [v[0].pos.x * ppp, v[0].pos.y * ppp],
            [v[1].pos.x * ppp, v[1].pos.y * ppp],
            [v[2].pos.x * ppp, v[2].pos.y * ppp],
        ];
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-8 || !area.is_finite() {
            return;
        }
        let min_x = p.iter().map(|q| q[0]).fold(f32::INFINITY, f32::min).floor() as i64;
        let max_x = p.iter().map(|q| q[0]).fold(f32::NEG_INFINITY, f32::max).ceil() as i64;
        let min_y = p.iter().map(|q| q[1]).fold(f32::INFINITY, f32::min).floor() as i64;
        let max_y = p.iter().map(|q| q[1]).fold(f32::NEG_INFINITY, f32::max).ceil() as i64;
        let x0 = min_x.max(clip.x0).max(0);
        let x1 = max_x.min(clip.x1).min(self.width as i64);
        let y0 = min_y.max(clip.y0).max(0);
        let y1 = max_y.min(clip.y1).min(self.height as i64);
        if x0 >= x1 || y0 >= y1 {
            return;
        }
        // Orient counter-clockwise so that inside means all weights >= 0;
        // the top-left rule keeps shared edges from being painted twice.
        let (p, v) = if area < 0.0 {
            ([p[0], p[2], p[1]], [v[0], v[2], v[1]])
        } else {
            (p, v)
        };
        let area = area.abs();
        let bias = |a: [f32; 2], b: [f32; 2]| -> f32 {
            let top_left = (a[1] == b[1] && b[0] < a[0]) || b[1] > a[1];
            if top_left { 0.0 } else { f32::EPSILON }
        };
        let b0 = bias(p[1], p[2]);
        let b1 = bias(p[2], p[0]);
        let b2 = bias(p[0], p[1]);
        let colors = [
            premultiplied(v[0].color),
            premultiplied(v[1].color),
            premultiplied(v[2].color),
        ];
        let flat = colors[0].0 == colors[1].0 && colors[1].0 == colors[2].0;
        for y in y0..y1 {
            let py = y as f32 + 0.5;
            for x in x0..x1 {
                let q = [x as f32 + 0.5, py];
                let w0 = edge(p[1], p[2], q);
                let w1 = edge(p[2], p[0], q);
                let w2 = edge(p[0], p[1], q);
                if w0 < b0 || w1 < b1 || w2 < b2 {
                    continue;
                }
                let (l0, l1, l2) = (w0 / area, w1 / area, w2 / area);
                let mut c = if flat {
                    colors[0].0
                } else {
                    let mut c = [0.0; 4];
                    for (k, ck) in c.iter_mut().enumerate() {
                        *ck = colors[0].0[k] * l0 + colors[1].0[k] * l1 + colors[2].0[k] * l2;
                    }
                    c
                };
                if let Some(t) = texture {
                    let u = v[0].uv.x * l0 + v[1].uv.x * l1 + v[2].uv.x * l2;
                    let w = v[0].uv.y * l0 + v[1].uv.y * l1 + v[2].uv.y * l2;
                    let s = sample(t, u, w);
                    for k in 0..4 {
                        c[k] *= s[k];
                    }
                }
                if c[3] <= 0.0 && c[0] <= 0.0 && c[1] <= 0.0 && c[2] <= 0.0 {
                    continue;
                }
                let d = &mut self.pixels[y as usize * self.width + x as usize].0;
                let keep = 1.0 - c[3].clamp(0.0, 1.0);
                for k in 0..4 {
                    d[k] = (c[k] + d[k] * keep).min(1.0);
                }
            }
        }
    }
}

#[inline]
fn edge(a: [f32; 2], b: [f32; 2], c: [f32; 2]) -> f32 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// The texture at normalised (u, v), premultiplied, 0–1.
fn sample(t: &Texture, u: f32, v: f32) -> [f32; 4] {
    let [w, h] = t.size;
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let texel = |x: i64, y: i64| -> [f32; 4] {
        let x = x.clamp(0, w as i64 - 1) as usize;
        let y = y.clamp(0, h as i64 - 1) as usize;
        premultiplied(t.pixels[y * w + x]).0
    };
    let fx = u * w as f32 - 0.5;
    let fy = v * h as f32 - 0.5;
    if !t.linear {
        return texel(fx.round() as i64, fy.round() as i64);
    }
    let x0 = fx.floor();
    let y0 = fy.floor();
    let (ax, ay) = (fx - x0, fy - y0);
    let (x0, y0) = (x0 as i64, y0 as i64);
    let (c00, c10, c01, c11) = (
        texel(x0, y0),
        texel(x0 + 1, y0),
        texel(x0, y0 + 1),
        texel(x0 + 1, y0 + 1),
    );
    let mut out = [0.0; 4];
    for k in 0..4 {
        let top = c00[k] + (c10[k] - c00[k]) * ax;
        let bottom = c01[k] + (c11[k] - c01[k]) * ax;
        out[k] = top + (bottom - top) * ay;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;
    use egui::{Pos2, Rect, pos2};

    fn paint(mesh: Mesh, w: usize, h: usize) -> Vec<u8> {
        let r = SoftRenderer::new();
        let prim = ClippedPrimitive {
            clip_rect: Rect::from_min_max(Pos2::ZERO, pos2(w as f32, h as f32)),
            primitive: Primitive::Mesh(mesh),
        };
        r.paint(&[prim], 1.0, w, h, Color32::WHITE)
    }

    #[test]
    fn a_rectangle_is_painted_once_with_its_colour() {
        let mut mesh = Mesh::default();
        // Two triangles sharing a diagonal; half-transparent red: a pixel
        // painted twice would come out darker.
        mesh.add_colored_rect(
            Rect::from_min_max(pos2(2.0, 2.0), pos2(8.0, 6.0)),
            Color32::from_rgba_unmultiplied(255, 0, 0, 128),
        );
        let img = paint(mesh, 10, 8);
        let px = |x: usize, y: usize| &img[(y * 10 + x) * 4..(y * 10 + x) * 4 + 4];
        assert_eq!(px(0, 0), [255, 255, 255, 255]);
        let inside: Vec<&[u8]> = (2..8)
            .flat_map(|x| (2..6).map(move |y| (x, y)))
            .map(|(x, y)| px(x, y))
            .collect();
        assert!(inside.iter().all(|p| *p == inside[0]), "{inside:?}");
        assert!(
            inside[0][0] == 255 && (120..=135).contains(&inside[0][1]),
            "{:?}",
            inside[0]
        );
        assert_eq!(px(8, 3), [255, 255, 255, 255]);
    }
}
