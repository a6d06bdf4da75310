"""The letter library: ten letters, in Simplified Chinese and English.

Structure and evidence lists follow domain-facts §6 (summarised from practice guides and
the credit-card rules); every sentence is our own. Letters never promise a right: for
credit cards the bank *may* agree to up to 60 months (信用卡办法 Art. 70); for online and
consumer-finance loans any relief is at the lender's discretion (domain-facts §6.1, §7).

Placeholders come from the fixed set in ``advisor.rules.letter.PLACEHOLDERS``. The first line of
every body is the letter's title.
"""

import datetime as dt
from typing import Any

from advisor.seed import TRUTH, Seed, sourced
from advisor.seed.sources import LAW_DATABASE, NFRA_12378

_CARD_RULE = (
    "《商业银行信用卡业务监督管理办法》第七十条（个性化分期还款协议，银行“可以”同意，最长5年）、"
    "第六十八条（催收录音至少保存2年）",
    "our_reading",
    "",
    TRUTH,
)
_PRACTICE = (
    "协商还款申请书的常见结构和附件（行业做法，非规定）",
    "practice",
    "",
    TRUTH,
)
_COMPLAINTS = (
    "《银行业保险业消费投诉处理管理办法》（2020）：机构应在15日内作出处理决定（新闻报道）",
    "news",
    "http://finance.caixin.com/2020-01-17/101505443.html",
)
_HOTLINE = NFRA_12378
_CBA = (
    "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026）：与债务无关的第三人（新闻报道）",
    "association",
    "https://www.01caijing.com/article/344310.htm",
)
_SETTLE = (
    "结清证明向贷款机构的官方渠道申请，各机构路径不同（行业做法）",
    "practice",
    "",
    TRUTH,
)
_CREDIT = (
    "《征信业管理条例》第二十五条（异议：20日内核查并书面答复）",
    "law",
    LAW_DATABASE,
)

_SEND_TWO_ZH = "打印两份并签名：一份寄出，一份自己留着。寄出前给每一页拍照。"
_SEND_TWO_EN = (
    "Print two copies and sign both: send one, keep one. Photograph every page before you send it."
)
_GENUINE_ZH = "困难证明必须是真的。伪造证明是违法犯罪，不要找任何人“代办材料”。"
_GENUINE_EN = "Proof of hardship must be genuine. Forging documents is a crime: never pay anyone to 'prepare' papers for you."


def letter(slug: str, order: int, source: tuple[Any, ...], zh: dict, en: dict) -> Seed:
    fields = {"order": order, **sourced(*source)}
    for name in ("title", "situation", "gate", "sending", "evidence", "body"):
        fields[f"{name}_zh_hans"] = zh[name].strip()
        fields[f"{name}_en"] = en[name].strip()
    return Seed("LetterTemplate", {"slug": slug}, fields)


# The hardship letter (困难情况说明 / 暂缓还款申请): for the borrower with little or nothing to
# spare, any lender kind. Structure from domain-facts §6.2 (cause, current position,
# willingness, the request, contact); relief is always asked for, never claimed (§6.1, §7.1),
# and the colloquial "停息挂账" is not used (§6.1).
_HARDSHIP = letter(
    "hardship",
    5,
    _PRACTICE,
    {
        "title": "困难情况说明（暂缓还款申请）",
        "situation": "每月扣除必需开支后，没有余钱或只剩很少的钱还款，想请机构暂缓一段时间、停止计息和罚息。",
        "gate": """
这封信适合你，如果：
每月扣除吃饭、住房、看病等必需开支后，没有余钱还款，或者只剩很少；欠哪一类机构都可以用（信用卡、网贷、消费金融、小额贷款公司等）。

信里会写：你的收入和必需开支、每月能拿出多少（可能是 0）、困难的原因，并请机构暂缓一段时间、在这段时间停止计息和收取罚息费用、到期再按你的收支商量。同时附上还款计划里的收支说明。

要知道：暂缓、停止计息、减免罚息，都由机构决定，没有规定一定要同意。信用卡的个性化分期，银行也只是“可以”同意。写信是把实情讲清楚，请机构考虑。

不适合的情况：
每月还能拿出一笔钱、想分期慢慢还：信用卡用“个性化分期还款申请”，网贷和消费金融用“协商还款／延期还款申请”。
""",
        "sending": f"""
只用官方渠道：官方App的客服、合同上或卡背面的官方电话，问清楚书面材料交到哪里。不要用催收短信里的链接或号码。
不要付钱给任何“代理协商”的人。暂缓、停止计息都可以自己申请，不需要中介。
{_SEND_TWO_ZH}
{_GENUINE_ZH}
每家机构寄同一份收支说明，每家一封信。保留寄件凭证或聊天截图，记下每次通话的日期、时间和客服工号。
机构同意后，请它书面确认；电话里谈妥的，用“书面确认函”确认。
""",
        "evidence": """
个人收支说明（还款计划里生成，每家机构同一份）
身份证复印件（复印件上已注明“仅用于协商还款”）
最近的账单或借款记录截图
困难证明，按实际情况：失业或解除劳动合同证明、诊断证明和医院票据、低保证、家庭变故的相关材料
我的全部欠款清单
""",
        "body": """
困难情况说明及暂缓还款申请

致：[贷款机构]

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]
合同编号或卡号：[合同编号]

一、欠款情况
我在贵机构的欠款目前约[逾期金额]，已逾期约[逾期天数]天。准确金额以贵机构的记录为准。

二、遇到的困难
[困难类型]
[困难原因]

三、现在的收支
我现在每月收入约[每月收入]，房租、吃饭、看病等必需开支约[每月必要支出]，扣除后每月能用于还款的约[每月可还金额]。详细情况见附上的个人收支说明，同一份说明也提供给了我的其他债权机构。

四、我的请求
我没有逃避这笔欠款，只是按原来的约定，现在确实还不上。恳请贵机构考虑：
1. 暂缓[暂缓月数]个月，这段时间暂停催收；
2. 暂缓期间停止计息，不再收取罚息、违约金和其他费用；
3. 暂缓期满时，按我那时的收支重新商量还款安排。
[暂缓期间还款]
是否同意由贵机构决定。我的收入或开支有变化时，我会及时告诉贵机构。

五、联系方式
考虑期间，请只通过上面的电话或书面方式与我本人联系，不要联系我的家人、朋友或单位。请把处理结果书面告诉我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
    },
    {
        "title": "Hardship statement (request to pause repayments)",
        "situation": "After essential costs you have little or nothing left each month, and want the lender to pause repayments for a while and stop interest and penalties.",
        "gate": """
This letter fits if:
after food, housing, medical care and other essentials you have nothing, or very little, left each month for debts. It works for any kind of lender (credit cards, online loans, consumer finance, small-loan companies).

The letter states your income and essential costs, what you can spare each month (possibly nothing) and the cause of your hardship, and asks the lender to pause repayments for a stated time, to stop interest, penalties and fees during that time, and to review then in the light of your budget. The budget statement from the repayment plan goes with it.

Good to know: a pause, stopping interest and waiving penalties are all up to the lender; no rule says they must agree. Even a credit-card instalment plan is something a bank "may" agree to. The letter sets out the facts and asks.

This letter does not fit if:
you can still spare a sum each month and want to repay in instalments: use "Personalised instalment request (credit card)" for a card, or "Request to renegotiate or extend repayment" for an online or consumer-finance loan.
""",
        "sending": f"""
Use official channels only: the official app's customer service, or the official number in your contract or on the back of your card; ask where to send the papers. Never use links or numbers from collection texts.
Never pay anyone who offers to "negotiate for you". You can ask for a pause or for interest to stop yourself; no agent is needed.
{_SEND_TWO_EN}
{_GENUINE_EN}
Send every lender the same budget statement, and each its own letter. Keep the posting receipt or chat screenshots, and note the date, time and agent's staff number of every call.
Once a lender agrees, ask for it in writing; if you agreed by phone, use the "Written confirmation of a phone agreement" letter.
""",
        "evidence": """
My budget statement (made in the repayment plan; the same for every lender)
Copy of my ID card (marked "only for repayment negotiation")
My latest statement or screenshots of the loan record
Proof of my hardship: job loss or termination letter, diagnosis and hospital bills, minimum-living-allowance card, papers about the family crisis
A list of all my debts
""",
        "body": """
Hardship statement and request to pause repayments

To: [Lender]

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]
Contract or card number: [Contract number]

1. What I owe
I owe about [Amount overdue] to you and am about [Days overdue] days overdue. Your records are the authority on the exact figure.

2. My hardship
[Kind of hardship]
[Reason for hardship]

3. My income and spending
My income is now about [Monthly income] a month and my essential costs, such as rent, food and medical care, are about [Essential spending]; that leaves about [Available each month] a month for debts. The attached budget statement gives the details; I have sent the same statement to my other lenders.

4. My request
I am not avoiding this debt; I simply cannot keep to the original terms now. Please consider:
1. pausing repayments for [Months of pause] months, and pausing collection during that time;
2. stopping interest, penalty interest, late fees and other charges during the pause;
3. reviewing the repayments with me when the pause ends, in the light of my budget then.
[During the pause]
Whether to agree is your decision. I will tell you promptly if my income or costs change.

5. Contact
While you consider this, please contact only me, by the phone number above or in writing, and not my family, friends or employer. Please give me your decision in writing.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
    },
)
_HARDSHIP.fields["reviewed_on"] = dt.date(2026, 12, 7)

