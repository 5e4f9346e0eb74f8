"""Serbian Latin to Cyrillic (and back): a table of words and sentences, with the exceptions."""

import pytest

from core.transliteration import cyrillic_to_latin, latin_to_cyrillic

TABLE = [
    # letters and digraphs
    ("abeceda", "абецеда"),
    ("ljubav", "љубав"),
    ("Ljubav", "Љубав"),
    ("LJUBAV", "ЉУБАВ"),
    ("njiva", "њива"),
    ("Njegoš", "Његош"),
    ("NJEGOŠ", "ЊЕГОШ"),
    ("džep", "џеп"),
    ("Džep", "Џеп"),
    ("DŽEP", "ЏЕП"),
    ("ljiljan", "љиљан"),
    ("konj", "коњ"),
    ("hodža", "хоџа"),
    ("Đorđe", "Ђорђе"),
    ("Ćosić", "Ћосић"),
    ("čaša", "чаша"),
    ("šuma", "шума"),
    ("žaba", "жаба"),
    ("Šabac", "Шабац"),
    ("Žur", "Жур"),
    ("Čačak", "Чачак"),
    ("Ćuprija", "Ћуприја"),
    ("Ljubižda", "Љубижда"),
    ("Vlašnja", "Влашња"),
    ("Dobrušte", "Добруште"),
    ("Hoča Zagradska", "Хоча Заградска"),
    ("Mala Kruša", "Мала Круша"),
    ("Opština Prizren", "Општина Призрен"),
    ("Odluke predsednika opštine", "Одлуке председника општине"),
    ("Javne konsultacije", "Јавне консултације"),
    ("Budžetska saslušanja", "Буџетска саслушања"),
    ("Participativno budžetiranje 2023", "Партиципативно буџетирање 2023"),
    ("Pregled godine 2023", "Преглед године 2023"),
    ("Januar 2023", "Јануар 2023"),
    ("Jun, Jul, Avgust", "Јун, Јул, Август"),
    ("Pretraga", "Претрага"),
    ("Još nije prevedeno", "Још није преведено"),
    ("Bela kuća", "Бела кућа"),
    ("Školska zgrada – Pirane", "Школска зграда – Пиране"),
    ("Nacrt pravilnika o opštinskim taksama", "Нацрт правилника о општинским таксама"),
    ("Građani su izabrali projekte.", "Грађани су изабрали пројекте."),
    ("Šta je opština odlučila?", "Шта је општина одлучила?"),
    ("Ponedeljak – petak, 08:00–16:00", "Понедељак – петак, 08:00–16:00"),
    # digraphs that are two letters (prefix + root)
    ("konjunktura", "конјунктура"),
    ("injekcija", "инјекција"),
    ("nadživeti", "надживети"),
    ("podžanr", "поджанр"),
    ("odžaliti", "оджалити"),
    ("odžak", "оџак"),  # no prefix here: one letter
    # kept in Latin: URLs, e-mail, codes, acronyms, foreign names
    ("https://kk.rks-gov.net/prizren/", "https://kk.rks-gov.net/prizren/"),
    ("www.prizren.org", "www.prizren.org"),
    ("Pišite na info@prizren.org", "Пишите на info@prizren.org"),
    ("Odluka br. 001/011-38749", "Одлука бр. 001/011-38749"),
    ("PDF dokument", "PDF документ"),
    ("uz podršku USAID", "уз подршку USAID"),
    ("KAB 2024-2026", "KAB 2024-2026"),
    ("RSS i Atom", "RSS и Atom"),
    ("Facebook stranica", "Facebook страница"),
    ("Wagtail i Django", "Wagtail и Django"),
    ("Shaqir Totaj", "Shaqir Тотај"),
    ("Hasan Đonaj", "Хасан Ђонај"),
    ("Xhemajl", "Xhemajl"),
    ("Türkçe", "Türkçe"),
    ("Shqip", "Shqip"),
    ("EU i SAD", "ЕУ и САД"),
    ("20000 Prizren, Kosovo", "20000 Призрен, Косово"),
    ("ISO 8601", "ISO 8601"),
    ("v2.1", "v2.1"),
    ("", ""),
]


@pytest.mark.parametrize(("latin", "cyrillic"), TABLE)
def test_latin_to_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), TABLE)
def test_round_trip_is_lossless(latin, cyrillic):
    assert cyrillic_to_latin(latin_to_cyrillic(latin)) == latin


def test_table_is_long_enough():
    assert len(TABLE) >= 60
