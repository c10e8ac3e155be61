# Builds the .deb with CPack, unpacks it with dpkg-deb into a scratch root and checks it as a
# user would meet it: the installed tagbench-cli runs from there without LD_LIBRARY_PATH, no
# installed ELF file has a RPATH into the build or source tree, every library an installed ELF
# file links directly comes from a package named in Depends, and the desktop entry is valid.
#
# cmake -DCPACK_COMMAND=... -DBINARY_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DVERSION=...
#       -DWITH_GUI=ON|OFF -P CheckDebianPackage.cmake

cmake_minimum_required(VERSION 3.22)

foreach(_var CPACK_COMMAND BINARY_DIR SOURCE_DIR WORK_DIR VERSION)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "CheckDebianPackage.cmake: -D${_var}=... is required")
  endif()
endforeach()

set(_failures 0)
# check("<if() condition>" <description>...): records a failure and goes on, so one run
# reports every problem with the package.
macro(check condition)
  cmake_language(EVAL CODE "if(${condition})\n set(_check_ok TRUE)\nelse()\n set(_check_ok FALSE)\nendif()")
  if(_check_ok)
    message(STATUS "ok: ${ARGN}")
  else()
    message(SEND_ERROR "FAILED: ${ARGN}")
    math(EXPR _failures "${_failures} + 1")
  endif()
endmacro()

# Runs a command; stops the test with its output when it fails.
function(run_or_die out_var)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "'${cmd}' failed (${rc}):\n${out}\n${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

foreach(_tool dpkg-deb dpkg-query readelf ldd)
  find_program(_exe_${_tool} ${_tool})
  if(NOT _exe_${_tool})
    message(FATAL_ERROR "${_tool} is needed to check the package (packaging/setup-debian.sh installs it)")
  endif()
endforeach()

