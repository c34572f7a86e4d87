# newsnorm_sanitize(target): adds the sanitizer flags chosen by NEWSNORM_SANITIZE.
#   address: AddressSanitizer + UndefinedBehaviorSanitizer (leaks included), abort on the first report
#            float-cast-overflow too: GCC leaves it out of "undefined" (clang has it), and a double cast to
#            int out of range is what fuzz_analyze found in the time stage
#   thread:  ThreadSanitizer
set(_nn_sanitize_flags "")
if(NEWSNORM_SANITIZE STREQUAL "address")
  set(_nn_sanitize_flags -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer)
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
endfunction()
