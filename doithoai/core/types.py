"""Types shared by every app. `AnyUser` is who a core helper is told acted: a user of any model
(core sits below accounts, so it does not name `accounts.User`); `accounts.types.Actor` is the
same for the apps above accounts."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

type AnyUser = AbstractBaseUser | AnonymousUser
