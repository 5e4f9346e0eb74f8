"""The section's navigation pages, their titles and intros in the three languages.

The importers create these pages when missing and translate them into Serbian and Turkish
through wagtail-localize from the memory below (home/demo_content.py does the same).
"""

from wagtail.models import Locale

from core.seeding import TARGET_LANGUAGES, t, translate_outdated
from core.translation import translate_page

from .choices import ActivityKind

INDEX = {
    "slug": t("transparenca", "transparentnost", "seffaflik"),
    "title": t("Transparenca", "Transparentnost", "Şeffaflık"),
    "intro": t(
        "Çfarë vendosi, planifikoi dhe pyeti komuna qytetarët: strategjia e komunikimit, "
        "vendimet e kryetarit, konsultimet publike, dëgjimet buxhetore, takimet publike dhe "
        "buxhetimi pjesëmarrës.",
        "Šta je opština odlučila, planirala i pitala građane: strategija komunikacije, odluke "
        "predsednika, javne konsultacije, budžetska saslušanja, javni sastanci i participativno "
        "budžetiranje.",
        "Belediyenin neye karar verdiği, neyi planladığı ve vatandaşlara neyi sorduğu: iletişim "
        "stratejisi, belediye başkanının kararları, kamuoyu istişareleri, bütçe dinlemeleri, "
        "halk toplantıları ve katılımcı bütçeleme.",
    ),
}

DECISIONS = {
    "slug": t("vendimet", "odluke", "kararlar"),
    "title": t("Vendimet e Kryetarit", "Odluke predsednika opštine", "Belediye Başkanı kararları"),
    "intro": t(
        "Vendimet e Kryetarit të Komunës së Prizrenit, sipas vitit dhe muajit, me dokumentet "
        "zyrtare në çdo gjuhë që janë botuar.",
        "Odluke predsednika Opštine Prizren, po godini i mesecu, sa službenim dokumentima na "
        "svakom jeziku na kojem su objavljene.",
        "Prizren Belediye Başkanı'nın kararları, yıla ve aya göre, yayımlandıkları her dildeki "
        "resmî belgelerle.",
    ),
}

ACTIVITY_INDEXES = {
    ActivityKind.CONSULTATION: {
        "slug": t("konsultimet-publike", "javne-konsultacije", "kamuoyu-istisareleri"),
        "title": t("Konsultimet publike", "Javne konsultacije", "Kamuoyu istişareleri"),
        "intro": t(
            "Projekt-rregulloret, planet dhe strategjitë që komuna ua paraqiti qytetarëve për "
            "komente: njoftimi, dokumentet, procesverbali dhe raporti me komente.",
            "Nacrti propisa, planova i strategija koje je opština predstavila građanima na "
            "komentarisanje: obaveštenje, dokumenti, zapisnik i izveštaj sa komentarima.",
            "Belediyenin vatandaşların görüşüne sunduğu yönetmelik, plan ve strateji taslakları: "
            "duyuru, belgeler, tutanak ve yorumlarla rapor.",
        ),
    },
    ActivityKind.HEARING: {
        "slug": t("degjimet-buxhetore", "budzetska-saslusanja", "butce-dinlemeleri"),
        "title": t("Dëgjimet buxhetore", "Budžetska saslušanja", "Bütçe dinlemeleri"),
        "intro": t(
            "Takimet me qytetarët, fshatrat dhe grupet e interesit për buxhetin e komunës.",
            "Sastanci sa građanima, selima i interesnim grupama o budžetu opštine.",
            "Belediye bütçesi hakkında vatandaşlar, köyler ve ilgi gruplarıyla yapılan "
            "toplantılar.",
        ),
    },
    ActivityKind.MEETING: {
        "slug": t("takimet-publike", "javni-sastanci", "halk-toplantilari"),
        "title": t("Takimet publike", "Javni sastanci", "Halk toplantıları"),
        "intro": t(
            "Takimet ku kryetari i komunës raporton para qytetarëve për punën e tij.",
            "Sastanci na kojima predsednik opštine izveštava građane o svom radu.",
            "Belediye başkanının çalışmaları hakkında vatandaşlara rapor verdiği toplantılar.",
        ),
    },
}

