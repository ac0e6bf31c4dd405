from doithoai.followup.tests.conftest import (  # noqa: F401 - shared fixtures
    demo_round,
    issue,
    make_issue,
    outbox,
    qldt,
    tnmt,
    users,
)
