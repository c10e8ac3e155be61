# UI translations: included at the end of ui/CMakeLists.txt, after tagbench_ui exists.
#
# - lupdate (target `update_translations`, or `tagbench_ui_lupdate`) scans the ui/ and app/gui/
#   sources and refreshes the .ts files in this folder; translators edit those with Qt Linguist.
# - lrelease compiles them at build time into .qm files embedded in tagbench_ui as :/i18n/*.qm,
#   which ui/LanguageManager loads; nothing has to be installed next to the binary.
# English is the source language: tagbench_en.ts only carries the plural (numerus) forms.

if(NOT TARGET tagbench_ui)
  message(FATAL_ERROR "translations/TagbenchTranslations.cmake must be included after tagbench_ui is defined")
endif()

set(TAGBENCH_TS_FILES
  "${PROJECT_SOURCE_DIR}/translations/tagbench_zh_CN.ts"
  "${PROJECT_SOURCE_DIR}/translations/tagbench_en.ts")

# Scan every UI source, not only the ones listed in the target, so that headers and main.cpp
# are covered too; CONFIGURE_DEPENDS picks up files added later.
file(GLOB_RECURSE _tagbench_tr_sources CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h"
  "${PROJECT_SOURCE_DIR}/app/gui/*.cpp" "${PROJECT_SOURCE_DIR}/app/gui/*.h")

qt_add_translations(tagbench_ui
  TS_FILES ${TAGBENCH_TS_FILES}
  SOURCES ${_tagbench_tr_sources}
  INCLUDE_DIRECTORIES "${PROJECT_SOURCE_DIR}"
  RESOURCE_PREFIX "/i18n"
  # Keep obsolete entries out of the files translators see; source locations as relative paths
  # keep the diffs of a lupdate run small.
  LUPDATE_OPTIONS -no-obsolete -locations relative
  LRELEASE_OPTIONS -silent)
unset(_tagbench_tr_sources)
