"""Loads the newsnorm shared library and declares its C functions (newsnorm.h) for ctypes.

Search order: the path in NEWSNORM_LIBRARY, a copy beside this package, then the system
(ctypes.util.find_library). The library's major version must match this binding's.
"""
import ctypes
import ctypes.util
import glob
import os

BINDING_VERSION_MAJOR = 0


class Annotation(ctypes.Structure):
    # typedef struct newsnorm_annotation { size_t start, end, start_byte, end_byte; const char *text;
    #   size_t text_len; const char *label, *value, *mod, *extra; } newsnorm_annotation;
    _fields_ = [
        ("start", ctypes.c_size_t), ("end", ctypes.c_size_t),
        ("start_byte", ctypes.c_size_t), ("end_byte", ctypes.c_size_t),
        ("text", ctypes.c_char_p), ("text_len", ctypes.c_size_t),
        ("label", ctypes.c_char_p), ("value", ctypes.c_char_p),
        ("mod", ctypes.c_char_p), ("extra", ctypes.c_char_p),
    ]


class EngineOptions(ctypes.Structure):
    # typedef struct newsnorm_engine_options { unsigned int version; const char *data_dir; } ...;
    _fields_ = [("version", ctypes.c_uint), ("data_dir", ctypes.c_char_p)]


class Options(ctypes.Structure):
    # typedef struct newsnorm_options { unsigned int version; const char *dct; int mode; unsigned int stages;
    #   int encoding; const char *lang; const char *id; size_t max_input_bytes; size_t max_annotations;
    #   int tokens; size_t max_memory_bytes; } newsnorm_options;
    _fields_ = [
        ("version", ctypes.c_uint), ("dct", ctypes.c_char_p), ("mode", ctypes.c_int),
        ("stages", ctypes.c_uint), ("encoding", ctypes.c_int), ("lang", ctypes.c_char_p),
        ("id", ctypes.c_char_p), ("max_input_bytes", ctypes.c_size_t),
        ("max_annotations", ctypes.c_size_t), ("tokens", ctypes.c_int),
        ("max_memory_bytes", ctypes.c_size_t),
    ]


ENGINE_OPTIONS_VERSION = 1
OPTIONS_VERSION = 2


def _candidates():
    env = os.environ.get("NEWSNORM_LIBRARY")
    if env:
        yield env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    yield from sorted(glob.glob(os.path.join(here, "libnewsnorm.so*")))
    found = ctypes.util.find_library("newsnorm")
    if found:
        yield found


def _load():
    errors = []
    for path in _candidates():
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(f"{path}: {e}")
    raise ImportError("cannot find the newsnorm shared library; set NEWSNORM_LIBRARY to its path"
                      + ("".join("\n  " + e for e in errors)))


lib = _load()
_engine_p = ctypes.c_void_p
_result_p = ctypes.c_void_p

# int newsnorm_version_number(void);
lib.newsnorm_version_number.argtypes = []
lib.newsnorm_version_number.restype = ctypes.c_int
# const char *newsnorm_version(void);
lib.newsnorm_version.argtypes = []
lib.newsnorm_version.restype = ctypes.c_char_p
# const char *newsnorm_last_error(void);
lib.newsnorm_last_error.argtypes = []
lib.newsnorm_last_error.restype = ctypes.c_char_p
# int newsnorm_engine_options_init(newsnorm_engine_options *opts, unsigned int version);
lib.newsnorm_engine_options_init.argtypes = [ctypes.POINTER(EngineOptions), ctypes.c_uint]
lib.newsnorm_engine_options_init.restype = ctypes.c_int
# int newsnorm_options_init(newsnorm_options *opts, unsigned int version);
lib.newsnorm_options_init.argtypes = [ctypes.POINTER(Options), ctypes.c_uint]
lib.newsnorm_options_init.restype = ctypes.c_int
# int newsnorm_engine_create(newsnorm_engine **out, const newsnorm_engine_options *opts);
lib.newsnorm_engine_create.argtypes = [ctypes.POINTER(_engine_p), ctypes.POINTER(EngineOptions)]
lib.newsnorm_engine_create.restype = ctypes.c_int
# void newsnorm_engine_destroy(newsnorm_engine *engine);
lib.newsnorm_engine_destroy.argtypes = [_engine_p]
lib.newsnorm_engine_destroy.restype = None
# int newsnorm_analyze(newsnorm_result **out, const newsnorm_engine *engine, const char *text, size_t len,
#                      const newsnorm_options *opts);
lib.newsnorm_analyze.argtypes = [ctypes.POINTER(_result_p), _engine_p, ctypes.c_char_p, ctypes.c_size_t,
                                 ctypes.POINTER(Options)]
lib.newsnorm_analyze.restype = ctypes.c_int
# void newsnorm_result_destroy(newsnorm_result *result);
lib.newsnorm_result_destroy.argtypes = [_result_p]
lib.newsnorm_result_destroy.restype = None
# int newsnorm_result_json(const newsnorm_result *result, const char **json, size_t *len);
lib.newsnorm_result_json.argtypes = [_result_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
lib.newsnorm_result_json.restype = ctypes.c_int
# int newsnorm_result_timeml(const newsnorm_result *result, const char **xml, size_t *len);
lib.newsnorm_result_timeml.argtypes = [_result_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t)]
lib.newsnorm_result_timeml.restype = ctypes.c_int
# size_t newsnorm_result_count(const newsnorm_result *result, int kind);
lib.newsnorm_result_count.argtypes = [_result_p, ctypes.c_int]
lib.newsnorm_result_count.restype = ctypes.c_size_t
# int newsnorm_result_get(const newsnorm_result *result, int kind, size_t index, newsnorm_annotation *out);
lib.newsnorm_result_get.argtypes = [_result_p, ctypes.c_int, ctypes.c_size_t, ctypes.POINTER(Annotation)]
lib.newsnorm_result_get.restype = ctypes.c_int

_found_major = lib.newsnorm_version_number() // 10000
if _found_major != BINDING_VERSION_MAJOR:
    raise ImportError(f"newsnorm library {lib.newsnorm_version().decode()} does not match this binding "
                      f"(major version {BINDING_VERSION_MAJOR})")