PARTICIPATORY_BUDGET = {
    "slug": t(
        "buxhetimi-pjesemarres-{year}",
        "participativno-budzetiranje-{year}",
        "katilimci-butceleme-{year}",
    ),
    "title": t(
        "Buxhetimi pjesëmarrës {year}",
        "Participativno budžetiranje {year}",
        "Katılımcı bütçeleme {year}",
    ),
    "intro": t(
        "Qytetarët zgjodhën projektet që hyjnë në buxhetin e vitit {budget_year}.",
        "Građani su izabrali projekte koji ulaze u budžet za {budget_year}. godinu.",
        "Vatandaşlar {budget_year} bütçesine girecek projeleri seçti.",
    ),
}

OVERVIEW = {
    "slug": t("pasqyra-{year}", "pregled-{year}", "ozet-{year}"),
    "title": t("Pasqyra e vitit {year}", "Pregled godine {year}", "{year} yılı özeti"),
    "intro": t(
        "Shifrat e raportit vjetor të Njësisë për Komunikim me Publikun, të rillogaritura nga "
        "të dhënat e secilit aktivitet.",
        "Brojke iz godišnjeg izveštaja Jedinice za komunikaciju sa javnošću, ponovo izračunate "
        "iz podataka svake aktivnosti.",
        "Halkla İletişim Birimi yıllık raporunun rakamları, her etkinliğin verilerinden yeniden "
        "hesaplanmış olarak.",
    ),
}

STRATEGY_TRANSLATIONS = {
    "title": t(
        "Strategjia për Informim, Komunikim dhe Pjesëmarrje Qytetare 2022-2024",
        "Strategija za informisanje, komunikaciju i učešće građana 2022-2024",
        "Bilgilendirme, İletişim ve Vatandaş Katılımı Stratejisi 2022-2024",
    ),
    "slug": t("strategjia-2022-2024", "strategija-2022-2024", "strateji-2022-2024"),
}

# A few records translated as examples of the editors' workflow (the rest stay aliases, marked
# "not translated yet" by the site): the consultation whose minutes exist in Serbian, and the
# month whose decisions exist in all three languages.
RECORD_TRANSLATIONS = [
    t(
        "Konsultimi publik për Projekt-Rregulloren për Taksa Komunale",
        "Javna konsultacija o Nacrtu pravilnika o opštinskim taksama",
        "Belediye Harçları Yönetmelik Taslağı hakkında kamuoyu istişaresi",
    ),
    t("Janar 2023", "Januar 2023", "Ocak 2023"),
]

YEAR_PAGE = {
    "title": t("Vendimet {year}", "Odluke {year}", "{year} kararları"),
}


def translation_memory(year=None, budget_year=None):
    texts = [INDEX, DECISIONS, *ACTIVITY_INDEXES.values(), STRATEGY_TRANSLATIONS]
    memory = {code: {} for code in TARGET_LANGUAGES}
    for text in texts:
        for key in ("title", "intro", "slug"):
            value = text.get(key)
            if isinstance(value, dict):
                for code in TARGET_LANGUAGES:
                    memory[code][value["sq"]] = value[code]
    for text in RECORD_TRANSLATIONS:
        for code in TARGET_LANGUAGES:
            memory[code][text["sq"]] = text[code]
    if year is not None:
        for text in (PARTICIPATORY_BUDGET, OVERVIEW, YEAR_PAGE):
            for key in ("title", "intro", "slug"):
                value = text.get(key)
                if isinstance(value, dict):
                    params = {"year": year, "budget_year": budget_year or year + 1}
                    for code in TARGET_LANGUAGES:
                        memory[code][value["sq"].format(**params)] = value[code].format(**params)
    return memory


def translate_navigation(pages, memory, changed, report):
    """Translate each navigation page whose translation is missing, an alias, or outdated."""
    for page, code, _result in translate_outdated(pages, memory, changed):
        report.translated.append((page, code))


def resync_translations(pages, report):
    """Re-synchronise the translations (not aliases) of pages whose synchronised fields changed."""
    memory = translation_memory()
    for page in pages:
        page = page.specific_class.objects.get(pk=page.pk)  # as saved, not a stale instance
        for code in TARGET_LANGUAGES:
            existing = page.get_translation_or_none(Locale.objects.get(language_code=code))
            if existing is None or existing.alias_of_id is not None:
                continue
            translate_page(page, code, memory[code])
            report.translated.append((page, code))
