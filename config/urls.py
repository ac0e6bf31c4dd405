from django.contrib import admin
from django.urls import include, path

from config.api import api
from doithoai.core import health
from doithoai.core import views as core_views

handler404 = "doithoai.core.api.not_found"
handler500 = "doithoai.core.health.server_error"

urlpatterns = [
    path("", core_views.public_home, name="public-home"),
    path("healthz/live", health.live, name="health-live"),
    path("healthz/ready", health.ready, name="health-ready"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("ngon-ngu/<str:code>/", core_views.language_switch, name="language-switch"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("doithoai.accounts.urls")),
    path("", include("doithoai.petitions.urls")),
    path("", include("doithoai.synthesis.urls")),
    path("", include("doithoai.followup.urls")),
    path("", include("doithoai.portal.urls")),
    path("", include("doithoai.dialogues.urls")),
    path("", include("doithoai.reports.urls")),
    path("", include("doithoai.documents.urls")),
    path("", include("doithoai.dataprotection.urls")),
    path("", include("doithoai.core.urls_jobs")),
]
# No URL serves MEDIA_ROOT: uploads leave only through permission-checked download views.
