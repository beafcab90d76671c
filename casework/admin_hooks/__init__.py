"""Wagtail admin screens for casework, registered from casework/wagtail_hooks.py.

- `cases`: the case list, the case page and its transition forms (/admin/cases/).
- `data_protection`: finding a person across cases, subject access exports, rectification,
  erasure, requests and retention runs; legal holds on a case (/admin/data-protection/).
- `intake`: logging a case, people and what they tell us, the dashboard panel (/admin/intake/).
- `letters`: writing a letter from a case (/admin/letters/) and the letter templates snippet.
- `learning`: the lessons-learned log (Code 9.1-9.3), a ModelViewSet at /admin/learning/.
- `notices`: exceptional circumstances notices (Code 8.5), a snippet under Settings.
- `outbox`: emails that failed to send, with their errors, to try again (/admin/outbox/).
- `performance`: complaint handling performance for the governing body (Code 9.4-9.7), its
  board pack PDF and the figures as CSV and XLSX (/admin/performance/).
"""
