"""No tracking code in a log line (issue 15, item 1): the filter on every handler of LOGGING."""

import io
import logging

from config.settings import base
from doithoai.core.logfilters import MASK, RedactTrackingCodes, redact


def _logged(message: str, *args: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactTrackingCodes())
    logger = logging.getLogger("doithoai.tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning(message, *args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_codes_and_the_lookup_parameter_are_masked():
    line = _logged('"GET %s HTTP/1.1" %s', "/api/v1/public/petitions/K7M-4P0-QX1C", 404)
    assert "K7M-4P0-QX1C" not in line and MASK in line and "404" in line
    line = _logged("Not Found: %s", "/tra-cuu/?ma=k7m4p0qx1c&x=1")
    assert "k7m4p0qx1c" not in line and "ma=***&x=1" in line
    assert redact("/kien-nghi/k7m-4p0-qx1c/da-gui/") == f"/kien-nghi/{MASK}/da-gui/"
    # what is not shaped like a code stays as it was
    assert redact("GET /staff/kien-nghi/12345/ 200 2026-12-07") == (
        "GET /staff/kien-nghi/12345/ 200 2026-12-07"
    )


def test_every_handler_and_the_development_servers_lines_go_through_the_filter():
    config = base.LOGGING
    assert config["filters"]["no_codes"]["()"] == "doithoai.core.logfilters.RedactTrackingCodes"
    assert all("no_codes" in h.get("filters", []) for h in config["handlers"].values())
    assert config["loggers"]["django.server"]["handlers"] == ["console"]
