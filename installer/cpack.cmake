# SPDX-FileCopyrightText: 2026 AuthSession contributors
# SPDX-License-Identifier: BSD-3-Clause
#
# Packaging: `cmake --build <build> --target package`.
#   Linux:   a .deb (tested: tests/package). Configure with -DCMAKE_INSTALL_PREFIX=/usr so that the
#            libraries, the CMake package and the QML module land in Debian's multiarch folders
#            (lib/x86_64-linux-gnu, lib/x86_64-linux-gnu/qt6/qml) where the system and Qt find them.
#   Windows: an NSIS installer; Qt's DLLs, plugins and QML modules deployed next to the apps
#            (qt_generate_deploy_app_script / windeployqt).
#   macOS:   a DragNDrop .dmg of the authsession-login bundle, deployed with macdeployqt.
# Included from the top-level CMakeLists.txt after every target exists.

set(AUTHSESSION_HOMEPAGE "https://authsession.local/" CACHE STRING "Project homepage for the packages")
# Placeholder address (example.org): set the real one when publishing packages.
set(AUTHSESSION_MAINTAINER "AuthSession contributors <authsession@example.org>" CACHE STRING
    "Package maintainer (name <email>)")

set(authsession_apps "")
foreach(app authsession authsession-sandbox authsession-login)
    if(TARGET ${app})
        list(APPEND authsession_apps ${app})
    endif()
endforeach()

# --- RPATH ------------------------------------------------------------------------------------------
# qt_standard_project_setup() gives every target the install RPATH $ORIGIN:$ORIGIN/../<libdir>, which
# makes an install anywhere (cmake --install build --prefix ~/opt/authsession) find our libraries.
# Installed into a system prefix (/usr, the .deb): no RPATH at all (Debian policy, lintian). Elsewhere:
# the QML and Designer plugins, which live deeper, get the right relative path.
function(authsession_collect_targets dir out)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        authsession_collect_targets("${sub}" sub_targets)
        list(APPEND targets ${sub_targets})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()
if(UNIX AND NOT APPLE)
    list(FIND CMAKE_PLATFORM_IMPLICIT_LINK_DIRECTORIES "${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}" system_libdir)
    authsession_collect_targets("${PROJECT_SOURCE_DIR}" all_targets)
    foreach(target IN LISTS all_targets)
        get_target_property(type ${target} TYPE)
        if(NOT type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY)$")
            continue()
        endif()
        if(system_libdir GREATER -1 OR CMAKE_INSTALL_PREFIX MATCHES "^/usr/?$")
            set_target_properties(${target} PROPERTIES INSTALL_RPATH "")
        endif()
    endforeach()
    if(system_libdir EQUAL -1 AND NOT CMAKE_INSTALL_PREFIX MATCHES "^/usr/?$")
        file(RELATIVE_PATH qml_to_lib "/${AUTHSESSION_INSTALL_QMLDIR}/AuthSession" "/${CMAKE_INSTALL_LIBDIR}")
        if(TARGET AuthSessionQuickplugin)
            set_target_properties(AuthSessionQuickplugin PROPERTIES INSTALL_RPATH "$ORIGIN/${qml_to_lib}")
        endif()
        if(TARGET authsessionwidgetsplugin)
            set(designer_dir "${CMAKE_INSTALL_LIBDIR}/qt6/plugins/designer") # lib/widgets/designer's default
            if(AUTHSESSION_DESIGNER_PLUGIN_DIR)
                set(designer_dir "${AUTHSESSION_DESIGNER_PLUGIN_DIR}")
            endif()
            file(RELATIVE_PATH designer_to_lib "/${designer_dir}" "/${CMAKE_INSTALL_LIBDIR}")
            set_target_properties(authsessionwidgetsplugin PROPERTIES INSTALL_RPATH "$ORIGIN/${designer_to_lib}")
        endif()
    endif()
endif()

# --- Debian documentation files (copyright, changelog) ----------------------------------------------
if(UNIX AND NOT APPLE)
    set(doc_dir "${CMAKE_INSTALL_DATAROOTDIR}/doc/authsession")
    set(changelog_gz "${PROJECT_BINARY_DIR}/installer/changelog.gz")
    configure_file("${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in" "${PROJECT_BINARY_DIR}/installer/changelog" @ONLY)
    add_custom_command(OUTPUT "${changelog_gz}"
        COMMAND gzip -9n -c "${PROJECT_BINARY_DIR}/installer/changelog" > "${changelog_gz}"
        DEPENDS "${PROJECT_BINARY_DIR}/installer/changelog"
        COMMENT "Compressing the Debian changelog"
        VERBATIM)
    add_custom_target(authsession_changelog ALL DEPENDS "${changelog_gz}")
    install(FILES "${PROJECT_SOURCE_DIR}/installer/debian/copyright" "${changelog_gz}"
            DESTINATION "${doc_dir}")
endif()

