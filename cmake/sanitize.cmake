# newsnorm_sanitize(target): adds the sanitizer flags chosen by NEWSNORM_SANITIZE.
#   address: AddressSanitizer + UndefinedBehaviorSanitizer (leaks included), abort on the first report
#            float-cast-overflow too: GCC leaves it out of "undefined" (clang has it), and a double cast to
#            int out of range is what fuzz_analyze found in the time stage
#            and libstdc++'s bounds checks (_GLIBCXX_ASSERTIONS): ASan cannot see a vector read past size()
#            but inside capacity, which is how fuzz_jsonl's quote finding read a token past the end
#   thread:  ThreadSanitizer
set(_nn_sanitize_flags "")
set(_nn_sanitize_defs "")
if(NEWSNORM_SANITIZE STREQUAL "address")
  set(_nn_sanitize_flags -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer)
  set(_nn_sanitize_defs _GLIBCXX_ASSERTIONS)
elseif(NEWSNORM_SANITIZE STREQUAL "thread")
  set(_nn_sanitize_flags -fsanitize=thread -fno-omit-frame-pointer)
elseif(NOT NEWSNORM_SANITIZE STREQUAL "")
  message(FATAL_ERROR "NEWSNORM_SANITIZE must be '', 'address' or 'thread', not '${NEWSNORM_SANITIZE}'")
endif()

function(newsnorm_sanitize target)
  if(_nn_sanitize_flags)
    target_compile_options(${target} PRIVATE ${_nn_sanitize_flags})
    target_link_options(${target} PUBLIC ${_nn_sanitize_flags})
  endif()
  if(_nn_sanitize_defs)
    target_compile_definitions(${target} PRIVATE ${_nn_sanitize_defs})
  endif()
endfunction()
