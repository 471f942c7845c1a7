# SPDX-License-Identifier: Apache-2.0
cmake_minimum_required(VERSION 3.25)
# The rule between core/'s rooms (docs/architecture.md), checked on every
# #include "core/..." line:
#   model/   includes no other room
#   extract/ includes model/ only
#   index/   includes model/ and extract/
#   search/  includes model/ only (never index/ or extract/)
# and nothing in core/ includes searchd/ or httplib.h.
# Run: cmake -DSOURCE_DIR=<repo> -P tests/rooms.cmake
set(allowed_model "model")
set(allowed_extract "model;extract")
set(allowed_index "model;extract;index")
set(allowed_search "model;search")
set(violations "")
foreach(room model extract index search)
  file(GLOB files "${SOURCE_DIR}/core/${room}/*.h" "${SOURCE_DIR}/core/${room}/*.cc")
  if(NOT files)
    message(FATAL_ERROR "rooms: core/${room}/ has no sources; is SOURCE_DIR right?")
  endif()
  foreach(f IN LISTS files)
    file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS lines)
      if(line MATCHES "\"core/([a-z_]+)/")
        if(NOT CMAKE_MATCH_1 IN_LIST allowed_${room})
          list(APPEND violations "${f}: core/${room}/ may not include core/${CMAKE_MATCH_1}/: ${line}")
        endif()
      elseif(line MATCHES "\"core/[a-z_]+\\.h\"")
        list(APPEND violations "${f}: include outside the rooms: ${line}")
      elseif(line MATCHES "searchd/|httplib")
        list(APPEND violations "${f}: the core has no HTTP: ${line}")
      endif()
    endforeach()
  endforeach()
endforeach()
file(GLOB stray "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cc")
foreach(f IN LISTS stray)
  list(APPEND violations "${f}: every core source belongs in a room (model, extract, index, search)")
endforeach()
if(violations)
  list(JOIN violations "\n" text)
  message(FATAL_ERROR "rooms: the include rule is broken:\n${text}")
endif()
message(STATUS "rooms: every include in core/ keeps the rule")
