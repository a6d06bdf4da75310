"""Sites that may never be given as a source (editors manage the list in the admin).

Each was found during research or the content review of 2026-12-03: SEO "knowledge" pages,
loan-advertising sites and pages that carry invented statistics. Our research used some of
them to learn what the industry says; a borrower must never be sent to them.
"""

from advisor.seed import Seed


def blocked(domain: str, reason: str) -> Seed:
    return Seed("BlockedDomain", {"domain": domain}, {"reason": reason})


SEEDS = [
    blocked(
        "haokouzi.cc", "贷款广告网站（好口子）；“上门概率+42%”“127.3万件”等编造的统计出自这里。"
    ),
    blocked("xiaoyuxitong.com", "电脑系统教程SEO网站，不是支付宝的官方页面。"),
    blocked("2wbiao.com", "SEO网站，银行电话的唯一出处，不是银行官网。"),
    blocked("pos8888.cn", "POS机销售网站，不是银行官网。"),
    blocked("xincainet.com", "SEO资讯网站，不是微众银行官网。"),
    blocked("feedwhy.com", "SEO常识网站，不是银行官网。"),
    blocked("233.com", "考试培训网站；页面上的罚单和投诉统计看起来是编造的。"),
    blocked("rlut.cn", "把支付宝客服写成95055（错误号码）的SEO网页。"),
    blocked("hefeilaws.com", "SEO网页，把22点到8点错误地说成2018年公约的规定。"),
    blocked("meipian.cn", "“助贷新规每日不超过3次”的谣言帖出处。"),
    blocked("19lou.com", "把微粒贷说成蚂蚁金服产品的错误页面。"),
    blocked("hptj.cn", "堆砌关键词、宣传讨债公司的网页，编造上门时间表。"),
]
