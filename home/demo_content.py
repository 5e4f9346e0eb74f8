"""Demo content: the site's own pages, written for the demo in the three languages.

Albanian pages are created as an editor would, then translated into Serbian and Turkish
through wagtail-localize from the translations below, so that the Serbian and Turkish trees
are real wagtail-localize translations an editor can keep editing.

Idempotent: a second run finds every page as it left it and changes nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page, Site

from core.seeding import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    DemoReport,
    ensure_locale_synchronization,
    ensure_locales,
    sync_trees,
    t,
    translate_outdated,
)
from media_office.demo_content import load_media_demo_content

from .models import HomePage, StandardPage

HOME = {
    "title": t("Komuna e Prizrenit", "Opština Prizren", "Prizren Belediyesi"),
    "slug": t("ballina", "pocetna", "anasayfa"),
    "intro": t(
        "Vendimet, planet, konsultimet dhe lajmet e Komunës së Prizrenit, në shqip, serbisht "
        "dhe turqisht. Çdo dokument publik, i kërkueshëm dhe i arritshëm për të gjithë.",
        "Odluke, planovi, konsultacije i vesti Opštine Prizren, na albanskom, srpskom i turskom "
        "jeziku. Svaki javni dokument, pretraživ i dostupan svima.",
        "Prizren Belediyesi'nin kararları, planları, istişareleri ve haberleri; Arnavutça, "
        "Sırpça ve Türkçe. Her kamu belgesi herkes için aranabilir ve erişilebilir.",
    ),
    "address": t(
        "Shtëpia e Bardhë\n20000 Prizren, Kosovë",
        "Bela kuća\n20000 Prizren, Kosovo",
        "Beyaz Ev\n20000 Prizren, Kosova",
    ),
    "opening_hours": t(
        "E hënë – e premte, 08:00–16:00",
        "Ponedeljak – petak, 08:00–16:00",
        "Pazartesi – Cuma, 08:00–16:00",
    ),
    "phone": "+383 29 000 000",
    "email": "info@prizren.example",
}


@dataclass
class DemoPage:
    slug: dict
    title: dict
    intro: dict
    body: list = field(default_factory=list)  # [("heading" | "paragraph", t(...)), ...]
    show_in_menus: bool = True


ABOUT = DemoPage(
    slug=t("rreth-komunes", "o-opstini", "belediye-hakkinda"),
    title=t("Rreth Komunës", "O Opštini", "Belediye hakkında"),
    intro=t(
        "Prizreni është komuna e dytë më e madhe e Kosovës, me rreth 180.000 banorë.",
        "Prizren je druga po veličini opština na Kosovu, sa oko 180.000 stanovnika.",
        "Prizren, yaklaşık 180.000 nüfusuyla Kosova'nın ikinci büyük belediyesidir.",
    ),
    body=[
        ("heading", t("Qyteti dhe komunitetet", "Grad i zajednice", "Şehir ve topluluklar")),
        (
            "paragraph",
            t(
                "Në Prizren jetojnë shqiptarë, boshnjakë, turq, romë, ashkali, egjiptianë dhe "
                "goranë. Shqipja, serbishtja dhe turqishtja janë gjuhë zyrtare në komunë, prandaj "
                "çdo faqe e kësaj uebfaqeje botohet në të tria gjuhët.",
                "U Prizrenu žive Albanci, Bošnjaci, Turci, Romi, Aškalije, Egipćani i Goranci. "
                "Albanski, srpski i turski su službeni jezici u opštini, zato se svaka stranica "
                "ovog sajta objavljuje na sva tri jezika.",
                "Prizren'de Arnavutlar, Boşnaklar, Türkler, Romanlar, Aşkaliler, Mısırlılar ve "
                "Goralılar yaşar. Arnavutça, Sırpça ve Türkçe belgede resmî dillerdir; bu "
                "nedenle sitenin her sayfası üç dilde yayımlanır.",
            ),
        ),
        ("heading", t("Si punon komuna", "Kako radi opština", "Belediye nasıl çalışır")),
        (
            "paragraph",
            t(
                "Kryetari i komunës merr vendime çdo muaj, Kuvendi Komunal miraton rregulloret "
                "dhe buxhetin, ndërsa qytetarët marrin pjesë përmes konsultimeve publike, "
                "dëgjimeve buxhetore dhe takimeve publike.",
                "Predsednik opštine donosi odluke svakog meseca, Skupština opštine usvaja "
                "propise i budžet, a građani učestvuju kroz javne konsultacije, budžetska "
                "saslušanja i javne sastanke.",
                "Belediye başkanı her ay kararlar alır, Belediye Meclisi yönetmelikleri ve "
                "bütçeyi onaylar; vatandaşlar ise kamuoyu istişareleri, bütçe dinlemeleri ve "
                "halk toplantıları aracılığıyla sürece katılır.",
            ),
        ),
        (
            "paragraph",
            t(
                "Njësia për Komunikim me Publikun përgjigjet për këtë uebfaqe, për njoftimet për "
                "media dhe për kërkesat për qasje në dokumente publike.",
                "Jedinica za komunikaciju sa javnošću odgovorna je za ovaj sajt, saopštenja za "
                "medije i zahteve za pristup javnim dokumentima.",
                "Halkla İletişim Birimi bu siteden, basın bültenlerinden ve kamu belgelerine "
                "erişim taleplerinden sorumludur.",
            ),
        ),
    ],
)

ACCESSIBILITY = DemoPage(
    slug=t("deklarata-e-aksesueshmerise", "izjava-o-pristupacnosti", "erisilebilirlik-beyani"),
    title=t("Deklarata e aksesueshmërisë", "Izjava o pristupačnosti", "Erişilebilirlik beyanı"),
    intro=t(
        "Komuna e Prizrenit synon që kjo uebfaqe të jetë e përdorshme nga të gjithë.",
        "Opština Prizren želi da ovaj sajt mogu da koriste svi.",
        "Prizren Belediyesi bu sitenin herkes tarafından kullanılabilmesini amaçlar.",
    ),
    body=[
        ("heading", t("Standardi", "Standard", "Standart")),
        (
            "paragraph",
            t(
                "Uebfaqja ndjek Udhëzimet për Aksesueshmërinë e Përmbajtjes në Ueb (WCAG) 2.1, "
                "niveli AA. Çdo lloj faqeje kontrollohet automatikisht në çdo ndryshim të kodit, "
                "në të tria gjuhët.",
                "Sajt prati Smernice za pristupačnost veb sadržaja (WCAG) 2.1, nivo AA. Svaka "
                "vrsta stranice automatski se proverava pri svakoj izmeni koda, na sva tri jezika.",
                "Site, Web İçeriği Erişilebilirlik Yönergeleri (WCAG) 2.1 AA düzeyini izler. Her "
                "sayfa türü, her kod değişikliğinde üç dilde otomatik olarak denetlenir.",
            ),
        ),
        ("heading", t("Kufizimet e njohura", "Poznata ograničenja", "Bilinen sınırlamalar")),
        (
            "paragraph",
            t(
                "Disa dokumente të vjetra janë skanime. Teksti i tyre nxirret automatikisht për "
                "kërkim, por mund të përmbajë gabime. Nëse keni nevojë për një dokument në format "
                "tjetër, na shkruani dhe do t’jua dërgojmë.",
                "Neki stariji dokumenti su skenirani. Njihov tekst se automatski izdvaja za "
                "pretragu, ali može sadržati greške. Ako vam je potreban dokument u drugom "
                "formatu, pišite nam i poslaćemo vam ga.",
                "Bazı eski belgeler taranmış görüntülerdir. Metinleri arama için otomatik olarak "
                "çıkarılır, ancak hata içerebilir. Bir belgeye başka bir biçimde ihtiyacınız "
                "varsa bize yazın, size gönderelim.",
            ),
        ),
        ("heading", t("Na tregoni", "Javite nam", "Bize bildirin")),
        (
            "paragraph",
            t(
                "Nëse diçka në këtë uebfaqe nuk ju funksionon, shkruani në info@prizren.example. "
                "Përgjigjemi brenda pesë ditëve të punës.",
                "Ako vam nešto na ovom sajtu ne radi, pišite na info@prizren.example. "
                "Odgovaramo u roku od pet radnih dana.",
                "Bu sitede sizin için çalışmayan bir şey varsa info@prizren.example adresine "
                "yazın. Beş iş günü içinde yanıt veririz.",
            ),
        ),
    ],
    show_in_menus=False,
)

DEMO_PAGES = [ABOUT, ACCESSIBILITY]


def ensure_home_page(report):
    """The Albanian home page, as the default site's root (replacing Wagtail's welcome page)."""
    source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=source, depth=2).first()
    values = {
        "title": HOME["title"]["sq"],
        "slug": HOME["slug"]["sq"],
        "intro": HOME["intro"]["sq"],
        "address": HOME["address"]["sq"],
        "opening_hours": HOME["opening_hours"]["sq"],
        "phone": HOME["phone"],
        "email": HOME["email"],
    }
    if home is None:
        home = root.add_child(instance=HomePage(locale=source, **values))
        home.save_revision().publish()
        report.created.append(home)
    elif _update(home, values):
        report.updated.append(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Komuna e Prizrenit",
        )
    elif site.root_page_id != home.pk:
        previous_root = site.root_page
        site.root_page = home
        site.site_name = "Komuna e Prizrenit"
        site.save()
        if type(previous_root.specific) is Page:
            # Wagtail's "Welcome to your new Wagtail site!" page, and any alias of it.
            for alias in previous_root.aliases.all():
                alias.delete()
            previous_root.delete()
    return home


def ensure_child_page(parent, demo, report):
    values = {
        "title": demo.title["sq"],
        "slug": demo.slug["sq"],
        "intro": demo.intro["sq"],
        "show_in_menus": demo.show_in_menus,
        "body": [(kind, _block_value(kind, text["sq"])) for kind, text in demo.body],
    }
    page = StandardPage.objects.child_of(parent).filter(slug=demo.slug["sq"]).first()
    if page is None:
        page = parent.add_child(instance=StandardPage(locale=parent.locale, **values))
        page.save_revision().publish()
        report.created.append(page)
    elif _update(page, values):
        report.updated.append(page)
    return page


def _block_value(kind, text):
    if kind == "heading":
        return {"text": text}
    return f"<p>{text}</p>"


def _update(page, values):
    """Set the values that differ and publish a new revision; False if nothing differed."""
    changed = False
    for name, value in values.items():
        current = getattr(page, name)
        if name == "body":
            current_raw = [(block.block_type, _raw(block)) for block in current]
            if current_raw == list(value):
                continue
        elif current == value:
            continue
        setattr(page, name, value)
        changed = True
    if changed:
        page.save_revision().publish()
    return changed


def _raw(block):
    value = block.value
    if block.block_type == "heading":
        return {"text": value["text"]}
    return value.source


def translation_memory():
    """{language: {Albanian string: translated string}} from every text above."""
    memory = {code: {} for code in TARGET_LANGUAGES}
    texts = [HOME["title"], HOME["slug"], HOME["intro"], HOME["address"], HOME["opening_hours"]]
    for demo in DEMO_PAGES:
        texts += [demo.title, demo.slug, demo.intro, *[text for _kind, text in demo.body]]
    for text in texts:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    return memory


def translate_tree(pages, changed, report):
    """Translate the demo pages that need it (translate_outdated), noting it in `report`."""
    for page, code, result in translate_outdated(pages, translation_memory(), changed):
        report.translated.append((page, code))
        report.untranslated_strings += [(code, text) for text in result.missing]


@transaction.atomic
def load_demo_content():
    report = DemoReport()
    ensure_locales()
    home = ensure_home_page(report)
    pages = [home] + [ensure_child_page(home, demo, report) for demo in DEMO_PAGES]
    ensure_locale_synchronization()
    sync_trees()
    translate_tree(pages, set(report.created) | set(report.updated), report)
    # --- media office: press index, topics, contacts, releases ---
    media = load_media_demo_content(home)
    report.created += media.created
    report.updated += media.updated
    report.translated += media.translated
    report.untranslated_strings += media.untranslated_strings
    return report
