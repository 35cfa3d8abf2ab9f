"""Vietnamese demo content for the portal of the fictional district of Vân Khê.

Pure data plus a small deterministic generator: no Django, no database. The
district, its communes, its officials and every sentence here are invented.

`articles(now)` always returns the same articles (same keys, same titles, same
text) for the same `now`; only dates, and the words that follow from dates
(day/month in leads, years, seasons), move with `now`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
PHOTO_VARIANTS = 16  # images.photo_count(); every image index below is < this
WINDOW_DAYS = 150  # articles are spread over this many days before `now`


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    parent: str | None = None


@dataclass(frozen=True)
class Article:
    key: str
    section: str
    title: str
    published_at: datetime
    lead: str
    body: list[tuple[str, object]]
    image: int
    caption: str
    credit: str = ""
    authors: tuple[str, ...] = ()
    source: str = ""
    tags: tuple[str, ...] = ()


DISTRICT = "Vân Khê"
PROVINCE = "Lâm Hải"

SITE: dict = {
    "name": "Cổng thông tin điện tử huyện Vân Khê",
    "agency": "Ủy ban nhân dân huyện Vân Khê",
    "agency_tag": "VKP",
    "address": "Số 18 đường Lê Lợi, thị trấn Vân Khê, huyện Vân Khê, tỉnh Lâm Hải",
    "phone": "0200 3 868 115",
    "email": "bbt@vankhe.example",
    "editor_in_chief": "Đỗ Quang Vĩnh – Chánh Văn phòng HĐND và UBND huyện",
    "licence": "Giấy phép số 27/GP-TTĐT do Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Hải "
               "cấp ngày 14/05/2024",
}

# The contact page (`/lien-he/`); the address, phone and e-mail come from SITE.
CONTACT: dict = {
    "title": "Liên hệ",
    "slug": "lien-he",
    "intro": (
        "<p>Ban biên tập Cổng thông tin điện tử huyện Vân Khê tiếp nhận tin bài, ảnh, "
        "ý kiến góp ý và phản ánh của người dân, doanh nghiệp qua thư điện tử hoặc điện "
        "thoại dưới đây, trong giờ hành chính từ thứ Hai đến thứ Sáu.</p>"
        "<p>Công dân đến làm thủ tục hành chính xin liên hệ Bộ phận Một cửa ở tầng một "
        "trụ sở Ủy ban nhân dân huyện. Thư gửi Ban biên tập xin ghi rõ họ tên và số điện "
        "thoại để chúng tôi trả lời khi cần.</p>"
    ),
}

SECTIONS: list[Section] = [
    Section(
        "tin-tuc-su-kien",
        "Tin tức - Sự kiện",
        "Tin thời sự và các sự kiện chính trị, kinh tế, văn hóa nổi bật trên địa bàn huyện.",
    ),
    Section(
        "xay-dung-dang",
        "Xây dựng Đảng",
        "Hoạt động của Đảng bộ huyện và các tổ chức cơ sở đảng: tổ chức, kiểm tra, "
        "tuyên giáo và dân vận.",
    ),
    Section(
        "chinh-quyen",
        "Chính quyền",
        "Hoạt động của HĐND, UBND huyện và các xã, thị trấn; cải cách hành chính, "
        "tiếp công dân.",
    ),
    Section(
        "kinh-te",
        "Kinh tế",
        "Sản xuất nông nghiệp, công nghiệp, thương mại, đầu tư và thu ngân sách của huyện.",
    ),
    Section(
        "nong-thon-moi",
        "Nông thôn mới",
        "Kết quả xây dựng nông thôn mới nâng cao, kiểu mẫu và những mô hình sản xuất "
        "hiệu quả ở cơ sở.",
        parent="kinh-te",
    ),
    Section(
        "van-hoa-xa-hoi",
        "Văn hóa - Xã hội",
        "Giáo dục, y tế, văn hóa, thể thao, lễ hội và chính sách an sinh xã hội.",
    ),
    Section(
        "quoc-phong-an-ninh",
        "Quốc phòng - An ninh",
        "Công tác quân sự địa phương, phòng, chống thiên tai và giữ gìn an ninh, "
        "trật tự ở cơ sở.",
    ),
]

_KEY_PREFIX = {
    "tin-tuc-su-kien": "tin-tuc",
    "xay-dung-dang": "xd-dang",
    "chinh-quyen": "chinh-quyen",
    "kinh-te": "kinh-te",
    "nong-thon-moi": "ntm",
    "van-hoa-xa-hoi": "vhxh",
    "quoc-phong-an-ninh": "qpan",
}

# --------------------------------------------------------------------------
# People and places (all invented)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Official:
    name: str
    role: str

    @property
    def full(self) -> str:
        """`đồng chí Trần Quốc Hưng, Bí thư Huyện ủy`"""
        return f"đồng chí {self.name}, {self.role}"

    @property
    def short(self) -> str:
        return f"đồng chí {self.name}"

    @property
    def Full(self) -> str:  # noqa: N802 - sentence-initial form of `full`
        return f"Đồng chí {self.name}, {self.role}"

    @property
    def Short(self) -> str:  # noqa: N802 - sentence-initial form of `short`
        return f"Đồng chí {self.name}"


BT = _Official("Trần Quốc Hưng", "Bí thư Huyện ủy")
PBT = _Official("Nguyễn Thị Thanh Hương", "Phó Bí thư Thường trực Huyện ủy")
CT = _Official("Phạm Văn Khải", "Phó Bí thư Huyện ủy, Chủ tịch UBND huyện")
PCT1 = _Official("Đỗ Minh Tuấn", "Phó Chủ tịch UBND huyện")
PCT2 = _Official("Lương Thị Hạnh", "Phó Chủ tịch UBND huyện")
CTHD = _Official("Vũ Đình Toàn", "Chủ tịch HĐND huyện")
MTTQ = _Official("Hà Thị Kim Oanh", "Chủ tịch Ủy ban MTTQ Việt Nam huyện")
TC = _Official("Bùi Văn Sơn", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy")
UBKT = _Official("Đinh Công Lực", "Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy")
TG = _Official("Lại Thu Trang", "Trưởng Ban Tuyên giáo và Dân vận Huyện ủy")
CA = _Official("Ngô Quang Hải", "Trưởng Công an huyện")
QS = _Official("Lê Văn Bình", "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện")
NN = _Official("Hoàng Văn Lợi", "Trưởng phòng Nông nghiệp và Môi trường huyện")
GD = _Official("Nguyễn Thị Mai", "Trưởng phòng Giáo dục và Đào tạo huyện")
YT = _Official("Trịnh Văn Nam", "Giám đốc Trung tâm Y tế huyện")


@dataclass(frozen=True)
class _Place:
    kind: str  # "xã" or "thị trấn"
    name: str
    secretary: str  # Bí thư Đảng ủy
    chairman: str  # Chủ tịch UBND
    villages: tuple[str, ...]

    @property
    def full(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def cap(self) -> str:
        return self.full[0].upper() + self.full[1:]


TOWN = _Place(
    "thị trấn", "Vân Khê", "Nguyễn Văn Hòa", "Lê Thị Thu Thủy",
    ("tổ dân phố Bắc Sơn", "tổ dân phố Chợ", "tổ dân phố Đồng Xanh"),
)
COMMUNES = (
    _Place("xã", "Tân Lập", "Phạm Đức Mạnh", "Trần Văn Quý",
           ("thôn Đông", "thôn Tân Hòa", "thôn Cầu Đá")),
    _Place("xã", "Đông Phong", "Hoàng Thị Yến", "Vũ Văn Khánh",
           ("thôn Phong Lai", "thôn Đồng Chùa", "thôn Bãi Sậy")),
    _Place("xã", "An Mỹ", "Đặng Minh Châu", "Ngô Văn Thuận",
           ("thôn An Thượng", "thôn An Hạ", "thôn Mỹ Lộc")),
    _Place("xã", "Phú Thịnh", "Đỗ Văn Tiến", "Bùi Thị Hằng",
           ("thôn Phú Xuân", "thôn Thịnh Đạt", "thôn Gò Găng")),
    _Place("xã", "Hòa Xuân", "Phan Văn Lộc", "Dương Thị Nhung",
           ("thôn Xuân Hòa", "thôn Trại Mới", "thôn Đồng Sen")),
    _Place("xã", "Yên Trạch", "Lý Văn Tài", "Cao Thị Hoa",
           ("thôn Yên Thái", "thôn Trạch Lâm", "thôn Khê Thượng")),
    _Place("xã", "Quảng Lợi", "Mai Văn Thành", "Trịnh Thị Loan",
           ("thôn Quảng Bá", "thôn Lợi Hòa", "thôn Bến Đò")),
    _Place("xã", "Minh Tân", "Tạ Văn Hiếu", "Kiều Thị Ngân",
           ("thôn Minh Khai", "thôn Tân Phú", "thôn Ao Sen")),
    _Place("xã", "Kim Lũy", "Lưu Đức Toàn", "Chu Văn Sáng",
           ("thôn Kim Lan", "thôn Lũy Bắc", "thôn Đồng Cốc")),
    _Place("xã", "Liên Châu", "Quách Thị Duyên", "Đoàn Văn Phúc",
           ("thôn Châu Thành", "thôn Liên Hiệp", "thôn Bãi Bồi")),
    _Place("xã", "Văn Phú", "Nông Thị Huế", "Hà Văn Định",
           ("thôn Văn Giáp", "thôn Phú Mỹ", "thôn Núi Hồng")),
    _Place("xã", "Đại Đồng", "Tô Thị Bích", "Lâm Văn Cường",
           ("thôn Đại Thắng", "thôn Đồng Tâm", "thôn Gò Mít")),
    _Place("xã", "Thủy Lâm", "Phùng Thị Hiền", "Khúc Văn Tư",
           ("thôn Thủy Trung", "thôn Lâm Sơn", "thôn Bến Trại")),
    _Place("xã", "Hưng Đạo", "Đinh Văn Cảnh", "Vương Thị Thắm",
           ("thôn Hưng Thịnh", "thôn Đạo Quán", "thôn Cây Đa")),
)
_COMMUNE_BY_NAME = {p.name: p for p in COMMUNES}

CITIZENS = (
    "Nguyễn Văn Bảy", "Trần Thị Mơ", "Lê Văn Chiến", "Phạm Thị Hồng", "Hoàng Văn Thịnh",
    "Vũ Thị Lụa", "Đặng Văn Hải", "Bùi Thị Nga", "Đỗ Văn Khang", "Ngô Thị Tuyết",
    "Dương Văn Tạo", "Lý Thị Mận", "Trịnh Văn Quang", "Phan Thị Xuyến", "Cao Văn Lâm",
    "Mai Thị Đào", "Tạ Văn Khoa", "Chu Thị Vân",
)
ELDERS = (
    "Nguyễn Văn Thụ", "Lê Đình Tích", "Trần Thị Nhàn", "Phạm Văn Cừ", "Hoàng Đình Khiêm",
    "Vũ Văn Lự", "Đỗ Thị Sen", "Bùi Văn Ngọ",
)
AUTHORS = (
    "Minh Khôi", "Thu Hà", "Hoàng Long", "Ngọc Anh", "Đức Thịnh", "Phương Thảo",
    "Quang Vinh", "Bích Ngọc", "Hải Yến", "Thanh Tâm", "Lan Hương", "Tuấn Anh",
    "Việt Hoàng", "Kim Dung",
)
LOCAL_SOURCE = "Đài Truyền thanh huyện Vân Khê"


def _honorific(name: str) -> str:
    """`ông` or `bà`, from the middle name the way Vietnamese names usually work."""
    return "bà" if " Thị " in name else "ông"


# --------------------------------------------------------------------------
# Vietnamese number and date formats
# --------------------------------------------------------------------------


def vn_int(value: int) -> str:
    """`1250` -> `1.250`"""
    return f"{value:,}".replace(",", ".")


def vn_dec(value: float, digits: int = 1) -> str:
    """`14137.32` -> `14.137,32`"""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def daypart(moment: datetime) -> str:
    """`Sáng` before noon, `Chiều` until 18:00, `Tối` after."""
    if moment.hour < 12:
        return "Sáng"
    if moment.hour < 18:
        return "Chiều"
    return "Tối"


# --------------------------------------------------------------------------
# Template context
# --------------------------------------------------------------------------


class _Ctx:
    """What a template sees: a seeded random source, the date, a place."""

    def __init__(self, rng: random.Random, when: datetime, place: _Place | None, inst: int):
        self.rng = rng
        self.when = when
        self.p = place
        self.inst = inst  # instance number of the template: picks the variant, fixed

    # numbers
    def i(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def n(self, low: int, high: int) -> str:
        return vn_int(self.rng.randint(low, high))

    def d(self, low: float, high: float, digits: int = 1) -> str:
        return vn_dec(self.rng.uniform(low, high), digits)

    def pct(self, low: float, high: float, digits: int = 1) -> str:
        return vn_dec(self.rng.uniform(low, high), digits) + "%"

    def pick(self, seq):
        return self.rng.choice(seq)

    # dates
    @property
    def year(self) -> int:
        return self.when.year

    @property
    def month(self) -> int:
        return self.when.month

    def later(self, days: int) -> str:
        return (self.when + timedelta(days=days)).strftime("%d/%m/%Y")

    def prev_month(self) -> tuple[int, int]:
        if self.when.month == 1:
            return 12, self.when.year - 1
        return self.when.month - 1, self.when.year

    # people
    def citizen(self) -> str:
        return self.pick(CITIZENS)

    def village(self) -> str:
        return self.pick(self.p.villages)


@dataclass
class _Template:
    section: str
    fill: Callable[[_Ctx], dict]
    count: int
    places: str | None = None  # None, "xa" (communes) or "any" (communes and the town)
    evening: bool = False  # the event may be an evening one ("Tối dd/mm")


_TEMPLATES: list[_Template] = []


def _template(section: str, count: int, places: str | None = None, evening: bool = False):
    def register(fill):
        _TEMPLATES.append(_Template(section, fill, count, places, evening))
        return fill

    return register


# --------------------------------------------------------------------------
# Tin tức - Sự kiện
# --------------------------------------------------------------------------

_WORKS = (
    ("Trường Mầm non {p}", "móng, khung bê tông cốt thép và tường bao",
     "hoàn thiện mái, lát nền, lắp đặt hệ thống điện, nước"),
    ("nhà văn hóa trung tâm {p}", "phần thân, mái và sân bê tông",
     "trát, sơn, lắp cửa và hệ thống âm thanh, ánh sáng"),
    ("tuyến đường trục {p}", "nền đường, cống ngang và rãnh thoát nước dọc",
     "rải cấp phối đá dăm, thảm bê tông nhựa mặt đường"),
    ("Trạm Y tế {p}", "khối nhà khám, điều trị và nhà cầu nối",
     "hoàn thiện nội thất, lắp đặt thiết bị, cải tạo sân và cổng"),
)


@_template("tin-tuc-su-kien", 4, places="xa")
def _t_cong_trinh(c: _Ctx) -> dict:
    work, done, doing = _WORKS[c.inst]
    work = work.format(p=c.p.full)
    leader = (PCT1, PCT2)[c.inst % 2]
    return {
        "title": f"Lãnh đạo UBND huyện kiểm tra tiến độ xây dựng {work}",
        "lead": f"{leader.full}, cùng lãnh đạo các phòng, ban chuyên môn đã kiểm tra tiến độ "
                f"thi công {work}, một trong những công trình trọng điểm của huyện năm {c.year}.",
        "paras": [
            f"Công trình có tổng mức đầu tư {c.d(8, 46)} tỷ đồng từ nguồn ngân sách huyện và "
            f"ngân sách xã, khởi công từ tháng {c.i(1, 11)}/{c.year - 1}. Theo báo cáo của "
            f"đơn vị thi công, khối lượng hoàn thành đến nay ước đạt {c.pct(58, 88)} giá trị "
            f"hợp đồng; các hạng mục {done} đã cơ bản xong, nhà thầu đang tập trung {doing}.",
            "Qua kiểm tra thực tế, đoàn ghi nhận chủ đầu tư và nhà thầu đã bố trí đủ nhân lực, "
            "máy móc, bảo đảm an toàn lao động và vệ sinh môi trường trên công trường. Tuy vậy, "
            "một số hạng mục còn chậm so với kế hoạch do phải chờ di dời đường điện và những "
            "ngày mưa kéo dài làm gián đoạn thi công.",
            f"Phát biểu kết luận, {leader.short} đề nghị UBND {c.p.full} phối hợp chặt chẽ với "
            "nhà thầu, tăng ca, tăng kíp để bàn giao công trình trước ngày "
            f"{c.later(c.i(45, 90))}. "
            "Cùng với tiến độ, các bên phải đặc biệt coi trọng chất lượng, giám sát và nghiệm thu "
            "từng hạng mục đúng quy định, không để phát sinh khối lượng ngoài thiết kế.",
            "Các phòng chuyên môn của huyện được giao hướng dẫn địa phương hoàn thiện hồ sơ "
            "thanh toán, giải ngân vốn kịp thời, không để xảy ra nợ đọng trong xây dựng cơ bản.",
        ],
        "caption": f"{leader.Full}, kiểm tra thực tế tại công trình {work}.",
        "caption2": "Công nhân thi công các hạng mục còn lại của công trình.",
        "tags": ("đầu tư công", "kiểm tra", "xây dựng cơ bản"),
    }


@_template("tin-tuc-su-kien", 4, places="xa")
def _t_nha_dai_doan_ket(c: _Ctx) -> dict:
    houses = c.i(3, 7)
    owner = c.citizen()
    return {
        "title": (
            f"Bàn giao nhà Đại đoàn kết cho hộ khó khăn về nhà ở tại {c.p.full}",
            f"{houses} hộ nghèo {c.p.full} vui nhận nhà Đại đoàn kết",
            f"Mái ấm mới cho hộ khó khăn ở {c.p.full}",
            f"{c.p.cap} bàn giao {houses} nhà Đại đoàn kết trước mùa mưa bão",
        )[c.inst],
        "lead": f"Ủy ban MTTQ Việt Nam huyện phối hợp với UBND {c.p.full} tổ chức lễ bàn giao "
                f"{houses} căn nhà Đại đoàn kết cho các hộ nghèo, hộ có hoàn cảnh khó khăn "
                "về nhà ở trên địa bàn.",
        "paras": [
            "Các căn nhà được xây dựng theo phương châm Nhà nước hỗ trợ, dòng họ và cộng đồng "
            f"cùng góp công, góp sức. Mỗi căn có diện tích từ {c.i(40, 50)} đến {c.i(55, 70)} "
            f"m², kinh phí khoảng {c.i(150, 220)} triệu đồng; trong đó Quỹ Vì người nghèo của "
            f"huyện hỗ trợ {c.i(50, 80)} triệu đồng mỗi căn, phần còn lại do gia đình đối ứng "
            "và các nhà hảo tâm đóng góp.",
            f"Phát biểu tại buổi lễ, {MTTQ.full}, chúc mừng các gia đình đã có nơi ở mới khang "
            "trang, kiên cố; mong các hộ tiếp tục nỗ lực lao động, sản xuất, sớm vươn lên "
            "thoát nghèo bền vững.",
            f"Từ đầu năm đến nay, toàn huyện đã vận động xây mới và sửa chữa {c.i(28, 64)} nhà "
            f"Đại đoàn kết với tổng kinh phí hơn {c.d(4, 11)} tỷ đồng. Đây là kết quả cụ thể của "
            "cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” và "
            "phong trào “Vì người nghèo - Không để ai bị bỏ lại phía sau” trên địa bàn huyện.",
            f"Nhận chìa khóa nhà mới, {_honorific(owner)} {owner}, {c.village()}, xúc động cảm "
            "ơn cấp ủy, chính quyền, Mặt trận và bà con lối xóm đã chung tay giúp gia đình có "
            "mái ấm vững chãi trước mùa mưa bão.",
        ],
        "caption": "Lãnh đạo Ủy ban MTTQ Việt Nam huyện trao chìa khóa nhà cho các hộ dân "
                   f"{c.p.full}.",
        "tags": ("nhà Đại đoàn kết", "an sinh xã hội", "Mặt trận Tổ quốc"),
    }


@_template("tin-tuc-su-kien", 4, places="xa")
def _t_ve_sinh_moi_truong(c: _Ctx) -> dict:
    return {
        "title": (
            f"{c.p.cap} ra quân tổng vệ sinh môi trường, làm đẹp cảnh quan thôn xóm",
            f"Hàng trăm người dân {c.p.full} chung tay làm sạch đường làng, ngõ xóm",
            f"{c.p.cap} phát động phong trào “Ngày Chủ nhật xanh”",
            f"Ra quân vệ sinh môi trường, hưởng ứng phân loại rác tại nguồn ở {c.p.full}",
        )[c.inst],
        "lead": f"Đảng ủy, UBND {c.p.full} tổ chức lễ ra quân tổng vệ sinh môi trường với "
                f"sự tham gia của hơn {c.n(350, 1200)} cán bộ, đoàn viên, hội viên và nhân dân "
                "các thôn.",
        "paras": [
            "Ngay sau lễ ra quân, các lực lượng chia thành nhiều nhóm, phát quang bụi rậm, "
            "khơi thông cống rãnh, thu gom rác thải dọc đường liên thôn, quanh chợ, trường học "
            f"và nghĩa trang. Đoàn viên thanh niên đảm nhận vệ sinh {c.d(2, 9)} km kênh mương "
            "nội đồng, nhặt bao bì thuốc bảo vệ thực vật đưa về đúng nơi quy định.",
            f"Theo {_honorific(c.p.chairman)} {c.p.chairman}, Chủ tịch UBND xã, thời gian qua "
            "địa phương duy trì mô hình “Ngày Chủ nhật xanh” vào tuần cuối mỗi tháng, vận động "
            "các gia đình phân loại rác ngay tại nhà. Đến nay, tỷ lệ rác thải sinh hoạt được "
            f"thu gom, xử lý đạt {c.pct(86, 98)}, {c.i(3, 7)} thôn đã có tuyến đường hoa do "
            "chi hội phụ nữ và đoàn thanh niên tự quản.",
            "Qua đợt ra quân, xã mong muốn mỗi người dân nâng cao ý thức giữ gìn vệ sinh chung, "
            "góp phần hoàn thiện tiêu chí môi trường trong xây dựng nông thôn mới nâng cao, "
            "kiểu mẫu.",
        ],
        "caption": f"Cán bộ, đoàn viên thanh niên {c.p.full} thu gom rác thải trên các tuyến "
                   "đường liên thôn.",
        "caption2": "Chi hội phụ nữ chăm sóc tuyến đường hoa tự quản.",
        "tags": ("môi trường", "nông thôn mới", "ra quân"),
    }


_FESTIVALS = (
    ("Lễ hội đình làng Đông Phong", "đình Đông Phong", "Đông Phong",
     "Thành hoàng làng, người có công khai khẩn đất hoang, lập làng",
     "đấu vật, kéo co, đánh đu và cờ người"),
    ("Lễ hội đền Thượng", "đền Thượng", "An Mỹ",
     "vị tướng thời Trần đã có công đánh giặc, giữ yên bờ cõi",
     "bơi chải, hát chèo, bịt mắt bắt dê và thi gói bánh chưng"),
    ("Hội làng Kim Lũy", "đình làng Kim Lũy", "Kim Lũy",
     "hai vị nữ tướng có công giúp dân đắp đê, khai mở đồng ruộng",
     "thi nấu cơm, ném còn, kéo co và giải bóng chuyền hơi"),
    ("Lễ hội chùa Linh Quang", "chùa Linh Quang", "Văn Phú",
     "các bậc tiền nhân có công dựng chùa và truyền nghề dệt cho dân làng",
     "thả diều sáo, múa rối nước và giao lưu văn nghệ"),
)


@_template("tin-tuc-su-kien", 4, evening=True)
def _t_le_hoi(c: _Ctx) -> dict:
    name, site, commune, deity, games = _FESTIVALS[c.inst]
    place = _COMMUNE_BY_NAME[commune]
    days = c.i(2, 4)
    return {
        "title": f"Dâng hương, khai mạc {name}",
        "lead": f"Ban Tổ chức {name} ({place.full}) đã tổ chức lễ dâng hương và khai mạc lễ hội "
                f"năm {c.year}, thu hút đông đảo nhân dân và du khách thập phương.",
        "paras": [
            f"{name} được tổ chức hằng năm để tưởng nhớ công đức của {deity}. Năm "
            f"{c.i(2005, 2018)}, {site} được UBND tỉnh Lâm Hải xếp hạng di tích lịch sử - văn "
            "hóa cấp tỉnh; nhiều hiện vật, sắc phong quý vẫn được dân làng gìn giữ cẩn thận.",
            "Sau nghi thức dâng hương, rước kiệu và tế lễ theo nghi lễ truyền thống, phần hội "
            f"diễn ra với nhiều trò chơi dân gian như {games}. Ban Tổ chức bố trí điểm trông "
            "giữ xe, lực lượng bảo vệ, y tế và phòng cháy, chữa cháy trong suốt những ngày "
            "diễn ra lễ hội.",
            f"Phát biểu khai mạc, {_honorific(place.chairman)} {place.chairman}, Chủ tịch UBND "
            "xã, đề nghị nhân dân và du khách thực hiện nếp sống văn minh nơi di tích, thắp "
            "hương, đặt lễ đúng nơi quy định, không mua bán, đốt vàng mã tràn lan, cùng chung "
            "tay giữ gìn cảnh quan sạch đẹp.",
            f"Lễ hội diễn ra trong {days} ngày, đến hết ngày {c.later(days - 1)}.",
        ],
        "caption": f"Các đại biểu dâng hương tại {site}, {place.full}.",
        "caption2": "Một trò chơi dân gian trong phần hội thu hút đông người tham gia.",
        "tags": ("lễ hội", "dâng hương", "di tích"),
    }


_BENEFICIARIES = (
    ("người có công với cách mạng", CT, "gia đình chính sách"),
    ("người cao tuổi neo đơn", PBT, "người cao tuổi"),
    ("trẻ em có hoàn cảnh đặc biệt khó khăn", PCT2, "các em"),
    ("hộ nghèo, hộ cận nghèo", MTTQ, "các hộ"),
)


@_template("tin-tuc-su-kien", 4, places="xa")
def _t_tham_tang_qua(c: _Ctx) -> dict:
    who, leader, short = _BENEFICIARIES[c.inst]
    return {
        "title": f"Lãnh đạo huyện thăm, tặng quà {who} tại {c.p.full}",
        "lead": f"đoàn công tác của huyện do {leader.full}, làm trưởng đoàn đã đến thăm, tặng quà "
                f"{who} tại {c.p.full}.",
        "paras": [
            f"Tại từng gia đình, {leader.short} ân cần hỏi thăm sức khỏe, đời sống, tâm tư, "
            "nguyện vọng của bà con; ghi nhận sự cố gắng của các gia đình trong lao động, sản "
            "xuất và tham gia các phong trào ở địa phương.",
            f"Đoàn đã trao {c.i(20, 60)} suất quà, mỗi suất trị giá {vn_int(c.i(5, 15) * 100_000)} "
            "đồng "
            "gồm tiền mặt và nhu yếu phẩm, từ ngân sách huyện và sự đóng góp của các doanh "
            "nghiệp, nhà hảo tâm.",
            f"Dịp này, đoàn đề nghị cấp ủy, chính quyền {c.p.full} tiếp tục chăm lo tốt hơn đời "
            f"sống vật chất, tinh thần cho {short}; rà soát kịp thời những trường hợp cần hỗ "
            "trợ về nhà ở, khám chữa bệnh, học tập để có phương án giúp đỡ phù hợp.",
            f"Theo báo cáo của UBND xã, hiện địa phương còn {c.i(12, 45)} hộ nghèo và "
            f"{c.i(30, 80)} hộ cận nghèo; năm {c.year}, xã phấn đấu giảm ít nhất "
            f"{c.i(6, 15)} hộ nghèo theo chuẩn nghèo đa chiều.",
        ],
        "caption": f"{leader.Full}, tặng quà {who} tại {c.p.full}.",
        "tags": ("an sinh xã hội", "tặng quà", "chính sách"),
    }


_EVENTS = (
    ("Giải bóng đá nam thanh niên", "Sân vận động trung tâm huyện", "vận động viên",
     "thi đấu vòng bảng, chọn hai đội đứng đầu mỗi bảng vào vòng đấu loại trực tiếp",
     "toàn dân rèn luyện thân thể theo gương Bác Hồ vĩ đại"),
    ("Giải bóng chuyền hơi người cao tuổi", "Nhà thi đấu đa năng huyện", "vận động viên",
     "thi đấu vòng tròn tính điểm",
     "người cao tuổi rèn luyện sức khỏe, sống vui, sống khỏe, sống có ích"),
    ("Hội thi tuyên truyền viên giỏi về cải cách hành chính", "Hội trường UBND huyện", "thí sinh",
     "ba phần thi: chào hỏi, kiến thức và tiểu phẩm tuyên truyền",
     "thi đua đẩy mạnh cải cách hành chính, xây dựng chính quyền số"),
    ("Giải cờ tướng, bóng bàn các cơ quan, đơn vị",
     "Trung tâm Văn hóa, Thông tin và Thể thao huyện", "vận động viên",
     "thi đấu cá nhân và đồng đội",
     "rèn luyện thân thể trong cán bộ, công chức, viên chức và người lao động"),
)


@_template("tin-tuc-su-kien", 4, evening=True)
def _t_giai_the_thao(c: _Ctx) -> dict:
    event, venue, who, fmt, movement = _EVENTS[c.inst]
    lower = event[0].lower() + event[1:]
    return {
        "title": f"Khai mạc {event} huyện Vân Khê",
        "lead": f"tại {venue}, Ban Tổ chức đã khai mạc {lower} huyện Vân Khê năm {c.year}.",
        "paras": [
            f"Tham gia có {c.i(12, 24)} đội với hơn {c.i(150, 320)} {who} đến từ các xã, thị "
            "trấn và cơ quan, đơn vị trên địa bàn huyện. Các đội tranh tài theo thể thức "
            f"{fmt}; dự kiến các trận chung kết diễn ra vào ngày {c.later(c.i(6, 14))}.",
            f"Phát biểu khai mạc, đại diện Ban Tổ chức nhấn mạnh đây là hoạt động thiết thực "
            f"nhằm đẩy mạnh phong trào {movement}; đồng thời tạo sân chơi lành mạnh, tăng cường "
            "giao lưu, đoàn kết giữa các địa phương, đơn vị.",
            "Ban Tổ chức đề nghị các đội thi đấu trung thực, cao thượng, chấp hành nghiêm điều "
            "lệ và quyết định của trọng tài; các địa phương có đội tham dự bố trí lực lượng cổ "
            "động văn minh, bảo đảm an toàn trong suốt thời gian diễn ra giải.",
            "Kết thúc giải, Ban Tổ chức sẽ trao giải Nhất, Nhì, Ba và các giải phụ cho tập thể, "
            f"cá nhân có thành tích xuất sắc, với tổng giá trị giải thưởng hơn {c.i(25, 90)} "
            "triệu đồng từ ngân sách huyện và nguồn xã hội hóa.",
        ],
        "caption": f"Các đại biểu tặng hoa, cờ lưu niệm cho các đội tham gia {lower}.",
        "caption2": "Những pha tranh tài sôi nổi ngay trong ngày khai mạc.",
        "tags": ("thể thao", "phong trào", "văn hóa cơ sở"),
    }


_TRAININGS = (
    ("chuyển đổi số cho cán bộ, công chức cấp xã",
     "cán bộ, công chức văn phòng - thống kê, tư pháp - hộ tịch các xã, thị trấn",
     "Sở Khoa học và Công nghệ tỉnh",
     "chữ ký số, khai thác cơ sở dữ liệu quốc gia về dân cư và bảo đảm an toàn thông tin khi "
     "xử lý hồ sơ trên môi trường mạng"),
    ("kỹ năng hòa giải ở cơ sở",
     "tổ trưởng tổ hòa giải, trưởng thôn và công chức tư pháp",
     "Sở Tư pháp tỉnh",
     "Luật Hòa giải ở cơ sở, kỹ năng tiếp cận, thuyết phục các bên và cách xử lý những vụ "
     "việc phức tạp về đất đai, hôn nhân và gia đình"),
    ("nghiệp vụ văn thư, lưu trữ",
     "người làm công tác văn thư, lưu trữ của các cơ quan, đơn vị và UBND các xã, thị trấn",
     "Sở Nội vụ tỉnh",
     "thể thức, kỹ thuật trình bày văn bản hành chính, lập hồ sơ điện tử, chỉnh lý và số "
     "hóa tài liệu lưu trữ"),
    ("phòng, chống dịch bệnh trên gia súc, gia cầm",
     "cán bộ thú y, khuyến nông các xã và chủ trang trại chăn nuôi",
     "Chi cục Chăn nuôi và Thú y tỉnh",
     "nhận biết, giám sát các bệnh nguy hiểm như dịch tả lợn châu Phi, cúm gia cầm, lở mồm "
     "long móng; kỹ thuật tiêm phòng và tiêu độc, khử trùng chuồng trại"),
)


@_template("tin-tuc-su-kien", 4)
def _t_tap_huan(c: _Ctx) -> dict:
    topic, audience, teacher, what = _TRAININGS[c.inst]
    leader = (PCT1, PCT2)[c.inst % 2]
    return {
        "title": f"Tập huấn {topic}",
        "lead": f"UBND huyện Vân Khê tổ chức hội nghị tập huấn {topic} cho {c.i(80, 180)} "
                f"học viên là {audience}.",
        "paras": [
            f"Tại hội nghị, báo cáo viên của {teacher} đã truyền đạt những nội dung cơ bản về "
            f"{what}. Bên cạnh phần lý thuyết, học viên được thực hành, thảo luận và giải đáp "
            "những tình huống thường gặp trong công việc hằng ngày.",
            f"Phát biểu khai mạc, {leader.full}, đề nghị học viên tập trung nghiên cứu, tiếp thu "
            "đầy đủ nội dung được truyền đạt, vận dụng linh hoạt vào công tác chuyên môn tại "
            "cơ quan, địa phương mình.",
            f"Theo kế hoạch, năm {c.year} huyện tổ chức {c.i(8, 16)} lớp tập huấn chuyên đề cho "
            "cán bộ, công chức cấp huyện và cấp xã, góp phần nâng cao chất lượng đội ngũ, đáp "
            "ứng yêu cầu nhiệm vụ trong giai đoạn mới.",
        ],
        "caption": f"Quang cảnh hội nghị tập huấn {topic}.",
        "tags": ("tập huấn", "cán bộ, công chức"),
    }


# --------------------------------------------------------------------------
# Xây dựng Đảng
# --------------------------------------------------------------------------


@_template("xay-dung-dang", 4, places="any")
def _x_ket_nap(c: _Ctx) -> dict:
    new = c.i(3, 8)
    young = c.i(1, new)
    women = c.i(1, new)
    total = c.i(310, 620)
    a, b = c.rng.sample(list(c.p.villages), 2)
    unit = "thị trấn" if c.p.kind == "thị trấn" else "xã"
    return {
        "title": f"Đảng bộ {c.p.full} kết nạp {new} đảng viên mới",
        "lead": f"Đảng ủy {c.p.full} tổ chức lễ kết nạp đảng viên mới cho {new} quần chúng ưu "
                f"tú tại chi bộ {a}, chi bộ {b} và một số chi bộ trực thuộc.",
        "paras": [
            "Các quần chúng được kết nạp đều có lý lịch rõ ràng, phẩm chất đạo đức tốt, gương "
            "mẫu trong công tác và đời sống, đã hoàn thành lớp bồi dưỡng nhận thức về Đảng và "
            "được chi bộ, đảng ủy xem xét chặt chẽ theo đúng Điều lệ Đảng. Trong số đó có "
            f"{young} đồng chí là đoàn viên thanh niên, {women} đồng chí là nữ.",
            f"Thay mặt Đảng ủy, đồng chí {c.p.secretary}, Bí thư Đảng ủy {unit}, chúc mừng các "
            "đảng viên mới; đề nghị các đồng chí không ngừng học tập, rèn luyện, giữ gìn tư cách "
            "người đảng viên, tích cực tham gia các phong trào ở địa phương, xứng đáng với niềm "
            "tin của chi bộ và nhân dân.",
            "Đồng chí cũng yêu cầu các chi bộ phân công đảng viên chính thức giúp đỡ đảng viên "
            "dự bị trong thời gian thử thách, thường xuyên theo dõi, nhận xét để các đồng chí "
            "sớm trưởng thành.",
            f"Từ đầu năm, Đảng bộ {c.p.full} đã kết nạp {new + c.i(2, 9)} đảng viên, đạt "
            f"{c.pct(35, 95)} chỉ tiêu nghị quyết năm; nâng tổng số đảng viên toàn Đảng bộ lên "
            f"{vn_int(total)} đồng chí, sinh hoạt tại {c.i(12, 24)} chi bộ.",
        ],
        "caption": f"Các đảng viên mới của Đảng bộ {c.p.full} tuyên thệ dưới cờ Đảng.",
        "tags": ("xây dựng Đảng", "kết nạp đảng viên", "tổ chức cơ sở đảng"),
    }


@_template("xay-dung-dang", 4, places="xa")
def _x_kiem_tra(c: _Ctx) -> dict:
    return {
        "title": (
            f"Công bố kết luận kiểm tra đối với Ban Thường vụ Đảng ủy {c.p.full}",
            f"Ủy ban Kiểm tra Huyện ủy kiểm tra công tác kiểm tra, giám sát tại {c.p.full}",
            f"Đảng ủy {c.p.full} tiếp thu kết luận của Ủy ban Kiểm tra Huyện ủy",
            f"Nâng chất lượng kiểm tra, giám sát ở Đảng bộ {c.p.full}",
        )[c.inst],
        "lead": f"đoàn kiểm tra của Ủy ban Kiểm tra Huyện ủy Vân Khê do {UBKT.full}, làm trưởng "
                "đoàn đã công bố kết luận kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và "
                f"thi hành kỷ luật trong Đảng tại Đảng ủy {c.p.full}.",
        "paras": [
            f"Theo kết luận, Đảng ủy {c.p.full} đã ban hành chương trình kiểm tra, giám sát "
            "toàn khóa và hằng năm sát với thực tế; trong kỳ, Đảng ủy và Ủy ban Kiểm tra Đảng "
            f"ủy đã kiểm tra {c.i(4, 9)} tổ chức đảng, {c.i(8, 20)} đảng viên; giám sát chuyên "
            f"đề {c.i(3, 8)} tổ chức đảng và {c.i(6, 15)} đảng viên.",
            "Công tác kiểm tra, giám sát đã góp phần phát hiện, chấn chỉnh kịp thời những hạn "
            "chế trong lãnh đạo, chỉ đạo ở một số chi bộ, nhất là việc duy trì sinh hoạt định "
            "kỳ và quản lý đảng viên đi làm ăn xa. Tuy nhiên, chất lượng một số cuộc giám sát "
            "chưa cao, hồ sơ lưu trữ ở vài chi bộ còn thiếu.",
            f"{UBKT.Short} đề nghị Đảng ủy xã nghiêm túc tiếp thu, "
            "xây dựng kế hoạch khắc phục những hạn chế đã chỉ ra, báo cáo kết quả về Ủy ban "
            f"Kiểm tra Huyện ủy trước ngày {c.later(c.i(30, 45))}; đồng thời chú trọng giám "
            "sát thường xuyên, nhắc nhở kịp thời để phòng ngừa vi phạm ngay từ chi bộ.",
        ],
        "caption": f"{UBKT.Full}, phát biểu tại hội nghị công bố kết luận kiểm tra.",
        "tags": ("xây dựng Đảng", "kiểm tra, giám sát"),
    }


_STUDY = (
    ("Huyện ủy Vân Khê triển khai chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách "
     "Hồ Chí Minh", "chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm "
     "{y}", "chuyên đề"),
    ("Học tập, quán triệt các nghị quyết về sắp xếp, tinh gọn tổ chức bộ máy",
     "các nghị quyết mới của Trung ương về sắp xếp, tinh gọn tổ chức bộ máy", "các nghị quyết"),
    ("Quán triệt Nghị quyết của Tỉnh ủy về phát triển nông nghiệp công nghệ cao",
     "Nghị quyết của Tỉnh ủy Lâm Hải về phát triển nông nghiệp ứng dụng công nghệ cao",
     "nghị quyết"),
    ("Quán triệt quy định về trách nhiệm nêu gương của cán bộ, đảng viên",
     "quy định của Bộ Chính trị về trách nhiệm nêu gương của cán bộ, đảng viên", "quy định"),
)


@_template("xay-dung-dang", 4)
def _x_quan_triet(c: _Ctx) -> dict:
    title, topic, short = _STUDY[c.inst]
    topic = topic.format(y=c.year)
    points = c.i(18, 30)
    return {
        "title": title,
        "lead": f"Huyện ủy Vân Khê tổ chức hội nghị trực tiếp kết hợp trực tuyến tới {points} "
                f"điểm cầu cơ sở để học tập, quán triệt {topic}.",
        "paras": [
            f"Dự hội nghị có hơn {vn_int(c.i(9, 22) * 100)} đại biểu, gồm các đồng chí Ủy viên "
            "Ban Chấp hành Đảng bộ huyện, lãnh đạo các ban, ngành, đoàn thể, bí thư các tổ chức "
            "cơ sở đảng và cán bộ, đảng viên tại các điểm cầu.",
            f"Các báo cáo viên đã trình bày những nội dung cốt lõi, điểm mới của {short}; phân "
            "tích yêu cầu đặt ra với cấp ủy, chính quyền các cấp và liên hệ với thực tiễn của "
            "huyện.",
            f"Phát biểu chỉ đạo, {BT.full}, yêu cầu các cấp ủy, tổ chức đảng xây dựng kế hoạch "
            "cụ thể hóa phù hợp với điều kiện từng địa phương, đơn vị; gắn việc học tập với "
            "thực hiện nhiệm vụ chính trị, tránh hình thức. Sau hội nghị, mỗi cán bộ, đảng viên "
            "viết bài thu hoạch, đăng ký nội dung làm theo và đưa vào kiểm điểm cuối năm.",
            f"Đồng chí {TG.name}, {TG.role}, cho biết ban sẽ hướng dẫn các tổ chức cơ sở đảng "
            "tổ chức học tập đến toàn thể đảng viên, hoàn thành trong tháng "
            f"{(c.month % 12) + 1}/{c.year + (1 if c.month == 12 else 0)}.",
        ],
        "caption": f"{BT.Full}, phát biểu chỉ đạo hội nghị.",
        "caption2": "Cán bộ, đảng viên theo dõi hội nghị tại một điểm cầu cơ sở.",
        "tags": ("xây dựng Đảng", "học tập nghị quyết", "tuyên giáo"),
    }


@_template("xay-dung-dang", 4, places="any")
def _x_huy_hieu(c: _Ctx) -> dict:
    counts = [c.i(1, 3), c.i(2, 5), c.i(3, 8), c.i(4, 10)]
    elder = c.pick(ELDERS)
    return {
        "title": (
            f"Trao Huy hiệu Đảng cho đảng viên lão thành {c.p.full}",
            f"{sum(counts)} đảng viên {c.p.full} nhận Huy hiệu Đảng",
            f"Đảng bộ {c.p.full} trao Huy hiệu 30, 40, 50 và 60 năm tuổi Đảng",
            f"Vinh dự nhận Huy hiệu Đảng: niềm tự hào của đảng viên {c.p.full}",
        )[c.inst],
        "lead": f"Đảng ủy {c.p.full} tổ chức lễ trao Huy hiệu Đảng cho {sum(counts)} đảng viên "
                "lão thành có nhiều năm cống hiến cho quê hương.",
        "paras": [
            f"Trong đợt này có {counts[0]} đồng chí nhận Huy hiệu 60 năm tuổi Đảng, {counts[1]} "
            f"đồng chí nhận Huy hiệu 50 năm, {counts[2]} đồng chí nhận Huy hiệu 40 năm và "
            f"{counts[3]} đồng chí nhận Huy hiệu 30 năm tuổi Đảng.",
            f"Phát biểu tại buổi lễ, {TC.full}, chúc mừng các đồng chí đảng viên được trao Huy "
            "hiệu; khẳng định đây là phần thưởng cao quý, ghi nhận những đóng góp bền bỉ của các "
            "đồng chí qua nhiều giai đoạn cách mạng và trong xây dựng quê hương.",
            "Đồng chí mong các đảng viên lão thành tiếp tục giữ vững bản lĩnh chính trị, là "
            "tấm gương để thế hệ trẻ noi theo; tích cực tham gia sinh hoạt chi bộ, góp ý xây "
            "dựng Đảng, chính quyền ở cơ sở.",
        ],
        "quote": (
            "Được đứng trong hàng ngũ của Đảng là niềm tự hào lớn nhất đời tôi. Tuổi đã cao "
            "nhưng tôi vẫn sinh hoạt chi bộ đều đặn và nhắc con cháu sống cho tử tế.",
            f"Đồng chí {elder}, đảng viên {c.p.full}",
        ),
        "caption": f"Lãnh đạo Huyện ủy trao Huy hiệu Đảng cho các đảng viên {c.p.full}.",
        "tags": ("xây dựng Đảng", "Huy hiệu Đảng"),
    }


_COURSES = (
    ("lớp bồi dưỡng lý luận chính trị cho đảng viên mới",
     "chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh, truyền thống của Đảng và của quê hương Vân "
     "Khê, nhiệm vụ của người đảng viên"),
    ("lớp bồi dưỡng nhận thức về Đảng",
     "Đảng Cộng sản Việt Nam, mục tiêu, lý tưởng của Đảng, quyền và nghĩa vụ của đảng viên, "
     "trách nhiệm của quần chúng phấn đấu vào Đảng"),
    ("lớp bồi dưỡng nghiệp vụ công tác đảng cho bí thư chi bộ",
     "quy trình kết nạp đảng viên, quản lý hồ sơ đảng viên, nâng cao chất lượng sinh hoạt chi "
     "bộ, kỹ năng ra nghị quyết và kiểm tra, giám sát của chi bộ"),
    ("lớp bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ cơ sở",
     "quan điểm của Đảng về xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân và "
     "khu vực phòng thủ huyện"),
)


@_template("xay-dung-dang", 4)
def _x_boi_duong(c: _Ctx) -> dict:
    course, content = _COURSES[c.inst]
    days = c.i(4, 10)
    return {
        "title": f"Khai giảng {course}",
        "lead": f"Trung tâm Chính trị huyện Vân Khê khai giảng {course} cho {c.i(60, 140)} học "
                "viên đến từ các chi bộ, đảng bộ cơ sở trong huyện.",
        "paras": [
            f"Trong {days} ngày, học viên được nghiên cứu các chuyên đề về {content}. Giảng viên "
            "là lãnh đạo các ban của Huyện ủy, báo cáo viên và giảng viên kiêm chức của Trung "
            "tâm Chính trị huyện.",
            f"Phát biểu khai giảng, {TC.full}, yêu cầu học viên chấp hành nghiêm nội quy, quy chế "
            "học tập; chủ động nghiên cứu tài liệu, tích cực thảo luận, trao đổi kinh nghiệm để "
            "vận dụng vào công tác ở cơ sở.",
            "Kết thúc khóa học, học viên viết bài thu hoạch; những người đạt yêu cầu được cấp "
            f"giấy chứng nhận. Năm {c.year}, Trung tâm Chính trị huyện phấn đấu mở "
            f"{c.i(12, 20)} lớp với khoảng {vn_int(c.i(14, 26) * 100)} lượt học viên.",
        ],
        "caption": f"Quang cảnh lễ khai giảng {course}.",
        "tags": ("xây dựng Đảng", "bồi dưỡng chính trị"),
    }


@_template("xay-dung-dang", 3, places="xa")
def _x_lam_viec(c: _Ctx) -> dict:
    leader = (BT, PBT, CT)[c.inst]
    cells = c.i(12, 22)
    return {
        "title": f"Ban Thường vụ Huyện ủy làm việc với Đảng ủy {c.p.full}",
        "lead": f"đoàn công tác của Ban Thường vụ Huyện ủy do {leader.full}, làm trưởng đoàn đã "
                f"làm việc với Ban Thường vụ Đảng ủy {c.p.full} về kết quả thực hiện nhiệm vụ "
                "chính trị từ đầu năm đến nay.",
        "paras": [
            "Báo cáo tại buổi làm việc cho biết, tổng giá trị sản xuất trên địa bàn xã ước "
            f"đạt {c.d(380, 920)} tỷ đồng, tăng {c.pct(6, 11)} so với cùng kỳ; thu ngân sách "
            f"đạt {c.pct(62, 118)} dự toán; {cells - c.i(0, 2)}/{cells} chi bộ duy trì tốt "
            "chế độ sinh hoạt định kỳ.",
            "Đảng ủy xã cũng thẳng thắn chỉ ra một số tồn tại: tiến độ giải phóng mặt bằng một "
            "số dự án còn chậm, việc chuyển đổi cơ cấu cây trồng chưa đồng đều, vi phạm trật tự "
            "xây dựng vẫn còn xảy ra ở một vài thôn.",
            f"Kết luận buổi làm việc, {leader.short} ghi nhận những kết quả Đảng bộ {c.p.full} "
            f"đạt được; đề nghị xã tập trung hoàn thành các chỉ tiêu nghị quyết năm {c.year}, "
            "nâng cao chất lượng sinh hoạt chi bộ, làm tốt công tác dân vận, đối thoại với "
            "nhân dân và giải quyết dứt điểm các vụ việc phức tạp ngay từ cơ sở.",
            "Đối với các kiến nghị của xã, đồng chí giao các ban xây dựng Đảng và phòng chuyên "
            "môn của huyện nghiên cứu, tham mưu giải quyết theo thẩm quyền.",
        ],
        "caption": f"{leader.Full}, phát biểu kết luận buổi làm việc tại {c.p.full}.",
        "tags": ("xây dựng Đảng", "Ban Thường vụ Huyện ủy"),
    }


_BCH_TOPICS = (
    "dự thảo nghị quyết chuyên đề về phát triển du lịch gắn với di tích và làng nghề",
    "đề án nâng cao chất lượng sinh hoạt chi bộ giai đoạn đến năm 2030",
    "kế hoạch thực hiện chương trình chuyển đổi số của huyện",
)


@_template("xay-dung-dang", 3)
def _x_hoi_nghi_bch(c: _Ctx) -> dict:
    quarter = (c.month - 1) // 3  # the quarter that just ended, 0 meaning last year's 4th
    roman = ("IV", "I", "II", "III")[quarter]
    period = f"quý {roman} năm {c.year if quarter else c.year - 1}"
    return {
        "title": f"Ban Chấp hành Đảng bộ huyện cho ý kiến vào {_BCH_TOPICS[c.inst]}",
        "lead": f"Ban Chấp hành Đảng bộ huyện Vân Khê tổ chức hội nghị đánh giá kết quả lãnh "
                f"đạo, chỉ đạo thực hiện nhiệm vụ {period} và cho ý kiến vào "
                f"{_BCH_TOPICS[c.inst]}.",
        "paras": [
            f"Theo báo cáo, trong {period}, tình hình kinh tế - xã hội của huyện tiếp tục có "
            f"chuyển biến tích cực. Giá trị sản xuất nông nghiệp ước đạt {c.d(310, 420)} tỷ "
            f"đồng; công nghiệp - xây dựng đạt {vn_dec(c.rng.uniform(1800, 2600), 1)} tỷ đồng; "
            f"thu ngân sách trên địa bàn đạt {c.pct(21, 34)} dự toán năm.",
            "Công tác xây dựng Đảng và hệ thống chính trị được chú trọng. Các cấp ủy thực hiện "
            "nghiêm chương trình kiểm tra, giám sát; chất lượng sinh hoạt chi bộ có chuyển "
            "biến, nhiều chi bộ chọn chuyên đề gắn với việc khó, việc mới ở địa phương.",
            "Các đại biểu tập trung thảo luận, phân tích nguyên nhân của những hạn chế và đóng "
            "góp nhiều ý kiến vào văn bản trình hội nghị, nhất là các chỉ tiêu, lộ trình và "
            "nguồn lực thực hiện.",
            f"Kết luận hội nghị, {BT.full}, đề nghị các cấp ủy, cơ quan, đơn vị bám sát nhiệm "
            "vụ trọng tâm, tháo gỡ vướng mắc về mặt bằng và vốn đầu tư, đẩy nhanh các công "
            "trình trọng điểm, nắm chắc tình hình tư tưởng của cán bộ, đảng viên và nhân dân.",
        ],
        "caption": "Quang cảnh hội nghị Ban Chấp hành Đảng bộ huyện.",
        "tags": ("xây dựng Đảng", "Ban Chấp hành Đảng bộ huyện"),
    }


# --------------------------------------------------------------------------
# Chính quyền
# --------------------------------------------------------------------------


@_template("chinh-quyen", 3, places="xa")
def _c_tiep_cong_dan(c: _Ctx) -> dict:
    leader = (CT, BT, CTHD)[c.inst]
    other = c.rng.choice([p for p in COMMUNES if p != c.p])
    visits = c.i(6, 18)
    return {
        "title": f"{leader.role.split(', ')[-1]} tiếp công dân, giải quyết kiến nghị của "
                 f"người dân {c.p.full}",
        "lead": f"tại Trụ sở Tiếp công dân huyện, {leader.full}, đã chủ trì buổi tiếp công dân "
                f"định kỳ tháng {c.month}/{c.year}.",
        "paras": [
            f"Tại buổi tiếp, có {visits} lượt công dân đến trình bày {c.i(4, visits)} vụ việc, "
            "chủ yếu liên quan đến đất đai, bồi thường giải phóng mặt bằng, cấp giấy chứng "
            f"nhận quyền sử dụng đất và chế độ chính sách, tập trung ở {c.p.full} và "
            f"{other.full}.",
            "Sau khi nghe công dân trình bày và ý kiến của các phòng chuyên môn, UBND các xã có "
            "liên quan, người chủ trì đã giải đáp từng nội dung theo quy định của pháp luật. "
            "Với vụ việc đủ cơ sở, lãnh đạo huyện giao đơn vị chuyên môn giải quyết dứt điểm "
            "trong thời hạn luật định; nội dung không thuộc thẩm quyền được hướng dẫn gửi đến "
            "cơ quan có thẩm quyền.",
            f"{leader.Short} yêu cầu các phòng chuyên môn và UBND cấp xã nâng cao trách nhiệm "
            "trong tiếp công dân, giải quyết khiếu nại, tố cáo; chủ động đối thoại ngay từ cơ "
            "sở, không để đơn thư tồn đọng, kéo dài, vượt cấp.",
            f"Từ đầu năm đến nay, Ban Tiếp công dân huyện đã tiếp {c.i(120, 260)} lượt công "
            f"dân, tiếp nhận {c.i(80, 190)} đơn thư; tỷ lệ giải quyết đơn thư thuộc thẩm quyền "
            f"đạt {c.pct(88, 99)}.",
        ],
        "caption": f"{leader.Full}, trao đổi với công dân tại buổi tiếp công dân định kỳ.",
        "tags": ("tiếp công dân", "khiếu nại, tố cáo"),
    }


@_template("chinh-quyen", 3, places="xa")
def _c_mot_cua(c: _Ctx) -> dict:
    total = c.i(1400, 3800)
    ok = round(total * c.rng.uniform(0.965, 0.995))
    person = c.citizen()
    return {
        "title": (
            f"{c.p.cap} nâng cao chất lượng phục vụ tại Bộ phận Một cửa",
            f"Người dân {c.p.full} hài lòng với dịch vụ công trực tuyến",
            f"{c.p.cap}: hơn {int(ok * 100 / total)}% hồ sơ hành chính được giải quyết đúng hạn",
        )[c.inst],
        "lead": f"UBND {c.p.full} cho biết, từ đầu năm đến nay, Bộ phận Một cửa của xã đã "
                f"tiếp nhận {vn_int(total)} hồ sơ thủ tục hành chính, {vn_dec(ok * 100 / total)}% "
                "được giải quyết trước và đúng hạn.",
        "paras": [
            "Tại Bộ phận Một cửa, công chức được bố trí trực theo lĩnh vực; "
            f"{c.i(95, 130)} thủ tục hành chính thuộc thẩm quyền của xã được niêm yết công khai "
            "cùng mã QR để người dân tra cứu, chuẩn bị hồ sơ ngay tại nhà.",
            "Các lĩnh vực có nhiều hồ sơ nhất là chứng thực và hộ tịch như đăng ký khai sinh, "
            "đăng ký kết hôn, đăng ký khai tử. Xã bố trí đoàn viên thanh niên hỗ trợ người dân "
            f"nộp hồ sơ trực tuyến; tỷ lệ hồ sơ trực tuyến toàn trình đạt {c.pct(55, 82)}.",
            f"{_honorific(person).capitalize()} {person}, {c.village()}, chia sẻ: “Trước đây "
            "làm giấy tờ phải đi lại mấy lần. Nay được cán bộ hướng dẫn tận tình, tôi nộp hồ "
            "sơ trên điện thoại rồi chỉ đến nhận kết quả, rất thuận tiện”.",
            f"Theo {_honorific(c.p.chairman)} {c.p.chairman}, Chủ tịch UBND xã, thời gian tới "
            "địa phương tiếp tục rà soát, đơn giản hóa quy trình, số hóa hồ sơ và kết quả giải "
            "quyết thủ tục; lấy mức độ hài lòng của người dân làm thước đo trách nhiệm của cán "
            "bộ, công chức.",
        ],
        "caption": f"Công chức Bộ phận Một cửa {c.p.full} hướng dẫn người dân đăng ký hồ sơ "
                   "trực tuyến.",
        "tags": ("cải cách hành chính", "đăng ký hộ tịch", "dịch vụ công trực tuyến"),
    }


@_template("chinh-quyen", 3, places="xa")
def _c_giam_sat(c: _Ctx) -> dict:
    variants = (
        (f"công tác quản lý đất đai tại {c.p.full}",
         f"{_honorific(c.p.chairman)} {c.p.chairman}, Chủ tịch UBND {c.p.full}",
         f"cấp giấy chứng nhận quyền sử dụng đất lần đầu cho {c.i(60, 180)} trường hợp, xử lý "
         f"dứt điểm {c.i(4, 15)} trường hợp vi phạm phát sinh mới",
         "hồ sơ địa chính qua nhiều thời kỳ chưa đồng bộ, một số thửa đất có nguồn gốc phức tạp",
         f"UBND {c.p.full}",
         "tăng cường kiểm tra, xử lý vi phạm ngay khi mới phát sinh và đẩy nhanh việc cấp giấy "
         "chứng nhận quyền sử dụng đất cho người dân"),
        ("việc thực hiện chính sách bảo hiểm y tế học sinh",
         "đại diện Phòng Giáo dục và Đào tạo huyện",
         f"phối hợp với cơ quan bảo hiểm xã hội tuyên truyền, vận động, nâng tỷ lệ học sinh "
         f"tham gia bảo hiểm y tế lên {c.pct(94, 99)}",
         "một bộ phận phụ huynh có hoàn cảnh khó khăn, chưa hiểu đầy đủ quyền lợi khi tham gia",
         "Phòng Giáo dục và Đào tạo và các trường học",
         "có giải pháp hỗ trợ học sinh thuộc hộ cận nghèo, phấn đấu toàn bộ học sinh tham gia "
         "bảo hiểm y tế"),
        ("công tác bảo đảm an toàn thực phẩm tại bếp ăn các trường mầm non",
         "đại diện Trung tâm Y tế huyện",
         f"tổ chức {c.i(3, 6)} đợt kiểm tra liên ngành, hướng dẫn các trường ký hợp đồng với cơ "
         "sở cung cấp thực phẩm có nguồn gốc rõ ràng và lưu mẫu thức ăn đúng quy định",
         "một số bếp ăn chật hẹp, chưa bố trí được khu sơ chế riêng theo nguyên tắc một chiều",
         "Trung tâm Y tế huyện và các trường mầm non",
         "kiểm tra đột xuất, xử lý nghiêm cơ sở cung cấp thực phẩm không bảo đảm và từng bước "
         "cải tạo bếp ăn theo đúng tiêu chuẩn"),
    )
    topic, reporter, did, hard, target, todo = variants[c.inst]
    return {
        "title": f"Thường trực HĐND huyện giám sát {topic}",
        "lead": f"đoàn giám sát của Thường trực HĐND huyện Vân Khê do {CTHD.full}, làm trưởng "
                f"đoàn đã giám sát {topic}.",
        "paras": [
            f"Báo cáo với đoàn, {reporter} cho biết thời gian qua đơn vị đã {did}. Quá trình "
            f"thực hiện còn gặp khó khăn như {hard}.",
            "Các thành viên đoàn giám sát đã trao đổi, làm rõ thêm về công tác tham mưu, phối "
            "hợp giữa các cơ quan, việc bố trí nguồn lực và trách nhiệm của người đứng đầu "
            "trong tổ chức thực hiện.",
            f"Kết luận buổi giám sát, {CTHD.short} đề nghị {target} {todo}; kịp thời báo cáo những "
            "vướng mắc vượt thẩm quyền để HĐND, UBND huyện xem xét. Kết quả giám sát sẽ được "
            "báo cáo tại kỳ họp thường lệ gần nhất của HĐND huyện.",
        ],
        "caption": f"{CTHD.Full}, phát biểu kết luận buổi giám sát.",
        "tags": ("HĐND", "giám sát"),
    }


_VOTER_ISSUES = (
    "sớm nâng cấp tuyến đường liên xã đã xuống cấp",
    "cải tạo kênh mương, công trình thủy lợi nội đồng phục vụ sản xuất",
    "tăng cường quản lý trật tự xây dựng, hành lang giao thông",
    "có giải pháp thu gom rác thải ở các thôn xa trung tâm",
    "hỗ trợ nông dân tiêu thụ nông sản, bình ổn giá vật tư nông nghiệp",
    "đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất",
    "bổ sung sân chơi, thiết chế văn hóa, thể thao cho thanh thiếu niên",
)


@_template("chinh-quyen", 3, places="any")
def _c_tiep_xuc_cu_tri(c: _Ctx) -> dict:
    issues = c.rng.sample(_VOTER_ISSUES, 3)
    deputy = (PCT1, CTHD, PCT2)[c.inst]
    return {
        "title": f"Đại biểu HĐND huyện tiếp xúc cử tri {c.p.full}",
        "lead": f"Tổ đại biểu HĐND huyện Vân Khê ứng cử tại đơn vị bầu cử số {c.i(1, 9)} đã "
                f"tiếp xúc cử tri {c.p.full} trước kỳ họp thường lệ của HĐND huyện.",
        "paras": [
            "Tại buổi tiếp xúc, đại diện Tổ đại biểu thông báo dự kiến nội dung, chương trình "
            "kỳ họp; tình hình kinh tế - xã hội, quốc phòng, an ninh của huyện và kết quả giải "
            "quyết các kiến nghị cử tri gửi tới kỳ họp trước.",
            f"Cử tri {c.p.full} cơ bản đồng tình với các báo cáo và nêu nhiều ý kiến tâm huyết, "
            f"đề nghị các cấp {issues[0]}; {issues[1]}; {issues[2]}.",
            f"Thay mặt Tổ đại biểu, {deputy.full}, tiếp thu, giải trình một số nội dung thuộc "
            "thẩm quyền; các ý kiến còn lại được tổng hợp, chuyển tới cơ quan chức năng xem "
            "xét, trả lời cử tri theo quy định.",
        ],
        "caption": f"Cử tri {c.p.full} phát biểu ý kiến tại buổi tiếp xúc.",
        "tags": ("HĐND", "tiếp xúc cử tri"),
    }


# --------------------------------------------------------------------------
# Kinh tế
# --------------------------------------------------------------------------


@_template("kinh-te", 3)
def _k_ngan_sach(c: _Ctx) -> dict:
    month, year = c.prev_month()
    share = c.rng.uniform(8, 11.5) * month
    total = c.rng.uniform(1050, 1250) * share / 100
    parts = (("tiền sử dụng đất", 0.42), ("khu vực ngoài quốc doanh", 0.27),
             ("lệ phí trước bạ và thuế thu nhập cá nhân", 0.11))
    figures = "; ".join(f"thu {name} đạt {vn_dec(total * k)} tỷ đồng" for name, k in parts)
    title = ("Thu ngân sách huyện Vân Khê đạt khá nhờ đấu giá đất thuận lợi",
             "Huyện Vân Khê tăng tốc thu ngân sách, quyết tâm hoàn thành dự toán",
             "Chống thất thu, khai thác nguồn thu mới cho ngân sách huyện")[c.inst]
    return {
        "title": title,
        "lead": f"UBND huyện Vân Khê cho biết, hết tháng {month}/{year}, tổng thu ngân sách nhà "
                f"nước trên địa bàn ước đạt {vn_dec(total)} tỷ đồng, bằng {vn_dec(share)}% dự "
                f"toán tỉnh giao, tăng {c.pct(4, 16)} so với cùng kỳ.",
        "paras": [
            f"Trong đó, {figures}. Một số khoản thu tăng nhờ sản xuất, kinh doanh của doanh "
            "nghiệp phục hồi và tiến độ đấu giá quyền sử dụng đất được đẩy nhanh.",
            "Chi ngân sách được điều hành chặt chẽ, tiết kiệm, bảo đảm chi thường xuyên, chi an "
            "sinh xã hội và chi đầu tư phát triển theo kế hoạch. Việc quản lý nguồn thu, chống "
            "thất thu được tăng cường, nhất là với vận tải, xây dựng tư nhân và kinh doanh "
            "thương mại điện tử.",
            "Để hoàn thành dự toán cả năm, UBND huyện yêu cầu cơ quan thuế phối hợp với các xã, "
            "thị trấn rà soát, khai thác nguồn thu còn dư địa, đôn đốc thu hồi nợ đọng thuế; "
            "đồng thời đẩy nhanh giải phóng mặt bằng, tổ chức đấu giá các khu đất đã đủ điều "
            "kiện.",
        ],
        "caption": "Người nộp thuế làm thủ tục tại bộ phận tiếp nhận hồ sơ của cơ quan thuế.",
        "tags": ("ngân sách", "thuế", "kinh tế - xã hội"),
    }


_OCOP = (
    ("mật ong hoa nhãn", "Hợp tác xã Ong mật {n}", "Tân Lập", 4),
    ("gạo nếp cái hoa vàng", "Hợp tác xã Nông nghiệp sạch {n}", "Hòa Xuân", 3),
    ("miến dong", "Hợp tác xã Miến dong {n}", "Yên Trạch", 4),
)


@_template("kinh-te", 3)
def _k_ocop(c: _Ctx) -> dict:
    product, coop, commune, stars = _OCOP[c.inst]
    place = _COMMUNE_BY_NAME[commune]
    coop = coop.format(n=commune)
    return {
        "title": f"Sản phẩm {product} của {place.full} đạt chuẩn OCOP {stars} sao",
        "lead": f"{coop} ({place.full}) đã đón nhận giấy chứng nhận sản phẩm {product} đạt tiêu "
                f"chuẩn OCOP {stars} sao của UBND tỉnh Lâm Hải.",
        "paras": [
            f"Thành lập từ năm {c.i(2012, 2019)}, hợp tác xã hiện có {c.i(12, 40)} thành viên, "
            f"liên kết với hơn {c.i(60, 220)} hộ dân. Mỗi năm, đơn vị đưa ra thị trường khoảng "
            f"{c.i(20, 90)} tấn sản phẩm, doanh thu trên {c.d(3, 12)} tỷ đồng.",
            "Để đạt chứng nhận, hợp tác xã đã đầu tư dây chuyền sơ chế, đóng gói, hoàn thiện hồ "
            "sơ công bố chất lượng, truy xuất nguồn gốc bằng mã QR và thiết kế lại bao bì theo "
            "hướng nhận diện thương hiệu địa phương.",
            f"Theo {NN.full}, hiện toàn huyện có {c.i(28, 45)} sản phẩm đạt chứng nhận OCOP từ "
            "3 sao trở lên. Huyện tiếp tục hỗ trợ các chủ thể tham gia hội chợ, xúc tiến "
            "thương mại, đưa sản phẩm lên sàn thương mại điện tử, qua đó nâng giá trị nông sản "
            "và thu nhập cho người dân.",
        ],
        "caption": f"Thành viên {coop} đóng gói sản phẩm {product}.",
        "caption2": f"Sản phẩm {product} được trưng bày tại điểm giới thiệu nông sản của huyện.",
        "tags": ("OCOP", "hợp tác xã", "nông sản"),
    }


_INDUSTRIAL = ("Tân Lập", "Đông Phong", "Vân Khê Bắc")


@_template("kinh-te", 3)
def _k_doanh_nghiep(c: _Ctx) -> dict:
    name = _INDUSTRIAL[c.inst]
    return {
        "title": f"Đối thoại, tháo gỡ khó khăn cho doanh nghiệp Cụm công nghiệp {name}",
        "lead": f"UBND huyện Vân Khê tổ chức hội nghị đối thoại với các doanh nghiệp tại Cụm công "
                f"nghiệp {name} để nắm bắt, tháo gỡ khó khăn trong sản xuất, kinh doanh.",
        "paras": [
            f"Cụm công nghiệp {name} rộng {c.d(35, 75)} ha, tỷ lệ lấp đầy {c.pct(62, 94)}, thu "
            f"hút {c.i(14, 38)} doanh nghiệp trong các lĩnh vực may mặc, cơ khí, chế biến nông "
            f"sản và vật liệu xây dựng, tạo việc làm cho khoảng {c.n(2100, 6800)} lao động, phần "
            "lớn là người địa phương.",
            f"Tại hội nghị, doanh nghiệp nêu {c.i(9, 21)} nhóm kiến nghị, tập trung vào hệ thống "
            "thoát nước, xử lý nước thải tập trung, thủ tục cấp phép xây dựng, phòng cháy, chữa "
            "cháy và tuyển dụng lao động có tay nghề.",
            "Lãnh đạo các phòng chuyên môn đã trả lời trực tiếp các kiến nghị thuộc thẩm quyền. "
            f"{CT.Full}, khẳng định chính quyền huyện luôn đồng hành cùng doanh nghiệp, cam kết "
            "tạo môi trường đầu tư minh bạch, thuận lợi; những kiến nghị vượt thẩm quyền sẽ được "
            "tổng hợp, báo cáo các sở, ngành của tỉnh.",
        ],
        "caption": f"{CT.Full}, phát biểu tại hội nghị đối thoại với doanh nghiệp.",
        "caption2": f"Dây chuyền sản xuất của một doanh nghiệp trong Cụm công nghiệp {name}.",
        "tags": ("doanh nghiệp", "công nghiệp", "môi trường đầu tư"),
    }


# crop by month: (name, short, yield low, yield high, unit, price low, price high, rice?)
_CROPS = {
    1: ("khoai tây vụ Đông", "khoai tây", 180, 230, "tạ/ha", 8, 12, False),
    2: ("khoai tây vụ Đông", "khoai tây", 180, 230, "tạ/ha", 8, 12, False),
    3: ("ngô ngọt vụ Đông Xuân", "ngô ngọt", 110, 150, "tạ/ha", 6, 9, False),
    4: ("dưa hấu vụ Xuân", "dưa hấu", 250, 320, "tạ/ha", 7, 11, False),
    5: ("lúa vụ Xuân", "lúa", 64, 72, "tạ/ha", 7, 9, True),
    6: ("lúa vụ Xuân", "lúa", 64, 72, "tạ/ha", 7, 9, True),
    7: ("nhãn chín sớm", "nhãn", 80, 120, "tạ/ha", 18, 30, False),
    8: ("nhãn chín sớm", "nhãn", 80, 120, "tạ/ha", 18, 30, False),
    9: ("lúa vụ Mùa", "lúa", 56, 64, "tạ/ha", 7, 9, True),
    10: ("lúa vụ Mùa", "lúa", 56, 64, "tạ/ha", 7, 9, True),
    11: ("lúa vụ Mùa", "lúa", 56, 64, "tạ/ha", 7, 9, True),
    12: ("bí xanh vụ Đông", "bí xanh", 300, 380, "tạ/ha", 6, 10, False),
}


@_template("kinh-te", 3, places="xa")
def _k_thu_hoach(c: _Ctx) -> dict:
    crop, short, y_lo, y_hi, unit, p_lo, p_hi, rice = _CROPS[c.month]
    farmer = c.citizen()
    area = c.i(180, 520) if rice else c.i(25, 90)
    straw = "rơm rạ" if rice else "thân lá"
    mech = (f"khâu thu hoạch lúa đã được cơ giới hóa trên {c.pct(85, 97)} diện tích"
            if rice else "nhiều hộ thuê thêm nhân công để thu hoạch kịp lứa, giữ chất lượng")
    return {
        "title": (
            f"Nông dân {c.p.full} phấn khởi vào vụ thu hoạch",
            f"Được mùa, được giá: niềm vui của nông dân {c.p.full}",
            f"{c.p.cap} khẩn trương thu hoạch nông sản, chuẩn bị cho vụ mới",
        )[c.inst],
        "lead": f"nông dân {c.p.full} đang tập trung thu hoạch {crop} trong điều kiện thời tiết "
                f"thuận lợi; năng suất ước đạt {c.i(y_lo, y_hi)} {unit}, cao hơn cùng kỳ.",
        "paras": [
            f"Toàn xã có {vn_int(area)} ha {short}, trong đó {vn_int(area * c.i(20, 45) // 100)} "
            "ha sản xuất theo hướng an toàn, liên kết tiêu thụ với doanh nghiệp. Trên các cánh "
            f"đồng, bà con tranh thủ thu hoạch, vận chuyển nông sản về nhà; {mech}.",
            f"Giá bán tại ruộng dao động từ {vn_int(p_lo * 1000)} đến {vn_int(p_hi * 1000)} "
            f"đồng/kg. {_honorific(farmer).capitalize()} {farmer}, {c.village()}, phấn khởi cho "
            "biết: “Năm nay gieo trồng đúng lịch thời vụ, lại được cán bộ khuyến nông hướng "
            "dẫn phòng trừ sâu bệnh nên cây khỏe, gia đình tôi thu được nhiều hơn mọi năm”.",
            f"Phòng Nông nghiệp và Môi trường huyện khuyến cáo bà con thu gom {straw}, phụ phẩm "
            "để ủ làm phân hữu cơ, không đốt ngoài đồng gây ô nhiễm; chủ động làm đất, chuẩn "
            "bị giống, vật tư cho vụ sau bảo đảm đúng khung thời vụ.",
        ],
        "caption": f"Nông dân {c.p.full} thu hoạch {short}.",
        "caption2": "Nông sản được thương lái thu mua ngay tại ruộng.",
        "tags": ("nông nghiệp", "thu hoạch", "mùa vụ"),
    }


# --------------------------------------------------------------------------
# Nông thôn mới
# --------------------------------------------------------------------------


@_template("nong-thon-moi", 3, places="xa")
def _n_nang_cao(c: _Ctx) -> dict:
    leader = (CT, PBT, PCT1)[c.inst]
    schools = c.i(3, 4)
    return {
        "title": (
            f"{c.p.cap} đón nhận Bằng công nhận đạt chuẩn nông thôn mới nâng cao",
            f"{c.p.cap} về đích nông thôn mới nâng cao",
            f"Diện mạo mới ở {c.p.full} sau chặng đường xây dựng nông thôn mới nâng cao",
        )[c.inst],
        "lead": f"Đảng bộ, chính quyền và nhân dân {c.p.full} long trọng tổ chức lễ đón nhận "
                "Quyết định và Bằng công nhận xã đạt chuẩn nông thôn mới nâng cao của UBND tỉnh "
                "Lâm Hải.",
        "paras": [
            f"Sau {c.i(3, 5)} năm triển khai, diện mạo {c.p.full} đổi thay rõ rệt. Tổng nguồn "
            f"lực huy động đạt trên {c.d(85, 190)} tỷ đồng, trong đó nhân dân đóng góp "
            f"{c.d(9, 26)} tỷ đồng và hiến {c.n(4500, 16000)} m² đất để mở rộng đường, xây dựng "
            "công trình phúc lợi.",
            "Đến nay, toàn bộ đường trục xã, liên thôn được cứng hóa và lắp điện chiếu sáng; "
            f"{schools}/{schools} trường học đạt chuẩn quốc gia; tỷ lệ người dân tham gia bảo "
            f"hiểm y tế đạt {c.pct(93, 99)}; thu nhập bình quân đầu người đạt {c.d(62, 78)} "
            f"triệu đồng/năm; tỷ lệ hộ nghèo giảm còn {c.pct(0.6, 1.8, 2)}.",
            f"Phát biểu tại buổi lễ, {leader.full}, biểu dương nỗ lực của cấp ủy, chính quyền "
            f"và nhân dân {c.p.full}; đề nghị xã giữ vững và nâng chất các tiêu chí đã đạt, "
            "nhất là môi trường, an ninh trật tự và thu nhập, hướng tới xã nông thôn mới kiểu "
            "mẫu.",
            f"Dịp này, UBND huyện tặng Giấy khen cho {c.i(8, 15)} tập thể và {c.i(12, 25)} cá "
            "nhân có thành tích xuất sắc trong phong trào thi đua “Vân Khê chung sức xây dựng "
            "nông thôn mới”.",
        ],
        "caption": f"Lãnh đạo huyện trao Bằng công nhận xã đạt chuẩn nông thôn mới nâng cao cho "
                   f"{c.p.full}.",
        "caption2": f"Một tuyến đường liên thôn của {c.p.full} được cứng hóa, trồng hoa hai bên.",
        "tags": ("nông thôn mới", "nông thôn mới nâng cao"),
    }


@_template("nong-thon-moi", 3, places="xa")
def _n_hien_dat(c: _Ctx) -> dict:
    village = c.village()
    land = c.i(900, 3200)
    donor = c.citizen()
    return {
        "title": (
            f"Người dân {village}, {c.p.full} hiến đất mở rộng đường giao thông",
            f"{c.p.cap}: nhân dân hiến {vn_int(land)} m² đất làm đường trục thôn",
            f"Lan tỏa phong trào hiến đất làm đường ở {village}, {c.p.full}",
        )[c.inst],
        "lead": f"UBND {c.p.full} cho biết, nhân dân {village} đã tự nguyện hiến {vn_int(land)} m² "
                "đất, tháo dỡ tường rào, công trình phụ để mở rộng đường trục thôn dài "
                f"{c.d(1.2, 3.5)} km.",
        "paras": [
            "Tuyến đường cũ chỉ rộng khoảng 3 m, nhiều đoạn quanh co, xuống cấp, xe chở nông "
            "sản khó ra vào. Sau khi chi bộ thôn ra nghị quyết chuyên đề, đảng viên và trưởng "
            "các dòng họ gương mẫu đi đầu, đến từng nhà vận động. Đến nay, "
            f"{c.i(45, 120)} hộ hai bên đường đã ký cam kết hiến đất, không đòi bồi thường.",
            f"Với {c.i(300, 700)} tấn xi măng huyện hỗ trợ theo cơ chế xây dựng nông thôn mới "
            f"và {c.i(350, 900)} triệu đồng nhân dân đóng góp, tuyến đường được mở rộng lên "
            f"{c.i(5, 7)} m, bê tông hóa mặt đường, làm rãnh thoát nước hai bên.",
            f"{_honorific(donor).capitalize()} {donor}, một trong những hộ hiến nhiều đất nhất "
            f"({c.i(80, 190)} m²), chia sẻ: “Đường rộng thì con cháu đi học an toàn, xe chở "
            "lúa vào tận ngõ, cả thôn cùng được hưởng. Nhà tôi bàn nhau một buổi là thống "
            "nhất hiến đất”.",
            "Phong trào hiến đất làm đường đang lan tỏa sang các thôn khác, trở thành điểm sáng "
            "trong xây dựng nông thôn mới nâng cao của địa phương.",
        ],
        "caption": f"Tuyến đường trục {village} sau khi được mở rộng.",
        "tags": ("nông thôn mới", "hiến đất", "giao thông nông thôn"),
    }


@_template("nong-thon-moi", 3, places="xa")
def _n_kieu_mau(c: _Ctx) -> dict:
    village = c.village()
    return {
        "title": f"Thẩm định thôn nông thôn mới kiểu mẫu tại {village}, {c.p.full}",
        "lead": "đoàn thẩm định của Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Vân "
                "Khê đã kiểm tra kết quả xây dựng thôn nông thôn mới kiểu mẫu tại "
                f"{village}, {c.p.full}.",
        "paras": [
            f"{village[0].upper() + village[1:]} có {c.i(180, 420)} hộ với {c.n(700, 1600)} "
            "nhân khẩu, sống chủ yếu bằng trồng trọt, chăn nuôi và dịch vụ. Hơn một năm qua, "
            f"thôn huy động {c.d(1.5, 4.8)} tỷ đồng để chỉnh trang nhà văn hóa, cứng hóa ngõ "
            f"xóm, trồng {c.n(600, 2400)} cây xanh và lắp {c.i(80, 220)} bóng đèn chiếu sáng.",
            "Đoàn đã kiểm tra thực tế đường giao thông, nhà văn hóa, khu thể thao, cảnh quan "
            "và một số vườn mẫu; thẩm định hồ sơ minh chứng của từng tiêu chí theo bộ tiêu chí "
            "thôn nông thôn mới kiểu mẫu của tỉnh.",
            f"Kết quả, {village} cơ bản đáp ứng các tiêu chí. Đoàn đề nghị thôn hoàn thiện thêm "
            "việc phân loại rác tại nguồn, chất lượng vườn mẫu và hồ sơ lưu trữ; sau khi hoàn "
            "thiện, UBND huyện sẽ xem xét, ra quyết định công nhận.",
        ],
        "caption": f"Đoàn thẩm định kiểm tra thực tế một vườn mẫu tại {village}.",
        "caption2": f"Nhà văn hóa {village} sau khi được chỉnh trang.",
        "tags": ("nông thôn mới", "thôn kiểu mẫu"),
    }


_MODELS = (
    ("trồng bưởi theo tiêu chuẩn VietGAP", "ha", (3, 6), (25, 40), (180, 260)),
    ("nuôi cá lồng trên sông Vân", "lồng", (6, 10), (40, 64), (40, 65)),
    ("trồng rau an toàn trong nhà màng", "ha", (1, 2), (8, 14), (320, 480)),
)


@_template("nong-thon-moi", 3, places="xa")
def _n_mo_hinh(c: _Ctx) -> dict:
    model, unit, start, now, profit = _MODELS[c.inst]
    farmer = c.citizen()
    low = c.i(*profit)
    return {
        "title": f"Hiệu quả từ mô hình {model} ở {c.p.full}",
        "lead": f"UBND {c.p.full} cho biết, mô hình {model} triển khai từ năm "
                f"{c.year - c.i(3, 6)} đang cho hiệu quả rõ rệt, giúp nhiều hộ dân nâng cao "
                "thu nhập.",
        "paras": [
            f"Ban đầu mô hình chỉ có {c.i(4, 8)} hộ tham gia với quy mô {c.i(*start)} {unit}; "
            f"đến nay đã mở rộng lên {c.i(25, 60)} hộ, {c.i(*now)} {unit}. Các hộ được hỗ trợ "
            "giống, tập huấn kỹ thuật và kết nối tiêu thụ qua tổ hợp tác.",
            f"Sau khi trừ chi phí, mỗi {unit} cho lãi từ {low} đến {low + c.i(30, 80)} triệu "
            f"đồng/năm, gấp {c.i(3, 6)} lần so với cấy lúa trước đây.",
            f"{_honorific(farmer).capitalize()} {farmer}, một trong những hộ tham gia đầu tiên, "
            "cho biết: “Lúc đầu còn lo vì chưa quen kỹ thuật, nhưng được hướng dẫn từng bước "
            "và có đầu ra ổn định nên bà con yên tâm mở rộng”.",
            "Thời gian tới, xã tiếp tục khuyến khích người dân mở rộng quy mô gắn với xây dựng "
            "nhãn hiệu, hướng tới đăng ký sản phẩm OCOP.",
        ],
        "caption": f"Người dân {c.p.full} chăm sóc mô hình {model}.",
        "tags": ("nông thôn mới", "mô hình kinh tế", "nông nghiệp"),
    }


# --------------------------------------------------------------------------
# Văn hóa - Xã hội
# --------------------------------------------------------------------------

_SCHOOLS = (("Trường Mầm non", "trẻ", 2), ("Trường Tiểu học", "học sinh", 2),
            ("Trường THCS", "học sinh", 1))


@_template("van-hoa-xa-hoi", 3, places="xa")
def _v_truong_chuan(c: _Ctx) -> dict:
    kind, pupils, level = _SCHOOLS[c.inst]
    school = f"{kind} {c.p.name}"
    total = c.i(58, 66)
    done = total - c.i(4, 12)
    if pupils == "trẻ":
        quality = ("Những năm qua, nhà trường thực hiện tốt chương trình giáo dục mầm non, chú "
                   "trọng giáo dục kỹ năng sống và bảo đảm an toàn tuyệt đối cho trẻ; "
                   f"{c.pct(97, 99.8)} trẻ được ăn bán trú, tỷ lệ trẻ suy dinh dưỡng giảm còn "
                   f"{c.pct(1, 2.5)}.")
    else:
        quality = ("Chất lượng giáo dục toàn diện ngày càng được nâng lên; tỷ lệ học sinh hoàn "
                   f"thành chương trình lớp học đạt {c.pct(98.5, 99.9)}, nhiều em đạt giải cao "
                   "trong các cuộc thi, giao lưu cấp huyện, cấp tỉnh.")
    return {
        "title": f"{school} đạt chuẩn quốc gia mức độ {level}",
        "lead": f"{school} ({c.p.full}) long trọng tổ chức lễ đón nhận Bằng công nhận trường "
                f"đạt chuẩn quốc gia mức độ {level}.",
        "paras": [
            f"Năm học này, nhà trường có {c.i(12, 28)} lớp với {c.n(380, 900)} {pupils}, "
            f"{c.i(30, 60)} cán bộ, giáo viên, nhân viên; toàn bộ giáo viên đạt chuẩn và trên "
            "chuẩn trình độ đào tạo. Cơ sở vật chất được đầu tư đồng bộ, đủ phòng học kiên cố, "
            "phòng chức năng, thư viện và sân chơi, bãi tập.",
            quality,
            f"Phát biểu tại buổi lễ, {GD.full}, đề nghị nhà trường tiếp tục đổi mới phương pháp "
            "dạy học, phát huy tính chủ động của người học; chính quyền địa phương quan tâm đầu "
            "tư để duy trì, nâng cao các tiêu chuẩn đã đạt.",
            f"Hiện toàn huyện có {done}/{total} trường đạt chuẩn quốc gia, đạt "
            f"{vn_dec(done * 100 / total)}%.",
        ],
        "caption": f"Lãnh đạo huyện trao Bằng công nhận trường đạt chuẩn quốc gia cho {school}.",
        "caption2": f"Một giờ học của {pupils} {school}.",
        "tags": ("giáo dục", "trường chuẩn quốc gia"),
    }


@_template("van-hoa-xa-hoi", 3, places="any")
def _v_y_te(c: _Ctx) -> dict:
    registered = c.i(260, 420)
    donors = registered - c.i(25, 60)
    variants = (
        (f"Ngày hội hiến máu tình nguyện tại {c.p.full} tiếp nhận {donors} đơn vị máu",
         f"Hội Chữ thập đỏ huyện phối hợp với UBND {c.p.full} tổ chức Ngày hội hiến máu tình "
         f"nguyện với {registered} người đăng ký tham gia.",
         f"Đông đảo cán bộ, đoàn viên, thanh niên, người lao động đã đến đăng ký, khám sàng "
         f"lọc và hiến máu. Kết quả có {donors} người đủ điều kiện hiến, tiếp nhận {donors} "
         "đơn vị máu chuyển về Bệnh viện Đa khoa tỉnh.",
         "Người hiến máu tình nguyện tại ngày hội."),
        (f"Khám sàng lọc bệnh không lây nhiễm cho người cao tuổi {c.p.full}",
         f"Trung tâm Y tế huyện phối hợp với Trạm Y tế {c.p.full} khám sàng lọc tăng huyết áp, "
         f"đái tháo đường cho {registered} người cao tuổi.",
         f"Người cao tuổi được đo huyết áp, xét nghiệm đường huyết, tư vấn chế độ ăn uống và "
         f"vận động. Qua sàng lọc, {c.i(40, 90)} người phát hiện tăng huyết áp, {c.i(10, 35)} "
         "người có đường huyết cao, đã được hướng dẫn đăng ký quản lý, điều trị tại trạm y tế.",
         "Nhân viên y tế đo huyết áp cho người cao tuổi."),
        (f"Ra quân diệt bọ gậy phòng, chống sốt xuất huyết tại {c.p.full}",
         f"Trung tâm Y tế huyện phối hợp với UBND {c.p.full} ra quân chiến dịch vệ sinh môi "
         f"trường, diệt bọ gậy tại {c.i(600, 1500)} hộ gia đình.",
         "Các tổ xung kích gồm nhân viên y tế, đoàn viên, hội viên phụ nữ đến từng nhà hướng "
         "dẫn úp ngược dụng cụ chứa nước không dùng, thả cá vào bể nước, thu gom vật phế thải "
         "quanh nhà; đồng thời phun hóa chất tại các khu vực có nguy cơ cao.",
         "Nhân viên y tế hướng dẫn người dân kiểm tra, loại bỏ bọ gậy."),
    )
    title, lead, first, caption = variants[c.inst]
    if c.inst == 0:
        second = (
            "Theo Hội Chữ thập đỏ huyện, từ đầu năm đến nay toàn huyện đã tổ chức "
            f"{c.i(3, 6)} đợt hiến máu tình nguyện, tiếp nhận {c.n(1200, 2400)} đơn vị máu, góp "
            "phần bảo đảm nguồn máu cấp cứu, điều trị cho người bệnh trong tỉnh."
        )
        third = (
            "Mỗi người hiến máu được tặng giấy chứng nhận, quà lưu niệm và hỗ trợ tiền ăn, đi "
            "lại theo quy định; nhiều người đã tham gia hiến máu từ 10 lần trở lên."
        )
    else:
        second = (
            f"Theo {YT.full}, hoạt động nằm trong kế hoạch chăm sóc sức khỏe nhân dân năm "
            f"{c.year}, góp phần phát hiện sớm, dự phòng bệnh tật ngay tại cộng đồng, giảm tải "
            "cho tuyến trên."
        )
        third = (
            "Trung tâm Y tế huyện đề nghị chính quyền các xã, thị trấn tiếp tục tuyên truyền để "
            "người dân chủ động theo dõi sức khỏe, tham gia bảo hiểm y tế và khám định kỳ tại "
            "trạm y tế gần nhà."
        )
    return {
        "title": title,
        "lead": lead,
        "paras": [first, second, third],
        "caption": caption,
        "tags": ("y tế", "chăm sóc sức khỏe", "đăng ký"),
    }


_ARTS = (
    ("các câu lạc bộ chèo", "chèo cổ, chèo cải biên, ngâm thơ"),
    ("các câu lạc bộ dân ca", "hát ru, hò, hát văn, dân ca đối đáp"),
    ("văn nghệ quần chúng người cao tuổi", "đơn ca, tốp ca, múa quạt, dưỡng sinh"),
)


@_template("van-hoa-xa-hoi", 3, evening=True)
def _v_lien_hoan(c: _Ctx) -> dict:
    art, genres = _ARTS[c.inst]
    teams = c.i(14, 22)
    return {
        "title": f"Sôi nổi liên hoan {art} huyện Vân Khê",
        "lead": "Trung tâm Văn hóa, Thông tin và Thể thao huyện Vân Khê tổ chức Liên hoan "
                f"{art} năm {c.year} với sự tham gia của {teams} đội đến từ các xã, thị trấn.",
        "paras": [
            f"Liên hoan có {c.i(40, 70)} tiết mục thuộc nhiều thể loại: {genres}, được dàn dựng "
            "công phu, mang đậm bản sắc địa phương. Nhiều tiết mục ca ngợi Đảng, Bác Hồ, quê "
            "hương và những đổi thay của huyện trong xây dựng nông thôn mới.",
            "Thành viên các đội phần lớn là nông dân, cán bộ hưu trí, giáo viên; tuổi tác, nghề "
            "nghiệp khác nhau nhưng chung niềm say mê nghệ thuật truyền thống. Liên hoan là dịp "
            "để các câu lạc bộ giao lưu, học hỏi, cùng gìn giữ di sản văn hóa trong cộng đồng.",
            f"Kết thúc liên hoan, Ban Tổ chức trao {c.i(4, 6)} giải A, {c.i(6, 9)} giải B, "
            f"{c.i(8, 12)} giải C cho các tiết mục xuất sắc và giải toàn đoàn cho các đơn vị có "
            "thành tích cao.",
        ],
        "caption": f"Một tiết mục biểu diễn tại liên hoan {art}.",
        "caption2": "Khán giả theo dõi các tiết mục dự thi.",
        "tags": ("văn hóa", "văn nghệ quần chúng", "di sản"),
    }


@_template("van-hoa-xa-hoi", 3, places="xa")
def _v_hoc_bong(c: _Ctx) -> dict:
    grants = c.i(30, 80)
    return {
        "title": (
            f"Trao {grants} suất học bổng cho học sinh vượt khó {c.p.full}",
            f"Tiếp sức đến trường cho học sinh nghèo hiếu học {c.p.full}",
            f"Hội Khuyến học huyện trao học bổng tại {c.p.full}",
        )[c.inst],
        "lead": f"Hội Khuyến học huyện Vân Khê phối hợp với UBND {c.p.full} trao {grants} suất "
                "học bổng cho học sinh có hoàn cảnh khó khăn, vươn lên học tốt.",
        "paras": [
            f"Mỗi suất học bổng trị giá {vn_int(c.i(10, 30) * 100_000)} đồng, trích từ Quỹ Khuyến "
            "học của huyện và sự ủng hộ của doanh nghiệp, người con quê hương thành đạt. Các em "
            "đều là học sinh mồ côi, thuộc hộ nghèo, cận nghèo nhưng có kết quả học tập tốt, "
            "được nhà trường và thôn đề nghị.",
            "Đại diện Hội Khuyến học huyện mong những phần quà tuy chưa lớn về vật chất sẽ là "
            "nguồn động viên kịp thời để các em vượt khó, tiếp tục phấn đấu trong học tập.",
            f"Phong trào khuyến học, khuyến tài ở {c.p.full} được duy trì sôi nổi; hiện xã có "
            f"{c.i(12, 30)} dòng họ và {c.i(3, 8)} thôn được công nhận danh hiệu “Dòng họ học "
            "tập”, “Cộng đồng học tập”.",
        ],
        "caption": f"Trao học bổng cho học sinh có hoàn cảnh khó khăn {c.p.full}.",
        "tags": ("khuyến học", "giáo dục", "học bổng"),
    }


@_template("van-hoa-xa-hoi", 2, places="xa")
def _v_viec_lam(c: _Ctx) -> dict:
    workers = c.i(350, 800)
    return {
        "title": f"Phiên giao dịch việc làm lưu động tại {c.p.full}",
        "lead": "Phòng Nội vụ huyện Vân Khê phối hợp với Trung tâm Dịch vụ việc làm tỉnh Lâm Hải "
                f"tổ chức phiên giao dịch việc làm lưu động tại {c.p.full}, thu hút hơn "
                f"{workers} lao động.",
        "paras": [
            f"Phiên giao dịch có {c.i(14, 30)} doanh nghiệp trong và ngoài tỉnh tham gia, với "
            f"nhu cầu tuyển dụng hơn {c.n(1200, 3500)} chỉ tiêu: công nhân may, lắp ráp linh "
            "kiện điện tử, lái xe, nhân viên kinh doanh. Một số đơn vị tư vấn đi làm việc ở "
            "nước ngoài theo hợp đồng tại các thị trường Nhật Bản, Hàn Quốc.",
            "Người lao động được tư vấn miễn phí về chính sách việc làm, học nghề, bảo hiểm "
            f"thất nghiệp và phỏng vấn trực tiếp. Kết quả, {c.i(180, 300)} người đăng ký dự "
            f"tuyển, {c.i(90, 170)} người được sơ tuyển đạt yêu cầu.",
            f"Từ đầu năm đến nay, toàn huyện đã giải quyết việc làm mới cho {c.n(1400, 2600)} "
            f"lao động, trong đó {c.i(120, 260)} người đi làm việc ở nước ngoài; tỷ lệ lao động "
            f"qua đào tạo đạt {c.pct(71, 79)}.",
        ],
        "caption": f"Người lao động {c.p.full} tìm hiểu thông tin tuyển dụng.",
        "tags": ("việc làm", "lao động", "đăng ký dự tuyển"),
    }


# --------------------------------------------------------------------------
# Quốc phòng - An ninh
# --------------------------------------------------------------------------


@_template("quoc-phong-an-ninh", 3, places="xa")
def _q_dien_tap(c: _Ctx) -> dict:
    return {
        "title": (
            f"{c.p.cap} diễn tập chiến đấu phòng thủ",
            f"Diễn tập chiến đấu phòng thủ {c.p.full} đạt kết quả tốt",
            f"{c.p.cap} hoàn thành diễn tập chiến đấu phòng thủ an toàn, đúng kế hoạch",
        )[c.inst],
        "lead": f"{c.p.full} tổ chức diễn tập chiến đấu phòng thủ năm {c.year} dưới sự chỉ đạo "
                "của Ban Chỉ huy Quân sự huyện Vân Khê.",
        "paras": [
            f"Cuộc diễn tập diễn ra trong {c.i(2, 3)} ngày với {c.i(160, 320)} người tham gia, "
            "gồm dân quân tự vệ, công an xã, các ban, ngành, đoàn thể và nhân dân. Nội dung tập "
            "trung vào chuyển trạng thái sẵn sàng chiến đấu, xử trí các tình huống về an ninh, "
            "trật tự và thực hành chiến đấu phòng thủ.",
            "Trong quá trình diễn tập, Đảng ủy, UBND xã thể hiện tốt vai trò lãnh đạo, điều "
            "hành; các lực lượng phối hợp nhịp nhàng, xử lý linh hoạt các tình huống giả định "
            "như gây rối tại nơi công cộng, cháy kho hàng, sạt lở đê và hỗ trợ nhân dân sơ "
            "tán.",
            f"Nhận xét kết quả, Trung tá {QS.name}, {QS.role}, đánh giá cuộc diễn tập bảo đảm "
            "an toàn tuyệt đối về người, vũ khí, trang bị; đạt mục đích, yêu cầu, được xếp loại "
            f"{c.pick(('Khá', 'Giỏi'))}.",
        ],
        "caption": f"Lực lượng dân quân {c.p.full} thực hành xử trí tình huống trong diễn tập.",
        "caption2": "Các lực lượng hỗ trợ nhân dân sơ tán trong tình huống giả định.",
        "tags": ("quốc phòng", "diễn tập", "dân quân tự vệ"),
    }


@_template("quoc-phong-an-ninh", 3, places="xa")
def _q_thien_tai(c: _Ctx) -> dict:
    river = c.pick(("sông Vân", "sông Đào Khê"))
    return {
        "title": (
            f"Kiểm tra công tác phòng, chống thiên tai tại {c.p.full}",
            f"{c.p.cap} chủ động phương án “bốn tại chỗ” ứng phó thiên tai",
            f"Rà soát điểm xung yếu trên tuyến đê {river} qua {c.p.full}",
        )[c.inst],
        "lead": f"đoàn kiểm tra của Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện "
                f"do {PCT1.full}, làm trưởng đoàn đã kiểm tra công tác chuẩn bị ứng phó thiên "
                f"tai tại {c.p.full}.",
        "paras": [
            f"{c.p.cap} có {c.d(3, 9)} km đê {river} và {c.i(2, 6)} trạm bơm tiêu; "
            f"{c.i(120, 450)} hộ dân sống ở vùng trũng, ven sông có nguy cơ bị ảnh hưởng khi mưa "
            "lớn kéo dài. Xã đã kiện toàn ban chỉ huy, xây dựng phương án ứng phó theo phương "
            "châm “bốn tại chỗ”, phân công lực lượng, phương tiện đến từng thôn.",
            f"Đoàn đã kiểm tra kho vật tư dự trữ với {c.n(2000, 6000)} bao tải, {c.i(60, 200)} "
            f"rọ thép, {c.i(150, 400)} áo phao cùng nhiều dụng cụ cứu hộ; kiểm tra các điểm xung "
            "yếu trên tuyến đê, các công trình thủy lợi và nơi dự kiến sơ tán dân.",
            f"{PCT1.Short} đề nghị xã không chủ quan, theo dõi sát diễn biến thời tiết; tổ chức "
            "tuần tra, canh đê khi có báo động; xử lý dứt điểm vi phạm hành lang đê, nạo vét kênh "
            "tiêu trước mùa mưa bão. Lực lượng dân quân, xung kích phải sẵn sàng giúp dân di "
            "chuyển khỏi vùng nguy hiểm khi có tình huống.",
        ],
        "caption": f"Đoàn công tác kiểm tra điểm xung yếu trên tuyến đê {river}.",
        "caption2": "Vật tư dự trữ phục vụ phòng, chống thiên tai tại kho của xã.",
        "tags": ("phòng, chống thiên tai", "đê điều", "tìm kiếm cứu nạn"),
    }


@_template("quoc-phong-an-ninh", 3, places="any")
def _q_cong_an(c: _Ctx) -> dict:
    variants = (
        ("phòng, chống lừa đảo trên không gian mạng",
         "Cán bộ Công an huyện đã giới thiệu các thủ đoạn lừa đảo phổ biến như giả danh cơ "
         "quan công an, tòa án gọi điện yêu cầu chuyển tiền; mời làm cộng tác viên bán hàng "
         "trực tuyến; gửi đường link giả mạo để chiếm đoạt tài khoản ngân hàng.",
         "Người dân được khuyến cáo không cung cấp mã OTP, mật khẩu cho bất kỳ ai; không bấm "
         "vào đường link lạ; khi nghi ngờ phải báo ngay cho công an xã hoặc gọi số điện thoại "
         "khẩn cấp."),
        ("phòng cháy, chữa cháy trong khu dân cư",
         "Cán bộ Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ đã phổ biến nguyên nhân "
         "thường gặp gây cháy nhà ở kết hợp kinh doanh, cách sử dụng an toàn điện, gas và bố "
         "trí lối thoát nạn thứ hai cho gia đình.",
         "Người dân được hướng dẫn thực hành sử dụng bình chữa cháy xách tay, xử lý đám cháy "
         "ban đầu; mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy” tiếp tục được nhân "
         "rộng."),
        ("pháp luật về trật tự, an toàn giao thông cho học sinh",
         "Cán bộ Đội Cảnh sát giao thông - trật tự đã phổ biến quy định về độ tuổi điều khiển "
         "phương tiện, đội mũ bảo hiểm đúng cách khi đi xe đạp điện, xe máy và kỹ năng qua "
         "đường an toàn.",
         "Nhà trường cam kết phối hợp với gia đình không giao xe máy cho học sinh chưa đủ tuổi; "
         "lực lượng công an sẽ tăng cường tuần tra ở khu vực cổng trường giờ tan học."),
    )
    topic, first, second = variants[c.inst]
    return {
        "title": f"Công an huyện tuyên truyền {topic} tại {c.p.full}",
        "lead": f"Công an huyện Vân Khê phối hợp với UBND {c.p.full} tổ chức tuyên truyền "
                f"{topic} cho hơn {c.i(150, 500)} người dân, học sinh trên địa bàn.",
        "paras": [
            first,
            second,
            f"Theo Thượng tá {CA.name}, {CA.role}, từ đầu năm đến nay đơn vị đã tổ chức "
            f"{c.i(30, 70)} buổi tuyên truyền tại các xã, thị trấn và trường học với hơn "
            f"{c.n(6000, 15000)} lượt người tham dự; qua đó nâng cao ý thức tự phòng ngừa của "
            "nhân dân, góp phần giữ vững an ninh, trật tự ở cơ sở.",
        ],
        "caption": f"Cán bộ Công an huyện tuyên truyền {topic} tại {c.p.full}.",
        "tags": ("an ninh trật tự", "tuyên truyền pháp luật", "công an"),
    }


@_template("quoc-phong-an-ninh", 3, places="xa")
def _q_dan_quan(c: _Ctx) -> dict:
    return {
        "title": (
            f"Kiểm tra huấn luyện lực lượng dân quân {c.p.full}",
            f"Dân quân {c.p.full} hoàn thành tốt nội dung kiểm tra huấn luyện",
            f"Nâng cao chất lượng huấn luyện dân quân ở {c.p.full}",
        )[c.inst],
        "lead": "Ban Chỉ huy Quân sự huyện Vân Khê tổ chức kiểm tra công tác huấn luyện lực "
                f"lượng dân quân năm {c.year} tại {c.p.full}.",
        "paras": [
            f"Năm nay, xã có {c.i(35, 70)} đồng chí dân quân tham gia huấn luyện, gồm dân quân "
            "cơ động, dân quân tại chỗ và dân quân năm thứ nhất. Nội dung tập trung vào chính "
            "trị, điều lệnh, kỹ thuật bắn súng, chiến thuật từng người và tìm kiếm cứu nạn.",
            "Qua kiểm tra, đoàn đánh giá Ban Chỉ huy Quân sự xã chuẩn bị chu đáo giáo án, thao "
            "trường, mô hình học cụ; bố trí thời gian huấn luyện hợp lý, ít ảnh hưởng đến sản "
            f"xuất của người dân. Kết quả kiểm tra bắn đạn thật đạt {c.pct(78, 95)} khá, giỏi.",
            f"Trung tá {QS.name}, {QS.role}, đề nghị xã duy trì nghiêm chế độ sẵn sàng chiến "
            "đấu, quản lý chặt chẽ lực lượng, vũ khí trang bị; thực hiện đầy đủ chế độ, chính "
            "sách để dân quân yên tâm làm nhiệm vụ.",
        ],
        "caption": f"Dân quân {c.p.full} thực hành kỹ thuật bắn súng.",
        "tags": ("quốc phòng", "dân quân tự vệ", "huấn luyện"),
    }


# --------------------------------------------------------------------------
# The sample article ("bai-mau"): the full shape of a portal article
# --------------------------------------------------------------------------

BAI_MAU_KEY = "bai-mau"
BAI_MAU_SECTION = "xay-dung-dang"
BAI_MAU_DAYS_AGO = 68
BAI_MAU_TIME = time(15, 42)


def _bai_mau(published: datetime) -> Article:
    m, y = published.month, published.year
    if m <= 3:  # the January-March review of the year that ended
        annual, year = True, y - 1
    elif m >= 10:  # the December review, held early
        annual, year = True, y
    else:
        annual, year = False, y
    if annual:
        period, nxt, scale = f"năm {year}", f"năm {year + 1}", 1.0
        title = (f"Huyện ủy Vân Khê tổng kết công tác xây dựng Đảng năm {year}, "
                 f"triển khai nhiệm vụ năm {year + 1}")
        conference = "tổng kết"
    else:
        period, nxt, scale = f"6 tháng đầu năm {year}", f"6 tháng cuối năm {year}", 0.5
        title = f"Huyện ủy Vân Khê sơ kết công tác xây dựng Đảng 6 tháng đầu năm {year}"
        conference = "sơ kết"
    dm = published.strftime("%d/%m")
    new_members = round(287 * scale)
    rows = [
        ("Thị trấn Vân Khê", 1126, 31, 100.0),
        ("Xã Tân Lập", 642, 18, 95.0),
        ("Xã Đông Phong", 588, 15, 94.1),
        ("Xã Phú Thịnh", 521, 14, 100.0),
        ("Xã Hòa Xuân", 497, 12, 92.9),
        ("Xã Kim Lũy", 463, 11, 93.8),
        ("Xã Thủy Lâm", 402, 9, 100.0),
    ]
    table_rows = [
        [name, vn_int(members), vn_int(max(1, round(new * scale))), vn_dec(rate) + "%"]
        for name, members, new, rate in rows
    ]
    body: list[tuple[str, object]] = [
        ("paragraph",
         f"Theo báo cáo tại hội nghị, {period}, các cấp ủy trong Đảng bộ huyện đã bám sát "
         "chương trình công tác, lãnh đạo thực hiện đồng bộ nhiệm vụ phát triển kinh tế - xã "
         "hội và xây dựng, chỉnh đốn Đảng. Tổng giá trị sản xuất trên địa bàn ước đạt "
         f"{vn_dec(18426.5 * scale)} tỷ đồng, tăng 9,6% so với cùng kỳ; thu ngân sách nhà nước "
         f"đạt {vn_dec(1152.8 * scale)} tỷ đồng, bằng {vn_dec(118.4 * scale)}% dự toán; thu nhập "
         "bình quân đầu người ước đạt 72,3 triệu đồng/năm; tỷ lệ hộ nghèo giảm còn 0,86%."),
        ("heading", "Nâng cao chất lượng tổ chức cơ sở đảng và đảng viên"),
        ("paragraph",
         "Công tác tổ chức, cán bộ được thực hiện chặt chẽ, đúng nguyên tắc. Ban Thường vụ "
         "Huyện ủy đã rà soát, bổ sung quy hoạch cán bộ; điều động, luân chuyển 14 cán bộ; kiện "
         f"toàn cấp ủy ở 6 đảng bộ cơ sở. Toàn Đảng bộ kết nạp {vn_int(new_members)} đảng viên "
         f"mới, đạt {vn_dec(106.3 * scale)}% chỉ tiêu; thành lập thêm 3 chi bộ trong doanh "
         "nghiệp ngoài khu vực nhà nước, nâng tổng số đảng viên lên 9.684 đồng chí, sinh hoạt "
         "tại 52 tổ chức cơ sở đảng."),
        ("image", (
            7,
            f"{BT.Full}, phát biểu kết luận hội nghị.",
            "Ảnh: Thu Hà",
        )),
        ("paragraph",
         "Ủy ban Kiểm tra các cấp đã kiểm tra 41 tổ chức đảng và 96 đảng viên, giám sát chuyên "
         "đề 58 tổ chức đảng; xem xét, thi hành kỷ luật 7 đảng viên vi phạm. Công tác tuyên "
         "giáo, dân vận có nhiều đổi mới: 100% cán bộ, đảng viên đăng ký nội dung làm theo gương "
         "Bác gắn với nhiệm vụ được giao; các mô hình “Dân vận khéo” tiếp tục được nhân rộng ở "
         "thôn, tổ dân phố."),
        ("quote", (
            "Sinh hoạt chi bộ có chất lượng thì nghị quyết mới đi vào cuộc sống. Mỗi cấp ủy phải "
            "bắt đầu từ những việc cụ thể ở cơ sở, nói đi đôi với làm, lấy sự hài lòng của nhân "
            "dân làm thước đo.",
            BT.Full,
        )),
        ("table", (
            ["Đảng bộ", "Số đảng viên", "Kết nạp mới", "Chi bộ hoàn thành tốt nhiệm vụ trở lên"],
            table_rows,
            f"Kết quả công tác xây dựng Đảng ở một số đảng bộ cơ sở, {period}",
        )),
        ("paragraph",
         f"Về nhiệm vụ {nxt}, Huyện ủy Vân Khê xác định tiếp tục nâng cao chất lượng sinh hoạt "
         "chi bộ, nhất là chi bộ nông thôn; làm tốt công tác phát triển đảng viên trong đoàn "
         "viên thanh niên và người lao động ở doanh nghiệp; tăng cường kiểm tra, giám sát những "
         "lĩnh vực dễ phát sinh sai phạm như đất đai, đầu tư công; thực hiện nghiêm quy chế dân "
         "chủ ở cơ sở và chế độ tiếp xúc, đối thoại với nhân dân."),
        ("paragraph",
         "Dịp này, Ban Thường vụ Huyện ủy tặng Giấy khen cho 12 tổ chức cơ sở đảng tiêu biểu và "
         "27 đảng viên có thành tích nổi bật trong thực hiện nhiệm vụ chính trị ở địa phương, "
         "đơn vị."),
        ("document", (f"Báo cáo {conference} công tác xây dựng Đảng {period} của Huyện ủy "
                      "Vân Khê",)),
    ]
    lead = (f"{daypart(published)} {dm}, Ban Thường vụ Huyện ủy Vân Khê tổ chức Hội nghị "
            f"{conference} công tác xây dựng Đảng, hệ thống chính trị {period}, đồng thời bàn "
            f"giải pháp cho nhiệm vụ {nxt}. {BT.Full}, chủ trì hội nghị; cùng dự có bí thư các "
            "tổ chức cơ sở đảng, lãnh đạo các ban, ngành, đoàn thể và Ủy ban Kiểm tra Huyện ủy.")
    return Article(
        key=BAI_MAU_KEY,
        section=BAI_MAU_SECTION,
        title=title,
        published_at=published,
        lead=lead,
        body=body,
        image=3,
        caption="Quang cảnh hội nghị tại Hội trường Huyện ủy Vân Khê.",
        credit="Ảnh: Minh Khôi",
        authors=("Minh Khôi", "Thu Hà"),
        source="Ban Tuyên giáo và Dân vận Huyện ủy Vân Khê",
        tags=("xây dựng Đảng", "Huyện ủy", "tổ chức cơ sở đảng"),
    )


# --------------------------------------------------------------------------
# Schedule and assembly
# --------------------------------------------------------------------------

_DAY_HOURS = (7, 8, 9, 10, 11, 13, 14, 15, 16, 17)  # away from 12:00 and 18:00 on purpose
_EVENING_HOURS = (19, 20)


@dataclass
class _Slot:
    template: _Template
    inst: int
    key: str
    place: _Place | None
    published: datetime | None = None


def _slots() -> list[_Slot]:
    """Every generated article, in a fixed order, with its place and key (no dates yet)."""
    rng = random.Random("toasoan-demo-places")
    counters: dict[str, int] = {}
    slots = []
    for template in _TEMPLATES:
        if template.places == "xa":
            pool = list(COMMUNES)
        elif template.places == "any":
            pool = [TOWN, *COMMUNES]
        else:
            pool = []
        places = rng.sample(pool, template.count) if pool else [None] * template.count
        for inst in range(template.count):
            counters[template.section] = counters.get(template.section, 0) + 1
            key = f"{_KEY_PREFIX[template.section]}-{counters[template.section]:02d}"
            slots.append(_Slot(template, inst, key, places[inst]))
    return slots


def _local_now(now: datetime) -> datetime:
    if now.tzinfo is None:  # naive values are taken as UTC, like Django's
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    return now.astimezone(TZ)


def _bai_mau_date(today: date) -> date:
    day = today - timedelta(days=BAI_MAU_DAYS_AGO)
    if day.weekday() == 6:  # not on a Sunday
        day -= timedelta(days=1)
    return day


def _schedule(slots: list[_Slot], now: datetime) -> datetime:
    """Give every slot a publication time; return bai-mau's. Deterministic for a `now`."""
    today = _local_now(now).date()
    rng = random.Random("toasoan-demo-schedule")
    order = list(range(len(slots)))
    rng.shuffle(order)
    taken: set[tuple[date, int, int]] = set()

    bai_mau_day = _bai_mau_date(today)
    taken.add((bai_mau_day, BAI_MAU_TIME.hour, BAI_MAU_TIME.minute))
    bai_mau = datetime.combine(bai_mau_day, BAI_MAU_TIME, tzinfo=TZ)

    total = len(order)
    for rank, index in enumerate(order):
        slot = slots[index]
        days_ago = 1 + (rank * (WINDOW_DAYS - 1)) // total + rng.randint(0, 1)
        day = today - timedelta(days=days_ago)
        if day.weekday() == 6:  # Sunday: move to Saturday, or Monday at the window's edge
            day += timedelta(days=-1 if days_ago < WINDOW_DAYS else 1)
        if slot.template.evening and rng.random() < 0.5:
            hour = rng.choice(_EVENING_HOURS)
        else:
            hour = rng.choice(_DAY_HOURS)
        minute = rng.randrange(60)
        while (day, hour, minute) in taken:
            minute = (minute + 7) % 60
        taken.add((day, hour, minute))
        slot.published = datetime.combine(day, time(hour, minute), tzinfo=TZ)
    return bai_mau


