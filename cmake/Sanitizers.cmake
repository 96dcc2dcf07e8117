# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# AUTHSESSION_SANITIZE: a list of sanitizers for every target of the build, e.g.
#   -DAUTHSESSION_SANITIZE="address;undefined"            (gcc or clang; scripts/test-hardening.sh)
#   -DAUTHSESSION_SANITIZE="address;undefined;fuzzer-no-link"  (clang; the libFuzzer build)
# Included from the top-level CMakeLists.txt before any target is created, so the flags reach the
# libraries, the applications and the tests alike. Qt itself is not instrumented: see
# docs/security.md for the ASAN_OPTIONS the hardening script uses.
set(AUTHSESSION_SANITIZE "" CACHE STRING
    "Sanitizers for every target (a list: address;undefined;thread;fuzzer-no-link), empty = none")

if(AUTHSESSION_SANITIZE)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "AUTHSESSION_SANITIZE needs gcc or clang (have ${CMAKE_CXX_COMPILER_ID})")
    endif()
    if("address" IN_LIST AUTHSESSION_SANITIZE AND "thread" IN_LIST AUTHSESSION_SANITIZE)
        message(FATAL_ERROR "AUTHSESSION_SANITIZE: address and thread cannot be combined")
    endif()
    if("fuzzer-no-link" IN_LIST AUTHSESSION_SANITIZE AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "AUTHSESSION_SANITIZE: fuzzer-no-link needs clang")
    endif()
    list(JOIN AUTHSESSION_SANITIZE "," _authsession_sanitizers)
    set(_authsession_sanitize_flags -fsanitize=${_authsession_sanitizers} -fno-omit-frame-pointer)
    if("undefined" IN_LIST AUTHSESSION_SANITIZE)
        # every UBSan finding is fatal, so ctest sees it as a failure instead of a line in the log
        list(APPEND _authsession_sanitize_flags -fno-sanitize-recover=undefined)
    endif()
    add_compile_options(${_authsession_sanitize_flags})
    add_link_options(${_authsession_sanitize_flags})
    message(STATUS "AuthSession: sanitizers ${_authsession_sanitizers} on every target")
endif()
