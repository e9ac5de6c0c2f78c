"""Registers every lexicon with the shared matcher (see lookup.py)."""
from . import countries, places  # noqa: F401  (entity stage lexicons)
from ..stages.entities import lexicon as _entity_lexicon  # noqa: F401,E402
from ..events import lexicon as _event_lexicon  # noqa: F401,E402  (event stage lexicons)
from ..times import lexicon as _time_lexicon  # noqa: F401,E402  (time stage lexicon)
from . import actors  # noqa: F401,E402  (people, organizations, facilities, titles)
