"""Sources cited by more than one seed module (see domain-facts.md), written once."""

CBA_2026 = (
    "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30）",
    "association",
    "https://www.01caijing.com/article/344310.htm",
)
NIFA_2018 = (
    "中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》（2018）第15、19、21条",
    "association",
    "http://extremexp.net/xinwen/jinrong/2018/0328/36729.html",
)
