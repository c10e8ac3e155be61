# Third-party dependencies, found once for the whole tree.

if(TAGBENCH_TORCH_FROM_PYTHON AND NOT Torch_DIR)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  execute_process(
    COMMAND ${Python3_EXECUTABLE} -c "import torch;print(torch.utils.cmake_prefix_path)"
    OUTPUT_VARIABLE _tagbench_torch_prefix OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE _tagbench_torch_rc)
  if(NOT _tagbench_torch_rc EQUAL 0)
    message(FATAL_ERROR "TAGBENCH_TORCH_FROM_PYTHON is ON but '${Python3_EXECUTABLE}' cannot import torch")
  endif()
  list(PREPEND CMAKE_PREFIX_PATH "${_tagbench_torch_prefix}")
endif()
find_package(Torch REQUIRED)
message(STATUS "Tagbench: LibTorch ${Torch_VERSION} from ${TORCH_INSTALL_PREFIX}")

find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(simdjson REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
# ICU supplies Unicode normalisation (NFD) and general categories for the WordPiece tokenizer.
find_package(ICU REQUIRED COMPONENTS uc)

# Debian ships no CMake config for sentencepiece; it is only linked into the isolated plugin.
find_path(SENTENCEPIECE_INCLUDE_DIR sentencepiece_processor.h REQUIRED)
find_library(SENTENCEPIECE_LIBRARY sentencepiece REQUIRED)
find_library(SENTENCEPIECE_TRAIN_LIBRARY sentencepiece_train REQUIRED)

# The Linear model kind: ICU's character properties and case mapping reproduce Python's `\w` and
# str.lower() in the TF-IDF analyzers; liblinear (the solver sklearn uses) trains the classifiers.
find_package(ICU REQUIRED COMPONENTS uc)
# Debian's liblinear-dev ships a header and the libraries but no CMake config or pkg-config file.
find_path(LIBLINEAR_INCLUDE_DIR linear.h REQUIRED)
find_library(LIBLINEAR_LIBRARY linear REQUIRED)
if(NOT TARGET Liblinear::liblinear)
  add_library(Liblinear::liblinear UNKNOWN IMPORTED)
  set_target_properties(Liblinear::liblinear PROPERTIES
    IMPORTED_LOCATION "${LIBLINEAR_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${LIBLINEAR_INCLUDE_DIR}")
endif()

if(TAGBENCH_BUILD_GUI OR TAGBENCH_BUILD_TESTS)
  set(_tagbench_qt_components Core)
  if(TAGBENCH_BUILD_GUI)
    list(APPEND _tagbench_qt_components Gui Widgets PrintSupport Sql LinguistTools)
  endif()
  if(TAGBENCH_BUILD_TESTS)
    list(APPEND _tagbench_qt_components Test)
  endif()
  find_package(Qt6 6.2 REQUIRED COMPONENTS ${_tagbench_qt_components})
endif()

if(TAGBENCH_BUILD_GUI)
  # Debian's QCustomPlot CMake config describes the Qt 5 build; link the Qt 6 library directly.
  find_path(QCUSTOMPLOT_INCLUDE_DIR qcustomplot.h REQUIRED)
  find_library(QCUSTOMPLOT_QT6_LIBRARY NAMES QCustomPlotQt6 REQUIRED)
  add_library(tagbench_qcustomplot INTERFACE)
  target_include_directories(tagbench_qcustomplot SYSTEM INTERFACE ${QCUSTOMPLOT_INCLUDE_DIR})
  target_link_libraries(tagbench_qcustomplot INTERFACE ${QCUSTOMPLOT_QT6_LIBRARY}
                        Qt6::Widgets Qt6::PrintSupport)
  target_compile_definitions(tagbench_qcustomplot INTERFACE QCUSTOMPLOT_USE_LIBRARY)
endif()