# --- Windows: deploy Qt next to the apps ------------------------------------------------------------
if(WIN32)
    foreach(app IN LISTS authsession_apps)
        # authsession-login itself links no Qt Quick (its Qt Quick interface is a plugin next to
        # it): the windeployqt --qmldir pass below deploys Qt Quick for the plugin.
        if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
            qt_generate_deploy_app_script(TARGET ${app} OUTPUT_SCRIPT deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR)
        else()
            # Qt 6.4 (technical preview API): FILENAME_VARIABLE; it runs windeployqt without QML
            # scanning (the login app's plugin gets its own windeployqt --qmldir pass below).
            qt_generate_deploy_app_script(TARGET ${app} FILENAME_VARIABLE deploy_script
                NO_UNSUPPORTED_PLATFORM_ERROR)
        endif()
        install(SCRIPT "${deploy_script}")
    endforeach()
    # Not a Qt module, so windeployqt leaves it out: QtKeychain's DLL next to the apps.
    install(IMPORTED_RUNTIME_ARTIFACTS Qt6Keychain::Qt6Keychain RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
    if(TARGET authsession-login-quick)
        find_program(AUTHSESSION_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
        install(CODE "
            execute_process(COMMAND \"${AUTHSESSION_WINDEPLOYQT}\" --release --no-translations
                --dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\"
                --qmldir \"${PROJECT_SOURCE_DIR}/qml\" --qmldir \"${PROJECT_SOURCE_DIR}/app/login/quick\"
                \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/$<TARGET_FILE_NAME:authsession-login-quick>\"
                COMMAND_ERROR_IS_FATAL ANY)")
    endif()

    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_PACKAGE_NAME "AuthSession")
    set(CPACK_NSIS_DISPLAY_NAME "AuthSession ${PROJECT_VERSION}")
    set(CPACK_NSIS_URL_INFO_ABOUT "${AUTHSESSION_HOMEPAGE}")
    set(CPACK_NSIS_CONTACT "${AUTHSESSION_MAINTAINER}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MODIFY_PATH ON) # offer to put bin/ (authsession, authsession-sandbox) on PATH
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\authsession-login.exe")
    set(CPACK_PACKAGE_INSTALL_DIRECTORY "AuthSession")
    set(CPACK_PACKAGE_EXECUTABLES "authsession-login;AuthSession Login")
    set(CPACK_CREATE_DESKTOP_LINKS "authsession-login")
    if(EXISTS "${PROJECT_SOURCE_DIR}/resources/icons/authsession.ico")
        set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/authsession.ico")
        set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/resources/icons/authsession.ico")
    endif()
endif()

# --- macOS: the login app as a bundle on a disk image -----------------------------------------------
if(APPLE)
    # app/login makes authsession-login a MACOSX_BUNDLE and installs it with BUNDLE DESTINATION .
    if(TARGET authsession-login)
        get_target_property(is_bundle authsession-login MACOSX_BUNDLE)
        if(NOT is_bundle)
            message(WARNING "authsession-login is not a MACOSX_BUNDLE: the .dmg will not work")
        endif()
        # macdeployqt directly, so that the Qt Quick interface's plugin (Contents/PlugIns) and the
        # QML imports are deployed too.
        find_program(AUTHSESSION_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}")
        install(CODE "
            execute_process(COMMAND \"${AUTHSESSION_MACDEPLOYQT}\"
                \"\${CMAKE_INSTALL_PREFIX}/authsession-login.app\"
                -executable=\"\${CMAKE_INSTALL_PREFIX}/authsession-login.app/Contents/PlugIns/authsession-login/$<TARGET_FILE_NAME:authsession-login-quick>\"
                -qmldir=${PROJECT_SOURCE_DIR}/qml -qmldir=${PROJECT_SOURCE_DIR}/app/login/quick
                COMMAND_ERROR_IS_FATAL ANY)")
    endif()
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "AuthSession")
    set(CPACK_DMG_FORMAT "UDZO")
endif()

# --- Common ---------------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "authsession")
set(CPACK_PACKAGE_VENDOR "AuthSession contributors")
set(CPACK_PACKAGE_CONTACT "${AUTHSESSION_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${AUTHSESSION_HOMEPAGE}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSES/BSD-3-Clause.txt")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/;/build[^/]*/")

# --- Debian -------------------------------------------------------------------------------------------
if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB")
    if(NOT CMAKE_INSTALL_PREFIX MATCHES "^/usr/?$")
        message(STATUS "AuthSession: the .deb wants -DCMAKE_INSTALL_PREFIX=/usr (Debian's multiarch "
                       "library and QML folders); this build uses ${CMAKE_INSTALL_PREFIX}")
    endif()
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${AUTHSESSION_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_SECTION "net")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${AUTHSESSION_HOMEPAGE}")
    # The summary line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
    set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "AuthSession is a Qt 6 kit that signs desktop users in to REST login APIs
described by JSON provider profiles: sign-in, refresh timers, sign-out and
restore, tokens in the system keychain (QtKeychain).
.
This package contains the libraries (Core, Sandbox, Widgets, Quick), the
AuthSession QML module, headers and CMake package for developers, the
desktop login application authsession-login, the command line tool
authsession and the local test server authsession-sandbox.")
    # ELF dependencies (Qt libraries, QtKeychain, libc) come from dpkg-shlibdeps; what is loaded at
    # run time without being linked (QML modules, the SVG icon plugin) is listed here.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
    set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6quick6, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtquick-dialogs, qml6-module-qtqml-workerscript, libqt6svg6")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, gnome-keyring | kwalletmanager")
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-base-dev, qtkeychain-qt6-dev")
    # Shared libraries in /usr/lib: an ldconfig trigger (CPack's own postinst/postrm also call
    # ldconfig; lintian only warns about that).
    set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_LIST_DIR}/debian/triggers")
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
endif()

include(CPack)
