"""The organisations of Bắc Kạn city (2016) named by the seed's plan, and one login per role."""

from dataclasses import dataclass

from doithoai.accounts.models import Role, User
from doithoai.accounts.services import membership_grant, user_create
from doithoai.units.models import Organisation, OrganisationKind, Scheme, Unit
from doithoai.units.services import organisation_ensure

DEMO_PASSWORD = "doithoai-demo"  # noqa: S105 - published demo credential, demo data only
CITY_CODE = "058"  # Thành phố Bắc Kạn, Decision 124/2004/QĐ-TTg
DUC_XUAN_CODE = "01840"
THAI_NGUYEN_CODE = "19"  # Decision 19/2025/QĐ-TTg

CITY_ORGANISATIONS = [
    (OrganisationKind.PEOPLES_COMMITTEE, "ubnd", "Ủy ban nhân dân thành phố Bắc Kạn", "UBND"),
    (OrganisationKind.PEOPLES_COUNCIL, "hdnd", "Hội đồng nhân dân thành phố Bắc Kạn", "HĐND"),
    (OrganisationKind.PARTY_COMMITTEE, "thanh_uy", "Thành ủy Bắc Kạn", "TU"),
    (OrganisationKind.FATHERLAND_FRONT, "mttq", "Ủy ban MTTQ Việt Nam thành phố Bắc Kạn", "MTTQ"),
    (OrganisationKind.OFFICE, "vp", "Văn phòng HĐND và UBND thành phố", "VP"),
    (OrganisationKind.DEPARTMENT, "qldt", "Phòng Quản lý đô thị", "QLĐT"),
    (OrganisationKind.DEPARTMENT, "tnmt", "Phòng Tài nguyên và Môi trường", "TNMT"),
    (OrganisationKind.DEPARTMENT, "tckh", "Phòng Tài chính - Kế hoạch", "TCKH"),
    (OrganisationKind.DEPARTMENT, "kinh_te", "Phòng Kinh tế", "KT"),
    (OrganisationKind.DEPARTMENT, "ldtbxh", "Phòng Lao động - Thương binh và Xã hội", "LĐTBXH"),
    (OrganisationKind.DEPARTMENT, "vhtt", "Phòng Văn hóa và Thông tin", "VHTT"),
    (OrganisationKind.DEPARTMENT, "gpmb", "Ban Bồi thường, giải phóng mặt bằng", "GPMB"),
    (OrganisationKind.DEPARTMENT, "yte", "Phòng Y tế", "YT"),
    (OrganisationKind.DEPARTMENT, "gddt", "Phòng Giáo dục và Đào tạo", "GDĐT"),
    (OrganisationKind.DEPARTMENT, "tu_phap", "Phòng Tư pháp", "TP"),
    (OrganisationKind.DEPARTMENT, "cong_an", "Công an thành phố Bắc Kạn", "CA"),
    (OrganisationKind.SOCIO_POLITICAL, "hoi_phu_nu", "Hội Liên hiệp Phụ nữ thành phố", "HLHPN"),
    (OrganisationKind.SOCIO_POLITICAL, "doan_tn", "Thành đoàn Bắc Kạn", "ĐTN"),
    (OrganisationKind.PRESS, "bao_bac_kan", "Báo Bắc Kạn", "BBK"),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    role: str
    organisation_code: str
    unit_code: str = CITY_CODE
    scheme: str = Scheme.LEGACY_2004


DEMO_LOGINS = [
    DemoLogin("vanphong", "Nguyễn Thị Hoa", Role.SECRETARIAT, "vp"),
    DemoLogin("lanhdao", "Hoàng Văn Minh", Role.LEADER, "ubnd"),
    DemoLogin("mttq", "Lường Thị Mai", Role.MTTQ_OFFICER, "mttq"),
    DemoLogin("phuong", "Đặng Văn Tú", Role.WARD_OFFICER, "ubnd", DUC_XUAN_CODE),
    DemoLogin("chuyenvien", "Nông Văn Thắng", Role.DEPARTMENT_OFFICER, "qldt"),
    DemoLogin("truongphong", "Triệu Thị Lan", Role.DEPARTMENT_HEAD, "qldt"),
    DemoLogin("baochi", "Phan Minh Đức", Role.PRESS, "bao_bac_kan"),
    DemoLogin("quantri", "Quản trị hệ thống", Role.ADMINISTRATOR, "vp"),
    DemoLogin("baove", "Ma Thị Thu", Role.DATA_PROTECTION_OFFICER, "vp"),
    # Today's officer: the Thái Nguyên provincial office, whose area includes Bắc Kạn (2016).
    DemoLogin("tinh", "Vi Thị Hạnh", Role.SECRETARIAT, "vp", THAI_NGUYEN_CODE, Scheme.CURRENT_2025),
]


def city() -> Unit:
    return Unit.objects.get(scheme=Scheme.LEGACY_2004, code=CITY_CODE)


def demo_organisations() -> dict[str, Organisation]:
    city_unit = city()
    orgs = {}
    for kind, code, name, short in CITY_ORGANISATIONS:
        orgs[code] = organisation_ensure(
            unit=city_unit, kind=kind, code=code, name=name, short_name=short
        )
    for ward in city_unit.children.all():
        organisation_ensure(
            unit=ward,
            kind=OrganisationKind.PEOPLES_COMMITTEE,
            code="ubnd",
            name=f"UBND {ward.name}",
            short_name="UBND",
            parent=orgs["ubnd"],
        )
        organisation_ensure(
            unit=ward,
            kind=OrganisationKind.FATHERLAND_FRONT,
            code="mttq",
            name=f"Ủy ban MTTQ {ward.name}",
            short_name="MTTQ",
            parent=orgs["mttq"],
        )
    province = Unit.objects.get(scheme=Scheme.CURRENT_2025, code=THAI_NGUYEN_CODE)
    organisation_ensure(
        unit=province,
        kind=OrganisationKind.PEOPLES_COMMITTEE,
        code="ubnd",
        name="Ủy ban nhân dân tỉnh Thái Nguyên",
        short_name="UBND",
    )
    organisation_ensure(
        unit=province,
        kind=OrganisationKind.OFFICE,
        code="vp",
        name="Văn phòng UBND tỉnh Thái Nguyên",
        short_name="VP",
    )
    return orgs


def demo_logins() -> list[DemoLogin]:
    for login in DEMO_LOGINS:
        user = User.objects.filter(username=login.username).first()
        if user is None:
            user = user_create(
                actor=None,
                username=login.username,
                password=DEMO_PASSWORD,
                full_name=login.full_name,
                email=f"{login.username}@demo.doithoai.local",
            )
        org = Organisation.objects.get(
            unit__scheme=login.scheme,
            unit__code=login.unit_code,
            code=login.organisation_code,
        )
        membership_grant(actor=None, user=user, organisation=org, role=login.role)
        if login.role == Role.ADMINISTRATOR and not user.is_staff:
            user.is_staff = True
            user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
    return DEMO_LOGINS


# The full demo's other departments: an officer (cv_<code>) and a head (tp_<code>) each, so that
# every department can answer what is assigned to it. Not in the login table (same password).
STAFF_DEPARTMENTS = ["tnmt", "kinh_te", "gpmb", "vp", "ldtbxh", "vhtt", "cong_an", "gddt", "yte"]
STAFF_FAMILY = ["Lý", "Hà", "Đàm", "Ma", "Bế", "Lục", "Phạm", "Nguyễn", "Vi"]
STAFF_GIVEN = [("Văn Quang", "Thị Xuân"), ("Văn Hải", "Thị Thoa"), ("Đức Thịnh", "Thị Mến")]


def demo_department_staff() -> dict[str, tuple[User, User]]:
    """Officer and head of each department of STAFF_DEPARTMENTS (QLĐT has chuyenvien and
    truongphong), created once: {code: (officer, head)}."""
    found: dict[str, tuple[User, User]] = {}
    for n, code in enumerate(STAFF_DEPARTMENTS):
        org = Organisation.objects.get(unit=city(), code=code)
        pair = []
        for prefix, role, given in (
            ("cv", Role.DEPARTMENT_OFFICER, STAFF_GIVEN[n % 3][0]),
            ("tp", Role.DEPARTMENT_HEAD, STAFF_GIVEN[n % 3][1]),
        ):
            username = f"{prefix}_{code}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user = user_create(
                    actor=None,
                    username=username,
                    password=DEMO_PASSWORD,
                    full_name=f"{STAFF_FAMILY[n]} {given}",
                    email=f"{username}@demo.doithoai.local",
                )
                membership_grant(actor=None, user=user, organisation=org, role=role)
            pair.append(user)
        found[code] = (pair[0], pair[1])
    found["qldt"] = (
        User.objects.get(username="chuyenvien"),
        User.objects.get(username="truongphong"),
    )
    return found
