# ruff: noqa: RUF001 - the Urdu text is punctuated with the Arabic full stop (U+06D4).
"""Welsh and Urdu copies of the demo's public pages, made the way the comms team make them in
the admin: through wagtail-localize, so each copy stays linked to its English source, shows in
the translation editor and can be downloaded and uploaded as a PO file.

Every string of the home page, the complaint start page, how to complain, the policy, the
accessibility statement, the privacy notice and the cookies page is translated here, with the
Housing Ombudsman's details (Code 3.7).
The Complaint Handling Code page is left untranslated on purpose: the Welsh and Urdu trees hold
an alias of the English page, so a reader sees the English page with a note saying it is not
available in their language yet.

Safe to run again: a page already translated (not an alias) is never changed.
"""

import uuid

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from casework.models import OmbudsmanScheme
from cms_pages.models import (
    AccessibilityStatementPage,
    ComplaintStartPage,
    CookiesPage,
    HomePage,
    HowToComplainPage,
    PolicyPage,
    PrivacyNoticePage,
)

LANGUAGES = ("cy", "ur")

# Parents before children: a translated page needs its parent translated first.
TRANSLATED_PAGES = (
    HomePage,
    ComplaintStartPage,
    HowToComplainPage,
    PolicyPage,
    AccessibilityStatementPage,
    PrivacyNoticePage,
    CookiesPage,
)

# Strings that are the same in every language (slugs keep addresses predictable, the version
# is a number).
UNTRANSLATED_FIELDS = ("slug", "version")

