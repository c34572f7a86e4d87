"""newsnorm for Python: German (and English) news articles in, structured and normalised data out.

    >>> import newsnorm
    >>> engine = newsnorm.Engine()                 # once; share it between threads
    >>> doc = engine.analyze(text, dct="2024-10-04")
    >>> [(q.speaker, q.role) for q in doc.quotes]
    [('Dmitri Peskow', 'Kreml-Sprecher')]

Offsets (start, end) are Python string indices into the text you passed; start_byte and end_byte are
UTF-8 byte offsets. A failure raises NewsnormError with the library's message.
"""
import ctypes
import json
from dataclasses import dataclass, field, fields
from typing import List, Optional, Union

from . import _lib

__all__ = ["Engine", "Document", "NewsnormError", "version", "STAGES", "MODES"]

STAGES = {"structure": 1, "time": 2, "numbers": 4, "entities": 8}
MODES = {"auto": 0, "news": 1, "narrative": 2}
ENCODINGS = {"utf-8": 0, "utf8": 0, "latin1": 1, "iso-8859-1": 1, "windows-1252": 2, "cp1252": 2}
_ERROR_NAMES = {-1: "invalid_argument", -2: "invalid_utf8", -3: "encoding_failed", -4: "invalid_date",
                -5: "input_too_large", -6: "too_many_annotations", -7: "data_error", -8: "out_of_memory",
                -9: "internal"}


