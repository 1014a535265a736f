"""Quality of service (Axe 2, orientations 3.3 and 4.2): the telephone (call records, pick-up,
staffing by Erlang C/A), users' satisfaction (a questionnaire compatible with « Je donne mon
avis »), and the Services Publics+ commitments with their published results."""
