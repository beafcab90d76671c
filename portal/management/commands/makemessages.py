"""Django's makemessages without fuzzy guesses: msgmerge gives a new message the translation of
a similar old one, marked fuzzy, and those guesses are mostly wrong ("Quarter 2" borrowed "Page
2 of 5"). A new message stays untranslated until someone translates it, so that
`manage.py catalogues untranslated` lists it."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
