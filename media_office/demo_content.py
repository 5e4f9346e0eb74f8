"""Demo content of the press office: topics, contacts, the press index and twelve releases.

Written in Albanian and translated into Serbian (Latin) and Turkish through wagtail-localize,
as home/demo_content.py does. One release is scheduled a month ahead (an embargo); its date is
set when it is first created and never moved by a later run, so the loader stays idempotent.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Locale

from core.seeding import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    DemoReport,
    sync_trees,
    t,
    translate_outdated,
)

from .models import (
    PressContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
    RelatedRelease,
    Topic,
)

PRIZREN = ZoneInfo("Europe/Belgrade")

TOPICS = {
    "buxheti": t("Buxheti", "Budžet", "Bütçe"),
    "urbanizmi": t("Urbanizmi", "Urbanizam", "Şehircilik"),
    "kultura": t("Kultura", "Kultura", "Kültür"),
    "arsimi": t("Arsimi", "Obrazovanje", "Eğitim"),
    "konsultimet": t("Konsultimet publike", "Javne konsultacije", "Kamuoyu istişareleri"),
}

CONTACTS = [
    {
        "name": "Arta Krasniqi",
        "role": t("Zëdhënëse e Komunës", "Portparolka Opštine", "Belediye Sözcüsü"),
        "email": "media@prizren.example",
        "phone": "+383 29 000 010",
    },
    {
        "name": "Emir Hoxha",
        "role": t("Zyrtar për informim", "Službenik za informisanje", "Bilgilendirme Görevlisi"),
        "email": "informim@prizren.example",
        "phone": "+383 29 000 011",
    },
]

INDEX = {
    "title": t("Njoftime për media", "Saopštenja za medije", "Basın bültenleri"),
    "slug": t("njoftime-per-media", "saopstenja-za-medije", "basin-bultenleri"),
    "intro": t(
        "Njoftimet e Komunës së Prizrenit për gazetarët: lexoni arkivin, ndiqni kanalet RSS ose "
        "Atom, ose merrni çdo njoftim të ri me email.",
        "Saopštenja Opštine Prizren za novinare: pregledajte arhivu, pratite RSS ili Atom "
        "kanale ili primajte svako novo saopštenje e-poštom.",
        "Prizren Belediyesi'nin gazetecilere yönelik bültenleri: arşive göz atın, RSS veya Atom "
        "akışlarını takip edin ya da her yeni bülteni e-postayla alın.",
    ),
}


@dataclass
class DemoRelease:
    slug: dict
    title: dict
    lead: dict
    paragraphs: list
    topics: list
    date: datetime | None  # None: scheduled a month after the first load
    quote: tuple | None = None  # (t(text), attribution)
    contact: int = 0
    related: list = field(default_factory=list)  # slugs (Albanian) of earlier releases


def at(year, month, day, hour=10):
    return datetime(year, month, day, hour, 0, tzinfo=PRIZREN)


RELEASES = [
    DemoRelease(
        slug=t("buxheti-2026-miratohet", "budzet-2026-usvojen", "2026-butcesi-kabul-edildi"),
        title=t(
            "Kuvendi miraton buxhetin për vitin 2026",
            "Skupština usvojila budžet za 2026. godinu",
            "Meclis 2026 yılı bütçesini kabul etti",
        ),
        lead=t(
            "Kuvendi Komunal miratoi buxhetin prej 62 milionë eurosh, me më shumë investime në "
            "shkolla dhe rrugë.",
            "Skupština opštine usvojila je budžet od 62 miliona evra, sa više ulaganja u škole "
            "i puteve.",
            "Belediye Meclisi, okullara ve yollara daha fazla yatırım öngören 62 milyon avroluk "
            "bütçeyi kabul etti.",
        ),
        paragraphs=[
            t(
                "Buxheti u miratua me shumicë votash pas dy dëgjimeve publike në qytet dhe në "
                "fshatra.",
                "Budžet je usvojen većinom glasova nakon dva javna saslušanja u gradu i selima.",
                "Bütçe, şehirde ve köylerde yapılan iki kamu dinlemesinin ardından oy çokluğuyla "
                "kabul edildi.",
            )
        ],
        topics=["buxheti"],
        date=at(2025, 12, 18),
        quote=(
            t(
                "Çdo euro i këtij buxheti do të shihet në lagjet tona.",
                "Svaki evro ovog budžeta videće se u našim naseljima.",
                "Bu bütçenin her avrosu mahallelerimizde görülecek.",
            ),
            "Kryetari i Komunës",
        ),
    ),
    DemoRelease(
        slug=t("degjimi-buxhetor-2027", "budzetsko-saslusanje-2027", "butce-dinlemesi-2027"),
        title=t(
            "Ftesë për dëgjimin buxhetor për vitin 2027",
            "Poziv na budžetsko saslušanje za 2027. godinu",
            "2027 bütçe dinlemesine davet",
        ),
        lead=t(
            "Qytetarët ftohen të japin propozimet e tyre për buxhetin e vitit të ardhshëm.",
            "Građani su pozvani da daju svoje predloge za budžet naredne godine.",
            "Vatandaşlar gelecek yılın bütçesi için önerilerini sunmaya davet ediliyor.",
        ),
        paragraphs=[
            t(
                "Dëgjimi mbahet në sallën e Kuvendit Komunal, me përkthim në serbisht dhe "
                "turqisht.",
                "Saslušanje se održava u sali Skupštine opštine, uz prevod na srpski i turski.",
                "Dinleme, Sırpça ve Türkçe tercümeyle Belediye Meclisi salonunda yapılacak.",
            )
        ],
        topics=["buxheti", "konsultimet"],
        date=at(2026, 6, 2),
        related=["buxheti-2026-miratohet"],
    ),
    DemoRelease(
        slug=t("plani-zhvillimor-urban", "urbanisticki-plan-razvoja", "kentsel-gelisim-plani"),
        title=t(
            "Plani zhvillimor urban hapet për komente",
            "Urbanistički plan razvoja otvoren za komentare",
            "Kentsel gelişim planı görüşlere açıldı",
        ),
        lead=t(
            "Drafti i planit për qendrën historike është publikuar për konsultim 30-ditor.",
            "Nacrt plana za istorijski centar objavljen je za tridesetodnevne konsultacije.",
            "Tarihî merkez planının taslağı 30 günlük istişare için yayımlandı.",
        ),
        paragraphs=[
            t(
                "Plani përcakton zonat e mbrojtura, lartësinë e ndërtesave dhe hapësirat e "
                "gjelbra përgjatë lumit Lumbardh.",
                "Plan određuje zaštićene zone, visinu zgrada i zelene površine duž reke Bistrice.",
                "Plan, korunan alanları, bina yüksekliklerini ve Akdere boyunca yeşil alanları "
                "belirliyor.",
            )
        ],
        topics=["urbanizmi", "konsultimet"],
        date=at(2026, 3, 9),
        contact=1,
    ),
    DemoRelease(
        slug=t("ura-e-re-mbi-lumbardh", "novi-most-na-bistrici", "akdere-uzerinde-yeni-kopru"),
        title=t(
            "Fillon ndërtimi i urës së re për këmbësorë",
            "Počinje izgradnja novog pešačkog mosta",
            "Yeni yaya köprüsünün yapımı başlıyor",
        ),
        lead=t(
            "Ura e re do të lidhë lagjen Arasta me parkun e qytetit deri në fund të verës.",
            "Novi most povezaće naselje Arasta sa gradskim parkom do kraja leta.",
            "Yeni köprü, yaz sonuna kadar Arasta mahallesini şehir parkına bağlayacak.",
        ),
        paragraphs=[
            t(
                "Gjatë punimeve, kalimi përkohësor bëhet nga ura e Ali Pashës.",
                "Tokom radova, privremeni prelaz je preko mosta Ali-paše.",
                "Çalışmalar süresince geçici geçiş Ali Paşa köprüsünden sağlanacak.",
            )
        ],
        topics=["urbanizmi"],
        date=at(2026, 4, 14),
        related=["plani-zhvillimor-urban"],
    ),
    DemoRelease(
        slug=t("dokufest-2026", "dokufest-2026", "dokufest-2026"),
        title=t(
            "Komuna mbështet festivalin e filmit dokumentar",
            "Opština podržava festival dokumentarnog filma",
            "Belediye belgesel film festivalini destekliyor",
        ),
        lead=t(
            "Festivali sjell në Prizren mbi njëqind filma dhe mijëra vizitorë.",
            "Festival donosi u Prizren više od stotinu filmova i hiljade posetilaca.",
            "Festival Prizren'e yüzden fazla film ve binlerce ziyaretçi getiriyor.",
        ),
        paragraphs=[
            t(
                "Shfaqjet në kalanë e qytetit janë falas për nxënësit dhe studentët.",
                "Projekcije na gradskoj tvrđavi besplatne su za učenike i studente.",
                "Kaledeki gösterimler öğrenciler için ücretsizdir.",
            )
        ],
        topics=["kultura"],
        date=at(2026, 7, 20),
    ),
    DemoRelease(
        slug=t("hamami-rihapet", "amam-ponovo-otvoren", "hamam-yeniden-acildi"),
        title=t(
            "Hamami i Gazi Mehmet Pashës rihapet për vizitorët",
            "Amam Gazi Mehmed-paše ponovo otvoren za posetioce",
            "Gazi Mehmet Paşa Hamamı ziyaretçilere yeniden açıldı",
        ),
        lead=t(
            "Pas restaurimit, hamami do të jetë i hapur çdo ditë përveç të hënës.",
            "Posle restauracije, amam će biti otvoren svakog dana osim ponedeljka.",
            "Restorasyonun ardından hamam pazartesi hariç her gün açık olacak.",
        ),
        paragraphs=[
            t(
                "Hyrja është falas gjatë muajit të parë pas rihapjes.",
                "Ulaz je besplatan tokom prvog meseca nakon ponovnog otvaranja.",
                "Yeniden açılıştan sonraki ilk ay giriş ücretsizdir.",
            )
        ],
        topics=["kultura"],
        date=at(2025, 9, 5),
    ),
    DemoRelease(
        slug=t("shkolla-e-re-ne-petrove", "nova-skola-u-petrovu", "petrova-yeni-okul"),
        title=t(
            "Përfundon ndërtimi i shkollës së re fillore",
            "Završena izgradnja nove osnovne škole",
            "Yeni ilkokulun yapımı tamamlandı",
        ),
        lead=t(
            "Shkolla ka njëzet klasa, sallë sportive dhe mësim në tri gjuhë.",
            "Škola ima dvadeset učionica, fiskulturnu salu i nastavu na tri jezika.",
            "Okulda yirmi derslik, spor salonu ve üç dilde eğitim bulunuyor.",
        ),
        paragraphs=[
            t(
                "Regjistrimi i nxënësve fillon më një shtator në zyrën e drejtorisë.",
                "Upis učenika počinje prvog septembra u kancelariji direkcije.",
                "Öğrenci kaydı bir eylülde müdürlük ofisinde başlıyor.",
            )
        ],
        topics=["arsimi"],
        date=at(2026, 8, 25),
    ),
    DemoRelease(
        slug=t("bursat-per-studente", "stipendije-za-studente", "universite-burslari"),
        title=t(
            "Hapet konkursi për bursat e studentëve",
            "Otvoren konkurs za studentske stipendije",
            "Üniversite öğrencileri için burs başvuruları açıldı",
        ),
        lead=t(
            "Komuna ndan dyqind bursa për studentët me banim në Prizren.",
            "Opština dodeljuje dvesta stipendija studentima sa prebivalištem u Prizrenu.",
            "Belediye, Prizren'de ikamet eden öğrencilere iki yüz burs veriyor.",
        ),
        paragraphs=[
            t(
                "Aplikimi bëhet deri më 31 tetor, me dokumentet e kërkuara në konkurs.",
                "Prijave se podnose do 31. oktobra, uz dokumente navedene u konkursu.",
                "Başvurular, ilanda istenen belgelerle birlikte 31 Ekim'e kadar yapılır.",
            )
        ],
        topics=["arsimi", "buxheti"],
        date=at(2026, 10, 1),
    ),
    DemoRelease(
        slug=t("konsultim-per-parkimin", "konsultacije-o-parkiranju", "otopark-istisaresi"),
        title=t(
            "Konsultim publik për rregulloren e parkimit",
            "Javne konsultacije o pravilniku o parkiranju",
            "Otopark yönetmeliği için kamuoyu istişaresi",
        ),
        lead=t(
            "Rregullorja e re propozon zona me pagesë në qendër dhe parkim falas për banorët.",
            "Novi pravilnik predlaže zone sa naplatom u centru i besplatno parkiranje za stanare.",
            "Yeni yönetmelik, merkezde ücretli bölgeler ve sakinler için ücretsiz park öneriyor.",
        ),
        paragraphs=[
            t(
                "Komentet pranohen me shkrim deri në fund të muajit.",
                "Komentari se primaju u pisanom obliku do kraja meseca.",
                "Görüşler ay sonuna kadar yazılı olarak kabul edilir.",
            )
        ],
        topics=["konsultimet", "urbanizmi"],
        date=at(2026, 5, 11),
    ),
    DemoRelease(
        slug=t("raporti-financiar-vjetor", "godisnji-finansijski-izvestaj", "yillik-mali-rapor"),
        title=t(
            "Publikohet raporti financiar vjetor",
            "Objavljen godišnji finansijski izveštaj",
            "Yıllık mali rapor yayımlandı",
        ),
        lead=t(
            "Komuna shpenzoi 94 për qind të buxhetit të planifikuar për vitin e kaluar.",
            "Opština je potrošila 94 odsto planiranog budžeta za prošlu godinu.",
            "Belediye, geçen yıl için planlanan bütçenin yüzde 94'ünü harcadı.",
        ),
        paragraphs=[
            t(
                "Raporti i plotë është në dispozicion në faqen e transparencës.",
                "Kompletan izveštaj dostupan je na stranici transparentnosti.",
                "Raporun tamamı şeffaflık sayfasında yer alıyor.",
            )
        ],
        topics=["buxheti"],
        date=at(2026, 2, 27),
        related=["buxheti-2026-miratohet"],
        contact=1,
    ),
    DemoRelease(
        slug=t("nata-e-muzeve", "noc-muzeja", "muzeler-gecesi"),
        title=t(
            "Nata e muzeve në qendrën historike",
            "Noć muzeja u istorijskom centru",
            "Tarihî merkezde Müzeler Gecesi",
        ),
        lead=t(
            "Muzetë e qytetit qëndrojnë të hapura deri në mesnatë me hyrje falas.",
            "Gradski muzeji biće otvoreni do ponoći uz besplatan ulaz.",
            "Şehir müzeleri gece yarısına kadar ücretsiz açık kalacak.",
        ),
        paragraphs=[
            t(
                "Programi përfshin koncerte, punëtori për fëmijë dhe guida në tri gjuhë.",
                "Program obuhvata koncerte, radionice za decu i vodiče na tri jezika.",
                "Programda konserler, çocuk atölyeleri ve üç dilde rehberlik yer alıyor.",
            )
        ],
        topics=["kultura"],
        date=at(2026, 11, 3),
        related=["hamami-rihapet"],
    ),
    DemoRelease(
        slug=t("buxheti-2027-propozim", "predlog-budzeta-2027", "2027-butce-teklifi"),
        title=t(
            "Kryetari paraqet propozimin e buxhetit për vitin 2027",
            "Predsednik predstavlja predlog budžeta za 2027. godinu",
            "Belediye Başkanı 2027 bütçe teklifini sunuyor",
        ),
        lead=t(
            "Propozimi parasheh rritje të investimeve kapitale dhe të fondit për arsim.",
            "Predlog predviđa povećanje kapitalnih ulaganja i sredstava za obrazovanje.",
            "Teklif, sermaye yatırımlarında ve eğitim fonunda artış öngörüyor.",
        ),
        paragraphs=[
            t(
                "Fjala embargoplanifikuar: propozimi publikohet pas mbledhjes së Kuvendit.",
                "Reč embargoplanirano: predlog se objavljuje posle sednice Skupštine.",
                "Ambargoplanlı kelime: teklif Meclis oturumundan sonra yayımlanır.",
            )
        ],
        topics=["buxheti"],
        date=None,
        related=["degjimi-buxhetor-2027"],
    ),
]

SCHEDULED_SLUG = "buxheti-2027-propozim"
# A word that appears only in the scheduled release: the search tests look for it.
EMBARGOED_WORD = "embargoplanifikuar"


def translation_memory():
    memory = {code: {} for code in TARGET_LANGUAGES}
    texts = [INDEX["title"], INDEX["slug"], INDEX["intro"]]
    for release in RELEASES:
        texts += [release.title, release.slug, release.lead, *release.paragraphs]
        if release.quote:
            texts.append(release.quote[0])
    for text in texts:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    return memory


def ensure_translated_snippets(model, rows, key_field, values_for):
    """Create each snippet in Albanian, then its Serbian and Turkish translations.

    rows: iterable of (key, row); values_for(row, language) -> field values.
    Returns {key: Albanian instance}.
    """
    source_locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    created = {}
    for key, row in rows:
        source = model.objects.filter(locale=source_locale, **{key_field: key}).first()
        if source is None:
            source = model.objects.create(locale=source_locale, **values_for(row, SOURCE_LANGUAGE))
        for code in TARGET_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            if not model.objects.filter(
                translation_key=source.translation_key, locale=locale
            ).exists():
                model.objects.create(
                    translation_key=source.translation_key,
                    locale=locale,
                    **values_for(row, code),
                )
        created[key] = source
    return created


def ensure_topics():
    return ensure_translated_snippets(
        Topic,
        TOPICS.items(),
        "slug",
        lambda names, code: {"name": names[code], "slug": next_slug(names)},
    )


def next_slug(names):
    return next(slug for slug, value in TOPICS.items() if value is names)


def ensure_contacts():
    return ensure_translated_snippets(
        PressContact,
        [(contact["name"], contact) for contact in CONTACTS],
        "name",
        lambda contact, code: {
            "name": contact["name"],
            "role": contact["role"][code],
            "email": contact["email"],
            "phone": contact["phone"],
        },
    )


def ensure_index(home, report):
    page = PressReleaseIndexPage.objects.child_of(home).first()
    values = {"title": INDEX["title"]["sq"], "slug": INDEX["slug"]["sq"]}
    if page is None:
        page = home.add_child(
            instance=PressReleaseIndexPage(
                locale=home.locale, intro=INDEX["intro"]["sq"], show_in_menus=True, **values
            )
        )
        page.save_revision().publish()
        report.created.append(page)
    elif page.title != values["title"] or page.intro != INDEX["intro"]["sq"]:
        page.title = values["title"]
        page.intro = INDEX["intro"]["sq"]
        page.save_revision().publish()
        report.updated.append(page)
    return page


def body_for(release):
    blocks = [("paragraph", f"<p>{text['sq']}</p>") for text in release.paragraphs]
    if release.quote:
        blocks.append(("quote", {"text": release.quote[0]["sq"], "attribution": ""}))
    return blocks


def body_raw(page):
    raw = []
    for block in page.body:
        if block.block_type == "paragraph":
            raw.append(("paragraph", block.value.source))
        elif block.block_type == "quote":
            raw.append(("quote", {"text": block.value["text"], "attribution": ""}))
        else:
            raw.append((block.block_type, None))
    return raw


def ensure_release(index, release, topics, contacts, earlier, report):
    """Create or update one Albanian release; `earlier` maps slugs to releases already made."""
    page = PressReleasePage.objects.child_of(index).filter(slug=release.slug["sq"]).first()
    contact = contacts[CONTACTS[release.contact]["name"]]
    values = {"title": release.title["sq"], "lead": release.lead["sq"], "contact": contact}
    related = [earlier[slug].pk for slug in release.related]
    if page is None:
        date = release.date or (timezone.now() + timedelta(days=30)).replace(
            minute=0, second=0, microsecond=0
        )
        page = PressReleasePage(
            locale=index.locale,
            slug=release.slug["sq"],
            date=date,
            body=body_for(release),
            **values,
        )
        for slug in release.topics:
            page.topic_links.add(PressReleaseTopic(topic=topics[slug]))
        for pk in related:
            page.related_links.add(RelatedRelease(release_id=pk))
        if release.date is None:
            page.live = False
            page.go_live_at = date
        index.add_child(instance=page)
        # A future go_live_at makes this a scheduled publication, not a live page.
        page.save_revision().publish()
        report.created.append(page)
        return page
    changed = body_raw(page) != body_for(release)
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if [link.release_id for link in page.related_links.all()] != related:
        page.related_links.set([RelatedRelease(release_id=pk) for pk in related])
        changed = True
    if changed:
        page.body = body_for(release)
        page.save_revision().publish()
        report.updated.append(page)
    return page


def translate(pages, changed, report):
    for page, code, result in translate_outdated(pages, translation_memory(), changed):
        report.translated.append((page, code))
        report.untranslated_strings += [(code, text) for text in result.missing]


def load_media_demo_content(home):
    """Called by home.demo_content.load_demo_content with the Albanian home page."""
    report = DemoReport()
    topics = ensure_topics()
    contacts = ensure_contacts()
    index = ensure_index(home, report)
    pages = {}
    for release in sorted(RELEASES, key=lambda r: (r.date is None, r.date)):
        pages[release.slug["sq"]] = ensure_release(index, release, topics, contacts, pages, report)
    changed = set(report.created) | set(report.updated)
    # Parent first, then the releases: each translation is created directly, with no alias
    # to create and convert on the way.
    translate([index, *pages.values()], changed, report)
    sync_trees()
    return report
