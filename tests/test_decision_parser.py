"""The decision parser on text as the PDFs give it, and its scoring."""

from transparency.decision_parser import parse_decisions, score

TEXT = """Kryetari i Komunës, në bazë të kompetencave ligjore, ka marrë këto vendime:

1. Vendimi Nr. 01-016/2023-02, data 09.01.2023
Lënda: Subvencionimi i fermerëve të fshatit Zhur për farën e patates
Miratohet subvencionimi i 42 fermerëve nga fshati Zhur për blerjen e farës së patates për

2. Одлука бр. 01-016/2023-31, датум 25.01.2023
Предмет: Једнократна помоћ породицама погођеним пожаром у насељу
Душаново
Додељује се једнократна финансијска помоћ од 1.500 € свакој од 6 породица у насељу

3. Karar No. 01-016/2023-44, tarih 31.02.2023
Konu: Tarih yanlış
6. Vendimi Nr. 01-016/2023-86, data 20.02.2023

Lënda: Mbjellja e fidanëve në kodrën e Kalasë ;
"""


def test_parses_numbers_dates_wrapped_subjects_and_skips_impossible_dates():
    rows = parse_decisions(TEXT)
    assert [(r.number, r.date) for r in rows] == [
        ("01-016/2023-02", "2023-01-09"),
        ("01-016/2023-31", "2023-01-25"),
        ("01-016/2023-86", "2023-02-20"),
    ]
    assert rows[0].subject == "Subvencionimi i fermerëve të fshatit Zhur për farën e patates"
    assert rows[0].category == "grants"
    assert rows[1].subject == "Једнократна помоћ породицама погођеним пожаром у насељу Душаново"
    assert rows[2].subject == "Mbjellja e fidanëve në kodrën e Kalasë"


def test_score_counts_only_exact_rows():
    truth = [
        {"number": "1", "date": "d", "subject": "A b"},
        {"number": "2", "date": "d", "subject": "C"},
    ]
    proposed = [
        {"number": "1", "date": "d", "subject": "A  b"},
        {"number": "2", "date": "d", "subject": "C e"},
        {"number": "3", "date": "d", "subject": "X"},
    ]
    result = score(proposed, truth)
    assert result["right"] == 1 and result["number_and_date_right"] == 2
    assert result["precision"] == round(1 / 3, 3) and result["recall"] == 0.5
