"""Deterministic demo media: stylised landscape photos (JPEG) and a one-page PDF.

No network, no files on disk: everything is drawn with Pillow from a variant
number, so the same call always gives the same bytes on the same Pillow build.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

_SCENES = ("fields", "town", "hills", "river")

# (sky top, sky near the horizon, sun, sun height 0..1 above the horizon,
#  far hills, near ground, light field, dark field, water)
_PALETTES = (
    # early morning: pale blue and peach
    ((120, 160, 215), (250, 214, 180), (255, 236, 190), 0.25,
     (150, 160, 175), (86, 128, 70), (150, 190, 90), (92, 140, 66), (140, 170, 200)),
    # midday: deep blue, bright greens
    ((40, 105, 190), (170, 210, 240), (255, 252, 225), 0.85,
     (110, 140, 150), (70, 130, 60), (160, 205, 80), (80, 150, 60), (70, 130, 190)),
    # golden afternoon: warm sky, ripe rice
    ((90, 140, 200), (245, 205, 140), (255, 220, 150), 0.45,
     (140, 130, 120), (120, 120, 50), (220, 190, 80), (170, 150, 60), (120, 150, 170)),
    # dusk: violet to orange
    ((55, 60, 120), (240, 140, 90), (255, 190, 120), 0.12,
     (95, 80, 105), (60, 80, 50), (120, 130, 70), (70, 90, 50), (150, 110, 130)),
)

_VARIANTS = len(_SCENES) * len(_PALETTES)


def photo_count() -> int:
    """How many visibly distinct photos `photo()` draws; larger indexes wrap around."""
    return _VARIANTS


def photo(index: int, width: int = 1200, height: int = 800) -> bytes:
    """A JPEG (quality 82, progressive) of a stylised landscape, variant `index`."""
    if width < 1 or height < 1:
        raise ValueError(f"photo size must be positive, not {width}x{height}")
    return _render(index % _VARIANTS, int(width), int(height))


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=64)
def _render(variant: int, width: int, height: int) -> bytes:
    scene = _SCENES[variant % len(_SCENES)]
    (sky_top, sky_low, sun_rgb, sun_height, far, ground, light, dark,
     water) = _PALETTES[variant // len(_SCENES)]
    rng = random.Random(f"toasoan-photo-{variant}")
    # draw at half size and scale up: soft edges like a photo, and fast
    scale = 2 if min(width, height) >= 200 else 1
    w, h = max(32, width // scale), max(32, height // scale)
    horizon = int(h * rng.uniform(0.50, 0.62))

    # sky: a vertical gradient through a stretched 256-step ramp
    ramp = Image.linear_gradient("L").resize((w, horizon))
    img = Image.new("RGB", (w, h), ground)
    img.paste(Image.composite(Image.new("RGB", (w, horizon), sky_low),
                              Image.new("RGB", (w, horizon), sky_top), ramp), (0, 0))

    # sun with a soft glow, drawn on a small patch and blurred there
    radius = max(4, int(min(w, h) * rng.uniform(0.045, 0.07)))
    sx = int(w * rng.uniform(0.15, 0.85))
    sy = int(horizon - (horizon - radius * 2) * sun_height) - radius // 2
    glow = Image.new("L", (radius * 8, radius * 8), 0)
    ImageDraw.Draw(glow).ellipse((radius * 2, radius * 2, radius * 6, radius * 6), fill=150)
    glow = glow.filter(ImageFilter.GaussianBlur(radius))
    img.paste(Image.new("RGB", glow.size, sun_rgb), (sx - radius * 4, sy - radius * 4), glow)
    ImageDraw.Draw(img).ellipse((sx - radius, sy - radius, sx + radius, sy + radius),
                                fill=sun_rgb)

    draw = ImageDraw.Draw(img)
    _clouds(draw, rng, w, horizon, _mix(sky_low, (255, 255, 255), 0.55))
    _ridge(draw, rng, w, horizon, int(h * 0.16), _mix(far, sky_low, 0.45), 3)
    _ridge(draw, rng, w, horizon, int(h * 0.08), far, 5)
    draw.rectangle((0, horizon, w, h), fill=ground)

    if scene == "fields":
        _fields(draw, rng, w, h, horizon, light, dark)
        _trees(draw, rng, w, horizon, _mix(ground, (0, 0, 0), 0.35), 10)
    elif scene == "town":
        _fields(draw, rng, w, h, horizon, light, dark, rows_only=True)
        _town(draw, rng, w, h, horizon)
        _trees(draw, rng, w, horizon + int(h * 0.01), _mix(ground, (0, 0, 0), 0.3), 5)
    elif scene == "hills":
        _ridge(draw, rng, w, horizon + int(h * 0.06), int(h * 0.14), _mix(ground, far, 0.4), 4)
        _ridge(draw, rng, w, horizon + int(h * 0.16), int(h * 0.12), ground, 6)
        _terraces(draw, rng, w, h, horizon + int(h * 0.16), light, dark)
        _trees(draw, rng, w, horizon + int(h * 0.05), _mix(ground, (0, 0, 0), 0.4), 8)
    else:
        _river(draw, rng, w, h, horizon, water, sky_low, light)
        _trees(draw, rng, w, horizon, _mix(ground, (0, 0, 0), 0.35), 12)

    if (w, h) != (width, height):
        img = img.resize((width, height), Image.Resampling.BICUBIC)
    img = _grain(img, rng)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82, progressive=True, optimize=False)
    return out.getvalue()


def _clouds(draw, rng, w, horizon, colour):
    for _ in range(rng.randint(2, 5)):
        cx = rng.uniform(0, w)
        cy = rng.uniform(horizon * 0.1, horizon * 0.55)
        size = rng.uniform(w * 0.04, w * 0.09)
        for _ in range(5):
            dx = rng.uniform(-size * 1.4, size * 1.4)
            dy = rng.uniform(-size * 0.25, size * 0.25)
            r = size * rng.uniform(0.45, 0.8)
            draw.ellipse((cx + dx - r * 1.6, cy + dy - r * 0.6, cx + dx + r * 1.6,
                          cy + dy + r * 0.6), fill=colour)


def _ridge(draw, rng, w, base, amplitude, colour, waves):
    """A range of hills whose top follows a sum of sine waves."""
    phases = [rng.uniform(0, math.tau) for _ in range(3)]
    freqs = [waves * rng.uniform(0.6, 1.4) for _ in range(3)]
    points = [(0, base)]
    step = max(4, w // 120)
    for x in range(0, w + step, step):
        t = x / w
        y = sum(math.sin(t * f * math.pi + p) / (i + 1)
                for i, (f, p) in enumerate(zip(freqs, phases, strict=True)))
        points.append((x, base - amplitude * (0.55 + 0.35 * y)))
    points.append((w, base))
    draw.polygon(points, fill=colour)


def _fields(draw, rng, w, h, horizon, light, dark, rows_only=False):
    """Paddy fields in perspective: wedges towards a vanishing point, then dikes."""
    vx = w * rng.uniform(0.3, 0.7)
    if not rows_only:
        n = rng.randint(7, 11)
        edges = [w * (i / n) * 3 - w for i in range(n + 1)]
        for i in range(n):
            colour = light if i % 2 else _mix(light, dark, rng.uniform(0.3, 0.8))
            draw.polygon([(vx, horizon), (edges[i], h), (edges[i + 1], h)], fill=colour)
    dike = _mix(dark, (60, 50, 30), 0.5)
    y, gap = horizon + 3.0, 3.0
    while y < h:
        draw.line((0, y, w, y), fill=dike, width=max(1, int(gap / 6)))
        gap *= 1.35
        y += gap


def _terraces(draw, rng, w, h, top, light, dark):
    y, band = float(top), 8.0
    i = 0
    while y < h:
        colour = light if i % 2 else dark
        offset = rng.uniform(0, math.tau)
        points = [(0, h)]
        for x in range(0, w + 40, 40):
            points.append((x, y + math.sin(x / w * 4 + offset) * band * 0.6))
        points.append((w, h))
        draw.polygon(points, fill=colour)
        y += band
        band *= 1.3
        i += 1


def _trees(draw, rng, w, base, colour, clusters):
    for _ in range(clusters):
        cx = rng.uniform(0, w)
        for _ in range(rng.randint(3, 7)):
            x = cx + rng.uniform(-w * 0.03, w * 0.03)
            r = rng.uniform(w * 0.008, w * 0.02)
            draw.ellipse((x - r, base - r * 2.2, x + r, base + r * 0.2), fill=colour)


def _town(draw, rng, w, h, horizon):
    """Tube houses with tiled roofs, lit windows, and a flag on a pole."""
    x = rng.uniform(-20, 10)
    walls = [(236, 222, 190), (214, 200, 170), (240, 236, 225), (205, 180, 150), (225, 215, 160)]
    roof = (150, 70, 50)
    base = horizon + int(h * 0.05)
    while x < w:
        bw = rng.uniform(w * 0.035, w * 0.07)
        bh = rng.uniform(h * 0.08, h * 0.22)
        wall = rng.choice(walls)
        draw.rectangle((x, base - bh, x + bw, base), fill=wall)
        draw.polygon([(x - 2, base - bh), (x + bw / 2, base - bh - bw * 0.3),
                      (x + bw + 2, base - bh)], fill=roof)
        floors = max(1, int(bh / (h * 0.045)))
        for f in range(floors):
            wy = base - bh + (f + 0.3) * bh / floors
            draw.rectangle((x + bw * 0.2, wy, x + bw * 0.8, wy + bh / floors * 0.4),
                           fill=(90, 110, 130) if rng.random() < 0.7 else (250, 220, 140))
        x += bw + rng.uniform(0, w * 0.01)
    # flag pole with a red flag and a yellow star
    px = w * rng.uniform(0.2, 0.8)
    top = base - h * 0.32
    draw.line((px, base, px, top), fill=(90, 90, 90), width=max(2, w // 400))
    fw, fh = w * 0.06, w * 0.04
    draw.rectangle((px, top, px + fw, top + fh), fill=(218, 37, 29))
    cx, cy, r = px + fw / 2, top + fh / 2, fh * 0.32
    star = []
    for k in range(10):
        angle = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.4
        star.append((cx + rr * math.cos(angle), cy + rr * math.sin(angle)))
    draw.polygon(star, fill=(255, 221, 0))


def _river(draw, rng, w, h, horizon, water, sky_low, bank):
    top_l, top_r = w * rng.uniform(0.35, 0.45), w * rng.uniform(0.55, 0.65)
    draw.polygon([(top_l, horizon), (top_r, horizon), (w * 1.1, h), (-w * 0.1, h)], fill=water)
    shine = _mix(water, sky_low, 0.5)
    y, gap = horizon + 4.0, 4.0
    while y < h:
        t = (y - horizon) / (h - horizon)
        left = top_l + (-w * 0.1 - top_l) * t
        right = top_r + (w * 1.1 - top_r) * t
        for _ in range(2):
            a = rng.uniform(left, right)
            draw.line((a, y, a + (right - left) * rng.uniform(0.04, 0.12), y), fill=shine,
                      width=max(1, int(gap / 4)))
        gap *= 1.25
        y += gap
    # a small boat
    bx, by = w * rng.uniform(0.35, 0.6), horizon + (h - horizon) * rng.uniform(0.35, 0.6)
    bl = w * 0.08
    draw.polygon([(bx, by), (bx + bl, by), (bx + bl * 0.85, by + bl * 0.12),
                  (bx + bl * 0.15, by + bl * 0.12)], fill=(70, 50, 35))
    draw.rectangle((bx + bl * 0.35, by - bl * 0.12, bx + bl * 0.65, by), fill=bank)


def _grain(img, rng):
    """Film grain from a seeded noise tile (Pillow's own noise is not seeded)."""
    tile = 128
    noise = Image.frombytes("L", (tile, tile), rng.randbytes(tile * tile))
    noise = noise.point(lambda v: 128 + (v - 128) // 6)
    layer = Image.new("L", img.size)
    for x in range(0, img.width, tile):
        for y in range(0, img.height, tile):
            layer.paste(noise, (x, y))
    return ImageChops.soft_light(img, Image.merge("RGB", (layer, layer, layer)))


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------

_FONT_FILES = (
    "DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


@lru_cache(maxsize=8)
def _font(size: int):
    """A TrueType font with Vietnamese glyphs if the system has one."""
    for name in _FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words, line = paragraph.split(), ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


_PDF_LINES = (
    "Tài liệu minh họa dùng cho cổng thông tin trình diễn; nội dung và số liệu là giả định.",
    "Các cơ quan, đơn vị và cá nhân nêu trong tài liệu đều là hư cấu.",
)


def pdf_document(title: str, lines: tuple[str, ...] | list[str] | None = None) -> bytes:
    """A one-page A4 PDF with `title` and a few lines, drawn as an image (valid PDF 1.4)."""
    out = io.BytesIO()
    # no creation or modification date, so the bytes never change
    _pdf_page(title, lines).save(out, "PDF", resolution=100.0, title=title,
                                 creationDate=None, modDate=None)
    return out.getvalue()


def _pdf_page(title: str, lines) -> Image.Image:
    width, height = 827, 1169  # A4 at 100 dpi
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    small, body, heading = _font(18), _font(20), _font(30)
    margin = 80

    header = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    y = 70
    for text in header:
        x = (width - draw.textlength(text, font=small)) / 2
        draw.text((x, y), text, font=small, fill=(0, 0, 0))
        y += 28
    draw.line((width / 2 - 110, y + 2, width / 2 + 110, y + 2), fill=(0, 0, 0), width=1)

    y += 70
    for line in _wrap(draw, title.upper(), heading, width - 2 * margin):
        x = (width - draw.textlength(line, font=heading)) / 2
        draw.text((x, y), line, font=heading, fill=(150, 20, 20))
        y += 42
    y += 30

    for paragraph in lines if lines is not None else _PDF_LINES:
        for line in _wrap(draw, paragraph, body, width - 2 * margin):
            draw.text((margin, y), line, font=body, fill=(30, 30, 30))
            y += 30
        y += 12

    # grey bars standing in for the rest of the text
    bars = random.Random(title)
    y += 20
    while y < height - 160:
        end = width - margin - (bars.randint(0, 260) if bars.random() < 0.25 else 0)
        draw.rectangle((margin, y, end, y + 9), fill=(215, 215, 215))
        y += 26
    note = _wrap(draw, title, small, width - 2 * margin)
    footer = note[0] + (" …" if len(note) > 1 else "")
    draw.text((margin, height - 90), footer, font=small, fill=(120, 120, 120))
    return page
