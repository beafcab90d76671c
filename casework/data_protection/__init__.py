"""Data protection over the casework record (UK GDPR; the landlord's retention setting).

- `register`: every casework model, and for each what personal data it holds, what is erased
  and what is kept as the anonymised skeleton the figures read.
- `erasure`: removing a case's or a person's personal data, from the database and from file
  storage, as the register says.
- `retention`: which closed cases are past the landlord's retention period, which are held,
  and the daily run (`manage.py apply_retention`).
- `requests`: people's requests: erasure (with the reasons to keep, when one applies) and
  rectification (keeping history on the timeline).
- `subject_access`: finding a person across cases and exporting everything held about them.
"""
