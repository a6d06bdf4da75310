"""Sources cited by more than one seed module (see domain-facts.md), written once.

A link is given only where it goes to a site on the trusted list (advisor.seed.trust). Where
the only pages we found were content farms or reprint aggregators, the item carries no link,
and its tier is "our_reading": the source line then says, in the reader's language, that no
official text was found and that this is our own summary of public reports.
"""

# The national database of laws and judicial interpretations (全国人大). Our editors read the
# texts in the LawRefBook transcription; the borrower is sent to the official database.
LAW_DATABASE = "https://flk.npc.gov.cn/"

CBA_2026 = (
    "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026-01-30，零壹财经报道）",
    "association",
    "https://www.01caijing.com/article/344310.htm",
)
NIFA_2018 = (
    "中国互联网金融协会《互联网金融逾期债务催收自律公约（试行）》（2018-03-28发布）"
    "第15、19、21条，据新华社、中新社报道",
    "our_reading",
    "",
)
FIVE_DEPT = (
    "金融监管总局等五部门《关于警惕不法“代理维权”短视频及直播陷阱的风险提示》（2026-02-06，新华网）",
    "news",
    "http://big5.news.cn/gate/big5/www.news.cn/20260209/c166bbfed11d409b8db8c7ab9dc7079e/c.html",
)
BEIJING_ALERT = (
    "北京金融监管局：警惕假冒“贷款催收”短信的消费提示（2026-03，新华社2026-03-16报道）",
    "our_reading",
    "",
)
# The page is 人民日报's article as reprinted by 深圳新闻网 (domain-facts §5.3).
POLICE_FRAUD = (
    "人民日报：公检法不会电话办案，没有“安全账户”（2024-06-06，深圳新闻网转载）",
    "news",
    "https://sznews.com/news/content/2024-06/06/content_30999266_0.htm",
)
# 信用卡办法 Art. 70 and Art. 68, known to us only through quotations on reprint sites.
CARD_RULES_ART70 = (
    "《商业银行信用卡业务监督管理办法》（原银监会令2011年第2号）第七十条",
    "our_reading",
    "",
)
NFRA_12378 = (
    "银行保险消费者投诉维权热线12378（国家金融监督管理总局）",
    "our_reading",
    "",
)
