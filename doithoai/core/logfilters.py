"""Log lines never carry a tracking code (the petitioner's secret, docs/security.md).

The pages take codes only in POST bodies, but a code can still reach a log line: a client that
puts one in a URL (an old notification link, the public API's lookup path) is logged by the
development server and by Django's "Not Found" warnings. This filter, on every handler of
LOGGING, masks anything shaped like a code (three, three and four letters or digits joined by
dashes) and the value of a `ma=` query parameter before the line is written."""

import logging
import re

CODE = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]{3}-[0-9A-Za-z]{3}-[0-9A-Za-z]{4}(?![0-9A-Za-z])")
QUERY = re.compile(r"([?&]ma=)[^&#\s\"']*", re.IGNORECASE)
MASK = "***-***-****"


def redact(text: str) -> str:
    return QUERY.sub(r"\1***", CODE.sub(MASK, text))


class RedactTrackingCodes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True
