"""Automated checks of the registered addresses with axe-core in Chromium. Never an audit:
axe-core covers part of the RGAA criteria and gives no compliance rate."""

MENTION = "contrôle automatisé (axe-core) — ne remplace pas un audit RGAA"