SEEDS = [
    _HARDSHIP,
    letter(
        "card-instalment",
        10,
        _CARD_RULE,
        {
            "title": "个性化分期还款申请（信用卡）",
            "situation": "欠银行信用卡，暂时还不上，想请银行同意把欠款分成更多期慢慢还。",
            "gate": """
这封信适合你，如果：
欠的是银行信用卡；你确实暂时还不上，但愿意继续还。

要知道：按照信用卡的监管规定，银行“可以”和你协商签订个性化分期还款协议，最长5年（60个月）。这是银行可以同意的事，不是你一定能得到的权利，银行也可能只同意更短的期数。

不适合的情况：
欠的是微粒贷、借呗、花呗、网贷或消费金融公司的钱：请用“协商还款／延期还款申请”。
只想请机构减免罚息和费用：请用“减免罚息／费用申请”。
""",
            "sending": f"""
先打信用卡背面的官方客服电话，说明你要申请个性化分期，问清楚材料交到哪里（官方App上传、邮箱或邮寄地址）。
只用银行官方渠道。不要把材料交给催收人员私下给的地址，也不要付钱给任何“代理协商”的人。
{_SEND_TWO_ZH}
{_GENUINE_ZH}
邮寄请用能查询的方式（如EMS），保留快递单号。打电话时记下日期、时间和客服工号。
银行在电话里同意后，请它把协议内容书面发给你，或者用“书面确认函”确认。
""",
            "evidence": """
身份证复印件（复印件上已注明“仅用于协商还款”）
最近一期信用卡账单
收入证明，或最近3到6个月的银行流水
困难证明，按实际情况：失业或解除劳动合同证明、诊断证明和医院票据、低保证、经营亏损或停业材料
我的全部欠款清单
""",
            "body": """
个性化分期还款申请书

致：[贷款机构] 信用卡中心

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]
卡号或账户：[合同编号]

一、欠款情况
我在贵行的信用卡目前欠款约[逾期金额]，已逾期约[逾期天数]天。准确金额以贵行账单为准，请贵行告诉我欠款由哪些部分组成（本金、利息、违约金、费用）。

二、逾期原因
[困难原因]

三、现在的收支情况
我现在每月收入约[每月收入]，房租、吃饭、看病等必要开支约[每月必要支出]。以目前的收入，我没有能力按原来的约定还款。

四、还款意愿
我没有逃避这笔欠款。我愿意在自己能力范围内继续还款，所以主动写信和贵行协商。

五、我的还款方案
请贵行根据《商业银行信用卡业务监督管理办法》第七十条，考虑与我签订个性化分期还款协议：
每月还款[每月还款额]，共[分期月数]期，从[首次还款日期]开始。
[还款计划表]
也请贵行考虑在分期期间减免或停止收取罚息和违约金。

六、我的承诺
如果贵行同意，我会按协议按时还款；协议还清之前，我不向任何银行申请新的信用卡；如果我没有按协议还款，贵行可以按原来的约定处理。

七、联系方式
贵行考虑期间，请只通过上面的电话或书面方式与我本人联系，不要联系我的家人、朋友或单位。请把处理结果书面告诉我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Personalised instalment request (credit card)",
            "situation": "You owe on a bank credit card, cannot pay right now and want the bank to let you repay over more months.",
            "gate": """
This letter fits if:
you owe on a bank credit card, and you really cannot pay right now but want to keep paying.

Good to know: under the credit-card rules, a bank "may" agree a personalised instalment plan of up to 5 years (60 months). The bank can agree; it does not have to. It is not a right, and the bank may offer fewer months.

This letter does not fit if:
you owe Weilidai, Jiebei, Huabei, an online lender or a consumer-finance company: use "Request to renegotiate or extend repayment".
you only want penalties and fees waived: use "Request to waive penalty interest and fees".
""",
            "sending": f"""
First call the official number on the back of your card, say you want to apply for a personalised instalment plan, and ask where to send the papers (upload in the official app, email or postal address).
Use only the bank's official channels. Never send papers to an address a collector gives you privately, and never pay anyone who offers to "negotiate for you".
{_SEND_TWO_EN}
{_GENUINE_EN}
Post it in a trackable way (such as EMS) and keep the tracking number. When you call, note the date, time and the agent's staff number.
If the bank agrees on the phone, ask it to send the terms in writing, or confirm them with the "Written confirmation of a phone agreement" letter.
""",
            "evidence": """
Copy of my ID card (marked "only for repayment negotiation")
My latest card statement
Proof of income, or 3 to 6 months of bank statements
Proof of my hardship: job loss or termination letter, diagnosis and hospital bills, minimum-living-allowance card, business loss or closure papers
A list of all my debts
""",
            "body": """
Request for a personalised instalment plan

To: [Lender] credit card centre

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]
Card or account: [Contract number]

1. What I owe
I owe about [Amount overdue] on my card with your bank and am about [Days overdue] days overdue. The exact amount is as shown on your statement; please tell me how it is made up (principal, interest, penalties, fees).

2. Why I cannot pay
[Reason for hardship]

3. My income and spending
My income is now about [Monthly income] a month, and essential costs such as rent, food and medical care are about [Essential spending]. On this income I cannot repay on the original terms.

4. I want to repay
I am not avoiding this debt. I want to keep repaying within my means, which is why I am writing to you.

5. My proposal
Under Article 70 of the Measures on the Supervision and Administration of Commercial Bank Credit Card Business, please consider a personalised instalment agreement with me:
[Monthly payment] a month, [Number of months] payments, starting on [First payment date].
[Repayment schedule]
Please also consider waiving or stopping penalty interest and late fees while I repay.

6. My commitments
If you agree, I will pay on time under the agreement; I will not apply for a credit card at any bank until it is repaid; if I do not keep to the agreement, you may return to the original terms.

7. Contact
While you consider this, please contact only me, by the phone number above or in writing, and not my family, friends or employer. Please give me your decision in writing.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "loan-negotiation",
        20,
        _PRACTICE,
        {
            "title": "协商还款／延期还款申请（网贷、消费金融）",
            "situation": "欠微粒贷、借呗、花呗、网贷或消费金融公司的钱，想请机构同意分期、延期或降低每月还款。",
            "gate": """
这封信适合你，如果：
欠的是网络贷款或消费金融公司（比如微粒贷、借呗、花呗、招联、马上消费等）；你暂时还不上，但愿意还。

要知道：这类贷款没有规定一定要给你分期或延期。同不同意、怎么安排，由贷款机构自己决定。写信是把你的情况和诚意讲清楚，提高对方认真考虑的机会。

不适合的情况：
欠的是银行信用卡：请用“个性化分期还款申请（信用卡）”。
只想请机构减免罚息和费用：请用“减免罚息／费用申请”。
""",
            "sending": f"""
在官方App里找“客服”或“协商还款”，或打借款合同上的官方电话，问清楚申请交到哪里。
不要用催收短信里的链接或号码，不要付钱给任何“代理协商”“停息挂账”的中介。
{_SEND_TWO_ZH}
{_GENUINE_ZH}
可以先把文字复制到官方App的在线客服里，再按客服说的方式提交书面材料。保留聊天截图。
机构同意后，请它书面确认；电话里谈妥的，用“书面确认函”确认。
""",
            "evidence": """
身份证复印件（复印件上已注明“仅用于协商还款”）
借款合同或App里的借款记录截图
收入证明，或最近3到6个月的银行流水
困难证明，按实际情况：失业或解除劳动合同证明、诊断证明和医院票据、低保证
我的全部欠款清单
""",
            "body": """
协商还款申请书

致：[贷款机构]

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]
借款合同编号：[合同编号]

一、欠款情况
我在贵公司的借款目前欠款约[逾期金额]，已逾期约[逾期天数]天。准确金额以贵公司记录为准，请告诉我其中本金、利息、罚息和费用各是多少。

二、逾期原因
[困难原因]

三、现在的收支情况
我现在每月收入约[每月收入]，必要开支约[每月必要支出]。按原来的还款安排，我还不上。

四、还款意愿
我没有逃避这笔欠款，愿意在能力范围内继续还。

五、请求
恳请贵公司考虑以下安排（或贵公司认为可行的其他安排）：
每月还款[每月还款额]，共[分期月数]期，从[首次还款日期]开始。
[还款计划表]
如果不能分期，请考虑给我一段延期还款的时间，并考虑减免逾期期间的罚息。

六、我的承诺
贵公司同意后，我会按约定按时还款；如果我没有做到，贵公司可以按原合同处理。

七、联系方式
考虑期间，请只与我本人联系（电话或书面），不要联系我的家人、朋友或单位。请把处理结果书面告诉我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Request to renegotiate or extend repayment (online and consumer-finance loans)",
            "situation": "You owe Weilidai, Jiebei, Huabei, an online lender or a consumer-finance company and want them to agree instalments, more time or a lower monthly payment.",
            "gate": """
This letter fits if:
you owe an online loan or a consumer-finance company (for example Weilidai, Jiebei, Huabei, Zhaolian, Mashang), and you cannot pay right now but want to.

Good to know: no rule says these lenders must give you instalments or more time. Whether they agree, and how, is up to the lender. The letter sets out your situation and your good faith clearly, which improves the chance that they take it seriously.

This letter does not fit if:
you owe on a bank credit card: use "Personalised instalment request (credit card)".
you only want penalties and fees waived: use "Request to waive penalty interest and fees".
""",
            "sending": f"""
Find "customer service" or "repayment negotiation" in the official app, or call the official number in your loan contract, and ask where to send the request.
Never use links or numbers from collection texts, and never pay an agent who offers to "negotiate" or "freeze interest" for you.
{_SEND_TWO_EN}
{_GENUINE_EN}
You can paste the text into the official app's online chat first, then send the papers the way the agent tells you. Keep screenshots of the chat.
Once the lender agrees, ask for it in writing; if you agreed by phone, use the "Written confirmation of a phone agreement" letter.
""",
            "evidence": """
Copy of my ID card (marked "only for repayment negotiation")
Loan contract, or screenshots of the loan record in the app
Proof of income, or 3 to 6 months of bank statements
Proof of my hardship: job loss or termination letter, diagnosis and hospital bills, minimum-living-allowance card
A list of all my debts
""",
            "body": """
Request to renegotiate repayment

To: [Lender]

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]
Loan contract number: [Contract number]

1. What I owe
I owe about [Amount overdue] on my loan with you and am about [Days overdue] days overdue. Your records are the authority on the exact figure; please tell me how much is principal, interest, penalty interest and fees.

2. Why I cannot pay
[Reason for hardship]

3. My income and spending
My income is now about [Monthly income] a month and my essential costs are about [Essential spending]. I cannot keep to the original repayments.

4. I want to repay
I am not avoiding this debt and want to keep repaying within my means.

5. My request
Please consider the following arrangement (or another you think workable):
[Monthly payment] a month, [Number of months] payments, starting on [First payment date].
[Repayment schedule]
If instalments are not possible, please consider giving me more time to pay and waiving penalty interest for the overdue period.

6. My commitments
If you agree, I will pay on time as agreed; if I do not, you may return to the original contract.

7. Contact
While you consider this, please contact only me (by phone or in writing), not my family, friends or employer. Please give me your decision in writing.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "fee-waiver",
        30,
        _PRACTICE,
        {
            "title": "减免罚息／费用申请",
            "situation": "罚息、违约金和各种费用越滚越多，想请机构减免，把钱先还在本金上。",
            "gate": """
这封信适合你，如果：
你的欠款里罚息、违约金或费用占了很大一部分，你愿意还本金，希望机构减免一部分罚息或费用。

要知道：减不减免、减多少，由机构决定，没有规定一定要给你减免。先请机构列出欠款明细（本金、利息、罚息、费用各多少），你才知道该请求减免什么。

不适合的情况：
你需要的是把欠款分期慢慢还：信用卡用“个性化分期还款申请”，网贷用“协商还款／延期还款申请”（这两封信里也可以一起请求减免罚息）。
""",
            "sending": f"""
通过官方App的客服、官方电话或卡背面的电话提交，问清楚书面材料交到哪里。
{_SEND_TWO_ZH}
{_GENUINE_ZH}
保留寄件凭证或聊天截图，记下每次通话的日期、时间和客服工号。
""",
            "evidence": """
身份证复印件（复印件上已注明“仅用于协商还款”）
最近的账单或欠款明细（能看出罚息和费用的部分）
收入证明或最近3到6个月的银行流水
困难证明，按实际情况提供
""",
            "body": """
减免罚息及费用申请

致：[贷款机构]

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
合同编号或卡号：[合同编号]

我在贵公司的欠款目前约[逾期金额]，已逾期约[逾期天数]天，其中有相当一部分是罚息、违约金和各种费用。

逾期的原因是：
[困难原因]

我愿意偿还本金。恳请贵公司：
1. 书面列出我的欠款明细：本金、利息、罚息、违约金和各项费用各是多少；
2. 考虑减免逾期期间的罚息、违约金和费用，或者其中一部分；
3. 在减免后，允许我按以下方式还款：每月[每月还款额]，共[分期月数]期，从[首次还款日期]开始。

如果贵公司同意，我会按约定按时还款。考虑期间，请只与我本人联系，不要联系我的家人、朋友或单位。请把处理结果书面告诉我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Request to waive penalty interest and fees",
            "situation": "Penalty interest, late fees and charges keep growing, and you want the lender to waive some so your money goes to the principal first.",
            "gate": """
This letter fits if:
a large part of what you owe is penalty interest, late fees or charges, you are willing to repay the principal, and you want the lender to waive some of the penalties or fees.

Good to know: whether to waive anything, and how much, is the lender's decision; no rule says they must. Ask first for a breakdown (principal, interest, penalties, fees) so you know what to ask them to waive.

This letter does not fit if:
what you need is to repay over more months: for a credit card use "Personalised instalment request", for online loans "Request to renegotiate or extend repayment" (both can also ask for penalties to be waived).
""",
            "sending": f"""
Send it through the official app's customer service, the official phone number or the number on the back of your card, and ask where written papers should go.
{_SEND_TWO_EN}
{_GENUINE_EN}
Keep the postal receipt or chat screenshots, and note the date, time and agent's staff number of every call.
""",
            "evidence": """
Copy of my ID card (marked "only for repayment negotiation")
My latest statement or debt breakdown (showing the penalties and fees)
Proof of income or 3 to 6 months of bank statements
Proof of my hardship
""",
            "body": """
Request to waive penalty interest and fees

To: [Lender]

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Contract or card number: [Contract number]

I owe about [Amount overdue] to you and am about [Days overdue] days overdue. A large part of this is penalty interest, late fees and charges.

I fell behind because:
[Reason for hardship]

I am willing to repay the principal. I ask you to:
1. give me a written breakdown of what I owe: principal, interest, penalty interest, late fees and each charge;
2. consider waiving the penalty interest, late fees and charges for the overdue period, or part of them;
3. after any waiver, let me repay [Monthly payment] a month for [Number of months] months, starting on [First payment date].

If you agree, I will pay on time as agreed. While you consider this, please contact only me, not my family, friends or employer. Please give me your decision in writing.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "phone-confirmation",
        40,
        _CARD_RULE,
        {
            "title": "书面确认函（确认电话里谈好的安排）",
            "situation": "已经在电话里和客服或催收谈好了还款安排，想留下书面记录。",
            "gate": """
这封信适合你，如果：
你已经在电话里和贷款机构（或它委托的催收公司）谈好了还款安排，比如每月还多少、分几期、罚息怎么处理，想把它写下来，请对方书面确认。

为什么要写：电话里说好的事，事后容易说不清。有些规则要求机构保存录音：信用卡的个性化分期还款协议如果是口头达成的，银行要保存录音直到欠款还清；银行的信用卡催收要录音，录音至少保存2年；互金协会的公约要求会员保存催收记录至少5年。你可以向机构要录音，但最稳妥的还是自己手里有一份书面记录。

写之前请准备好：通话日期和时间、对方姓名或工号、谈好的每一项内容。如果还没有谈妥，请先用协商还款的信。
""",
            "sending": f"""
尽快发出，最好在通话后几天内。通过官方App客服、官方邮箱或机构告诉你的地址发送。
{_SEND_TWO_ZH}
按谈好的安排按时还款，每次还款保留凭证。
如果对方回复的内容和电话里说的不一样，不要急着签字，先问清楚。
""",
            "evidence": """
通话记录截图（显示日期、时间和号码）
通话录音（如有）
对方发来的短信或App消息（如果有）
还款凭证（如果已经按新安排还了第一笔）
""",
            "body": """
关于电话协商结果的书面确认函

致：[贷款机构]

我是[姓名]（身份证号：[身份证号]，联系电话：[电话]），合同编号或卡号为[合同编号]。

[通话日期] [通话时间]，我与贵公司的[客服姓名或工号]通过电话协商了我的欠款（目前约[逾期金额]）。双方谈好的安排如下：
[约定内容]

我将按上述安排还款。请贵公司书面确认以上内容；如果与通话记录有任何不一致，请书面告诉我哪里不同。

请只通过上面的电话或书面方式与我本人联系。

签名：
日期：[今天日期]
""",
        },
        {
            "title": "Written confirmation of a phone agreement",
            "situation": "You agreed a repayment arrangement on the phone with customer service or a collector and want it on paper.",
            "gate": """
This letter fits if:
you have already agreed a repayment arrangement on the phone with the lender (or a collection company acting for it), for example how much a month, how many months, what happens to penalties, and you want to write it down and ask them to confirm it in writing.

Why: what was said on the phone is easy to dispute later. Some rules make lenders keep recordings: an oral credit-card personalised instalment agreement must be recorded and kept until the debt is repaid; banks must record credit-card collection and keep the recordings for at least 2 years; the internet-finance association's convention asks members to keep collection records for at least 5 years. You can ask the lender for its recordings, but the safest thing is to hold a written record yourself.

Before you start, have ready: the date and time of the call, the agent's name or staff number, and every point you agreed. If nothing is agreed yet, use a negotiation letter first.
""",
            "sending": f"""
Send it soon, ideally within a few days of the call, through the official app's customer service, an official email address or the address the lender gives you.
{_SEND_TWO_EN}
Pay on time as agreed and keep proof of every payment.
If their reply differs from what was said on the phone, do not sign anything in a hurry: ask first.
""",
            "evidence": """
Screenshot of the call log (showing date, time and number)
The call recording (if I made one)
Texts or app messages they sent me (if any)
Proof of payment (if I have already made the first payment under the new arrangement)
""",
            "body": """
Written confirmation of what was agreed by phone

To: [Lender]

I am [Name] (ID number: [ID number], phone: [Phone]); my contract or card number is [Contract number].

On [Call date] at [Call time] I spoke on the phone with [Agent name or ID] of your company about my debt (currently about [Amount overdue]). We agreed the following:
[What was agreed]

I will repay as set out above. Please confirm these terms in writing; if anything differs from your record of the call, please tell me in writing what is different.

Please contact only me, by the phone number above or in writing.

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "complaint-lender",
        50,
        _COMPLAINTS,
        {
            "title": "违规催收投诉（先投诉到贷款机构）",
            "situation": "催收人员骚扰你的家人朋友、半夜打电话、威胁辱骂或冒充公检法，想正式投诉。",
            "gate": """
这封信适合你，如果：
催收的方式让你受到伤害，比如联系你的家人、朋友或单位并说出你的欠款，深夜打电话，辱骂、威胁，冒充法院或公安，或者在公共场所张贴告示。

先投诉到贷款机构本身：催收公司是替它做事的，机构要对催收负责。机构一般应在15日内处理，复杂的可以延长。

如果你记了证据记录，信里会自动列出每一次的时间、方式和经过。还没有记录？先记下来：时间、号码、对方说了什么，保留截图和录音。

不适合的情况：
有人威胁你的安全、使用暴力、强行进门或赖着不走：现在就打110。
机构不处理或你不满意处理结果：再向监管部门投诉。放款的是银行、信用卡中心或消费金融公司，用“12378 投诉要点”；放款的是小额贷款公司（包括网络小贷）或融资担保公司，向所在省份的地方金融管理部门投诉。
""",
            "sending": f"""
通过贷款机构的官方投诉渠道提交：官方App里的“投诉”或“客服”，或官方客服电话。说明你要“投诉催收”，记下投诉编号。
{_SEND_TWO_ZH}
保留所有证据的原件（截图、录音、通话记录），只交复印件或副本。
记下提交的日期。15天内没有答复或你对结果不满意，再向监管部门投诉，并说明你已经投诉过机构：放款的是银行、信用卡中心或消费金融公司，打12378；放款的是小额贷款公司（包括网络小贷）或融资担保公司，向所在省份的地方金融管理部门投诉（到省政府官网找这个部门，名称可能是“地方金融管理局”或“地方金融监督管理局”）。
""",
            "evidence": """
证据记录（每一次的时间、号码、对方说了什么）
通话记录截图
短信、微信、App消息截图
录音（如果有）
家人、朋友或同事收到的消息截图（征得他们同意）
""",
            "body": """
关于违规催收的投诉

致：[贷款机构] 客户投诉部门

投诉人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
合同编号或卡号：[合同编号]

我在贵公司有一笔逾期欠款（约[逾期金额]，逾期约[逾期天数]天）。我承认这笔欠款，也愿意协商还款。我和贵公司之前的联系：
[跟进经过]

但贵公司或贵公司委托的催收人员在催收中有以下行为：
[催收记录]

这些做法不符合监管部门和行业对催收行为的要求，给我和我的家人造成了困扰。我请求贵公司：
1. 立即停止上述行为，不再联系与这笔欠款无关的人；
2. 调查这些催收是谁做的，把结果书面告诉我；
3. 今后只通过上面的电话或书面方式与我本人联系，不在晚上和休息时间打扰；
4. 按规定时限处理本投诉，并书面答复我。

附件：
[附件清单]

投诉人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Complaint about improper collection (to the lender first)",
            "situation": "Collectors harass your family or friends, call at night, threaten or insult you, or pretend to be the police or a court, and you want to complain formally.",
            "gate": """
This letter fits if:
the way you are being chased is hurting you: for example they contact your family, friends or employer and reveal your debt, call late at night, insult or threaten you, pretend to be a court or the police, or put up notices in public.

Complain to the lender first: the collection company works for it, and the lender is responsible for how it collects. The lender should normally decide within 15 days; complex cases can take longer.

If you have kept an evidence log, the letter lists each incident's time, channel and what happened automatically. No log yet? Start one: the time, the number, what they said; keep screenshots and recordings.

This letter does not fit if:
someone threatens your safety, uses violence, forces their way in or refuses to leave: call 110 now.
the lender does nothing or you are unhappy with the result: then complain to the regulator. If the lender is a bank, card centre or consumer-finance company, use the "Points for a 12378 complaint"; if it is a small-loan company (including online small-loan companies) or a financing guarantee company, complain to your province's local financial regulator.
""",
            "sending": f"""
Use the lender's official complaint channel: "complaints" or "customer service" in the official app, or the official phone number. Say you want to "complain about collection" and note the complaint reference number.
{_SEND_TWO_EN}
Keep the originals of all evidence (screenshots, recordings, call logs) and send only copies.
Note the date you sent it. If there is no reply within 15 days, or you are unhappy with it, complain to the regulator and say you have already complained to the lender: for a bank, card centre or consumer-finance company, call 12378; for a small-loan company (including online small-loan companies) or a financing guarantee company, complain to your province's local financial regulator (find it on the provincial government's official website; it may be called 地方金融管理局 or 地方金融监督管理局).
""",
            "evidence": """
My evidence log (time, number and what was said each time)
Screenshots of the call log
Screenshots of texts, WeChat or app messages
Recordings (if any)
Screenshots of messages my family, friends or colleagues received (with their permission)
""",
            "body": """
Complaint about improper debt collection

To: [Lender], customer complaints department

Complainant: [Name]
ID number: [ID number]
Phone: [Phone]
Contract or card number: [Contract number]

I have an overdue debt with you (about [Amount overdue], about [Days overdue] days overdue). I accept this debt and am willing to negotiate repayment. My contact with you so far:
[Follow-up so far]

However, you or the collectors acting for you have done the following:
[Collection log]

This conduct falls short of what regulators and the industry require of debt collection, and it has caused distress to me and my family. I ask you to:
1. stop this conduct at once and stop contacting people who have nothing to do with this debt;
2. investigate who carried out this collection and tell me the result in writing;
3. from now on contact only me, by the phone number above or in writing, and not at night or during rest hours;
4. handle this complaint within the required time and reply to me in writing.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "complaint-12378",
        55,
        _HOTLINE,
        {
            "title": "12378 投诉要点（向监管部门投诉违规催收）",
            "situation": "已经向贷款机构投诉过违规催收，没有结果或不满意，准备打12378向监管部门投诉。",
            "gate": """
这份材料适合你，如果：
你已经向贷款机构投诉过违规催收（最好是书面的，并记下了日期），但机构没有处理、超过时限没有答复，或者你对处理结果不满意。

12378是国家金融监督管理总局的银行保险消费者投诉维权热线，可以投诉银行、信用卡中心、消费金融公司的不当催收。建议先向机构投诉并留下记录，所以请先用“违规催收投诉（先投诉到贷款机构）”。放款的是小额贷款公司或融资担保公司的，请向所在省份的地方金融管理部门投诉。

这份材料是给你打电话时照着说的，也可以在对方要求书面材料时提交。

在跟进记录里记下了向机构投诉的日期和答复？材料里会自动写好投诉日期、编号、机构应在哪天之前答复和它的答复，你仍然可以修改。

不适合的情况：
有人威胁你的安全、使用暴力或强行进门：现在就打110。
问题是征信记录错误：请用“征信异议申请”。
""",
            "sending": """
拨打12378，按提示选择投诉。照着这份材料说清楚：你是谁、投诉哪家机构、发生了什么、你已经向机构投诉过、你希望怎么处理。
记下受理编号（工单号）、通话日期和接线员工号。
如果对方要求提交书面材料，按对方告诉你的方式提交这份材料和证据复印件。
打印两份：一份提交或对照着打电话，一份自己留着，把受理编号写在上面。
""",
            "evidence": """
我向贷款机构投诉的记录：日期、投诉编号、机构的答复（如果有）
证据记录（每一次的时间、号码、对方说了什么）
通话记录、短信、App消息截图
录音（如果有）
""",
            "body": """
投诉要点（12378 银行保险消费者投诉）

投诉人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]

被投诉机构：[贷款机构]
合同编号或卡号：[合同编号]
欠款情况：约[逾期金额]，逾期约[逾期天数]天。我承认这笔欠款，愿意协商还款。

投诉事项：该机构或其委托的催收人员不当催收。

事实经过：
[催收记录]

已向机构投诉的情况：我已于[投诉日期]向该机构投诉，投诉编号：[投诉编号]。简单的投诉，机构应在[答复期限]前作出处理决定并告诉我，复杂的可以延长。机构答复：[机构答复]。

我和该机构之前的联系：
[跟进经过]

我的诉求：
1. 请督促该机构停止上述催收行为，不再联系与欠款无关的人；
2. 请督促该机构调查并书面答复我；
3. 请督促该机构与我本人正常协商还款安排。

附件：
[附件清单]

投诉人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Points for a 12378 complaint (complaining to the regulator about collection)",
            "situation": "You have already complained to the lender about improper collection without result, and are about to call 12378 to complain to the regulator.",
            "gate": """
This fits if:
you have already complained to the lender about improper collection (ideally in writing, with the date noted), and the lender did nothing, did not reply in time, or you are unhappy with its answer.

12378 is the consumer complaint hotline of the National Financial Regulatory Administration. You can complain there about improper collection by banks, card centres and consumer-finance companies. We suggest complaining to the lender first and keeping a record, so use "Complaint about improper collection (to the lender first)" before this. If the lender is a small-loan or financing guarantee company, complain to your province's local financial regulator instead.

This sheet is for you to read from on the phone, and to send if they ask for a written complaint.

Is your complaint to the lender in your follow-up record, with its date and any answer? Then the sheet fills in the date, the reference, the day the lender had to answer by and what it answered; you can still change them.

This does not fit if:
someone threatens your safety, uses violence or forces their way in: call 110 now.
the problem is a wrong credit-report entry: use "Credit report dispute".
""",
            "sending": """
Call 12378 and choose complaints. Read from this sheet: who you are, which lender, what happened, that you already complained to the lender, and what you want done.
Write down the case (ticket) number, the date of the call and the operator's staff number.
If they ask for written material, send this sheet and copies of your evidence the way they tell you.
Print two copies: one to send or read from, one to keep with the case number written on it.
""",
            "evidence": """
Record of my complaint to the lender: date, reference number, the lender's reply (if any)
My evidence log (time, number and what was said each time)
Screenshots of call logs, texts and app messages
Recordings (if any)
""",
            "body": """
Complaint summary (12378 banking and insurance consumer complaints)

Complainant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]

Lender complained about: [Lender]
Contract or card number: [Contract number]
Debt: about [Amount overdue], about [Days overdue] days overdue. I accept this debt and am willing to negotiate repayment.

Complaint: improper collection by the lender or collectors acting for it.

What happened:
[Collection log]

Complaint already made to the lender: on [Complaint date], reference [Complaint reference]. For a simple complaint the lender had to decide and tell me by [Answer due by]; a complex one may take longer. The lender's answer: [Lender's answer].

My contact with the lender so far:
[Follow-up so far]

What I ask for:
1. that the lender be required to stop this conduct and stop contacting people unrelated to the debt;
2. that the lender be required to investigate and reply to me in writing;
3. that the lender be required to negotiate a repayment arrangement with me in the normal way.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "family-notice",
        60,
        _CBA,
        {
            "title": "告知亲友／单位的短信",
            "situation": "催收人员联系了你的家人、朋友或单位，想请他们不要替你付钱、不要透露你的信息、有情况告诉你。",
            "gate": """
这条短信适合你，如果：
催收人员已经联系了你的家人、朋友、同事或单位，或者你担心他们会被联系。

短信请对方做三件事：不要替你付钱；不要把你的任何信息告诉对方；有人联系时告诉你。

要知道：如果收信人是这笔欠款的担保人，或者是你的配偶、而欠款用于家庭共同生活，情况不同，他们可能和这笔欠款有关，请先弄清楚再发这条消息。按银行业协会的催收指引，催收一般不应找与欠款无关的人；只有在联系不上你本人时，才可以找他们问你的联系方式或转告消息，而且不能透露你的欠款。对方说“不要再联系我”，就应该停止联系。这是行业自律规则，不是法律条文。

把这些情况记进证据记录，需要时可以用“违规催收投诉”。
""",
            "sending": """
用“复制全部文字”按钮复制，粘贴到微信或短信里发给对方。
发给单位时，可以打印后交给人事或领导，自己留一份。
如果有人给你的家人朋友发了消息，请他们截图给你，不要删除。
""",
            "evidence": """
家人朋友收到的消息或来电截图（征得他们同意后保存）
我的证据记录
""",
            "body": """
关于催收电话的说明

您好，我是[姓名]。我有一笔欠款正在和贷款机构协商，给您添麻烦了，很抱歉。

如果有人以催收为名联系您，请您：
1. 不要替我付任何钱，也不要向任何人转账；
2. 不要把我的住址、单位、电话或任何其他信息告诉对方；
3. 告诉我对方是谁、什么时候、用什么号码联系的您、说了什么，能截图的话请截图。

这笔欠款由我自己和贷款机构处理。您不是这笔欠款的担保人，就不需要替我还钱。您也可以直接告诉对方：请不要再联系我。如果对方要求您转账，或者自称法院、公安，请直接挂断并告诉我。

谢谢您。
[姓名]
[今天日期]
""",
        },
        {
            "title": "Message for family, friends or an employer",
            "situation": "Collectors contacted your family, friends or employer, and you want to ask them not to pay, not to share your information, and to tell you what happened.",
            "gate": """
This message fits if:
collectors have contacted your family, friends, colleagues or employer, or you worry that they will.

It asks them for three things: do not pay anything for you; do not give the caller any of your information; tell you when someone contacts them.

Good to know: if the person is a guarantor of this debt, or your spouse and the money went on household spending, things are different: they may be connected to the debt, so check before you send this message. Under the banking association's collection guideline, collectors should not normally approach people unrelated to the debt; only when they cannot reach you may they ask those people for your contact details or pass on a message, and they must not reveal your debt. If the person says "do not contact me again", the contact should stop. This is an industry self-regulatory rule, not a law.

Note these contacts in your evidence log; if needed, use the "Complaint about improper collection".
""",
            "sending": """
Use the "Copy all the text" button and paste it into WeChat or a text message.
For an employer, you can print it and give it to HR or your manager, keeping one copy yourself.
If your family or friends received messages, ask them to screenshot them for you and not delete them.
""",
            "evidence": """
Screenshots of messages or calls my family and friends received (saved with their permission)
My evidence log
""",
            "body": """
About calls from debt collectors

Hello, this is [Name]. I am negotiating a debt with a lender and I am sorry for any trouble this causes you.

If anyone contacts you about collecting a debt from me, please:
1. do not pay anything for me, and do not transfer money to anyone;
2. do not tell them my address, workplace, phone number or anything else about me;
3. tell me who they were, when and from which number they contacted you, and what they said; screenshots help.

This debt is between me and the lender. Unless you are a guarantor of this debt, you do not have to pay anything for me. You can also simply tell them: please do not contact me again. If they ask you to transfer money, or claim to be a court or the police, just hang up and tell me.

Thank you.
[Name]
[Today's date]
""",
        },
    ),
    letter(
        "settlement-certificate",
        70,
        _SETTLE,
        {
            "title": "结清证明申请",
            "situation": "已经把欠款全部还清，想请贷款机构开一份结清证明。",
            "gate": """
这封信适合你，如果：
你已经把这笔欠款全部还清了（包括协商后的金额），想要一份贷款机构出具的结清证明。

先试试官方App或官方客服：很多机构可以在App里直接申请结清证明，或由客服发到你的邮箱。各家入口不同，也经常变化，请以官方App或客服说的为准。这封信用于对方要求书面申请，或者你申请后一直没有拿到的时候。

要知道：结清证明证明你已经还清，但不会删除征信上过去的逾期记录。不良记录从不良行为结束之日起保留5年。任何人说能花钱“洗白征信”都是骗局。

如果征信上的记录本身是错的，请用“征信异议申请”。
""",
            "sending": f"""
通过官方App、官方客服电话或官方邮箱提交，问清楚多久能拿到、以什么方式给你。
{_SEND_TWO_ZH}
拿到结清证明后，保存原件和电子版，至少保存到征信记录更新之后。
""",
            "evidence": """
最后一笔还款的凭证（转账记录或App截图）
如果是协商还清的：协商结果的书面记录
身份证复印件（复印件上已注明“仅用于申请结清证明”）
""",
            "body": """
结清证明申请

致：[贷款机构]

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]
合同编号或卡号：[合同编号]

我在贵公司的上述借款已于[结清日期]全部还清。

请贵公司：
1. 为我出具结清证明，写明这笔借款已经结清、没有未还余额；
2. 确认已经把这笔借款的结清状态报送征信机构。

请把结清证明寄到上面的地址，或通过官方渠道发给我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Request for a settlement certificate",
            "situation": "You have paid the debt off in full and want the lender to issue a certificate saying so.",
            "gate": """
This letter fits if:
you have paid this debt off in full (including any negotiated amount) and want the lender to issue a settlement certificate.

Try the official app or customer service first: many lenders let you request the certificate in the app, or customer service emails it to you. The menus differ between lenders and change often, so follow what the official app or customer service says. Use this letter when they ask for a written request, or when you asked and still have nothing.

Good to know: a settlement certificate proves you have paid, but it does not remove past late payments from your credit report. Negative records stay for 5 years from the day the problem ended. Anyone who offers to "clean" your credit report for money is running a scam.

If the credit-report entry itself is wrong, use "Credit report dispute".
""",
            "sending": f"""
Send it through the official app, official phone line or official email, and ask how long it takes and how you will receive it.
{_SEND_TWO_EN}
Once you have the certificate, keep the original and a digital copy, at least until your credit report has been updated.
""",
            "evidence": """
Proof of my last payment (transfer record or app screenshot)
If I settled by agreement: the written record of that agreement
Copy of my ID card (marked "only for a settlement certificate")
""",
            "body": """
Request for a settlement certificate

To: [Lender]

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]
Contract or card number: [Contract number]

I paid off the loan above in full on [Date paid off].

Please:
1. issue me a settlement certificate stating that this loan is settled and nothing remains unpaid;
2. confirm that you have reported the settled status of this loan to the credit reference agency.

Please post the certificate to the address above or send it through your official channel.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
    letter(
        "credit-dispute",
        80,
        _CREDIT,
        {
            "title": "征信异议申请",
            "situation": "信用报告上有一条记录是错的（金额不对、不是你的贷款、已还清仍显示逾期），想请求更正。",
            "gate": """
这封信适合你，如果：
你的信用报告上有一条记录确实是错的或不完整，比如不是你借的、金额不对、已经还清了却还显示欠款。

要知道：按照《征信业管理条例》，你可以向征信机构或提供这条信息的贷款机构提出异议，这是免费的。对方应在收到异议后20日内核查，并书面答复你。记录核实有错的会更正。

不适合的情况：
记录是真实的（你确实逾期过）：异议不能删除真实的记录，任何收费“征信修复”“洗白”的都是骗局。真实的不良记录从不良行为结束之日起保留5年。
只是想要还清的证明：请用“结清证明申请”。

先在中国人民银行征信中心官网（pbccrc.org.cn）或银行官方App查一份自己的信用报告，每年有两次免费。
""",
            "sending": f"""
交给提供这条信息的贷款机构（官方客服或官方App），或交给中国人民银行征信中心。不要通过任何第三方“征信修复”机构。
{_SEND_TWO_ZH}
记下提交日期。20日内没有收到书面答复，可以打12363咨询或投诉。
""",
            "evidence": """
信用报告中有错误的那一页（把错误的地方圈出来）
证明记录有错的材料：还款凭证、结清证明、合同或对方的书面答复
身份证复印件（复印件上已注明“仅用于征信异议”）
""",
            "body": """
征信异议申请

致：[贷款机构]（或中国人民银行征信中心）

申请人：[姓名]
身份证号：[身份证号]
联系电话：[电话]
通信地址：[地址]
相关合同编号或卡号：[合同编号]

我查询本人信用报告时发现以下记录有误：
[异议内容]

根据《征信业管理条例》第二十五条，我对上述信息提出异议，请贵方进行核查，对错误的信息予以更正，并将核查结果书面答复我。

附件：
[附件清单]

申请人签名：
日期：[今天日期]
""",
        },
        {
            "title": "Credit report dispute",
            "situation": "An entry on your credit report is wrong (wrong amount, not your loan, still shown as overdue after you paid) and you want it corrected.",
            "gate": """
This letter fits if:
an entry on your credit report really is wrong or incomplete: for example it is not your loan, the amount is wrong, or it still shows a debt you have paid off.

Good to know: under the Regulations on the Administration of the Credit Reporting Industry, you can object to the credit bureau or to the lender that supplied the entry, free of charge. They should check it within 20 days of receiving your objection and reply to you in writing. Entries found to be wrong are corrected.

This letter does not fit if:
the entry is true (you really were late): a dispute cannot remove a true record, and anyone charging to "repair" or "clean" your credit is running a scam. True negative records stay for 5 years from the day the problem ended.
you only want proof that you paid off: use "Request for a settlement certificate".

First get your own report from the PBOC Credit Reference Center website (pbccrc.org.cn) or a bank's official app; two reports a year are free.
""",
            "sending": f"""
Send it to the lender that supplied the entry (official customer service or official app), or to the PBOC Credit Reference Center. Never go through a third-party "credit repair" company.
{_SEND_TWO_EN}
Note the date you sent it. If you have no written reply within 20 days, you can call 12363 for advice or to complain.
""",
            "evidence": """
The page of my credit report with the error (the wrong entry circled)
Proof that the entry is wrong: payment records, a settlement certificate, the contract or the lender's written reply
Copy of my ID card (marked "only for a credit-report dispute")
""",
            "body": """
Credit report dispute

To: [Lender] (or the PBOC Credit Reference Center)

Applicant: [Name]
ID number: [ID number]
Phone: [Phone]
Address: [Address]
Related contract or card number: [Contract number]

When I checked my credit report, I found the following entry to be wrong:
[What is wrong]

Under Article 25 of the Regulations on the Administration of the Credit Reporting Industry, I object to this information. Please check it, correct anything that is wrong, and reply to me in writing with the result.

Attachments:
[Attachments]

Signature:
Date: [Today's date]
""",
        },
    ),
]
