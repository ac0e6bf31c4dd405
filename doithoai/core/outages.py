"""What a database outage looks like to the application, and what may be logged about one."""

from django.db import InterfaceError, OperationalError

# The database server went away, restarts, or refuses connections: the service is whole again
# once it is back (persistent connections are health-checked, CONN_HEALTH_CHECKS).
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def outage_summary(error: BaseException) -> str:
    """What a log line may say about a database error: its class and SQLSTATE, nothing else
    (a message can quote a row's values, the server's address or a query)."""
    cause = error.__cause__ or error
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    return f"{type(error).__name__}" + (f" sqlstate={state}" if state else "")
