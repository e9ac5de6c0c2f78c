"""The output record of SPEC.md as typed classes, and its JSON form."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

import orjson

EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC"]
MentionKind = Literal["name", "nominal", "pronoun"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                    "MOBILIZE", "COERCE", "ASSAULT"]
Status = Literal["asserted", "reported", "planned", "negated", "hypothetical"]
SECTORS = ("GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP", "REB", "UAF", "CVL", "BUS",
           "MED", "JRN", "REL", "LAB", "EDU", "REF", "CRM", "ELI", "SOC", "UNK")
NON_STATE_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "MNC")

# No __slots__ on these classes: orjson writes a dataclass straight from its instance __dict__,
# whereas for a slotted one it first fails to find a __dict__ (an AttributeError per object)
# and then reads the fields one by one: a record took about 3 times as long.


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind = "name"


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str
    name_en: Optional[str] = None
    kb: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Time:
    start: int
    end: int
    text: str
    type: TimeType
    value: str


@dataclass
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    speaker: Optional[str] = None
    speaker_text: Optional[str] = None
    cue: Optional[str] = None
    addressee: Optional[str] = None


@dataclass
class Actor:
    entity: Optional[str]
    text: str
    country: Optional[str] = None
    sector: Optional[str] = None


@dataclass
class Offsets:
    start: int
    end: int


@dataclass
class Trigger:
    start: int
    end: int
    text: str


@dataclass
class Event:
    id: str
    type: EventType
    actor: list[Actor]
    recipient: list[Actor]
    trigger: Trigger
    sentence: Offsets
    mode: Optional[str] = None
    cameo: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None
    location: Optional[str] = None
    date: Optional[str] = None
    status: Status = "asserted"
    source: Optional[str] = None
    confidence: float = 0.5


@dataclass
class Record:
    id: Optional[str]
    date: Optional[str]
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return orjson.loads(self.to_json())

    def to_json(self, indent: bool = False) -> bytes:
        return orjson.dumps(self, option=orjson.OPT_INDENT_2 if indent else 0)


@dataclass
class ErrorRecord:
    id: Optional[str]
    error: str

    def to_json(self, indent: bool = False) -> bytes:
        return orjson.dumps(self, option=orjson.OPT_INDENT_2 if indent else 0)


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of a record, generated from the classes above."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Marsad record"
    return schema
