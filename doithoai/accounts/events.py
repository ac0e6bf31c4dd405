"""Event actions of the accounts app, as `Event.action` stores them: never change a value."""

from enum import StrEnum


class AccountEvents(StrEnum):
    USER_CREATED = "user.created"
    MEMBERSHIP_GRANTED = "membership.granted"
    MEMBERSHIP_REVOKED = "membership.revoked"
    API_TOKEN_CREATED = "api_token.created"  # noqa: S105 (an event name)
    API_TOKEN_REVOKED = "api_token.revoked"  # noqa: S105 (an event name)
    LOGIN_LOCKED_OUT = "login.locked_out"
    LOGIN_UNLOCKED = "login.unlocked"
    SESSIONS_ENDED = "sessions.ended"
    SECOND_FACTOR_ENROLLED = "second_factor.enrolled"
    SECOND_FACTOR_FAILED = "second_factor.failed"
    SECOND_FACTOR_RECOVERY_CODE_USED = "second_factor.recovery_code_used"
    SECOND_FACTOR_CODES_REGENERATED = "second_factor.codes_regenerated"
    SECOND_FACTOR_RESET = "second_factor.reset"
