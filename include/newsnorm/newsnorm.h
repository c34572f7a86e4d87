/* newsnorm C ABI: C99, stable, thin. libgit2's manners:
 *  - opaque handles with create/destroy pairs; destroying NULL is fine;
 *  - every function returns 0 or a negative newsnorm_status; newsnorm_last_error() explains the last
 *    failure on the calling thread;
 *  - option structs carry a version and are set up by their _init() function;
 *  - the engine is immutable and may be shared by threads; a result belongs to its caller;
 *  - strings are UTF-8, NUL-terminated, with their length; they live as long as their result.
 *
 *   newsnorm_engine *engine;
 *   newsnorm_result *result;
 *   newsnorm_options opts;
 *   if (newsnorm_engine_create(&engine, NULL) < 0) fail(newsnorm_last_error());
 *   newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
 *   opts.dct = "2024-10-04";
 *   if (newsnorm_analyze(&result, engine, text, strlen(text), &opts) < 0) fail(newsnorm_last_error());
 *   ... newsnorm_result_json(result, &json, &len) or newsnorm_result_get(result, NEWSNORM_KIND_TIMEX, i, &a) ...
 *   newsnorm_result_destroy(result);
 *   newsnorm_engine_destroy(engine);
 */
#ifndef NEWSNORM_H
#define NEWSNORM_H

#include <stddef.h>

#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes: fixed values that never change meaning. */
typedef enum newsnorm_status {
  NEWSNORM_OK = 0,
  NEWSNORM_EINVAL = -1,      /* NULL argument, unknown option value, unknown options version */
  NEWSNORM_EUTF8 = -2,       /* invalid UTF-8; the message names the byte offset */
  NEWSNORM_EENCODING = -3,   /* a legacy encoding could not be converted */
  NEWSNORM_EDATE = -4,       /* reference date is not YYYY-MM-DD[THH:MM[:SS]] or not a calendar date or time */
  NEWSNORM_ETOOLARGE = -5,   /* input over max_input_bytes */
  NEWSNORM_ELIMIT = -6,      /* more annotations than max_annotations, or over max_memory_bytes */
  NEWSNORM_EDATA = -7,       /* language data missing or malformed */
  NEWSNORM_ENOMEM = -8,      /* out of memory */
  NEWSNORM_EINTERNAL = -9    /* a bug: please report it with the input */
} newsnorm_status;

typedef struct newsnorm_engine newsnorm_engine;
typedef struct newsnorm_result newsnorm_result;

#define NEWSNORM_MODE_AUTO 0      /* news when a reference date is given, else underspecified values */
#define NEWSNORM_MODE_NEWS 1
#define NEWSNORM_MODE_NARRATIVE 2

#define NEWSNORM_STAGE_STRUCTURE 1u
#define NEWSNORM_STAGE_TIME 2u
#define NEWSNORM_STAGE_NUMBERS 4u
#define NEWSNORM_STAGE_ENTITIES 8u
#define NEWSNORM_STAGE_ALL 15u

#define NEWSNORM_ENCODING_UTF8 0
#define NEWSNORM_ENCODING_LATIN1 1
#define NEWSNORM_ENCODING_WINDOWS1252 2

#define NEWSNORM_ENGINE_OPTIONS_VERSION 1
typedef struct newsnorm_engine_options {
  unsigned int version;   /* NEWSNORM_ENGINE_OPTIONS_VERSION */
  const char *data_dir;   /* read language data from here instead of the built-in copy; NULL = built-in */
} newsnorm_engine_options;

/* Version 2 added max_memory_bytes; a version 1 struct (without it) is still accepted. */
#define NEWSNORM_OPTIONS_VERSION 2
typedef struct newsnorm_options {
  unsigned int version;     /* NEWSNORM_OPTIONS_VERSION */
  const char *dct;          /* publication date "YYYY-MM-DD", optionally with the time of day
                               "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM]" (see docs/schema.md), or NULL */
  int mode;                 /* NEWSNORM_MODE_* */
  unsigned int stages;      /* NEWSNORM_STAGE_* bits; structure always runs */
  int encoding;             /* NEWSNORM_ENCODING_* of the input bytes */
  const char *lang;         /* "de" (also for NULL) or "en" */
  const char *id;           /* copied into the result's "id", or NULL */
  size_t max_input_bytes;   /* 0: the default, 256 MiB */
  size_t max_annotations;   /* 0: the default, 4,000,000 per list */
  int tokens;               /* non-zero: also return tokens */
  size_t max_memory_bytes;  /* annotations' memory, estimated as they are made; 0: 64 MiB + 24 x the input */
} newsnorm_options;

