"""What each role can reach from the staff home and the public home: one explicit list."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from doithoai.accounts.policies import is_administrator, is_staff_member


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    allowed: Callable[[Any], bool]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


def _always(user: Any) -> bool:
    return True


def _has_area(user: Any) -> bool:
    from doithoai.petitions.policies import area_of

    return bool(area_of(user))


def _lists_petitions(user: Any) -> bool:
    from doithoai.petitions.policies import visible_petitions_q

    return visible_petitions_q(user) is not None


def _sees_board(user: Any) -> bool:
    from doithoai.synthesis.selectors import rounds_for_board

    return bool(rounds_for_board(user=user))


def _sees_reports(user: Any) -> bool:
    from doithoai.reports.policies import can_view_reports

    return can_view_reports(user)


def _follows_up(user: Any) -> bool:
    from doithoai.accounts.policies import area_ids
    from doithoai.followup.policies import OVERSIGHT_ROLES, department_ids

    return bool(department_ids(user)) or bool(area_ids(user, *OVERSIGHT_ROLES))


def _supervises(user: Any) -> bool:
    from doithoai.followup.policies import supervised_unit_ids

    return bool(supervised_unit_ids(user))


def _handles_letters(user: Any) -> bool:
    from doithoai.followup.policies import letter_unit_ids

    return bool(letter_unit_ids(user))


def _manages_topics(user: Any) -> bool:
    from doithoai.petitions.policies import can_manage_topics

    return can_manage_topics(user)


def _sees_rounds(user: Any) -> bool:
    from doithoai.dialogues.policies import visible_rounds_q

    return visible_rounds_q(user) is not None


def _has_plan_tasks(user: Any) -> bool:
    from doithoai.dialogues.selectors import tasks_of

    return tasks_of(user=user).exists()


STAFF_LINKS: list[Link] = [
    Link(_("Tổng hợp, phân loại: bảng vấn đề"), "synthesis-index", _sees_board),
    Link(_("Kỳ đối thoại: kế hoạch, hội nghị"), "dialogue-index", _sees_rounds),
    Link(_("Nhiệm vụ của tôi trong kế hoạch đối thoại"), "dialogue-my-tasks", _has_plan_tasks),
    Link(_("Kiến nghị, phản ánh"), "petition-list", _lists_petitions),
    Link(_("Nhập kiến nghị"), "petition-new-staff", _has_area),
    Link(_("Danh mục lĩnh vực"), "topic-list", _manages_topics),
    Link(_("Báo cáo, thống kê"), "reports-dashboard", _sees_reports),
    Link(_("Theo dõi giải quyết, trả lời"), "followup-work", _follows_up),
    Link(_("Giám sát của Mặt trận Tổ quốc"), "followup-supervision", _supervises),
    Link(_("Thư trả lời cần chuyển đến người gửi"), "followup-letters", _handles_letters),
    Link(_("Khóa API"), "api-token-list", is_staff_member),
    Link(_("Tài khoản của tôi: xác thực hai lớp, phiên đăng nhập"), "account", is_staff_member),
    Link(_("Khóa đăng nhập"), "login-lockouts", is_administrator),
    Link(_("Quản trị danh mục, người dùng"), "admin:index", is_administrator),
]

PUBLIC_LINKS: list[Link] = [
    Link(_("Gửi kiến nghị, phản ánh"), "petition-new-public", _always),
    Link(_("Tra cứu kết quả bằng mã"), "petition-lookup", _always),
    Link(_("Kết quả giải quyết kiến nghị"), "portal-results", _always),
    Link(_("Phản hồi: vấn đề chưa được giải quyết"), "followup-feedback", _always),
]


def _reachable(links: list[Link], user: Any) -> list[Link]:
    out = []
    for link in links:
        try:
            link.url  # noqa: B018 - skip links whose app is not installed
        except NoReverseMatch:
            continue
        if link.allowed(user):
            out.append(link)
    return out


def staff_links(user: Any) -> list[Link]:
    return _reachable(STAFF_LINKS, user)


def public_links(user: Any) -> list[Link]:
    return _reachable(PUBLIC_LINKS, user)
