# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# authsession_setup_target(<target>): the compile definitions and warnings every AuthSession target
# uses (STYLE.md "Build").
function(authsession_setup_target target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS
        QT_NO_CAST_FROM_ASCII
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        target_compile_options(${target} PRIVATE -Wall -Wextra)
    endif()
endfunction()

# authsession_public_headers(<target> <export-name> HEADERS h1 h2 ...): makes the headers includable as
# <AuthSession/h1> from the build tree (forwarding headers, as KDE's ecm_generate_headers does) and
# installs them under include/AuthSession.
function(authsession_public_headers target)
    cmake_parse_arguments(ARG "" "" "HEADERS" ${ARGN})
    set(fwd_dir "${PROJECT_BINARY_DIR}/include/AuthSession")
    foreach(header IN LISTS ARG_HEADERS)
        get_filename_component(abs "${header}" ABSOLUTE)
        get_filename_component(name "${header}" NAME)
        file(CONFIGURE OUTPUT "${fwd_dir}/${name}" CONTENT "#include \"${abs}\"\n")
        install(FILES "${abs}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/AuthSession")
    endforeach()
    target_include_directories(${target} PUBLIC
        "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>"
        "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
endfunction()

# authsession_export_header(<target> <base-name>): generates <AuthSession/<base-name>_export.h>.
function(authsession_export_header target base)
    string(TOUPPER "${base}" upper)
    generate_export_header(${target}
        BASE_NAME ${upper}
        EXPORT_FILE_NAME "${PROJECT_BINARY_DIR}/include/AuthSession/${base}_export.h")
    install(FILES "${PROJECT_BINARY_DIR}/include/AuthSession/${base}_export.h"
            DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/AuthSession")
endfunction()
