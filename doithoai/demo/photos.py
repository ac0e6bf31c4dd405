"""Small photos for the demo's petitions, drawn at load time with Pillow (a dependency of the
application): a pothole, rubbish by the road, a dark street light, a blocked drain, a notice on
a ward's board. Each goes through the same checks as an upload
(`petitions.attachments.check_upload`)."""

import io
from collections.abc import Callable

from PIL import Image, ImageDraw

from doithoai.petitions.attachments import CheckedFile, check_upload

SIZE = (320, 240)
SKY, ROAD, GRASS = (170, 200, 225), (105, 105, 110), (95, 140, 80)


def _scene() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", SIZE, SKY)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 110, 320, 240), fill=GRASS)
    draw.polygon([(120, 110), (200, 110), (320, 240), (0, 240)], fill=ROAD)
    return image, draw


def _pothole(draw: ImageDraw.ImageDraw) -> None:
    draw.ellipse((110, 170, 220, 215), fill=(60, 55, 50), outline=(40, 35, 30), width=3)
    draw.ellipse((130, 180, 200, 205), fill=(120, 140, 160))  # rain water in the hole


def _rubbish(draw: ImageDraw.ImageDraw) -> None:
    for n, colour in enumerate([(200, 60, 60), (230, 230, 230), (60, 60, 200), (240, 200, 40)]):
        x = 20 + n * 22
        draw.rectangle((x, 150 - n * 6, x + 34, 190), fill=colour, outline=(30, 30, 30))
    draw.ellipse((10, 175, 110, 215), fill=(80, 70, 50))


def _street_light(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 0, 320, 110), fill=(25, 30, 55))  # night
    draw.rectangle((250, 30, 258, 200), fill=(70, 70, 70))
    draw.line((254, 32, 215, 32), fill=(70, 70, 70), width=6)
    draw.ellipse((200, 28, 222, 44), fill=(60, 60, 60), outline=(20, 20, 20))  # lamp off


def _drain(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((30, 200, 290, 225), fill=(70, 90, 70), outline=(40, 40, 40), width=2)
    for x in range(40, 290, 18):
        draw.line((x, 200, x, 225), fill=(40, 40, 40), width=3)
    draw.ellipse((0, 150, 320, 205), fill=(125, 110, 85))  # standing muddy water


def _notice(draw: ImageDraw.ImageDraw) -> None:
    """The plan's notice pinned on a ward's board."""
    draw.rectangle((60, 20, 260, 200), fill=(120, 80, 50))
    draw.rectangle((75, 35, 245, 185), fill=(250, 248, 240))
    draw.rectangle((95, 45, 225, 55), fill=(180, 30, 30))
    for y in range(70, 175, 12):
        draw.line((90, y, 230, y), fill=(60, 60, 60), width=2)


SCENES: dict[str, Callable[[ImageDraw.ImageDraw], None]] = {
    "o-ga": _pothole,
    "rac-thai": _rubbish,
    "den-duong": _street_light,
    "cong-thoat-nuoc": _drain,
    "thong-bao": _notice,
}


def demo_photo(scene: str, fmt: str = "JPEG") -> CheckedFile:
    """One photo of `scene` (a key of SCENES) as JPEG or PNG, checked like an upload."""
    image, draw = _scene()
    SCENES[scene](draw)
    out = io.BytesIO()
    image.save(out, format=fmt, quality=80)
    extension = "jpg" if fmt == "JPEG" else "png"
    return check_upload(f"{scene}.{extension}", out.getvalue())
