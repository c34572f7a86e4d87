# NEWSNORM_FUZZ: builds the libFuzzer targets in tests/fuzz (see tests/fuzz/run_fuzz.sh).
#
#   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
#         -DNEWSNORM_FUZZ=ON -DNEWSNORM_SANITIZE=address
#
# libFuzzer ships with clang only. The library's objects get coverage instrumentation
# (-fsanitize=fuzzer-no-link) on top of the sanitizers, so every stage that lands is explored; each fuzz
# target links -fsanitize=fuzzer, which provides main(). Included right after cmake/sanitize.cmake: it
# extends the flags newsnorm_sanitize() adds, so the library, the CLI and the targets agree.
option(NEWSNORM_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

if(NEWSNORM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "NEWSNORM_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NEWSNORM_SANITIZE STREQUAL "thread")
    message(FATAL_ERROR "NEWSNORM_FUZZ runs with AddressSanitizer: use -DNEWSNORM_SANITIZE=address (or leave it empty)")
  endif()
  # Fuzzing without ASan + UBSan finds only plain crashes: turn them on when the caller did not.
  if(NEWSNORM_SANITIZE STREQUAL "")
    set(_nn_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  endif()
  list(APPEND _nn_sanitize_flags -fsanitize=fuzzer-no-link)
  add_subdirectory(tests/fuzz)
endif()
