"""The "leave no trace" page: private windows and clearing history, from the makers' own help.

Only steps that an official help page of the phone's or browser's maker describes are seeded
here. Steps for which no such page was found (WeChat's caches and chat files, the other Android
browsers, deleting a download) are not facts: the page says that no official page was found.
"""

import datetime as dt

from advisor.seed import fact

# Written from the makers' help pages as other sites quote and link them; the pages themselves
# could not be opened from where this was written, hence "secondary", not "official".
CHECKED = dt.date(2026, 12, 7)

APPLE_PRIVATE = (
    "Apple 支持：在 iPhone 上开启或关闭“无痕浏览” / iPhone 使用手册：在 Safari 浏览器中无痕浏览",
    "news",
    "https://support.apple.com/zh-cn/HT203036",
    CHECKED,
)
APPLE_HISTORY = (
    "Apple 支持：清除 iPhone 上 Safari 浏览器的历史记录和 Cookie",
    "news",
    "https://support.apple.com/zh-cn/HT201265",
    CHECKED,
)
CHROME_INCOGNITO = (
    "Google Chrome 帮助：无痕浏览 (Android)",
    "news",
    "https://support.google.com/chrome/answer/95464?hl=zh-Hans&co=GENIE.Platform%3DAndroid",
    CHECKED,
)
CHROME_HISTORY = (
    "Google Chrome 帮助：删除 Chrome 中的浏览数据 (Android)",
    "news",
    "https://support.google.com/chrome/answer/2392709?hl=zh-Hans&co=GENIE.Platform%3DAndroid",
    CHECKED,
)

SEEDS = [
    fact(
        "no-trace-iphone-private",
        "no_trace",
        10,
        APPLE_PRIVATE,
        "iPhone 的 Safari：用无痕浏览打开",
        "Safari on iPhone: open a Private Browsing page",
        "打开 Safari，点标签页按钮（两个叠在一起的方块），切换到“无痕浏览”，再点“+”打开新页面，"
        "在里面输入本网站的地址。\n\n"
        "在无痕浏览里，Safari 不会记住你打开过的网页、搜索记录和自动填充的内容。"
        "用完后把无痕页面关掉。",
        "Open Safari, tap the tabs button (two overlapping squares), switch to Private, then tap "
        "+ for a new page and type this site's address there.\n\n"
        "In Private Browsing, Safari does not remember the pages you visit, your searches or "
        "what it would fill in for you. Close the private pages when you are done.",
    ),
    fact(
        "no-trace-iphone-history",
        "no_trace",
        20,
        APPLE_HISTORY,
        "iPhone 的 Safari：清除历史记录",
        "Safari on iPhone: clear the history",
        "打开“设置”，找到“Safari浏览器”（较新的系统在“设置”>“App”>“Safari浏览器”），"
        "点“清除历史记录与网站数据”。\n\n"
        "这会删除所有网站的浏览记录和 Cookie，不只是本网站的。"
        "如果同一个 Apple 账户开了 iCloud 同步，其他设备上的 Safari 记录也会一起清除。",
        "Open Settings, find Safari (on newer systems: Settings > Apps > Safari) and tap Clear "
        "History and Website Data.\n\n"
        "This removes the history and cookies of every website, not only this one. If the same "
        "Apple Account syncs Safari through iCloud, the history on its other devices is cleared "
        "too.",
    ),
    fact(
        "no-trace-chrome-incognito",
        "no_trace",
        30,
        CHROME_INCOGNITO,
        "安卓手机的 Chrome：打开无痕式标签页",
        "Chrome on Android: open an Incognito tab",
        "打开 Chrome，点地址栏右边的“⋮”，选“新的无痕式标签页”，在里面输入本网站的地址。\n\n"
        "关掉所有无痕式标签页以后，Chrome 不会保存这些页面的浏览记录、Cookie 和网站数据，"
        "也不会保存你在表单里填的内容。但你下载的文件仍然会留在手机的“下载”文件夹里。",
        "Open Chrome, tap ⋮ to the right of the address bar, choose New Incognito tab and type "
        "this site's address there.\n\n"
        "Once you close every Incognito tab, Chrome keeps no browsing history, cookies or site "
        "data from them, and nothing you typed into forms. Files you downloaded stay in the "
        "phone's Downloads folder.",
    ),
    fact(
        "no-trace-chrome-history",
        "no_trace",
        40,
        CHROME_HISTORY,
        "安卓手机的 Chrome：清除浏览记录",
        "Chrome on Android: clear the browsing history",
        "打开 Chrome，点“⋮”，选“历史记录”，再点“清除浏览数据”。选好时间范围，"
        "勾选“浏览记录”和“Cookie 及网站数据”，点“清除数据”。\n\n"
        "也可以在“历史记录”里只删除本网站的那几条。",
        "Open Chrome, tap ⋮, choose History, then Delete browsing data. Pick a time range, tick "
        "Browsing history and Cookies and site data, and confirm.\n\n"
        "You can also delete only this site's entries from the History list.",
    ),
]