def _assemble(slot: _Slot, attempt: int) -> Article:
    seed = slot.key if attempt == 0 else f"{slot.key}#{attempt}"
    rng = random.Random(seed)
    when = slot.published
    ctx = _Ctx(rng, when, slot.place, slot.inst)
    data = slot.template.fill(ctx)

    image = rng.randrange(PHOTO_VARIANTS)
    authors = tuple(rng.sample(AUTHORS, 1 if rng.random() < 0.6 else 2))
    photographer = authors[-1] if rng.random() < 0.7 else rng.choice(AUTHORS)
    body: list[tuple[str, object]] = [("paragraph", p) for p in data["paras"]]
    if data.get("quote"):
        body.insert(2, ("quote", data["quote"]))
    if data.get("caption2") and rng.random() < 0.45:
        second = (image + 1 + rng.randrange(PHOTO_VARIANTS - 1)) % PHOTO_VARIANTS
        body.insert(2, ("image", (second, data["caption2"], f"Ảnh: {photographer}")))
    lead = f"{daypart(when)} {when.strftime('%d/%m')}, {data['lead']}"
    return Article(
        key=slot.key,
        section=slot.template.section,
        title=data["title"],
        published_at=when,
        lead=lead,
        body=body,
        image=image,
        caption=data["caption"],
        credit=f"Ảnh: {photographer}",
        authors=authors,
        source=LOCAL_SOURCE if rng.random() < 0.15 else "",
        tags=tuple(data["tags"]),
    )