/* Kinds of annotation for newsnorm_result_count() and newsnorm_result_get(). */
typedef enum newsnorm_kind {
  NEWSNORM_KIND_TITLE = 0,
  NEWSNORM_KIND_DATELINE = 1,
  NEWSNORM_KIND_PARAGRAPH = 2,
  NEWSNORM_KIND_SENTENCE = 3,
  NEWSNORM_KIND_CAPTION = 4,
  NEWSNORM_KIND_QUOTE = 5,
  NEWSNORM_KIND_TIMEX = 6,
  NEWSNORM_KIND_NUMBER = 7,
  NEWSNORM_KIND_ENTITY = 8,
  NEWSNORM_KIND_TOKEN = 9
} newsnorm_kind;

/* One annotation. Fields that do not apply to a kind are "" (never NULL).
 *   kind       label              value                    mod              extra
 *   TITLE      ""                 ""                       ""               ""
 *   DATELINE   agency             place                    ""               date
 *   SENTENCE   zone               ""                       ""               ""
 *   CAPTION    ""                 credit                   ""               ""
 *   QUOTE      direct|reported    speaker (as written)     role             verb
 *   TIMEX      type               TIMEX3 value             mod              tid
 *   NUMBER     kind               exact decimal value      mod              unit or currency
 *   ENTITY     type               canonical name           country code     GeoNames id
 */
typedef struct newsnorm_annotation {
  size_t start, end;              /* code points, half-open */
  size_t start_byte, end_byte;    /* UTF-8 bytes, half-open */
  const char *text; size_t text_len;
  const char *label;
  const char *value;
  const char *mod;
  const char *extra;
} newsnorm_annotation;

NEWSNORM_API int newsnorm_engine_options_init(newsnorm_engine_options *opts, unsigned int version);
NEWSNORM_API int newsnorm_options_init(newsnorm_options *opts, unsigned int version);

/* Creates an engine (opts may be NULL). On failure *out is NULL. */
NEWSNORM_API int newsnorm_engine_create(newsnorm_engine **out, const newsnorm_engine_options *opts);
NEWSNORM_API void newsnorm_engine_destroy(newsnorm_engine *engine);

/* Analyses len bytes of text (text may be NULL only when len is 0; opts may be NULL for defaults). */
NEWSNORM_API int newsnorm_analyze(newsnorm_result **out, const newsnorm_engine *engine, const char *text, size_t len,
                                  const newsnorm_options *opts);
/* Frees a result; NULL is fine. Destroying the same result twice is undefined. */
NEWSNORM_API void newsnorm_result_destroy(newsnorm_result *result);

/* The whole document as JSON (docs/schema.md), or as TimeML. */
NEWSNORM_API int newsnorm_result_json(const newsnorm_result *result, const char **json, size_t *len);
NEWSNORM_API int newsnorm_result_timeml(const newsnorm_result *result, const char **xml, size_t *len);

/* How many annotations of a kind; 0 for a NULL result or an unknown kind. */
NEWSNORM_API size_t newsnorm_result_count(const newsnorm_result *result, int kind);
NEWSNORM_API int newsnorm_result_get(const newsnorm_result *result, int kind, size_t index, newsnorm_annotation *out);

/* Message for the last failure on this thread ("" when none). Valid until the next call on this thread. */
NEWSNORM_API const char *newsnorm_last_error(void);
NEWSNORM_API const char *newsnorm_version(void);
NEWSNORM_API int newsnorm_version_number(void);

#ifdef __cplusplus
}
#endif

#endif
