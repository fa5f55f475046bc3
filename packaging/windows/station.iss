; Inno Setup 6 script: the Windows installer of Station (written here, NOT run: no Windows in CI).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\station.iss
;
; Input: packaging\dist\station\ (pyinstaller ... packaging\station.spec on Windows), which holds
; station.exe (the window, no console), station-cli.exe and _internal\.
; Output: packaging\dist\station-setup-<version>.exe. docs/packaging.md has the whole sequence;
; .github/workflows/release.yml runs it on a hosted Windows runner (written here, not run yet).
;
; Needs Inno Setup 6.5 or later: the Simplified Chinese messages (ChineseSimplified.isl, next to
; this script) are Inno Setup 6.5's translation, UTF-8 without a BOM (read as such since 6.3), and
; Inno Setup 6 does not install that translation (it is one of its "unofficial" ones), so it ships here.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<station/_version.py's __version__> station.iss
#endif
#if Ver < EncodeVer(6,5,0)
  #error Inno Setup 6.5 or later is needed (ChineseSimplified.isl is its translation; x64compatible)
#endif

[Setup]
AppId={{6F1C2A57-8E0B-4C8F-9A51-3B7D2E40C9A1}
AppName=Station
AppVersion={#AppVersion}
AppVerName=Station {#AppVersion}
AppPublisher=Station maintainers
DefaultDirName={autopf}\Station
DefaultGroupName=Station
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=station-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\station.ico
UninstallDisplayIcon={app}\station.exe
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Let the bench PC's user close a running Station before files are replaced.
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add station-cli to PATH"; Flags: unchecked

[Files]
Source: "..\dist\station\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\Station"; Filename: "{app}\station.exe"
Name: "{autoprograms}\Station demo (built-in simulator)"; Filename: "{app}\station.exe"; Parameters: "--demo"
Name: "{autodesktop}\Station"; Filename: "{app}\station.exe"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Microsoft\Windows\CurrentVersion\Environment"; ValueType: expandsz; \
    ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\station.exe"; Description: "{cm:LaunchProgram,Station}"; Flags: postinstall nowait skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKA, 'Software\Microsoft\Windows\CurrentVersion\Environment', 'Path', Paths) then
    Paths := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
