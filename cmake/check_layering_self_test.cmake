# The layering checker must reject a tree with an upward edge: runs check_layering.cmake on
# FIXTURE (tests/data/layering/upward_edge) and fails unless it exits non-zero naming exactly the
# forbidden include and not the allowed one.
#   cmake -DFIXTURE=<dir> -P cmake/check_layering_self_test.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(
  COMMAND ${CMAKE_COMMAND} -DROOT=${FIXTURE} -DTABLE=${FIXTURE}/architecture.md
          -P ${CMAKE_CURRENT_LIST_DIR}/check_layering.cmake
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(output "${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "the checker accepted a tree with an upward edge:\n${output}")
endif()
string(FIND "${output}" "harness/core/frame.h: #include \"reports/summary.h\" is an edge `harness/core` -> `reports`" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the checker failed without naming the upward edge:\n${output}")
endif()
string(FIND "${output}" "reports/summary.h: #include" allowed_at)
if(NOT allowed_at EQUAL -1)
  message(FATAL_ERROR "the checker rejected an allowed edge:\n${output}")
endif()
message(STATUS "the checker rejects the upward edge and accepts the allowed one")
