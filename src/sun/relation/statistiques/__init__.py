"""Statistics of the register of requests: volumes, processing times, incomplete requests,
deadlines kept, implicit decisions and complaints (orientation 11.3).

Every figure is computed set-based in SQL (GROUP BY), never row by row; percentiles come from
a histogram of processing times in days (one GROUP BY, a few thousand rows whatever the size of
the register). Counts of requests are about people: any count from 1 to 4 is masked as the
activity statistics do (`sun.inclusion.activites.statistiques.masquer`). Demonstration requests
are never counted; their number is shown apart.
"""
