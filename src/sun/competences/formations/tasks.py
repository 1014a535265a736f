"""Daily jobs of the training wing: reminders before a session (sun.core.taches.quotidien)."""

from sun.core.taches import quotidien


def rappeler_formations() -> str:
    from sun.competences.formations.rappels import rappeler

    return rappeler().resume()


quotidien.declarer("competences.rappels", "Rappels avant les sessions de formation",
                   rappeler_formations)  # fmt: skip
