"""The follow-up's lines of "Việc đang chờ bạn" on the staff home (registered with
`core.worklist` in `FollowupConfig.ready()`): one COUNT each, from the work lists' own selectors,
each linking to the tab of the work list that shows that work."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext as _

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids
from doithoai.accounts.types import Actor
from doithoai.core.worklist import WorkItem
from doithoai.dialogues.models import Directive, DirectiveState
from doithoai.followup import policies, selectors
from doithoai.followup.choices import AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment


def _tab(key: str) -> str:
    return f"{reverse('followup-work')}?ds={key}"


def _department_officer(user: Actor) -> list[WorkItem]:
    mine = policies.department_ids(user, Role.DEPARTMENT_OFFICER)
    if not mine:
        return []
    undrafted = Assignment.objects.filter(lead_id__in=mine, state=AssignmentState.ACTIVE).filter(
        ~Exists(Answer.objects.filter(assignment=OuterRef("pk")))
    )
    returned = Answer.objects.filter(state=AnswerState.RETURNED, assignment__lead_id__in=mine)
    return [
        WorkItem(
            _("vấn đề, kiến nghị giao phòng chủ trì chưa có dự thảo trả lời"),
            undrafted.count(),
            _tab("viec"),
        ),
        WorkItem(_("dự thảo trả lời bị trả lại để sửa"), returned.count(), _tab("viec")),
    ]


def _department_head(user: Actor) -> list[WorkItem]:
    if not policies.department_ids(user, Role.DEPARTMENT_HEAD):
        return []
    return [
        WorkItem(
            _("dự thảo trả lời chờ bạn duyệt"),
            selectors.head_queue(user=user).count(),
            _tab("cho-duyet"),
        )
    ]


def _leader(user: Actor) -> list[WorkItem]:
    area = area_ids(user, Role.LEADER)
    if not area:
        return []
    extensions = Directive.objects.filter(
        state=DirectiveState.EXTENSION_REQUESTED, round__unit_id__in=area
    )
    return [
        WorkItem(
            _("trả lời chờ lãnh đạo UBND duyệt"),
            selectors.leader_queue(user=user).count(),
            _tab("lanh-dao-duyet"),
        ),
        WorkItem(_("đề nghị gia hạn chỉ đạo chờ quyết định"), extensions.count(), _tab("chi-dao")),
    ]


def _secretariat(user: Actor) -> list[WorkItem]:
    if not area_ids(user, Role.SECRETARIAT):
        return []
    return [
        WorkItem(
            _("trả lời đã duyệt chờ gửi và công khai"),
            selectors.publish_queue(user=user).count(),
            _tab("cong-khai"),
        ),
        WorkItem(
            _("vấn đề chưa giao cơ quan giải quyết"),
            selectors.unassigned_issues(user=user).count(),
            _tab("chua-giao"),
        ),
        WorkItem(
            _("vấn đề đã trả lời chờ ghi nhận kết quả giải quyết"),
            selectors.resolvable_issues(user=user).count(),
            _tab("ket-qua"),
        ),
    ]


def _mttq(user: Actor) -> list[WorkItem]:
    area = policies.supervised_unit_ids(user)
    if not area:
        return []
    done = Directive.objects.filter(state=DirectiveState.DONE, round__unit_id__in=area)
    return [
        WorkItem(
            _("vấn đề đã giải quyết chờ Mặt trận xác nhận"),
            selectors.verification_queue(user=user).count(),
            _tab("xac-nhan"),
        ),
        WorkItem(_("chỉ đạo đã hoàn thành chờ Mặt trận xác nhận"), done.count(), _tab("chi-dao")),
    ]


def followup_work(user: Actor) -> list[WorkItem]:
    return [
        *_department_officer(user),
        *_department_head(user),
        *_leader(user),
        *_secretariat(user),
        *_mttq(user),
    ]
