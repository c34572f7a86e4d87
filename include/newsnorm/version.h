/* newsnorm version: one hand-written header, shared by C and C++. */
#ifndef NEWSNORM_VERSION_H
#define NEWSNORM_VERSION_H

#define NEWSNORM_VERSION_MAJOR 0
#define NEWSNORM_VERSION_MINOR 1
#define NEWSNORM_VERSION_PATCH 0
/* major*10000 + minor*100 + patch, e.g. 0.1.0 -> 100 */
#define NEWSNORM_VERSION_NUMBER \
  (NEWSNORM_VERSION_MAJOR * 10000 + NEWSNORM_VERSION_MINOR * 100 + NEWSNORM_VERSION_PATCH)
#define NEWSNORM_VERSION_STRING "0.1.0"
/* The ABI version is the shared library's SOVERSION: bumped on any incompatible C ABI change. */
#define NEWSNORM_ABI_VERSION 0

#if defined(_WIN32)
#  if defined(NEWSNORM_BUILDING)
#    define NEWSNORM_API __declspec(dllexport)
#  elif defined(NEWSNORM_SHARED)
#    define NEWSNORM_API __declspec(dllimport)
#  else
#    define NEWSNORM_API
#  endif
#else
#  define NEWSNORM_API __attribute__((visibility("default")))
#endif

#endif