class NewsnormError(Exception):
    """An error reported by the library; .code is the C status (negative), .name its name."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
        self.name = _ERROR_NAMES.get(code, "error")


def _check(status: int) -> None:
    if status < 0:
        raise NewsnormError(status, _lib.lib.newsnorm_last_error().decode("utf-8", "replace"))


def version() -> str:
    return _lib.lib.newsnorm_version().decode()


@dataclass
class Span:
    start: int
    end: int
    start_byte: int
    end_byte: int
    text: str


@dataclass
class Title(Span):
    repeats: List[Span] = field(default_factory=list)


@dataclass
class Dateline(Span):
    place: str = ""
    agency: str = ""
    date: str = ""


@dataclass
class Paragraph(Span):
    first_sentence: int = 0
    sentence_count: int = 0


@dataclass
class Sentence(Span):
    zone: str = "body"
    paragraph: Optional[int] = None


@dataclass
class Caption(Span):
    credit: str = ""
    credit_span: Optional[Span] = None
    repeats: List[Span] = field(default_factory=list)


@dataclass
class Quote(Span):
    kind: str = "direct"
    content: Optional[Span] = None
    speaker: Optional[str] = None
    speaker_span: Optional[Span] = None
    speaker_name: str = ""
    role: str = ""
    verb: str = ""
    speaker_entity: Optional[int] = None


@dataclass
class Timex(Span):
    tid: str = ""
    type: str = ""
    value: str = ""
    mod: str = ""
    anchor: str = ""
    quant: str = ""
    freq: str = ""
    range: Optional[dict] = None


@dataclass
class Number(Span):
    kind: str = ""
    value: str = ""
    fraction: str = ""
    unit: str = ""
    currency: str = ""
    mod: str = ""
    low: str = ""
    high: str = ""


@dataclass
class Entity(Span):
    type: str = ""
    canonical: str = ""
    country: str = ""
    geonames: str = ""
    cluster: int = -1
    roles: List[str] = field(default_factory=list)


@dataclass
class Token(Span):
    flags: int = 0


@dataclass
class Document:
    id: str
    lang: str
    dct: Optional[str]
    mode: str
    title: Optional[Title]
    datelines: List[Dateline]
    paragraphs: List[Paragraph]
    sentences: List[Sentence]
    captions: List[Caption]
    quotes: List[Quote]
    timexes: List[Timex]
    numbers: List[Number]
    entities: List[Entity]
    tokens: List[Token]
    json: str = field(repr=False, default="")


_SPAN_FIELDS = {"credit_span", "speaker_span", "content"}


def _make(cls, d):
    if d is None:
        return None
    names = {f.name for f in fields(cls)}
    kw = {}
    for k, v in d.items():
        if k not in names:
            continue  # a newer library may add fields: ignore what this binding does not know
        if k in _SPAN_FIELDS:
            v = _make(Span, v)
        elif k == "repeats":
            v = [_make(Span, x) for x in v]
        kw[k] = v
    return cls(**kw)


def _document(text: str) -> Document:
    d = json.loads(text)
    return Document(
        id=d["id"], lang=d["lang"], dct=d["dct"], mode=d["mode"],
        title=_make(Title, d["title"]),
        datelines=[_make(Dateline, x) for x in d["datelines"]],
        paragraphs=[_make(Paragraph, x) for x in d["paragraphs"]],
        sentences=[_make(Sentence, x) for x in d["sentences"]],
        captions=[_make(Caption, x) for x in d["captions"]],
        quotes=[_make(Quote, x) for x in d["quotes"]],
        timexes=[_make(Timex, x) for x in d["timexes"]],
        numbers=[_make(Number, x) for x in d["numbers"]],
        entities=[_make(Entity, x) for x in d["entities"]],
        tokens=[_make(Token, x) for x in d.get("tokens", [])],
        json=text,
    )


class Engine:
    """The immutable engine: create once, call analyze() from any thread."""

    def __init__(self, data_dir: Optional[str] = None):
        opts = _lib.EngineOptions()
        _check(_lib.lib.newsnorm_engine_options_init(ctypes.byref(opts), _lib.ENGINE_OPTIONS_VERSION))
        if data_dir is not None:
            opts.data_dir = data_dir.encode()
        handle = ctypes.c_void_p()
        _check(_lib.lib.newsnorm_engine_create(ctypes.byref(handle), ctypes.byref(opts)))
        self._handle = handle

    def close(self) -> None:
        if getattr(self, "_handle", None):
            _lib.lib.newsnorm_engine_destroy(self._handle)
            self._handle = None

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def analyze(self, text: Union[str, bytes], dct: Optional[str] = None, *, mode: str = "auto",
                stages: Optional[List[str]] = None, lang: str = "de", id: Optional[str] = None,
                encoding: str = "utf-8", tokens: bool = False, timeml: bool = False):
        """Analyses one article. `text` is a str, or bytes in `encoding`. `dct` is the publication date,
        "YYYY-MM-DD", optionally with its time of day ("2024-10-04T09:30[:15]", a zone suffix is dropped), or a
        datetime.date / datetime.datetime. Returns a Document (or, with timeml=True, the TimeML string)."""
        if not self._handle:
            raise NewsnormError(-1, "engine is closed")
        if isinstance(text, str):
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError as e:
                raise NewsnormError(-2, f"text is not encodable as UTF-8 at index {e.start}: {e.reason}") from None
        else:
            data = bytes(text)
        opts = _lib.Options()
        _check(_lib.lib.newsnorm_options_init(ctypes.byref(opts), _lib.OPTIONS_VERSION))
        if dct is not None:
            if hasattr(dct, "isoformat"):  # datetime.datetime keeps its time of day, datetime.date is a date
                dct = dct.replace(tzinfo=None).isoformat(timespec="seconds") if hasattr(dct, "hour") else dct.isoformat()
            opts.dct = dct.encode()
        if mode not in MODES:
            raise NewsnormError(-1, f"unknown mode {mode!r} (auto, news, narrative)")
        opts.mode = MODES[mode]
        if stages is not None:
            bits = 0
            for s in stages:
                if s not in STAGES:
                    raise NewsnormError(-1, f"unknown stage {s!r} ({', '.join(STAGES)})")
                bits |= STAGES[s]
            opts.stages = bits | STAGES["structure"]
        if encoding.lower() not in ENCODINGS:
            raise NewsnormError(-1, f"unknown encoding {encoding!r}")
        opts.encoding = ENCODINGS[encoding.lower()]
        opts.lang = lang.encode()
        if id is not None:
            opts.id = id.encode()
        opts.tokens = 1 if tokens else 0
        result = ctypes.c_void_p()
        _check(_lib.lib.newsnorm_analyze(ctypes.byref(result), self._handle, data, len(data), ctypes.byref(opts)))
        try:
            ptr = ctypes.c_void_p()
            size = ctypes.c_size_t()
            if timeml:
                _check(_lib.lib.newsnorm_result_timeml(result, ctypes.byref(ptr), ctypes.byref(size)))
                return ctypes.string_at(ptr, size.value).decode("utf-8")
            _check(_lib.lib.newsnorm_result_json(result, ctypes.byref(ptr), ctypes.byref(size)))
            return _document(ctypes.string_at(ptr, size.value).decode("utf-8"))
        finally:
            _lib.lib.newsnorm_result_destroy(result)
