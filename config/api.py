from typing import Any

from ninja import NinjaAPI

from doithoai.core.api import document_problems, install_problem_handlers
from doithoai.dialogues.api import router as dialogues
from doithoai.followup.api import router as followup
from doithoai.petitions.api import public_router as petitions_public
from doithoai.petitions.api import router as petitions
from doithoai.portal.api import router as portal_public
from doithoai.synthesis.api import router as synthesis


class DocumentedAPI(NinjaAPI):
    """The API whose OpenAPI document also lists every problem answer (core.api)."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return document_problems(super().get_openapi_schema(**kwargs))


api = DocumentedAPI(
    title="doithoai API",
    version="1",
    description=(
        "Petitions and dialogues of Vietnamese local governments. Errors are RFC 7807 problem+json."
    ),
    urls_namespace="api-v1",
    docs_url="/docs",
)
install_problem_handlers(api)
api.add_router("/petitions", petitions)
api.add_router("/public", petitions_public)
api.add_router("/synthesis", synthesis)
api.add_router("/dialogues", dialogues)
api.add_router("/followup", followup)
api.add_router("/public/results", portal_public)
