# The bundled car-news sample is exactly what its committed generator produces (the sample's
# README promises a byte-for-byte reproduction), so nobody edits the data by hand by mistake.
#
# cmake -DPYTHON=... -DSAMPLES_DIR=... -DWORK_DIR=... -P CheckSamples.cmake

cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${PYTHON}" "${SAMPLES_DIR}/car-news-zh/generate.py" --out "${WORK_DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generate.py failed (${rc}):\n${out}\n${err}")
endif()
set(failures 0)
foreach(split train dev test)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                          "${WORK_DIR}/${split}.jsonl" "${SAMPLES_DIR}/car-news-zh/${split}.jsonl"
                  RESULT_VARIABLE same)
  if(same EQUAL 0)
    message(STATUS "ok: car-news-zh/${split}.jsonl matches generate.py")
  else()
    message(SEND_ERROR "car-news-zh/${split}.jsonl differs from what generate.py writes; "
                       "run resources/samples/car-news-zh/generate.py and commit its output")
    math(EXPR failures "${failures} + 1")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
if(failures GREATER 0)
  message(FATAL_ERROR "${failures} sample file(s) out of date")
endif()
