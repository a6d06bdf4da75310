"""Sources cited by more than one seed module (see domain-facts.md), written once."""

CBA_2026 = (
    "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30，零壹财经报道）",
    "association",
    "https://www.01caijing.com/article/344310.htm",
)
NIFA_2018 = (
    "中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》（2018）第15、19、21条",
    "association",
    "http://extremexp.net/xinwen/jinrong/2018/0328/36729.html",
)
FIVE_DEPT = (
    "金融监管总局等五部门《关于警惕不法“代理维权”短视频及直播陷阱的风险提示》（2026-02-06，新华网）",
    "news",
    "http://big5.news.cn/gate/big5/www.news.cn/20260209/c166bbfed11d409b8db8c7ab9dc7079e/c.html",
)
BEIJING_ALERT = (
    "北京金融监管局：警惕假冒“贷款催收”短信（2026-03，华商网报道）",
    "news",
    "http://www.huashangw.com/shangye/show-1067075.html",
)
# The page is 人民日报's article as reprinted by 深圳新闻网 (domain-facts §5.3).
POLICE_FRAUD = (
    "人民日报：公检法不会电话办案，没有“安全账户”（2024-06-06，深圳新闻网转载）",
    "news",
    "https://sznews.com/news/content/2024-06/06/content_30999266_0.htm",
)
