"""Seal images: an upload made red on transparent, and the demo's round seals (Pillow)."""

import io
import math

from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageOps, UnidentifiedImageError

from office.errors import DomainError
from office.pdf import FANDOL_DIR

RED = (230, 0, 18)  # 印章用红色
SIZE = 600  # pixels of the stored image (square)


def normalise(data: bytes) -> bytes:
    """The uploaded picture of a seal as a square red-on-transparent PNG: whatever ink the
    scan shows (dark or coloured on white) becomes opaque red, the paper transparent."""
    from django.utils.translation import gettext as _

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DomainError(_("The seal image could not be read: upload a PNG or JPEG.")) from exc
    if image.width < 100 or image.height < 100:
        raise DomainError(_("The seal image is too small: at least 100 × 100 pixels."))
    image = ImageOps.exif_transpose(image).convert("RGBA")
    side = max(image.width, image.height)
    square = Image.new("RGBA", (side, side), (255, 255, 255, 0))
    square.paste(image, ((side - image.width) // 2, (side - image.height) // 2))
    square = square.resize((SIZE, SIZE), Image.LANCZOS)
    red, green, blue, alpha = square.split()
    # Ink: how far the pixel is from white (its weakest channel), times its own opacity.
    ink = ImageChops.invert(ImageChops.darker(ImageChops.darker(red, green), blue))
    opacity = ImageChops.multiply(ink, alpha)
    out = Image.new("RGBA", square.size, (*RED, 0))
    out.putalpha(opacity)
    buffer = io.BytesIO()
    out.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _font(size: int):
    path = FANDOL_DIR / "FandolSong-Bold.otf"
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def demo_seal(organisation: str, label: str = "") -> bytes:
    """A round red seal: the organisation's name around the top, a star, the label below."""
    image = Image.new("RGBA", (SIZE, SIZE), (*RED, 0))
    draw = ImageDraw.Draw(image)
    margin, width = 12, 16
    draw.ellipse((margin, margin, SIZE - margin, SIZE - margin), outline=(*RED, 255), width=width)
    _star(draw, SIZE / 2, SIZE / 2, 95)
    font = _font(64)
    radius = SIZE / 2 - margin - width - 50
    count = len(organisation)
    spread = min(240, 26 * count)  # degrees the name spans over the top
    for index, char in enumerate(organisation):
        angle = -90 - spread / 2 + spread * (index + 0.5) / count
        rad = math.radians(angle)
        glyph = Image.new("RGBA", (90, 90), (*RED, 0))
        ImageDraw.Draw(glyph).text((45, 45), char, font=font, fill=(*RED, 255), anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = SIZE / 2 + radius * math.cos(rad) - 45
        y = SIZE / 2 + radius * math.sin(rad) - 45
        image.alpha_composite(glyph, (round(x), round(y)))
    if label:
        draw.text((SIZE / 2, SIZE * 0.74), label, font=_font(48), fill=(*RED, 255), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _star(draw, cx: float, cy: float, r: float) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.radians(-90 + i * 36)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=(*RED, 255))