# (English, Welsh, Urdu): the English is the source text exactly as wagtail-localize splits it
# (one string per paragraph, list item, heading or field).
STRINGS = [
    # Home page (cms_pages/defaults.py: a new site's first page)
    ("Complaints and feedback", "Cwynion ac adborth", "شکایات اور رائے"),
    (
        "Tell us when something has gone wrong and we will put it right. You can also follow a "
        "complaint you have made and see how we handle complaints.",
        "Dywedwch wrthym pan fydd rhywbeth wedi mynd o'i le a byddwn yn ei gywiro. Gallwch "
        "hefyd ddilyn cwyn rydych wedi'i gwneud a gweld sut rydym yn delio â chwynion.",
        "جب کچھ غلط ہو جائے تو ہمیں بتائیں، ہم اسے ٹھیک کریں گے۔ آپ اپنی کی ہوئی شکایت پر نظر "
        "بھی رکھ سکتے ہیں اور دیکھ سکتے ہیں کہ ہم شکایات کو کیسے نمٹاتے ہیں۔",
    ),
    (
        "If you are unhappy with our service, something we did or something we did not do, tell "
        "us. You do not have to use the word complaint, and someone can do it for you.",
        "Os ydych yn anhapus â'n gwasanaeth, â rhywbeth a wnaethom neu â rhywbeth na wnaethom, "
        "dywedwch wrthym. Does dim rhaid i chi ddefnyddio'r gair cwyn, a gall rhywun arall ei "
        "wneud ar eich rhan.",
        "اگر آپ ہماری سروس سے، ہمارے کسی کام سے یا کسی ایسے کام سے ناخوش ہیں جو ہم نے نہیں "
        "کیا، تو ہمیں بتائیں۔ آپ کو لفظ شکایت استعمال کرنے کی ضرورت نہیں، اور کوئی اور آپ کی "
        "طرف سے بھی بتا سکتا ہے۔",
    ),
    ("What you can do", "Beth allwch chi ei wneud", "آپ کیا کر سکتے ہیں"),
    (
        "Report a repair or something we have not done. We call this a service request.",
        "Rhoi gwybod am waith trwsio neu rywbeth nad ydym wedi'i wneud. Rydym yn galw hyn yn "
        "gais am wasanaeth.",
        "کسی مرمت یا ایسے کام کی اطلاع دیں جو ہم نے نہیں کیا۔ ہم اسے سروس کی درخواست کہتے ہیں۔",
    ),
    (
        "See where your complaint is and what happens next, add information or ask us to look "
        "at it again.",
        "Gweld ble mae eich cwyn a beth sy'n digwydd nesaf, ychwanegu gwybodaeth neu ofyn i ni "
        "edrych arni eto.",
        "دیکھیں کہ آپ کی شکایت کہاں تک پہنچی ہے اور آگے کیا ہوگا، مزید معلومات شامل کریں یا ہم "
        "سے اس پر دوبارہ غور کرنے کو کہیں۔",
    ),
    ("How we handle complaints", "Sut rydym yn delio â chwynion", "ہم شکایات کو کیسے نمٹاتے ہیں"),
    (
        "How we deal with complaints and how long each step takes.",
        "Sut rydym yn delio â chwynion a pha mor hir mae pob cam yn ei gymryd.",
        "ہم شکایات سے کیسے نمٹتے ہیں اور ہر مرحلے میں کتنا وقت لگتا ہے۔",
    ),
    (
        "Every way to complain, and complaining for someone.",
        "Pob ffordd o gwyno, a chwyno ar ran rhywun.",
        "شکایت کرنے کے تمام طریقے، اور کسی اور کی طرف سے شکایت کرنا۔",
    ),
    (
        "The Housing Ombudsman's rules that we follow.",
        "Rheolau'r Ombwdsmon Tai rydym yn eu dilyn.",
        "ہاؤسنگ اومبڈسمین کے قواعد جن پر ہم عمل کرتے ہیں۔",
    ),
    (
        "Free, independent advice at any stage, and a review of our final answer.",
        "Cyngor annibynnol am ddim ar unrhyw gam, ac adolygiad o'n hateb terfynol.",
        "کسی بھی مرحلے پر مفت اور خودمختار مشورہ، اور ہمارے حتمی جواب کا جائزہ۔",
    ),
    ("Our performance", "Ein perfformiad", "ہماری کارکردگی"),
    (
        "Our complaints figures for the year and our board's response.",
        "Ein ffigurau cwynion ar gyfer y flwyddyn ac ymateb ein bwrdd.",
        "سال کے لیے ہماری شکایات کے اعداد و شمار اور ہمارے بورڈ کا جواب۔",
    ),
    (
        "How we meet each part of the Complaint Handling Code.",
        "Sut rydym yn bodloni pob rhan o'r Cod Ymdrin â Chwynion.",
        "ہم شکایات نمٹانے کے ضابطے کے ہر حصے پر کیسے پورا اترتے ہیں۔",
    ),
    (
        "Changes we have made because of complaints.",
        "Newidiadau rydym wedi'u gwneud oherwydd cwynion.",
        "وہ تبدیلیاں جو ہم نے شکایات کی وجہ سے کی ہیں۔",
    ),
    # Privacy notice
    ("Privacy notice", "Hysbysiad preifatrwydd", "رازداری کا نوٹس"),
    (
        "How we use the information you give us when you complain, ask us to put something "
        "right or give us feedback, and your rights.",
        "Sut rydym yn defnyddio'r wybodaeth rydych yn ei rhoi i ni pan fyddwch yn cwyno, yn "
        "gofyn i ni gywiro rhywbeth neu'n rhoi adborth i ni, a'ch hawliau.",
        "جب آپ شکایت کرتے ہیں، ہم سے کچھ ٹھیک کرنے کو کہتے ہیں یا ہمیں رائے دیتے ہیں تو آپ کی "
        "دی ہوئی معلومات ہم کیسے استعمال کرتے ہیں، اور آپ کے حقوق۔",
    ),
    ("Z1234567", "Z1234567", "Z1234567"),
    (
        "Data Protection Officer: dataprotection@example-homes.org.uk",
        "Swyddog Diogelu Data: dataprotection@example-homes.org.uk",
        "ڈیٹا پروٹیکشن آفیسر: dataprotection@example-homes.org.uk",
    ),
    (
        "We also use what you tell us to check the quality of our repairs and to train our "
        "staff. We remove your name first.",
        "Rydym hefyd yn defnyddio'r hyn rydych yn ei ddweud wrthym i wirio ansawdd ein gwaith "
        "trwsio ac i hyfforddi ein staff. Rydym yn tynnu eich enw yn gyntaf.",
        "ہم آپ کی بتائی ہوئی باتوں کو اپنی مرمتوں کے معیار کو جانچنے اور اپنے عملے کی تربیت کے "
        "لیے بھی استعمال کرتے ہیں۔ اس سے پہلے ہم آپ کا نام ہٹا دیتے ہیں۔",
    ),
    # Cookies page (cms_pages/defaults.py)
    ("Cookies", "Cwcis", "کوکیز"),
    (
        "The cookies this website saves on your device, and why.",
        "Y cwcis y mae'r wefan hon yn eu cadw ar eich dyfais, a pham.",
        "وہ کوکیز جو یہ ویب سائٹ آپ کے آلے پر محفوظ کرتی ہے، اور کیوں۔",
    ),
    # Complaint start page
    (
        "Make a complaint or give feedback",
        "Gwneud cwyn neu roi adborth",
        "شکایت کریں یا رائے دیں",
    ),
    (
        "Tell us online about something that has gone wrong, something we should put right, "
        "or something we did well. It takes about 10 minutes.",
        "Dywedwch wrthym ar-lein am rywbeth sydd wedi mynd o'i le, rhywbeth y dylem ei gywiro, "
        "neu rywbeth a wnaethom yn dda. Mae'n cymryd tua 10 munud.",
        "ہمیں آن لائن بتائیں کہ کیا غلط ہوا، ہمیں کیا ٹھیک کرنا چاہیے، یا ہم نے کیا اچھا کیا۔ "
        "اس میں تقریباً 10 منٹ لگتے ہیں۔",
    ),
    ("Use this service to:", "Defnyddiwch y gwasanaeth hwn i:", "یہ سروس استعمال کریں تاکہ:"),
    (
        "ask us to put something right, for example a repair",
        "gofyn i ni gywiro rhywbeth, er enghraifft gwaith trwsio",
        "ہم سے کچھ ٹھیک کرنے کو کہیں، مثلاً کوئی مرمت",
    ),
    (
        "make a complaint about our service",
        "gwneud cwyn am ein gwasanaeth",
        "ہماری سروس کے بارے میں شکایت کریں",
    ),
    ("give a compliment", "rhoi canmoliaeth", "تعریف کریں"),
    (
        "make a comment or suggestion",
        "gwneud sylw neu awgrym",
        "کوئی رائے یا تجویز دیں",
    ),
    (
        "You can use it for yourself, or for someone you are acting for, such as a family "
        "member, as their carer or advocate, or as their councillor or MP. You do not need to "
        "use the word complaint.",
        "Gallwch ei ddefnyddio drosoch chi eich hun, neu dros rywun rydych yn gweithredu ar ei "
        "ran, fel aelod o'r teulu, fel ei ofalwr neu eiriolwr, neu fel ei gynghorydd neu AS. "
        "Does dim angen i chi ddefnyddio'r gair cwyn.",
        "آپ اسے اپنے لیے استعمال کر سکتے ہیں، یا کسی ایسے شخص کے لیے جس کی طرف سے آپ کام کر "
        "رہے ہیں، جیسے خاندان کا کوئی فرد، اس کے نگہداشت کرنے والے یا وکیل کے طور پر، یا اس کے "
        "کونسلر یا رکنِ پارلیمنٹ کے طور پر۔ آپ کو لفظ شکایت استعمال کرنے کی ضرورت نہیں۔",
    ),
    ("Before you start", "Cyn i chi ddechrau", "شروع کرنے سے پہلے"),
    ("It will help to have:", "Bydd yn help i chi gael:", "یہ چیزیں پاس ہوں تو مدد ملے گی:"),
    (
        "what happened and roughly when",
        "beth ddigwyddodd a phryd, yn fras",
        "کیا ہوا اور تقریباً کب",
    ),
    (
        "any photos or letters about it",
        "unrhyw luniau neu lythyrau amdano",
        "اس کے بارے میں کوئی تصویریں یا خط",
    ),
    (
        "an email address, phone number or postal address we can reply to",
        "cyfeiriad e-bost, rhif ffôn neu gyfeiriad post y gallwn ateb iddo",
        "ای میل پتہ، فون نمبر یا ڈاک کا پتہ جس پر ہم جواب دے سکیں",
    ),
    (
        "You can tell us about any support you need, such as large print or an interpreter, "
        "and we will agree it with you.",
        "Gallwch ddweud wrthym am unrhyw gymorth sydd ei angen arnoch, fel print bras neu "
        "gyfieithydd, a byddwn yn ei gytuno gyda chi.",
        "آپ ہمیں کسی بھی مدد کے بارے میں بتا سکتے ہیں جس کی آپ کو ضرورت ہے، جیسے بڑا پرنٹ یا "
        "ترجمان، اور ہم آپ کے ساتھ اس پر اتفاق کریں گے۔",
    ),
    # How to complain
    ("How to complain", "Sut i gwyno", "شکایت کیسے کریں"),
    (
        "Tell us if you are unhappy with our service. You can do it in whichever way suits "
        "you, and someone can do it for you.",
        "Dywedwch wrthym os ydych yn anhapus â'n gwasanaeth. Gallwch wneud hynny ym mha bynnag "
        "ffordd sy'n addas i chi, a gall rhywun ei wneud ar eich rhan.",
        "اگر آپ ہماری سروس سے ناخوش ہیں تو ہمیں بتائیں۔ آپ جس طریقے سے چاہیں بتا سکتے ہیں، اور "
        "کوئی اور آپ کی طرف سے بھی بتا سکتا ہے۔",
    ),
    (
        "A family member, carer, friend, advocate, solicitor, councillor or MP can complain "
        "for you. We will ask you to confirm that you agree, unless you asked your councillor "
        "or MP to contact us: then we take it that you agree.",
        "Gall aelod o'r teulu, gofalwr, ffrind, eiriolwr, cyfreithiwr, cynghorydd neu AS gwyno "
        "ar eich rhan. Byddwn yn gofyn i chi gadarnhau eich bod yn cytuno, oni bai eich bod "
        "wedi gofyn i'ch cynghorydd neu AS gysylltu â ni: yna rydym yn cymryd eich bod yn "
        "cytuno.",
        "خاندان کا کوئی فرد، نگہداشت کرنے والا، دوست، وکیل، سولیسٹر، کونسلر یا رکنِ پارلیمنٹ "
        "آپ کی طرف سے شکایت کر سکتا ہے۔ ہم آپ سے تصدیق کرنے کو کہیں گے کہ آپ متفق ہیں، سوائے "
        "اس کے کہ آپ نے اپنے کونسلر یا رکنِ پارلیمنٹ سے ہم سے رابطہ کرنے کو کہا ہو: تب ہم "
        "سمجھتے ہیں کہ آپ متفق ہیں۔",
    ),
    (
        "You can also bring someone with you to any meeting about your complaint.",
        "Gallwch hefyd ddod â rhywun gyda chi i unrhyw gyfarfod am eich cwyn.",
        "آپ اپنی شکایت سے متعلق کسی بھی ملاقات میں کسی کو ساتھ بھی لا سکتے ہیں۔",
    ),
    ("What happens next", "Beth sy'n digwydd nesaf", "آگے کیا ہوتا ہے"),
    (
        "We will confirm we have your complaint and tell you what we understand it to be "
        "within 5 working days. We will give you our answer within 10 working days after that. "
        "If you are still unhappy, you can ask us to look at it again at stage 2. You do not "
        "need to give a reason.",
        "Byddwn yn cadarnhau bod eich cwyn gennym ac yn dweud wrthych beth rydym yn ei deall "
        "yw hi o fewn 5 diwrnod gwaith. Byddwn yn rhoi ein hateb i chi o fewn 10 diwrnod gwaith "
        "ar ôl hynny. Os ydych yn dal yn anhapus, gallwch ofyn i ni edrych arni eto yng ngham "
        "2. Does dim angen i chi roi rheswm.",
        "ہم 5 کام کے دنوں کے اندر تصدیق کریں گے کہ آپ کی شکایت ہمیں مل گئی ہے اور بتائیں گے "
        "کہ ہم اسے کیا سمجھتے ہیں۔ اس کے بعد 10 کام کے دنوں کے اندر ہم آپ کو اپنا جواب دیں گے۔ "
        "اگر آپ پھر بھی ناخوش ہیں تو آپ ہم سے مرحلہ 2 میں اسے دوبارہ دیکھنے کو کہہ سکتے ہیں۔ "
        "آپ کو کوئی وجہ بتانے کی ضرورت نہیں۔",
    ),
    (
        "Is it a complaint or a request for a service?",
        "Ai cwyn yw hi neu gais am wasanaeth?",
        "کیا یہ شکایت ہے یا کسی سروس کی درخواست؟",
    ),
    (
        "Asking us to do something, such as mend a leaking tap, is a request for a service. If "
        "we do not do it, do it badly or take too long, that is a complaint. You can complain "
        "about a request while we are still working on it.",
        "Mae gofyn i ni wneud rhywbeth, fel trwsio tap sy'n gollwng, yn gais am wasanaeth. Os "
        "na fyddwn yn ei wneud, yn ei wneud yn wael neu'n cymryd gormod o amser, cwyn yw "
        "hynny. Gallwch gwyno am gais tra rydym yn dal i weithio arno.",
        "ہم سے کوئی کام کرنے کو کہنا، جیسے ٹپکتی ٹونٹی ٹھیک کرنا، سروس کی درخواست ہے۔ اگر ہم "
        "وہ کام نہ کریں، برا کریں یا بہت دیر لگائیں تو یہ شکایت ہے۔ جب ہم ابھی کسی درخواست پر "
        "کام کر رہے ہوں، تب بھی آپ اس کے بارے میں شکایت کر سکتے ہیں۔",
    ),
    (
        "If you need help or changes to how we work with you",
        "Os oes angen help neu newidiadau arnoch i'r ffordd rydym yn gweithio gyda chi",
        "اگر آپ کو مدد چاہیے یا ہمارے کام کرنے کے طریقے میں تبدیلی چاہیے",
    ),
    (
        "Tell us if you need us to do something differently, for example large print, easy "
        "read, an interpreter, British Sign Language, or only phone calls. We will record what "
        "we agree and check it still works for you.",
        "Dywedwch wrthym os oes angen i ni wneud rhywbeth yn wahanol, er enghraifft print bras, "
        "hawdd ei ddeall, cyfieithydd, Iaith Arwyddion Prydain, neu alwadau ffôn yn unig. "
        "Byddwn yn cofnodi'r hyn rydym yn ei gytuno ac yn gwirio ei fod yn dal i weithio i chi.",
        "ہمیں بتائیں اگر آپ کو ضرورت ہے کہ ہم کچھ مختلف طریقے سے کریں، مثلاً بڑا پرنٹ، آسان "
        "زبان، ترجمان، برٹش سائن لینگویج، یا صرف فون کالز۔ ہم جو طے کریں گے اسے ریکارڈ کریں گے "
        "اور دیکھتے رہیں گے کہ یہ اب بھی آپ کے لیے کارآمد ہے۔",
    ),
    # Complaints policy
    ("Complaints policy", "Polisi cwynion", "شکایات کی پالیسی"),
    (
        "How we handle complaints, how long each step takes, and what you can do if you are not "
        "happy with our answer.",
        "Sut rydym yn delio â chwynion, faint o amser mae pob cam yn ei gymryd, a beth allwch "
        "ei wneud os nad ydych yn hapus â'n hateb.",
        "ہم شکایات کیسے نمٹاتے ہیں، ہر مرحلے میں کتنا وقت لگتا ہے، اور اگر آپ ہمارے جواب سے "
        "مطمئن نہیں تو آپ کیا کر سکتے ہیں۔",
    ),
    (
        "Head of Customer Experience",
        "Pennaeth Profiad Cwsmeriaid",
        "سربراہ، کسٹمر تجربہ",
    ),
    ("About this policy", "Am y polisi hwn", "اس پالیسی کے بارے میں"),
    (
        "This policy explains how Example Homes deals with complaints from our residents and "
        "from people acting for them. It follows the Housing Ombudsman's Complaint Handling "
        "Code, which all social landlords in England must follow.",
        "Mae'r polisi hwn yn esbonio sut mae Example Homes yn delio â chwynion gan ein "
        "preswylwyr a chan bobl sy'n gweithredu ar eu rhan. Mae'n dilyn Cod Ymdrin â Chwynion "
        "yr Ombwdsmon Tai, y mae'n rhaid i bob landlord cymdeithasol yn Lloegr ei ddilyn.",
        "یہ پالیسی بتاتی ہے کہ Example Homes اپنے رہائشیوں اور ان کی طرف سے کام کرنے والوں کی "
        "شکایات کیسے نمٹاتا ہے۔ یہ ہاؤسنگ اومبڈسمین کے شکایات نمٹانے کے ضابطے کی پیروی کرتی "
        "ہے، جس کی پیروی انگلینڈ کے تمام سوشل لینڈ لارڈز کو کرنی ہوتی ہے۔",
    ),
    (
        "We see complaints as a way to learn. A high number of complaints is not a bad thing "
        "in itself. Nobody is treated worse for complaining.",
        "Rydym yn gweld cwynion fel ffordd o ddysgu. Nid yw nifer uchel o gwynion yn beth "
        "drwg ynddo'i hun. Ni chaiff neb ei drin yn waeth am gwyno.",
        "ہم شکایات کو سیکھنے کا ذریعہ سمجھتے ہیں۔ زیادہ شکایات بذاتِ خود بری بات نہیں۔ شکایت "
        "کرنے پر کسی کے ساتھ برا سلوک نہیں کیا جاتا۔",
    ),
    ("What a complaint is", "Beth yw cwyn", "شکایت کیا ہے"),
    (
        "A complaint is when you tell us you are unhappy with our service, with something we "
        "or our contractors did, or with something we did not do. It can be about you alone or "
        "about a group of residents.",
        "Cwyn yw pan fyddwch yn dweud wrthym eich bod yn anhapus â'n gwasanaeth, â rhywbeth a "
        "wnaethom ni neu ein contractwyr, neu â rhywbeth na wnaethom. Gall fod amdanoch chi yn "
        "unig neu am grŵp o breswylwyr.",
        "شکایت تب ہوتی ہے جب آپ ہمیں بتائیں کہ آپ ہماری سروس سے، ہمارے یا ہمارے ٹھیکیداروں "
        "کے کسی کام سے، یا کسی ایسے کام سے ناخوش ہیں جو ہم نے نہیں کیا۔ یہ صرف آپ کے بارے میں "
        "یا رہائشیوں کے کسی گروپ کے بارے میں ہو سکتی ہے۔",
    ),
    (
        "You do not have to use the word complaint. When you tell us you are unhappy, we will "
        "offer to treat it as a complaint.",
        "Does dim rhaid i chi ddefnyddio'r gair cwyn. Pan fyddwch yn dweud wrthym eich bod yn "
        "anhapus, byddwn yn cynnig ei drin fel cwyn.",
        "آپ کو لفظ شکایت استعمال کرنے کی ضرورت نہیں۔ جب آپ ہمیں بتائیں گے کہ آپ ناخوش ہیں تو "
        "ہم اسے شکایت کے طور پر لینے کی پیشکش کریں گے۔",
    ),
    (
        "A request for a service, such as reporting a repair, is not a complaint. If you are "
        "unhappy with how we deal with a request, you can complain, and we keep working on the "
        "request at the same time.",
        "Nid yw cais am wasanaeth, fel rhoi gwybod am waith trwsio, yn gŵyn. Os ydych yn "
        "anhapus â'r ffordd rydym yn delio â chais, gallwch gwyno, ac rydym yn dal i weithio ar "
        "y cais yr un pryd.",
        "سروس کی درخواست، جیسے مرمت کی اطلاع دینا، شکایت نہیں ہے۔ اگر آپ اس بات سے ناخوش ہیں "
        "کہ ہم کسی درخواست کو کیسے نمٹا رہے ہیں تو آپ شکایت کر سکتے ہیں، اور ہم ساتھ ساتھ اس "
        "درخواست پر کام جاری رکھیں گے۔",
    ),
    (
        "You can complain online, by phone, by email, by letter, in person, through social "
        "media or to any member of our staff or our contractors. Someone else can complain for "
        "you.",
        "Gallwch gwyno ar-lein, dros y ffôn, drwy e-bost, drwy lythyr, wyneb yn wyneb, drwy'r "
        "cyfryngau cymdeithasol neu i unrhyw aelod o'n staff neu ein contractwyr. Gall rhywun "
        "arall gwyno ar eich rhan.",
        "آپ آن لائن، فون پر، ای میل سے، خط کے ذریعے، خود آ کر، سوشل میڈیا پر، یا ہمارے عملے یا "
        "ٹھیکیداروں کے کسی بھی فرد سے شکایت کر سکتے ہیں۔ کوئی اور آپ کی طرف سے شکایت کر سکتا ہے۔",
    ),
    (
        "Tell us if you need us to make changes so you can use this process, such as large "
        "print, an interpreter or someone to help you. We record the changes we agree and "
        "review them with you.",
        "Dywedwch wrthym os oes angen i ni wneud newidiadau er mwyn i chi allu defnyddio'r "
        "broses hon, fel print bras, cyfieithydd neu rywun i'ch helpu. Rydym yn cofnodi'r "
        "newidiadau rydym yn eu cytuno ac yn eu hadolygu gyda chi.",
        "اگر اس طریقۂ کار کو استعمال کرنے کے لیے آپ کو ہم سے کچھ تبدیلیاں چاہییں، جیسے بڑا "
        "پرنٹ، ترجمان یا کوئی مدد کرنے والا، تو ہمیں بتائیں۔ ہم طے شدہ تبدیلیاں ریکارڈ کرتے ہیں "
        "اور آپ کے ساتھ ان کا جائزہ لیتے ہیں۔",
    ),
    (
        "Complaints we may not accept",
        "Cwynion na fyddwn efallai'n eu derbyn",
        "وہ شکایات جو ہم شاید قبول نہ کریں",
    ),
    (
        "We accept complaints unless there is a good reason not to. We decide each one on its "
        "own facts. We may not accept a complaint when:",
        "Rydym yn derbyn cwynion oni bai bod rheswm da dros beidio. Rydym yn penderfynu ar bob "
        "un yn ôl ei ffeithiau ei hun. Efallai na fyddwn yn derbyn cwyn pan:",
        "ہم شکایات قبول کرتے ہیں جب تک انکار کی کوئی معقول وجہ نہ ہو۔ ہم ہر شکایت کا فیصلہ اس "
        "کے اپنے حقائق پر کرتے ہیں۔ ہم شاید کوئی شکایت قبول نہ کریں جب:",
    ),
    (
        "the issue happened more than 12 months ago and you knew about it then, unless there "
        "is a good reason you could not raise it sooner",
        "digwyddodd y mater fwy na 12 mis yn ôl ac roeddech yn gwybod amdano bryd hynny, oni "
        "bai bod rheswm da pam na allech ei godi'n gynt",
        "مسئلہ 12 مہینے سے زیادہ پہلے ہوا اور آپ کو اس وقت اس کا علم تھا، سوائے اس کے کہ کوئی "
        "معقول وجہ ہو کہ آپ اسے پہلے نہیں اٹھا سکے",
    ),
    (
        "a court or tribunal claim about the same issue has been issued",
        "mae hawliad llys neu dribiwnlys am yr un mater wedi'i gyflwyno",
        "اسی مسئلے پر عدالت یا ٹریبونل میں دعویٰ دائر ہو چکا ہو",
    ),
    (
        "we have already answered the same complaint at both stages",
        "rydym eisoes wedi ateb yr un gŵyn yn y ddau gam",
        "ہم اسی شکایت کا دونوں مرحلوں پر پہلے ہی جواب دے چکے ہوں",
    ),
    (
        "If we do not accept your complaint, we will write to you explaining why. You can ask "
        "the Housing Ombudsman to look at our decision.",
        "Os na fyddwn yn derbyn eich cwyn, byddwn yn ysgrifennu atoch i esbonio pam. Gallwch "
        "ofyn i'r Ombwdsmon Tai edrych ar ein penderfyniad.",
        "اگر ہم آپ کی شکایت قبول نہیں کرتے تو ہم آپ کو خط لکھ کر وجہ بتائیں گے۔ آپ ہاؤسنگ "
        "اومبڈسمین سے ہمارے فیصلے کا جائزہ لینے کو کہہ سکتے ہیں۔",
    ),
    ("Stage 1", "Cam 1", "مرحلہ 1"),
    (
        "We will acknowledge your complaint within 5 working days of receiving it. We will tell "
        "you what we understand your complaint to be and what you want us to do. If we are not "
        "sure, we will ask you.",
        "Byddwn yn cydnabod eich cwyn o fewn 5 diwrnod gwaith i'w chael. Byddwn yn dweud "
        "wrthych beth rydym yn ei deall yw eich cwyn a beth rydych eisiau i ni ei wneud. Os "
        "nad ydym yn siŵr, byddwn yn gofyn i chi.",
        "شکایت ملنے کے 5 کام کے دنوں کے اندر ہم اس کی وصولی کی تصدیق کریں گے۔ ہم آپ کو بتائیں "
        "گے کہ ہم آپ کی شکایت کو کیا سمجھتے ہیں اور آپ ہم سے کیا چاہتے ہیں۔ اگر ہمیں یقین نہ ہو "
        "تو ہم آپ سے پوچھیں گے۔",
    ),
    (
        "We will give you our answer within 10 working days of the acknowledgement. If we need "
        "longer, we will tell you why and give you a new date, no more than 10 working days "
        "later, along with the Housing Ombudsman's details.",
        "Byddwn yn rhoi ein hateb i chi o fewn 10 diwrnod gwaith i'r gydnabyddiaeth. Os oes "
        "angen mwy o amser arnom, byddwn yn dweud wrthych pam ac yn rhoi dyddiad newydd i chi, "
        "dim mwy na 10 diwrnod gwaith yn ddiweddarach, ynghyd â manylion yr Ombwdsmon Tai.",
        "تصدیق کے 10 کام کے دنوں کے اندر ہم آپ کو اپنا جواب دیں گے۔ اگر ہمیں زیادہ وقت چاہیے "
        "تو ہم آپ کو وجہ اور ایک نئی تاریخ بتائیں گے، جو 10 کام کے دنوں سے زیادہ بعد نہیں "
        "ہوگی، اور ساتھ ہاؤسنگ اومبڈسمین کی تفصیلات بھی دیں گے۔",
    ),
    (
        "Our answer will tell you what we decided on each part of your complaint and why, what "
        "we will do to put things right and by when, and how to take your complaint to stage 2.",
        "Bydd ein hateb yn dweud wrthych beth wnaethom ei benderfynu ar bob rhan o'ch cwyn a "
        "pham, beth fyddwn yn ei wneud i gywiro pethau ac erbyn pryd, a sut i fynd â'ch cwyn i "
        "gam 2.",
        "ہمارا جواب بتائے گا کہ ہم نے آپ کی شکایت کے ہر حصے پر کیا فیصلہ کیا اور کیوں، ہم "
        "معاملات ٹھیک کرنے کے لیے کیا کریں گے اور کب تک، اور آپ اپنی شکایت مرحلہ 2 میں کیسے لے "
        "جا سکتے ہیں۔",
    ),
    ("Stage 2", "Cam 2", "مرحلہ 2"),
    (
        "If you are not happy with our stage 1 answer, ask us to look at it again. You do not "
        "need to give a reason. A different person, who was not involved at stage 1, will "
        "review your complaint.",
        "Os nad ydych yn hapus â'n hateb yng ngham 1, gofynnwch i ni edrych arno eto. Does dim "
        "angen i chi roi rheswm. Bydd person gwahanol, nad oedd yn rhan o gam 1, yn adolygu "
        "eich cwyn.",
        "اگر آپ مرحلہ 1 کے ہمارے جواب سے مطمئن نہیں تو ہم سے اسے دوبارہ دیکھنے کو کہیں۔ آپ کو "
        "کوئی وجہ بتانے کی ضرورت نہیں۔ ایک دوسرا شخص، جو مرحلہ 1 میں شامل نہیں تھا، آپ کی شکایت "
        "کا جائزہ لے گا۔",
    ),
    (
        "We will acknowledge your request within 5 working days and give our final answer "
        "within 20 working days of the acknowledgement. If we need longer, we will tell you why "
        "and give you a new date, no more than 20 working days later, with the Housing "
        "Ombudsman's details.",
        "Byddwn yn cydnabod eich cais o fewn 5 diwrnod gwaith ac yn rhoi ein hateb terfynol o "
        "fewn 20 diwrnod gwaith i'r gydnabyddiaeth. Os oes angen mwy o amser arnom, byddwn yn "
        "dweud wrthych pam ac yn rhoi dyddiad newydd i chi, dim mwy na 20 diwrnod gwaith yn "
        "ddiweddarach, gyda manylion yr Ombwdsmon Tai.",
        "ہم 5 کام کے دنوں کے اندر آپ کی درخواست کی وصولی کی تصدیق کریں گے اور تصدیق کے 20 کام "
        "کے دنوں کے اندر اپنا حتمی جواب دیں گے۔ اگر ہمیں زیادہ وقت چاہیے تو ہم آپ کو وجہ اور "
        "ایک نئی تاریخ بتائیں گے، جو 20 کام کے دنوں سے زیادہ بعد نہیں ہوگی، اور ساتھ ہاؤسنگ "
        "اومبڈسمین کی تفصیلات بھی دیں گے۔",
    ),
    (
        "There are only two stages. Our stage 2 answer is our final answer and will tell you "
        "how to contact the Housing Ombudsman.",
        "Dim ond dau gam sydd. Ein hateb yng ngham 2 yw ein hateb terfynol a bydd yn dweud "
        "wrthych sut i gysylltu â'r Ombwdsmon Tai.",
        "صرف دو مرحلے ہیں۔ مرحلہ 2 کا ہمارا جواب ہمارا حتمی جواب ہے اور اس میں بتایا جائے گا "
        "کہ ہاؤسنگ اومبڈسمین سے کیسے رابطہ کریں۔",
    ),
    ("Putting things right", "Cywiro pethau", "معاملات درست کرنا"),
    (
        "When we get something wrong, we will say so and put it right. This might be an "
        "apology, an explanation, doing what we should have done, changing a decision, "
        "correcting our records, paying you money, or changing how we work.",
        "Pan fyddwn yn gwneud rhywbeth o'i le, byddwn yn dweud hynny ac yn ei gywiro. Gallai "
        "hyn fod yn ymddiheuriad, yn esboniad, yn gwneud yr hyn y dylem fod wedi'i wneud, yn "
        "newid penderfyniad, yn cywiro ein cofnodion, yn talu arian i chi, neu'n newid y ffordd "
        "rydym yn gweithio.",
        "جب ہم سے کوئی غلطی ہو تو ہم اسے مانیں گے اور درست کریں گے۔ یہ معافی، وضاحت، وہ کام "
        "کرنا جو ہمیں کرنا چاہیے تھا، کوئی فیصلہ بدلنا، اپنے ریکارڈ درست کرنا، آپ کو رقم ادا "
        "کرنا، یا اپنے کام کا طریقہ بدلنا ہو سکتا ہے۔",
    ),
    (
        "We will tell you what we will do and by when, and keep you updated until it is done. "
        "We can put things right at any stage, without you needing to escalate.",
        "Byddwn yn dweud wrthych beth fyddwn yn ei wneud ac erbyn pryd, ac yn rhoi'r wybodaeth "
        "ddiweddaraf i chi nes ei fod wedi'i wneud. Gallwn gywiro pethau ar unrhyw gam, heb i "
        "chi orfod uwchgyfeirio.",
        "ہم آپ کو بتائیں گے کہ ہم کیا کریں گے اور کب تک، اور کام مکمل ہونے تک آپ کو باخبر "
        "رکھیں گے۔ ہم کسی بھی مرحلے پر معاملات درست کر سکتے ہیں، اس کے لیے آپ کو شکایت آگے لے "
        "جانے کی ضرورت نہیں۔",
    ),
    ("The Housing Ombudsman", "Yr Ombwdsmon Tai", "ہاؤسنگ اومبڈسمین"),
    (
        "The Housing Ombudsman is free and independent. You can contact them at any time for "
        "advice. They can investigate your complaint once you have had our final answer.",
        "Mae'r Ombwdsmon Tai yn rhad ac am ddim ac yn annibynnol. Gallwch gysylltu â nhw ar "
        "unrhyw adeg i gael cyngor. Gallant ymchwilio i'ch cwyn ar ôl i chi gael ein hateb "
        "terfynol.",
        "ہاؤسنگ اومبڈسمین مفت اور خودمختار ہے۔ آپ مشورے کے لیے کسی بھی وقت ان سے رابطہ کر "
        "سکتے ہیں۔ ہمارا حتمی جواب ملنے کے بعد وہ آپ کی شکایت کی تحقیقات کر سکتے ہیں۔",
    ),
    (
        "Behaviour we cannot accept",
        "Ymddygiad na allwn ei dderbyn",
        "وہ رویہ جو ہم قبول نہیں کر سکتے",
    ),
    (
        "Most people who complain are polite, even when they are upset. If someone's behaviour "
        "puts our staff at risk or stops us helping other residents, we may limit how they "
        "contact us. Any limit is in proportion, takes account of any disability, is reviewed, "
        "and never stops us dealing with the complaint itself.",
        "Mae'r rhan fwyaf o bobl sy'n cwyno yn gwrtais, hyd yn oed pan fyddant wedi cynhyrfu. "
        "Os yw ymddygiad rhywun yn rhoi ein staff mewn perygl neu'n ein hatal rhag helpu "
        "preswylwyr eraill, efallai y byddwn yn cyfyngu ar sut maen nhw'n cysylltu â ni. Mae "
        "unrhyw gyfyngiad yn gymesur, yn ystyried unrhyw anabledd, yn cael ei adolygu, a byth "
        "yn ein hatal rhag delio â'r gŵyn ei hun.",
        "شکایت کرنے والے زیادہ تر لوگ پریشان ہونے کے باوجود شائستہ رہتے ہیں۔ اگر کسی کا رویہ "
        "ہمارے عملے کو خطرے میں ڈالے یا ہمیں دوسرے رہائشیوں کی مدد سے روکے تو ہم اس کے ہم سے "
        "رابطے کے طریقے محدود کر سکتے ہیں۔ کوئی بھی پابندی متناسب ہوتی ہے، کسی معذوری کو مدِنظر "
        "رکھتی ہے، اس کا جائزہ لیا جاتا ہے، اور یہ ہمیں شکایت نمٹانے سے کبھی نہیں روکتی۔",
    ),
    ("Learning and reporting", "Dysgu ac adrodd", "سیکھنا اور رپورٹ کرنا"),
    (
        "Each year we publish a report on our complaints and what we changed because of them, "
        "with our board's response, and a self-assessment against the Complaint Handling Code. "
        "A member of our board is responsible for complaints and receives regular reports.",
        "Bob blwyddyn rydym yn cyhoeddi adroddiad ar ein cwynion a'r hyn a newidiwyd gennym o'u "
        "herwydd, gydag ymateb ein bwrdd, a hunanasesiad yn erbyn y Cod Ymdrin â Chwynion. Mae "
        "aelod o'n bwrdd yn gyfrifol am gwynion ac yn cael adroddiadau rheolaidd.",
        "ہر سال ہم اپنی شکایات اور ان کی وجہ سے کی گئی تبدیلیوں پر ایک رپورٹ شائع کرتے ہیں، "
        "ساتھ ہمارے بورڈ کا جواب اور شکایات نمٹانے کے ضابطے کے مطابق ایک خود جائزہ بھی۔ ہمارے "
        "بورڈ کا ایک رکن شکایات کا ذمہ دار ہے اور اسے باقاعدہ رپورٹیں ملتی ہیں۔",
    ),
    ("Your information", "Eich gwybodaeth", "آپ کی معلومات"),
    (
        "We keep complaint records for 6 years after a complaint is closed, then delete them. "
        "Only staff who need to see information about a disability or vulnerability you tell "
        "us about can see it.",
        "Rydym yn cadw cofnodion cwynion am 6 blynedd ar ôl cau cwyn, ac yna'n eu dileu. Dim "
        "ond staff sydd angen gweld gwybodaeth am anabledd neu fregusrwydd rydych yn dweud "
        "wrthym amdano sy'n gallu ei gweld.",
        "ہم شکایت بند ہونے کے بعد 6 سال تک اس کا ریکارڈ رکھتے ہیں، پھر اسے مٹا دیتے ہیں۔ آپ "
        "کی بتائی ہوئی کسی معذوری یا کمزوری کی معلومات صرف وہی عملہ دیکھ سکتا ہے جسے اس کی "
        "ضرورت ہو۔",
    ),
    # Accessibility statement
    ("Accessibility statement", "Datganiad hygyrchedd", "رسائی کا بیان"),
    (
        "We want as many people as possible to be able to use this website.",
        "Rydym eisiau i gymaint o bobl â phosibl allu defnyddio'r wefan hon.",
        "ہم چاہتے ہیں کہ زیادہ سے زیادہ لوگ یہ ویب سائٹ استعمال کر سکیں۔",
    ),
    (
        "You should be able to change colours, contrast levels and fonts, zoom in up to 400% "
        "without the text spilling off the screen, get around the website using just a "
        "keyboard or speech recognition software, use it without JavaScript, and listen to it "
        "using a screen reader.",
        "Dylech allu newid lliwiau, lefelau cyferbyniad a ffontiau, chwyddo hyd at 400% heb i'r "
        "testun ddisgyn oddi ar y sgrin, symud o gwmpas y wefan gan ddefnyddio bysellfwrdd yn "
        "unig neu feddalwedd adnabod lleferydd, ei defnyddio heb JavaScript, a gwrando arni gan "
        "ddefnyddio darllenydd sgrin.",
        "آپ کو رنگ، کنٹراسٹ اور فونٹ بدلنے، متن کو اسکرین سے باہر نکلے بغیر 400% تک بڑا کرنے، "
        "صرف کی بورڈ یا آواز پہچاننے والے سافٹ ویئر سے ویب سائٹ پر گھومنے، اسے JavaScript کے "
        "بغیر استعمال کرنے، اور اسکرین ریڈر سے اسے سننے کے قابل ہونا چاہیے۔",
    ),
    (
        "The website is in English, Welsh and Urdu. Urdu pages read from right to left.",
        "Mae'r wefan yn Saesneg, Cymraeg ac Wrdw. Mae tudalennau Wrdw yn darllen o'r dde i'r "
        "chwith.",
        "یہ ویب سائٹ انگریزی، ویلش اور اردو میں ہے۔ اردو صفحات دائیں سے بائیں پڑھے جاتے ہیں۔",
    ),
    (
        "Our policy is also available as a PDF tagged for screen readers and in large print.",
        "Mae ein polisi hefyd ar gael fel PDF wedi'i dagio ar gyfer darllenwyr sgrin ac mewn "
        "print bras.",
        "ہماری پالیسی اسکرین ریڈرز کے لیے ٹیگ شدہ PDF اور بڑے پرنٹ میں بھی دستیاب ہے۔",
    ),
    (
        "How we test this website",
        "Sut rydym yn profi'r wefan hon",
        "ہم اس ویب سائٹ کو کیسے جانچتے ہیں",
    ),
    (
        "Each time the website changes, automatic tests in a web browser check that:",
        "Bob tro mae'r wefan yn newid, mae profion awtomatig mewn porwr gwe yn gwirio:",
        "جب بھی ویب سائٹ میں تبدیلی ہوتی ہے، ویب براؤزر میں خودکار ٹیسٹ جانچتے ہیں کہ:",
    ),
    (
        "every public page, in English, Welsh and Urdu, and with error messages showing, passes "
        "the checks the axe-core tool makes against the Web Content Accessibility Guidelines "
        "(WCAG) 2.2 at levels A and AA",
        "bod pob tudalen gyhoeddus, yn Saesneg, Cymraeg ac Wrdw, a chyda negeseuon gwall yn "
        "dangos, yn pasio'r gwiriadau y mae'r offeryn axe-core yn eu gwneud yn erbyn Canllawiau "
        "Hygyrchedd Cynnwys y We (WCAG) 2.2 ar lefelau A ac AA",
        "ہر عوامی صفحہ، انگریزی، ویلش اور اردو میں، اور غلطی کے پیغامات دکھاتے ہوئے بھی، "
        "axe-core ٹول کی وہ جانچ پاس کرتا ہے جو ویب مواد تک رسائی کی ہدایات (WCAG) 2.2 کے A اور "
        "AA درجوں کے مطابق کی جاتی ہے",
    ),
    (
        "the whole online complaint form can be filled in and sent using only a keyboard",
        "bod modd llenwi ac anfon y ffurflen gwyno ar-lein gyfan gan ddefnyddio bysellfwrdd yn "
        "unig",
        "پورا آن لائن شکایت فارم صرف کی بورڈ سے بھرا اور بھیجا جا سکتا ہے",
    ),
    (
        "the pages of the complaint form fit a screen 320 pixels wide, the same as zooming in to "
        "400%, without scrolling sideways",
        "bod tudalennau'r ffurflen gwyno yn ffitio sgrin 320 picsel o led, yr un fath â chwyddo "
        "i 400%, heb sgrolio i'r ochr",
        "شکایت فارم کے صفحات 320 پکسل چوڑی اسکرین پر، جو 400% تک بڑا کرنے کے برابر ہے، دائیں "
        "بائیں اسکرول کیے بغیر پورے آتے ہیں",
    ),
    (
        "the complaint form can be filled in and sent in Welsh and in Urdu",
        "bod modd llenwi ac anfon y ffurflen gwyno yn Gymraeg ac yn Wrdw",
        "شکایت فارم ویلش اور اردو میں بھرا اور بھیجا جا سکتا ہے",
    ),
    (
        "the complaint form works without JavaScript",
        "bod y ffurflen gwyno yn gweithio heb JavaScript",
        "شکایت فارم JavaScript کے بغیر کام کرتا ہے",
    ),
    (
        "Automatic tests find only some accessibility problems. This website has not yet been "
        "checked by disabled people or by an accessibility specialist, so there may be problems "
        "we do not know about. If you find one, please tell the complaints team.",
        "Dim ond rhai problemau hygyrchedd y mae profion awtomatig yn eu canfod. Nid yw pobl "
        "anabl nac arbenigwr hygyrchedd wedi gwirio'r wefan hon eto, felly efallai fod "
        "problemau nad ydym yn gwybod amdanynt. Os dewch o hyd i un, rhowch wybod i'r tîm "
        "cwynion.",
        "خودکار ٹیسٹ رسائی کے صرف کچھ مسائل پکڑتے ہیں۔ اس ویب سائٹ کو ابھی تک معذور افراد یا "
        "رسائی کے کسی ماہر نے نہیں جانچا، اس لیے ہو سکتا ہے کچھ مسائل ہوں جن کا ہمیں علم نہیں۔ "
        "اگر آپ کو کوئی مسئلہ ملے تو براہِ کرم شکایات کی ٹیم کو بتائیں۔",
    ),
    (
        "Asking for another format",
        "Gofyn am fformat arall",
        "کسی اور شکل میں مانگنا",
    ),
    (
        "If you need information in a different format, such as large print, easy read, "
        "braille, audio or another language, tell us what you need and we will send it to you.",
        "Os oes angen gwybodaeth arnoch mewn fformat gwahanol, fel print bras, hawdd ei ddeall, "
        "braille, sain neu iaith arall, dywedwch wrthym beth sydd ei angen arnoch a byddwn yn "
        "ei anfon atoch.",
        "اگر آپ کو معلومات کسی اور شکل میں چاہییں، جیسے بڑا پرنٹ، آسان زبان، بریل، آڈیو یا کوئی "
        "اور زبان، تو ہمیں بتائیں کہ آپ کو کیا چاہیے اور ہم آپ کو بھیج دیں گے۔",
    ),
    # The Housing Ombudsman's details (a snippet)
    (
        "Housing Ombudsman Service",
        "Gwasanaeth yr Ombwdsmon Tai",
        "ہاؤسنگ اومبڈسمین سروس",
    ),
    (
        "The Housing Ombudsman is free and independent. You can contact them for advice at any "
        "stage of your complaint, not only at the end. They can investigate once our complaints "
        "process is complete.",
        "Mae'r Ombwdsmon Tai yn rhad ac am ddim ac yn annibynnol. Gallwch gysylltu â nhw am "
        "gyngor ar unrhyw gam o'ch cwyn, nid dim ond ar y diwedd. Gallant ymchwilio pan fydd "
        "ein proses gwyno wedi'i chwblhau.",
        "ہاؤسنگ اومبڈسمین مفت اور خودمختار ہے۔ آپ اپنی شکایت کے کسی بھی مرحلے پر مشورے کے لیے "
        "ان سے رابطہ کر سکتے ہیں، صرف آخر میں نہیں۔ ہمارا شکایات کا طریقۂ کار مکمل ہونے کے بعد وہ "
        "تحقیقات کر سکتے ہیں۔",
    ),
]


