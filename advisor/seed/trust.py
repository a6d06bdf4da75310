"""Which sites may be given as a source, and which never (editors manage both in the admin).

Trusted (an allowlist): a published item may link only a site on it: government, courts,
regulators, associations, major news and the lenders' own sites. Blocked: sites found during
research or the content reviews of 2026-12-03 and 2026-12-07 (SEO "knowledge" pages,
content farms, reprint aggregators, loan advertising, pages with invented statistics). They
are blocked outright, with the reason, so an editor who pastes one is told why at once.
"""

from advisor.seed import Seed


def trusted(domain: str, kind: str, reason: str) -> Seed:
    return Seed("TrustedDomain", {"domain": domain}, {"kind": kind, "reason": reason})


def blocked(domain: str, reason: str) -> Seed:
    return Seed("BlockedDomain", {"domain": domain}, {"reason": reason})


TRUSTED = [
    trusted(
        "gov.cn",
        "government",
        "中国政府网和各级政府部门（所有 .gov.cn 网站，含地方公安、司法局）。",
    ),
    trusted("npc.gov.cn", "government", "全国人大；国家法律法规数据库 flk.npc.gov.cn 在它下面。"),
    trusted("court.gov.cn", "court", "最高人民法院及其平台（中国执行信息公开网等）。"),
    trusted("pbc.gov.cn", "regulator", "中国人民银行。"),
    trusted("pbccrc.org.cn", "regulator", "中国人民银行征信中心。"),
    trusted("nfra.gov.cn", "regulator", "国家金融监督管理总局（原银保监会）。"),
    trusted("nifa.org.cn", "association", "中国互联网金融协会。"),
    trusted("china-cba.net", "association", "中国银行业协会。"),
    trusted(
        "12321.cn", "government", "12321网络不良与垃圾信息举报受理中心（工业和信息化部委托设立）。"
    ),
    trusted("people.com.cn", "news", "人民日报、人民网。"),
    trusted("news.cn", "news", "新华社、新华网。"),
    trusted("xinhuanet.com", "news", "新华网（旧域名）。"),
    trusted("cctv.com", "news", "中央广播电视总台。"),
    trusted("chinanews.com.cn", "news", "中国新闻社（中新网）。"),
    trusted("chinanews.com", "news", "中国新闻社（中新网，旧域名）。"),
    trusted("caixin.com", "news", "财新网。"),
    trusted("163.com", "news", "网易新闻；只用于注明转载自新华社、人民日报的报道。"),
    trusted("crntt.com", "news", "中国评论通讯社；只用于注明转载自人民日报的报道。"),
    trusted("sina.com.hk", "news", "新浪香港；只用于注明转载自澎湃新闻的报道。"),
    trusted("sznews.com", "news", "深圳新闻网（深圳报业集团）。"),
    trusted("01caijing.com", "news", "零壹财经，金融行业媒体；用于行业协会文件的报道。"),
    trusted("csjrw.cn", "news", "长沙晚报电子版。"),
    trusted("cnhubei.com", "news", "荆楚网（湖北日报）。"),
    trusted("mzyfz.org.cn", "news", "《民主与法制》（中国法学会主管）。"),
    trusted("hbfzb.com", "news", "河北法制报。"),
    trusted("dahuawang.com", "news", "汕头日报（大华网）。"),
    trusted("zjblf.com", "news", "律师事务所的评论文章；只用于写明“原文措辞未核实”的内容。"),
    # The lenders' own sites (advisor.seed.lenders links each one's homepage).
    trusted("webank.com", "lender", "微众银行官网。"),
    trusted("antgroup.com", "lender", "蚂蚁集团官网。"),
    trusted("alipay.com", "lender", "支付宝官网。"),
    trusted("cmbchina.com", "lender", "招商银行官网。"),
    trusted("icbc.com.cn", "lender", "中国工商银行官网。"),
    trusted("abchina.com", "lender", "中国农业银行官网。"),
    trusted("boc.cn", "lender", "中国银行官网。"),
    trusted("ccb.com", "lender", "中国建设银行官网。"),
    trusted("bankcomm.com", "lender", "交通银行官网。"),
    trusted("hxb.com.cn", "lender", "华夏银行官网。"),
    trusted("jd.com", "lender", "京东官网（京东金融的产品页在京东站内）。"),
    trusted("duxiaoman.com", "lender", "度小满官网。"),
    trusted("mucfc.com", "lender", "招联消费金融官网。"),
    trusted("msxf.com", "lender", "马上消费金融官网。"),
    trusted("meituan.com", "lender", "美团官网。"),
    # The makers' own help pages, for the "leave no trace" steps on their phones and browsers.
    trusted("support.apple.com", "maker", "苹果公司的官方帮助（iPhone、Safari）。"),
    trusted("support.google.com", "maker", "谷歌的官方帮助（Chrome、安卓）。"),
]

BLOCKED = [
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
    # The content review of 2026-12-07, section 5.
    blocked("extremexp.net", "来历不明的新闻镜像站，转载新华社报道；应引用协会或新华社原文。"),
    blocked("huashangw.com", "署名“创始人”的聚合站，不是华商网（hsw.cn）。"),
    blocked("quangouzu.com", "内容农场。"),
    blocked("yktchina.com", "转载监管规章的内容农场。"),
    blocked("tsxnews.com.cn", "SEO“法律知识”网页。"),
    blocked("3news.cn", "SEO网页。"),
    blocked("borongbank.cn", "贷款和SEO网站。"),
    blocked("gzjll.com", "SEO“知识”网页。"),
    blocked("wodefinance.com", "英文SEO网页。"),
    blocked("830036.com", "转载上海证券报的内容农场镜像。"),
    blocked("jlntv.cn", "转载人民网科普的奇怪子域名，来历不明。"),
    blocked("bjtitle.com", "转载中国新闻周刊的聚合站。"),
    blocked("szcga.com", "来历不明的网站，自称转载金融监管总局的说明。"),
    blocked("xinhuanet.com.cn", "仿冒新华网域名的镜像站（新华网是 news.cn、xinhuanet.com）。"),
    # Spam mirrors named in our research notes.
    blocked("6upfun.com", "夹带垃圾内容的新闻镜像。"),
    blocked("calyptus.net", "夹带垃圾内容的新闻镜像。"),
    blocked("yaochang666.com", "文字被打乱的新闻镜像。"),
    blocked("rasgz.cn", "夹带垃圾内容的新闻镜像。"),
    blocked("glnlw.com", "SEO网页。"),
]

SEEDS = [*TRUSTED, *BLOCKED]