# 1. Package.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/out")
string(TIMESTAMP _t0 "%s")
run_or_die(_log "${CPACK_COMMAND}" -G DEB --config "${BINARY_DIR}/CPackConfig.cmake" -B "${WORK_DIR}/out")
string(TIMESTAMP _t1 "%s")
file(GLOB _debs "${WORK_DIR}/out/*.deb")
list(LENGTH _debs _deb_count)
if(NOT _deb_count EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${WORK_DIR}/out, found ${_deb_count}:\n${_log}")
endif()
set(_deb "${_debs}")
get_filename_component(_deb_name "${_deb}" NAME)
file(SIZE "${_deb}" _deb_size)
math(EXPR _deb_kib "${_deb_size} / 1024")
math(EXPR _cpack_s "${_t1} - ${_t0}")
message(STATUS "built ${_deb_name}: ${_deb_kib} KiB in ${_cpack_s} s")
check("_deb_name MATCHES \"^tagbench_${VERSION}_[a-z0-9]+\\\\.deb$\"" "file name ${_deb_name}")

# 2. Control fields.
run_or_die(_package "${_exe_dpkg-deb}" -f "${_deb}" Package)
run_or_die(_version "${_exe_dpkg-deb}" -f "${_deb}" Version)
run_or_die(_depends "${_exe_dpkg-deb}" -f "${_deb}" Depends)
run_or_die(_maintainer "${_exe_dpkg-deb}" -f "${_deb}" Maintainer)
run_or_die(_description "${_exe_dpkg-deb}" -f "${_deb}" Description)
string(STRIP "${_package}" _package)
string(STRIP "${_version}" _version)
string(STRIP "${_depends}" _depends)
check("_package STREQUAL \"tagbench\"" "Package: ${_package}")
check("_version STREQUAL \"${VERSION}\"" "Version: ${_version}")
check("_maintainer MATCHES \"<.+@.+>\"" "Maintainer has an address")
check("_description MATCHES \"\\n .+\"" "Description has a long part")
message(STATUS "Depends: ${_depends}")
# Package names only: "libfoo1 (>= 2), libbar | libbaz" -> libfoo1;libbar;libbaz
string(REGEX REPLACE "\\([^)]*\\)" "" _depends_names "${_depends}")
string(REGEX REPLACE "[ \t\n]" "" _depends_names "${_depends_names}")
string(REGEX REPLACE "[,|]" ";" _depends_names "${_depends_names}")

# 3. Unpack and look at the tree.
set(_root "${WORK_DIR}/root")
run_or_die(_unused "${_exe_dpkg-deb}" -x "${_deb}" "${_root}")
set(_expected usr/bin/tagbench-cli usr/lib/tagbench/libtagbench_spm.so
    usr/share/tagbench/samples/car-news-zh/train.jsonl usr/share/doc/tagbench/README.md)
if(WITH_GUI)
  list(APPEND _expected usr/bin/tagbench usr/share/applications/tagbench.desktop
       usr/share/icons/hicolor/scalable/apps/tagbench.svg)
endif()
foreach(_f IN LISTS _expected)
  check("EXISTS \"${_root}/${_f}\"" "package contains /${_f}")
endforeach()

# 4. The installed CLI runs from the unpacked tree with a clean library path.
execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=LD_LIBRARY_PATH
                        "${_root}/usr/bin/tagbench-cli" --version
                WORKING_DIRECTORY "${_root}"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
string(STRIP "${_out}" _out)
check("_rc EQUAL 0" "installed tagbench-cli --version exits 0 (${_rc}: ${_err})")
check("_out STREQUAL \"tagbench-cli ${VERSION}\"" "installed tagbench-cli --version prints '${_out}'")
# ...and does real work on the sample the package installs.
set(_sample "${_root}/usr/share/tagbench/samples/car-news-zh/train.jsonl")
execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=LD_LIBRARY_PATH
                        "${_root}/usr/bin/tagbench-cli" stats "${_sample}"
                RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
check("_rc EQUAL 0" "installed tagbench-cli stats on the installed sample exits 0 (${_rc}: ${_err})")
check("_out MATCHES \"--- Distribution in [^\\n]*train.jsonl ---\\nLabel: [^,]+, Count: [0-9]+, Ratio: [0-9.]+%\""
      "installed tagbench-cli stats prints the label distribution")
if(WITH_GUI)
  # The app loads Qt, QCustomPlot and LibTorch's runtime before it parses its arguments.
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=LD_LIBRARY_PATH QT_QPA_PLATFORM=offscreen
                          "${_root}/usr/bin/tagbench" --version
                  WORKING_DIRECTORY "${_root}"
                  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
  string(STRIP "${_out}" _out)
  check("_rc EQUAL 0" "installed tagbench --version exits 0 (${_rc}: ${_err})")
  check("_out STREQUAL \"Tagbench ${VERSION}\"" "installed tagbench --version prints '${_out}'")
endif()

# 5. ELF files: no RPATH into the build, every directly linked library from a Depends package.
file(GLOB_RECURSE _candidates LIST_DIRECTORIES false "${_root}/usr/bin/*" "${_root}/usr/lib/*")
set(_elves "")
foreach(_f IN LISTS _candidates)
  file(READ "${_f}" _magic LIMIT 4 HEX)
  if(_magic STREQUAL "7f454c46")
    list(APPEND _elves "${_f}")
  endif()
endforeach()
list(LENGTH _elves _elf_count)
check("_elf_count GREATER_EQUAL 2" "${_elf_count} ELF files in the package")

foreach(_elf IN LISTS _elves)
  file(RELATIVE_PATH _rel "${_root}" "${_elf}")
  run_or_die(_dyn "${_exe_readelf}" -d -W "${_elf}")
  string(REGEX MATCHALL "\\((RPATH|RUNPATH)\\)[^\n]*" _rpaths "${_dyn}")
  set(_bad_rpath FALSE)
  foreach(_r IN LISTS _rpaths)
    string(FIND "${_r}" "${BINARY_DIR}" _in_build)
    string(FIND "${_r}" "${SOURCE_DIR}" _in_source)
    if(_in_build GREATER_EQUAL 0 OR _in_source GREATER_EQUAL 0)
      set(_bad_rpath TRUE)
    endif()
  endforeach()
  check("NOT _bad_rpath" "/${_rel} has no RPATH into the build tree (${_rpaths})")

  string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" _needed_lines "${_dyn}")
  run_or_die(_ldd "${_exe_ldd}" "${_elf}")
  foreach(_line IN LISTS _needed_lines)
    string(REGEX REPLACE ".*\\[([^]]+)\\]" "\\1" _soname "${_line}")
    if(_soname MATCHES "^ld-linux")
      continue() # the dynamic loader itself, part of libc6
    endif()
    string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" _soname_re "${_soname}")
    string(REGEX MATCH "[\t ]${_soname_re} => ([^ \n]+)" _m "${_ldd}")
    set(_path "${CMAKE_MATCH_1}")
    if(NOT _path OR _path STREQUAL "not")
      check("FALSE" "/${_rel}: ${_soname} resolves on this system")
      continue()
    endif()
    # merged /usr: dpkg may know the library under /lib or /usr/lib
    file(REAL_PATH "${_path}" _real)
    set(_owner "")
    foreach(_p "${_path}" "${_real}")
      string(REGEX REPLACE "^/usr/lib/" "/lib/" _alt1 "${_p}")
      string(REGEX REPLACE "^/lib/" "/usr/lib/" _alt2 "${_p}")
      foreach(_q "${_p}" "${_alt1}" "${_alt2}")
        if(NOT _owner)
          execute_process(COMMAND "${_exe_dpkg-query}" -S "${_q}"
                          RESULT_VARIABLE _rc OUTPUT_VARIABLE _o ERROR_QUIET)
          if(_rc EQUAL 0)
            # "libtorch1.13:amd64: /usr/lib/...": the package of the first line
            string(REGEX MATCH "^[^:,\n]+" _owner "${_o}")
          endif()
        endif()
      endforeach()
    endforeach()
    check("_owner IN_LIST _depends_names"
          "/${_rel}: ${_soname} is in package '${_owner}', which Depends names")
  endforeach()
endforeach()

# 6. Desktop entry.
if(WITH_GUI)
  find_program(_validate desktop-file-validate)
  if(_validate)
    execute_process(COMMAND "${_validate}" "${_root}/usr/share/applications/tagbench.desktop"
                    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
    set(_complaints "${_out}${_err}")
    check("_rc EQUAL 0 AND _complaints STREQUAL \"\""
          "desktop-file-validate accepts tagbench.desktop ${_complaints}")
  else()
    message(WARNING "desktop-file-validate not found (apt package desktop-file-utils): entry not validated")
  endif()
endif()

if(_failures GREATER 0)
  message(FATAL_ERROR "${_failures} package check(s) failed; the unpacked tree is in ${_root}")
endif()
file(REMOVE_RECURSE "${_root}")
message(STATUS "package checks passed")
