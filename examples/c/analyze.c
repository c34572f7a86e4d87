/* Analyses an article with the C ABI and prints its quotes and temporal expressions.
 * usage: example_c ARTICLE.txt [YYYY-MM-DD] */
#include <newsnorm/newsnorm.h>

#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0, got;
  if (!f) return NULL;
  do {
    if (n == cap) {
      char *bigger;
      cap = cap ? cap * 2 : 65536;
      bigger = (char *)realloc(buf, cap);
      if (!bigger) { free(buf); fclose(f); return NULL; }
      buf = bigger;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  fclose(f);
  *len = n;
  return buf;
}

int main(int argc, char **argv) {
  newsnorm_engine *engine = NULL;
  newsnorm_result *result = NULL;
  newsnorm_options opts;
  newsnorm_annotation a;
  size_t len = 0, i;
  char *text;
  if (argc < 2) { fprintf(stderr, "usage: %s ARTICLE.txt [YYYY-MM-DD]\n", argv[0]); return 2; }
  text = read_all(argv[1], &len);
  if (!text) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
  if (newsnorm_engine_create(&engine, NULL) < 0) { fprintf(stderr, "%s\n", newsnorm_last_error()); return 1; }
  newsnorm_options_init(&opts, NEWSNORM_OPTIONS_VERSION);
  if (argc > 2) opts.dct = argv[2];
  if (newsnorm_analyze(&result, engine, text, len, &opts) < 0) {
    fprintf(stderr, "%s\n", newsnorm_last_error());
    newsnorm_engine_destroy(engine);
    free(text);
    return 1;
  }
  for (i = 0; i < newsnorm_result_count(result, NEWSNORM_KIND_QUOTE); ++i) {
    newsnorm_result_get(result, NEWSNORM_KIND_QUOTE, i, &a);
    printf("quote [%lu,%lu) %s: speaker %s, role %s, verb %s\n", (unsigned long)a.start, (unsigned long)a.end, a.label,
           a.value, a.mod, a.extra);
  }
  for (i = 0; i < newsnorm_result_count(result, NEWSNORM_KIND_TIMEX); ++i) {
    newsnorm_result_get(result, NEWSNORM_KIND_TIMEX, i, &a);
    printf("timex [%lu,%lu) %.*s -> %s %s\n", (unsigned long)a.start, (unsigned long)a.end, (int)a.text_len, a.text,
           a.label, a.value);
  }
  newsnorm_result_destroy(result);
  newsnorm_engine_destroy(engine);
  free(text);
  return 0;
}
