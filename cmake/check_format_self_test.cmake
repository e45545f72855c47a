# The format check must reject a badly formatted file: writes a tree under WORK_DIR with the
# repository's .clang-format and one file in harness/ that breaks it, runs check_format.cmake on
# it and fails unless that exits non-zero naming the file; then formats the file and requires the
# check to pass.
#   cmake -DSOURCE_DIR=<repository> -DWORK_DIR=<scratch dir> -P cmake/check_format_self_test.cmake
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/harness/core")
file(COPY "${SOURCE_DIR}/.clang-format" DESTINATION "${WORK_DIR}")
file(WRITE "${WORK_DIR}/harness/core/badly_formatted.h" "int   f( int x ){return x;}\n")

function(run_check result_var output_var)
  execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK_DIR} -P ${CMAKE_CURRENT_LIST_DIR}/check_format.cmake
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result_var} ${rc} PARENT_SCOPE)
  set(${output_var} "${out}${err}" PARENT_SCOPE)
endfunction()

run_check(rc output)
if(rc EQUAL 0)
  message(FATAL_ERROR "the format check accepted a badly formatted file:\n${output}")
endif()
string(FIND "${output}" "harness/core/badly_formatted.h" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the format check failed without naming the file:\n${output}")
endif()

file(WRITE "${WORK_DIR}/harness/core/badly_formatted.h" "int f(int x) {\n  return x;\n}\n")
run_check(rc output)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the format check rejected a formatted file:\n${output}")
endif()
message(STATUS "the format check rejects a badly formatted file and accepts it formatted")
