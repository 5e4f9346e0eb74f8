"""Kosovo's public holidays, the seed of the editable PublicHoliday records.

Source: Law No. 03/L-064 on Official Holidays in the Republic of Kosovo, as commonly
summarised; the text itself was not at hand (docs/decisions/0041-public-holidays.md).
Fixed dates recur every year. Moving religious holidays (Catholic and Orthodox Easter, the
two Bajrams) change every year: they are entered per year in the admin, as the Government
announces them. The ones below for 2026 are given as a starting point and must be checked.
"""

# (month, day, name in Albanian)
FIXED_HOLIDAYS = [
    (1, 1, "Viti i Ri"),
    (1, 2, "Viti i Ri (dita e dytë)"),
    (1, 7, "Krishtlindjet ortodokse"),
    (2, 17, "Dita e Pavarësisë"),
    (4, 9, "Dita e Kushtetutës"),
    (5, 1, "Dita Ndërkombëtare e Punës"),
    (5, 9, "Dita e Evropës"),
    (12, 25, "Krishtlindjet katolike"),
]

# (ISO date, name in Albanian): to be checked against the Government's announcement.
MOVING_HOLIDAYS = [
    ("2026-03-20", "Fitër Bajrami (Bajrami i Ramazanit)"),
    ("2026-04-06", "E hëna e Pashkëve katolike"),
    ("2026-04-13", "E hëna e Pashkëve ortodokse"),
    ("2026-05-27", "Kurban Bajrami"),
]

# The year stored on recurring holidays; only month and day are used.
RECURRING_YEAR = 2000
