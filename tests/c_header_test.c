/* Compiled as strict C99 (-pedantic -Werror): the header is valid C, and the ABI works from C. */
#include <newsnorm/newsnorm.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK(%s) failed: %s\n", __FILE__, __LINE__, #cond, newsnorm_last_error()); ++failures; } } while (0)

int main(void) {
  newsnorm_engine *engine = NULL;
  newsnorm_result *result = NULL;
  newsnorm_options opts;
  newsnorm_annotation a;
  const char *json = NULL;
  size_t len = 0;
  const char *text = "Kreml weist Berichte zur\xC3\xBC" "ck\n\nKreml weist Berichte zur\xC3\xBC" "ck\n\n"
                     "\"Das ist falsch\", sagte Kreml-Sprecher Dmitri Peskow am Donnerstag.\n";

  CHECK(newsnorm_version_number() == NEWSNORM_VERSION_NUMBER);
  CHECK(strcmp(newsnorm_version(), NEWSNORM_VERSION_STRING) == 0);
  CHECK(newsnorm_engine_create(&engine, NULL) == NEWSNORM_OK);
  CHECK(newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION) == NEWSNORM_OK);
  CHECK(newsnorm_options_init(&opts, 999) == NEWSNORM_EINVAL);
  CHECK(newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION) == NEWSNORM_OK);
  opts.dct = "2024-10-04";

  CHECK(newsnorm_analyze(&result, engine, text, strlen(text), &opts) == NEWSNORM_OK);
  CHECK(newsnorm_result_count(result, NEWSNORM_KIND_TITLE) == 1);
  CHECK(newsnorm_result_count(result, NEWSNORM_KIND_QUOTE) == 1);
  CHECK(newsnorm_result_get(result, NEWSNORM_KIND_QUOTE, 0, &a) == NEWSNORM_OK);
  CHECK(strcmp(a.value, "Dmitri Peskow") == 0);
  CHECK(strcmp(a.mod, "Kreml-Sprecher") == 0);
  CHECK(strcmp(a.extra, "sagte") == 0);
  CHECK(newsnorm_result_get(result, NEWSNORM_KIND_QUOTE, 1, &a) == NEWSNORM_EINVAL);
  CHECK(newsnorm_result_json(result, &json, &len) == NEWSNORM_OK);
  CHECK(json != NULL && len == strlen(json) && json[0] == '{');
  newsnorm_result_destroy(result);
  result = NULL;

  /* misuse gives a status, never a crash */
  CHECK(newsnorm_analyze(&result, NULL, text, 3, NULL) == NEWSNORM_EINVAL);
  CHECK(result == NULL);
  CHECK(newsnorm_analyze(&result, engine, NULL, 5, NULL) == NEWSNORM_EINVAL);
  CHECK(newsnorm_analyze(NULL, engine, text, 3, NULL) == NEWSNORM_EINVAL);
  CHECK(newsnorm_analyze(&result, engine, "\xC3\x28", 2, NULL) == NEWSNORM_EUTF8);
  CHECK(strstr(newsnorm_last_error(), "byte 0") != NULL);
  opts.dct = "2024-02-30";
  CHECK(newsnorm_analyze(&result, engine, "heute", 5, &opts) == NEWSNORM_EDATE);
  opts.dct = "2024-10-04T24:00";  /* a time of day is checked like the date */
  CHECK(newsnorm_analyze(&result, engine, "heute", 5, &opts) == NEWSNORM_EDATE);
  CHECK(strstr(newsnorm_last_error(), "2024-10-04T24:00") != NULL);
  opts.dct = "2024-10-04T09:30:00+02:00";  /* the reference time of day: "in 30 Minuten" is a clock time */
  CHECK(newsnorm_analyze(&result, engine, "Er kommt in 30 Minuten.", 23, &opts) == NEWSNORM_OK);
  CHECK(newsnorm_result_get(result, NEWSNORM_KIND_TIMEX, 0, &a) == NEWSNORM_OK);
  CHECK(strcmp(a.label, "TIME") == 0 && strcmp(a.value, "2024-10-04T10:00") == 0);
  newsnorm_result_destroy(result);
  result = NULL;
  opts.dct = NULL;
  opts.version = 77;
  CHECK(newsnorm_analyze(&result, engine, "heute", 5, &opts) == NEWSNORM_EINVAL);
  CHECK(newsnorm_analyze(&result, engine, NULL, 0, NULL) == NEWSNORM_OK);  /* empty input is a valid, empty article */
  CHECK(newsnorm_result_count(result, NEWSNORM_KIND_SENTENCE) == 0);
  newsnorm_result_destroy(result);
  newsnorm_result_destroy(NULL);
  CHECK(newsnorm_result_count(NULL, NEWSNORM_KIND_SENTENCE) == 0);
  newsnorm_engine_destroy(engine);
  newsnorm_engine_destroy(NULL);

  printf("%d passed, %d failed\n", failures ? 0 : 1, failures);
  return failures ? 1 : 0;
}
