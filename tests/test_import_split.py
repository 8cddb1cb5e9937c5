"""`edition import` on where one document of a page ends and the next begins: the cues real pages give (a numbered
heading over the edition's dating, a trailer after a text) and the lines that only look like a new document."""

from __future__ import annotations

from test_importer import PERSONS, REGISTER

from edition.interchange.importer import import_raw


def _bodies(raw: str) -> list[str]:
    result = import_raw(raw, "page.txt", PERSONS, REGISTER)
    return [d.text.split("\n---\n", 1)[1] for d in result.documents]


def test_numbered_headings_over_the_editions_dating_start_documents_and_the_commentary_after_the_source_is_no_text() -> None:
    raw = ("245. В. Г. Черткову от 2 сентября.\n\n* 246. Красноярскому городскому голове.\n\n1908 г. Сентября 2—3? Я. П.\n\n"
           "Благодарю за поздравления и за оказанную честь.\n\n"
           "Печатается по копировальной книге № 8, л. 307. Телеграмма.\n\n"
           "Ответ на телеграфное извещение о намерении городской думы назвать одну из школ именем Толстого.\n\n"
           "* 247. Суворову.\n\n1908 г. Сентября 2—3? Я. П.\n\nБлагодарю избрание, рад быть полезным вашему учреждению.\n\n"
           "Печатается по копировальной книге № 8, л. 307. Телеграмма.\n")
    bodies = _bodies(raw)
    assert len(bodies) == 2, bodies
    assert "Благодарю за поздравления" in bodies[0] and "Ответ на телеграфное" not in bodies[0]
    assert "245." not in bodies[0] and "Благодарю избрание" in bodies[1]