def articles(now: datetime) -> list[Article]:
    """All demo articles, newest first, published over the `WINDOW_DAYS` days before `now`.

    Deterministic: the same `now` gives equal lists. Keys never depend on `now`.
    A naive `now` is taken as UTC.
    """
    slots = _slots()
    bai_mau_time = _schedule(slots, now)

    result: list[Article] = [_bai_mau(bai_mau_time)]
    titles = {result[0].title}
    for slot in slots:
        attempt = 0
        article = _assemble(slot, attempt)
        while article.title in titles:
            attempt += 1
            article = _assemble(slot, attempt)
        titles.add(article.title)
        result.append(article)
    result.sort(key=lambda a: a.published_at, reverse=True)
    return result


# --------------------------------------------------------------------------
# Reader comments on the sample article (invented readers, invented numbers)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ReaderComment:
    name: str
    title: str
    content: str
    status: str = "approved"  # approved comments show; pending ones wait in the queue
    phone: str = ""
    reply: str = ""
    minutes_after: int = 60  # sent this long after the article was published


COMMENTS: list[ReaderComment] = [
    ReaderComment(
        "Nguyễn Thị Lan", "Đề nghị công khai kết quả theo từng chi bộ",
        "Tôi là đảng viên sinh hoạt ở chi bộ thôn Đồng Mới.\nĐề nghị Huyện ủy công khai kết quả "
        "xếp loại theo từng chi bộ để các chi bộ học tập lẫn nhau.",
        phone="+84912480135", minutes_after=95,
        reply="Cảm ơn đồng chí đã góp ý. Kết quả xếp loại được niêm yết tại trụ sở Đảng ủy các xã "
              "và sẽ được đăng trong chuyên mục Xây dựng Đảng của cổng.",
    ),
    ReaderComment(
        "Phạm Quốc Hưng", "Sinh hoạt chi bộ cần bớt hình thức",
        "Nhiều buổi sinh hoạt chi bộ vẫn đọc lại nghị quyết là chính. Mong huyện có hướng dẫn "
        "chọn chuyên đề gắn với việc của thôn, như đường làng, nước sạch.",
        minutes_after=240,
    ),
    ReaderComment(
        "Lê Minh Châu", "Cảm ơn Ban biên tập",
        "Bài viết đầy đủ, có cả bảng số liệu theo xã, người dân dễ theo dõi.",
        minutes_after=1500,
    ),
    ReaderComment(
        "Đỗ Văn Khải", "Hỏi về thủ tục chuyển sinh hoạt đảng",
        "Cho tôi hỏi đảng viên đi làm ăn xa thì chuyển sinh hoạt tạm thời ở đâu, cần giấy tờ gì?",
        status="pending", phone="+84388214567", minutes_after=2900,
    ),
]
