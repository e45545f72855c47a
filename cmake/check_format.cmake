# `clang-format --dry-run -Werror` over every .cc and .h of the repository (the .clang-format at
# its root), outside build folders and third_party. Fails naming each file that needs formatting;
# fix with `clang-format -i FILE`.
#   cmake -DROOT=<repository> [-DCLANG_FORMAT=<program>] -P cmake/check_format.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<repository> [-DCLANG_FORMAT=<program>] -P check_format.cmake")
endif()
if(NOT CLANG_FORMAT)
  find_program(CLANG_FORMAT NAMES clang-format clang-format-14)
endif()
if(NOT CLANG_FORMAT)
  message(FATAL_ERROR "clang-format not found (expected on PATH; scripts/install-deps.sh installs it)")
endif()

file(GLOB_RECURSE sources LIST_DIRECTORIES false RELATIVE "${ROOT}"
     "${ROOT}/harness/*.h" "${ROOT}/harness/*.cc" "${ROOT}/codecs/*.h" "${ROOT}/codecs/*.cc"
     "${ROOT}/reports/*.h" "${ROOT}/reports/*.cc" "${ROOT}/datasets/*.h" "${ROOT}/datasets/*.cc"
     "${ROOT}/tests/*.h" "${ROOT}/tests/*.cc" "${ROOT}/tools/*.h" "${ROOT}/tools/*.cc")
list(SORT sources)
list(LENGTH sources count)
if(count EQUAL 0)
  message(FATAL_ERROR "${ROOT}: no .cc or .h files found")
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror ${sources}
                WORKING_DIRECTORY "${ROOT}" RESULT_VARIABLE rc ERROR_VARIABLE out OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  string(REGEX MATCHALL "[^\n:]+\\.(cc|h):[0-9]+:[0-9]+: error" hits "${out}")
  set(files "")
  foreach(hit IN LISTS hits)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: error$" "" file "${hit}")
    list(APPEND files "${file}")
  endforeach()
  list(REMOVE_DUPLICATES files)
  string(REPLACE ";" "\n  " files "${files}")
  message(FATAL_ERROR "clang-format --dry-run -Werror: these files need `clang-format -i`:\n  ${files}\n${out}")
endif()
message(STATUS "format: ${count} files follow .clang-format (${CLANG_FORMAT})")