def strings_for(language_code: str) -> dict[str, str]:
    """English source text -> its translation into the language."""
    column = 1 + LANGUAGES.index(language_code)
    return {row[0]: row[column] for row in STRINGS}


def _block_ids_fill(raw: list) -> bool:
    """Give every block of a stream's raw data an id, in place; True when one was missing.
    Pages loaded before the demo gave nested blocks ids cannot otherwise be translated."""
    changed = False
    for item in raw:
        if not item.get("id"):
            item["id"] = str(uuid.uuid4())
            changed = True
        value = item.get("value")
        if isinstance(value, dict):
            for inner in value.values():
                if isinstance(inner, list) and inner and isinstance(inner[0], dict):
                    changed = _block_ids_fill(inner) or changed
    return changed


def _ensure_block_ids(page: Page) -> None:
    if isinstance(page, PolicyPage) and _block_ids_fill(page.sections.raw_data):
        page.sections = page.sections.raw_data
        page.save_revision(log_action=False).publish(log_action=False)


def _translate(instance, locales: list[Locale]) -> None:
    """Write our strings into wagtail-localize's translation memory for the instance and make
    (or update) each locale's copy from them."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    for locale in locales:
        existing = instance.get_translation_or_none(locale)
        if existing is not None and not getattr(existing, "alias_of_id", None):
            continue  # already translated: the comms team's copy is theirs
        strings = strings_for(locale.language_code)
        for segment in segments:
            text = strings.get(segment.string.data)
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": "manual", "tool_name": "demo"},
            )
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if isinstance(instance, Page):
            # wagtail-localize publishes a page's copy once the transaction commits; publish it
            # now, so that it is live whatever transaction the loader runs in.
            translation.save_target(publish=False)
            copy = source.get_translated_instance(locale)
            copy.get_latest_revision().publish(log_action=False)
        else:
            translation.save_target(publish=True)


def demo_translations_load() -> list[Locale]:
    """Welsh and Urdu locales, synchronised with the English tree, and the demo's pages in
    both. Returns the locales."""
    english = Locale.get_default()
    with transaction.atomic():
        locales = [Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES]
        for page_class in TRANSLATED_PAGES:
            for page in page_class.objects.filter(locale=english).order_by("path"):
                _ensure_block_ids(page)
                _translate(page, locales)
        for scheme in OmbudsmanScheme.objects.filter(locale=english, kind="housing"):
            _translate(scheme, locales)
        for locale in locales:
            # Every other page gets an alias in each language, and so does every new English
            # page from now on (wagtail-localize's synchronised trees), so every address works
            # in every language. Saving the setting synchronises the trees; done after the
            # translations so that no alias is made only to be replaced.
            sync, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": english}
            )
            if not created:
                synchronize_tree(sync.sync_from, locale)
    return locales
