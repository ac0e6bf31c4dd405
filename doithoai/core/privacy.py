"""The personal-data check that guards every public text (issue titles, published answers).

A text may reach a public page only when a person confirmed it and `personal_data_findings`
finds nothing in it: names after an honorific (ông, bà, anh, chị…), phone numbers, e-mail
addresses, identity-card numbers and house numbers. Titles are also refused when they speak in
the first person ("nhà tôi…"), since a title names a concern, not a speaker.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_HONORIFIC = re.compile(
    r"(?<!\w)(ông|bà|anh|chị|cô|chú|bác|cụ|em|hộ ông|hộ bà|gia đình ông|gia đình bà)\s+(\w+)",
    re.IGNORECASE,
)
# Words after an honorific that name an office, not a person ("ông Chủ tịch").
_OFFICE_WORDS = {
    "chủ",
    "phó",
    "bí",
    "trưởng",
    "giám",
    "tổ",
    "thôn",
    "cán",
    "công",
    "đại",
    "bộ",
    "con",
}
_PHONE = re.compile(r"(?<!\d)(?:\+84|0084|0)(?:[\s.\-]?\d){8,10}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ID_NUMBER = re.compile(r"(?<!\d)(?:\d{12}|\d{9})(?!\d)")
_HOUSE_NUMBER = re.compile(
    r"(?<!\w)(?:số nhà|nhà số|nhà (?:tôi|em|mình|chúng tôi) số|căn (?:nhà|hộ) số)\s*\d+"
    r"|(?<!\w)số\s+\d+[\w/]*\s+(?:đường|phố|ngõ|ngách|hẻm|kiệt|tổ|khu)",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(
    r"(?<!\w)(tôi|chúng tôi|chúng em|nhà mình|gia đình mình|gia đình em)(?!\w)", re.IGNORECASE
)


@dataclass(frozen=True)
class Finding:
    kind: str
    fragment: str

    @property
    def message(self) -> str:
        labels = {
            "name": _("tên người sau danh xưng"),
            "phone": _("số điện thoại"),
            "email": _("địa chỉ thư điện tử"),
            "id_number": _("số định danh, chứng minh nhân dân"),
            "house_number": _("số nhà"),
            "first_person": _("lời xưng ngôi thứ nhất"),
        }
        return _("Có %(what)s: “%(fragment)s”.") % {
            "what": labels[self.kind],
            "fragment": self.fragment,
        }


def _names(text: str) -> list[Finding]:
    found = []
    for match in _HONORIFIC.finditer(text):
        word = match.group(2)
        if word[:1].isupper() and word.lower() not in _OFFICE_WORDS:
            found.append(Finding("name", match.group(0)))
    return found


def personal_data_findings(text: str) -> list[Finding]:
    """What in `text` could identify a person; empty when the text is fit for a public page."""
    text = text or ""
    found = _names(text)
    found += [Finding("email", m.group(0)) for m in _EMAIL.finditer(text)]
    without_emails = _EMAIL.sub(" ", text)
    found += [Finding("phone", m.group(0)) for m in _PHONE.finditer(without_emails)]
    without_phones = _PHONE.sub(" ", without_emails)
    found += [Finding("id_number", m.group(0)) for m in _ID_NUMBER.finditer(without_phones)]
    found += [Finding("house_number", m.group(0)) for m in _HOUSE_NUMBER.finditer(text)]
    return found


def title_findings(text: str) -> list[Finding]:
    """A public title: no personal data and no first person."""
    first_person = [Finding("first_person", m.group(0)) for m in _FIRST_PERSON.finditer(text)]
    return personal_data_findings(text) + first_person


def is_public_safe(text: str) -> bool:
    return not personal_data_findings(text)
