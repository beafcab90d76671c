"""Wagtail admin screens for casework, registered from casework/wagtail_hooks.py.

- `cases`: the case list, the case page and its transition forms (/admin/cases/).
- `intake`: logging a case, people and what they tell us, the dashboard panel (/admin/intake/).
- `letters`: writing a letter from a case (/admin/letters/) and the letter templates snippet.
- `notices`: exceptional circumstances notices (Code 8.5), a snippet under Settings.
"""
