"""``python -m gallery verify``: does each library's chart meet its chart kind's
specification? Each family's extractor reads what the chart draws into a ``Scene``
(``scene.py``); ``checks.py`` compares it with the data and the kind's specification."""
