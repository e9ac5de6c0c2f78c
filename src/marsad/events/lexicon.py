"""Registers the event lexicons with the shared matcher (imported from knowledge/lexicons.py)."""
from __future__ import annotations

from ..knowledge.lookup import register
from .actors import fallback_actor_phrases
from .patterns import blocker_phrases, trigger_phrases
from .status import cue_phrases

register("event_triggers", trigger_phrases)
register("event_blockers", blocker_phrases)
register("event_cues", cue_phrases)
register("event_actor_words", fallback_actor_phrases)
