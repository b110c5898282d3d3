; Couples Workbook: Windows installer (NSIS 3, Unicode).
;
; Per-user: installs to %LOCALAPPDATA%\Programs\Couples Workbook without admin rights (no UAC
; prompt), adds a Start-menu entry (a desktop shortcut only if asked for: on a shared computer
; an icon on the desktop is one more thing others see) and an uninstaller listed in
; Settings > Apps. Uninstalling removes the program only; the workbook itself (the encrypted vault
; in %LOCALAPPDATA%\couples-workbook) is kept, and the uninstaller says so.
;
; Build on Windows after PyInstaller has made dist\couples-workbook\ with packaging\couples-workbook.spec:
;   makensis /DVERSION=0.1.0 packaging\windows\couples-workbook.nsi
; Optional: /DDIST_DIR=<bundle folder> /DOUTFILE=<setup.exe path>. makensis runs relative to
; this file's folder. Output by default: dist\couples-workbook-<version>-setup.exe
; Signing: /DSIGN_COMMAND="signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256 /a" signs the
; uninstaller as it is written (!uninstfinalize) and then the installer itself (!finalize).
; VERSION may be any PEP 440 release (0.2.0, 0.2.0rc1, 0.2.0.dev3): Windows' numeric file
; version is made from its first three numbers.

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z couples-workbook.nsi"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\..\dist\couples-workbook"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\couples-workbook-${VERSION}-setup.exe"
!endif

!define APP_NAME "Couples Workbook"
!define APP_EXE "couples-workbook.exe"
!define APP_KEY "CouplesWorkbook"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"
!define ICON "..\..\workbook\assets\icons\couples-workbook.ico"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_KEY}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

; Windows wants four numbers: 0.2.0rc1 -> 0.2.0.0 (the pre-release marker stays in the strings).
!searchreplace _CW_V1 "${VERSION}" ".dev" "."
!searchreplace _CW_V2 "${_CW_V1}" ".post" "."
!searchreplace _CW_V3 "${_CW_V2}" "rc" "."
!searchreplace _CW_V4 "${_CW_V3}" "a" "."
!searchreplace _CW_V5 "${_CW_V4}" "b" "."
!searchparse /noerrors "${_CW_V5}.0.0." "" _CW_MAJOR "." _CW_MINOR "." _CW_PATCH "."
VIProductVersion "${_CW_MAJOR}.${_CW_MINOR}.${_CW_PATCH}.0"
VIAddVersionKey /LANG=1033 "CompanyName" "Couples Workbook contributors"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "GPL-3.0-or-later"

!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND} "%1"' = 0
  !finalize '${SIGN_COMMAND} "%1"' = 0
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "This will install ${APP_NAME} ${VERSION} for your Windows account only. No administrator rights are needed, and nothing you write ever leaves this computer.$\r$\n$\r$\nClick Next to continue."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "The program will be removed. Your workbook (your encrypted answers) is kept in $LOCALAPPDATA\couples-workbook, so reinstalling brings it back. To erase it too, delete that folder after uninstalling."

!define MUI_LICENSEPAGE_TEXT_TOP "Couples Workbook is free software. The licences of the software it is built on are in THIRD-PARTY-NOTICES.txt next to the program."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; A running copy holds its files open: replacing or removing them half way would leave a broken
; program. A program file that cannot be opened for writing is in use, so ask to close it first.
!macro CW_REFUSE_WHILE_RUNNING UN
Function ${UN}RefuseWhileRunning
  retry:
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${APP_EXE}" a
    ${IfNot} ${Errors}
      FileClose $0
      ClearErrors
      FileOpen $0 "$INSTDIR\couples-workbook-cli.exe" a
    ${EndIf}
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONINFORMATION "${APP_NAME} is open. Please close it first (what you wrote is already saved), then choose Retry." /SD IDCANCEL IDRETRY retry
      SetErrorLevel 5
      Quit
    ${EndIf}
    FileClose $0
  ${EndIf}
FunctionEnd
!macroend
!insertmacro CW_REFUSE_WHILE_RUNNING ""
!insertmacro CW_REFUSE_WHILE_RUNNING "un."

Function .onInit
  ; $INSTDIR is already the previous version's folder (InstallDirRegKey), if there is one.
  Call RefuseWhileRunning
FunctionEnd

Function un.onInit
  Call un.RefuseWhileRunning
FunctionEnd

Section "${APP_NAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; A previous version's files go first, so no stale library is left next to new ones.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST_DIR}\*.*"

  File /oname=LICENSE.txt "..\..\LICENSE"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "Software\${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "The app, for your Windows account only."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "An icon on the desktop. Left off by default: on a shared computer the Start menu is more discreet."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there: the program folder. The workbook data lives elsewhere
  ; (%LOCALAPPDATA%\couples-workbook) and is deliberately left alone.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\couples-workbook.exe"
  Delete "$INSTDIR\couples-workbook-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  Delete "$INSTDIR\LICENSE.txt"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_KEY}"
SectionEnd
