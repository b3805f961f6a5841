#!/usr/bin/env bash
# .ci/wine.sh: runs the Windows build under Wine, as ./build.sh wine calls it
# after building bin/jeugdmonitor.exe and bin/jeugdmonitor.com.
#
#   .ci/wine.sh [commands] [console] [window] [nogl] [tests] [msi]   (default: all)
#
#   commands  every command with its exit code and output, on Windows paths
#   console   output, --help, --versie and exit codes through cmd and jeugdmonitor.com
#   window    the window appears and is not blank, a file chooser opened from the
#             menu and cancelled, Ctrl+Q exits 0
#   nogl      on an X server without GLX Wine has no OpenGL, so the window cannot
#             start: a Windows message box and the log say so in Dutch, exit code 1
#   tests     go vet for Windows is clean; the test binaries compiled for Windows
#             (go test -c) pass
#   msi       bin/*.msi lists, installs per user with msiexec /qn, the installed
#             program answers --versie, an upgrade keeps the database, uninstall
#             removes the program and leaves the database
#
# Debian 12's Wine 8 cannot start a Go >= 1.22 program (no ProcessPrng in
# bcryptprimitives.dll), so Wine runs in a Debian 13 root with Wine 10, made
# once with debootstrap (about 2 minutes and 1,7 GB) and kept in
# JEUGDMONITOR_WINE_ROOT (default /var/cache/jeugdmonitor/trixie-wine). Wine
# runs as the root's normal user, so read-only files behave as on Windows.
# Needs root (debootstrap, chroot, a private mount namespace per call: the
# binds vanish with it, nothing stays mounted) and a display in DISPLAY.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/bin"
WROOT="${JEUGDMONITOR_WINE_ROOT:-/var/cache/jeugdmonitor/trixie-wine}"
MARK="$WROOT/etc/jeugdmonitor-wine"         # written last: the root is complete
WUID=4242                                   # the root's normal user, "gebruiker"
GO_TEST_TIMEOUT="${GO_TEST_TIMEOUT:-10m}"

log() { printf '==> wine: %s\n' "$*" >&2; }
die() { printf '.ci/wine.sh: FOUT: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "draai als root (debootstrap, chroot en mount zijn nodig)"
[ -n "${DISPLAY:-}" ] || die "DISPLAY is niet gezet (./build.sh wine start zelf een Xvfb)"

# make_root makes the Debian 13 root with Wine 10 once.
make_root() {
	if [ -f "$MARK" ]; then
		return 0
	fi
	local new="$WROOT.new"
	if findmnt -rno TARGET | grep -q "^$new"; then die "$new heeft nog iets gekoppeld; ontkoppel dat eerst"; fi
	rm -rf "$new"
	mkdir -p "$(dirname "$WROOT")"
	log "Debian 13-root met Wine 10 maken in $WROOT (eenmalig, een paar minuten)"
	debootstrap --variant=minbase trixie "$new" http://deb.debian.org/debian >&2
	chroot "$new" apt-get update -q >&2
	chroot "$new" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		wine wine64 libgl1 libglx-mesa0 libgl1-mesa-dri >&2
	chroot "$new" apt-get clean
	chroot "$new" useradd -m -u "$WUID" -s /bin/bash gebruiker
	printf 'Debian %s, Wine %s\n' "$(cat "$new/etc/debian_version")" "$(chroot "$new" dpkg-query -W -f '${Version}' wine)" >"$new/etc/jeugdmonitor-wine"
	rm -rf "$WROOT"
	mv "$new" "$WROOT"
}

# WORK is this run's folder, Z:\work inside Wine; the checkout is Z:\src.
WORK=""
cleanup() {
	if [ -n "$NOGL_XVFB" ]; then
		kill "$NOGL_XVFB" 2>/dev/null || true
	fi
	if [ -n "$WORK" ]; then
		wine_in wineserver -k 2>/dev/null || true
		rm -rf "$WORK"
	fi
}

# wine_in runs a command in the root as the normal user, in a private mount
# namespace with /dev, /proc, /sys, the X socket, the checkout and WORK bound.
wine_in() {
	unshare -m --propagation private bash -c '
		set -e
		r=$1 src=$2 work=$3 uid=$4; shift 4
		mount --rbind /dev "$r/dev"
		mount --bind /proc "$r/proc"
		mount --bind /sys "$r/sys"
		mkdir -p "$r/tmp/.X11-unix" "$r/src" "$r/work"
		mount --bind /tmp/.X11-unix "$r/tmp/.X11-unix"
		mount --bind "$src" "$r/src"
		mount --bind "$work" "$r/work"
		exec chroot --userspec="$uid:$uid" "$r" /usr/bin/env -i \
			HOME=/home/gebruiker USER=gebruiker LANG=C.UTF-8 PATH=/usr/bin:/bin \
			WINEPREFIX=/work/prefix WINEDEBUG=-all \
			WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d" \
			DISPLAY="$DISPLAY" "$@"' \
		bash "$WROOT" "$ROOT" "$WORK" "$WUID" "$@"
}

# jm runs the installed-beside-the-checkout program: jm ARGS... with the
# output in $WORK/out and $WORK/err and the exit code in RC.
RC=0
jm() {
	RC=0
	wine_in wine 'Z:\work\app\jeugdmonitor.exe' "$@" >"$WORK/out" 2>"$WORK/err" || RC=$?
	# Wine writes what it has to say about itself on stderr too; keep only the program's lines
	sed -i '/^[0-9a-f]\{4\}:\(err\|fixme\|warn\):/d' "$WORK/err"
}

# expect CODE TEXT: the last jm call exited with CODE and its output holds TEXT.
expect() {
	local code="$1" text="$2"
	if [ "$RC" -ne "$code" ] || { [ -n "$text" ] && ! grep -qF -- "$text" "$WORK/out" "$WORK/err"; }; then
		printf -- '--- stdout ---\n' >&2; cat "$WORK/out" >&2
		printf -- '--- stderr ---\n' >&2; cat "$WORK/err" >&2
		die "verwacht exitcode $code en '$text', kreeg exitcode $RC"
	fi
	log "ok ($RC): $text"
}

# unix PATH-IN-WORK prints the Linux path of a file under Z:\work.
unix() { printf '%s/%s' "$WORK" "$1"; }

test_commands() {
	log "opdrachten onder Wine, met Windows-paden, spaties en ë/é/€ in de namen"
	local d='Z:\work\gegevens\Zoë café €'
	mkdir -p "$(unix 'gegevens/Zoë café €')"
	chown -R "$WUID:$WUID" "$(unix gegevens)"

	jm --versie;                                     expect 0 "Jeugdmonitor Zwolle $VERSION"
	[ ! -s "$WORK/err" ] || die "--versie schreef naar standaardfout"
	jm --help;                                       expect 0 "Gebruik: jeugdmonitor"
	grep -q "Gebruik: jeugdmonitor" "$WORK/out" || die "--help schreef niet naar standaarduitvoer"
	jm export --help;                                expect 0 "Gebruik: jeugdmonitor export"
	grep -q "Gebruik: jeugdmonitor export" "$WORK/out" || die "export --help schreef niet naar standaarduitvoer"
	jm onbekend;                                     expect 2 "onbekende opdracht"
	jm nieuw --db "$d\\a.db";                        expect 0 "Nieuwe database gemaakt: $d\\a.db"
	jm nieuw --db "$d\\a.db";                        expect 1 "bestaat al"
	jm check --db "$d\\a.db";                        expect 0 "Integriteit:  in orde"
	jm check --db "$d\\bestaat-niet.db";             expect 1 "het bestand bestaat niet"
	jm bereik --db "$d\\a.db" --interventie "Ambulant jongerenwerk" --periode 2025 --waarde 3.612
	expect 0 "2025: 3.612"
	jm bereik --db "$d\\a.db" --interventie "Ambulant jongerenwerk" --periode 2025 --waarde drie
	expect 1 '"drie" is geen getal'
	jm export --db "$d\\a.db" --what bereik --format csv -o "$d\\bereik.csv"
	expect 0 ""
	local csv
	csv="$(unix 'gegevens/Zoë café €/bereik.csv')"
	head -c 3 "$csv" | od -An -tx1 | grep -q 'ef bb bf' || die "CSV-export zonder BOM"
	grep -q $'\r$' "$csv" || die "CSV-export zonder CRLF-regeleinden"
	grep -q '^Ambulant jongerenwerk;2025;.*;3612;' "$csv" || die "CSV-export mist het ingevoerde bereik: $(head -n 3 "$csv")"
	jm import --db "$d\\a.db" --what bereik --dry-run "$d\\bereik.csv"
	expect 0 "Er is niets opgeslagen"
	jm export --db "$d\\a.db" --what alles --format json -o "$d\\alles.json"; expect 0 ""
	jm import --db "$d\\b.db" --what alles "$d\\alles.json";                 expect 0 "Nieuwe database"
	jm export --db "$d\\b.db" --what bereik --format csv -o "$d\\bereik-b.csv"; expect 0 ""
	cmp -s "$csv" "$(unix 'gegevens/Zoë café €/bereik-b.csv')" || die "de volledige export las niet gelijk terug"
	jm chart --db "$d\\a.db" --name besparingen -o "$d\\besparingen.png"; expect 0 "1920x1080"
	file -b "$(unix 'gegevens/Zoë café €/besparingen.png')" | grep -q 'PNG image data, 1920 x 1080' || die "chart gaf geen PNG van 1920x1080"
	jm rapport --db "$d\\a.db" -o "$d\\rapport.pdf";  expect 0 "Rapport met"
	pdftotext "$(unix 'gegevens/Zoë café €/rapport.pdf')" "$WORK/rapport.txt"
	grep -q "Rapport voor de gemeenteraad" "$WORK/rapport.txt" || die "het PDF-rapport is onleesbaar"
	jm backup --db "$d\\a.db" -o "$d\\kopie.db";      expect 0 "Reservekopie gemaakt"
	jm backup --db "$d\\a.db" -o "$d\\kopie.db";      expect 1 "al een bestand"
	jm restore --db "$d\\c.db" "$d\\kopie.db";        expect 0 "Teruggezet"
	jm check --db "$d\\c.db";                         expect 0 "Integriteit:  in orde"
	jm export --db "$d\\c.db" --what bereik --format csv; expect 0 "Ambulant jongerenwerk;2025;"
	# a read-only database (attribute set as a Windows user would) opens read-only for check
	chmod a-w "$(unix 'gegevens/Zoë café €/c.db')"
	jm bereik --db "$d\\c.db" --interventie "Ambulant jongerenwerk" --periode 2026 --waarde 1
	[ "$RC" -ne 0 ] || die "schrijven in een alleen-lezen database gaf geen fout"
	log "ok ($RC): schrijven in een alleen-lezen database geweigerd: $(head -n 1 "$WORK/err")"
	# the program's own database: %APPDATA%\Jeugdmonitor\jeugdmonitor.db, made on first use
	jm check;                                         expect 1 "het bestand bestaat niet"
	jm bereik --interventie "Ambulant jongerenwerk" --periode 2024 --waarde 5; expect 0 "Opgeslagen"
	jm check;                                         expect 0 "Integriteit:  in orde"
	[ -f "$WORK/prefix/drive_c/users/gebruiker/AppData/Roaming/Jeugdmonitor/jeugdmonitor.db" ] ||
		die "de eigen database staat niet in %APPDATA%\\Jeugdmonitor"
	log "ok: eigen database in %APPDATA%\\Jeugdmonitor\\jeugdmonitor.db"
}

# wine_cmd LINE runs LINE in Wine's cmd.exe (cwd Z:\work\app), output in
# $WORK/out, exit code in RC.
wine_cmd() {
	RC=0
	wine_in wine cmd /c "cd /d Z:\work\app && $1" >"$WORK/out" 2>"$WORK/err" || RC=$?
	sed -i '/^[0-9a-f]\{4\}:\(err\|fixme\|warn\):/d' "$WORK/err"
}

test_console() {
	log "console: zoals in cmd getypt; 'jeugdmonitor' vindt jeugdmonitor.com (PATHEXT), die wacht op de .exe"
	local d='Z:\work\gegevens'
	mkdir -p "$WORK/gegevens" && chown "$WUID:$WUID" "$WORK/gegevens"
	wine_cmd "jeugdmonitor --versie";                 expect 0 "Jeugdmonitor Zwolle $VERSION"
	wine_cmd "jeugdmonitor nieuw --db $d\\console.db";  expect 0 "Nieuwe database gemaakt"
	wine_cmd "jeugdmonitor check --db $d\\console.db";  expect 0 "Integriteit:  in orde"
	wine_cmd "jeugdmonitor check --db $d\\geen.db";     expect 1 "het bestand bestaat niet"
	wine_cmd "jeugdmonitor export --what iets";        expect 2 "--what moet"
	printf '@echo off\r\njeugdmonitor check --db %s\\geen.db\r\necho exitcode in cmd: %%ERRORLEVEL%%\r\n' "$d" >"$WORK/app/code.bat"
	wine_cmd "code.bat";                              expect 1 "exitcode in cmd: 1"
	wine_cmd "jeugdmonitor export --db $d\\console.db --what interventies --format csv > $d\\via-cmd.csv"
	expect 0 ""
	grep -q '^Naam;Uitvoerder' <(sed '1s/^\xef\xbb\xbf//' "$WORK/gegevens/via-cmd.csv") ||
		die "omleiden met > in cmd gaf geen CSV"
	log "ok: omleiden met > in cmd schrijft de uitvoer naar het bestand"

	log "console: de .exe zelf in een echte Wine-console (pty via script): AttachConsole"
	RC=0
	SHELL=/bin/bash script -qec "$(declare -f wine_in); WROOT='$WROOT' ROOT='$ROOT' WORK='$WORK' WUID='$WUID' DISPLAY='$DISPLAY'; \
		wine_in wine cmd /c 'Z:\work\app\jeugdmonitor.exe --versie'" /dev/null >"$WORK/out" 2>&1 </dev/null || RC=$?
	tr -d '\r' <"$WORK/out" >"$WORK/out.lf" && mv "$WORK/out.lf" "$WORK/out"
	: >"$WORK/err"
	expect 0 "Jeugdmonitor Zwolle $VERSION"
}

# SHOTS is where the screenshots go (bin/wine-*.png).
SHOTS="$BIN"

# window_of PID waits up to 60 s for the visible Jeugdmonitor window and prints its id.
window_of() {
	local pid="$1" wid="" i
	for i in $(seq 1 120); do
		wid="$(xdotool search --onlyvisible --name '^Jeugdmonitor Zwolle' 2>/dev/null | head -n 1 || true)"
		[ -n "$wid" ] && break
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.5
	done
	[ -n "$wid" ] && printf '%s' "$wid"
}

# not_blank PNG fails when the picture is (nearly) one colour.
not_blank() {
	local colours sd
	colours="$(convert "$1" -format '%k' info:)"
	sd="$(convert "$1" -format '%[fx:standard_deviation]' info:)"
	log "$(basename "$1"): $colours kleuren, standaardafwijking $sd"
	[ "$colours" -ge 16 ] && awk -v s="$sd" 'BEGIN { exit !(s >= 0.02) }'
}

# changed A B reports whether two screenshots differ in more than 1 % of their pixels.
changed() {
	local diff
	diff="$(compare -metric AE -fuzz 5% "$1" "$2" null: 2>&1 || true)"
	log "verschil $(basename "$1") -> $(basename "$2"): ${diff%% *} pixels"
	awk -v d="${diff%% *}" 'BEGIN { exit !(d > 1366 * 768 / 100) }'
}

test_window() {
	log "venster: verschijnt, niet leeg, bestandskiezer via het menu geopend en geannuleerd, Ctrl+Q"
	local pid wid rc=0 x y
	wine_in wine 'Z:\work\app\jeugdmonitor.exe' >"$WORK/gui.log" 2>&1 &
	pid=$!
	wid="$(window_of "$pid")" || { cat "$WORK/gui.log" >&2; die "geen venster binnen 60 s"; }
	eval "$(xdotool getwindowgeometry --shell "$wid")" # X, Y, WIDTH, HEIGHT
	log "venster: '$(xdotool getwindowname "$wid")' (${WIDTH}x$HEIGHT op $X,$Y)"
	[ "$WIDTH" -eq 1280 ] && [ "$HEIGHT" -eq 720 ] || die "het venster is ${WIDTH}x$HEIGHT, verwacht 1280x720"
	xdotool mousemove 1365 767
	sleep 5
	import -window root "$SHOTS/wine-venster.png"
	not_blank "$SHOTS/wine-venster.png" || die "het venster lijkt leeg: $SHOTS/wine-venster.png"

	# Bestand > Reservekopie terugzetten… (the item above Afsluiten) opens a file chooser
	x=$((X + 30)) y=$((Y + 14))
	xdotool mousemove "$x" "$y" click 1
	sleep 1
	import -window root "$SHOTS/wine-menu.png"
	changed "$SHOTS/wine-venster.png" "$SHOTS/wine-menu.png" || die "het menu Bestand ging niet open (klik op $x,$y): $SHOTS/wine-menu.png"
	# Up with no item chosen takes the last item (Afsluiten), Up again the one above it
	xdotool key --delay 150 Up Up Return
	sleep 2
	import -window root "$SHOTS/wine-bestandskiezer.png"
	changed "$SHOTS/wine-venster.png" "$SHOTS/wine-bestandskiezer.png" ||
		die "geen bestandskiezer na Bestand > Reservekopie terugzetten…: $SHOTS/wine-bestandskiezer.png"
	# Cancel, at the bottom right of the chooser, which Fyne centres in the 1280x720 window
	x=$((X + 987)) y=$((Y + 637))
	xdotool mousemove "$x" "$y" click 1
	sleep 1
	xdotool mousemove 1365 767
	sleep 1
	import -window root "$SHOTS/wine-geannuleerd.png"
	changed "$SHOTS/wine-bestandskiezer.png" "$SHOTS/wine-geannuleerd.png" ||
		die "de bestandskiezer ging niet dicht met Annuleren (klik op $x,$y): $SHOTS/wine-geannuleerd.png"
	changed "$SHOTS/wine-venster.png" "$SHOTS/wine-geannuleerd.png" &&
		die "na Annuleren ziet het venster er anders uit dan ervoor: $SHOTS/wine-geannuleerd.png"
	kill -0 "$pid" 2>/dev/null || die "het programma stopte na het annuleren"

	xdotool windowfocus "$wid" 2>/dev/null || true
	xdotool key --clearmodifiers ctrl+q
	for _ in $(seq 1 60); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$pid" 2>/dev/null && die "het programma sloot niet binnen 15 s na Ctrl+Q"
	wait "$pid" || rc=$?
	[ "$rc" -eq 0 ] || { cat "$WORK/gui.log" >&2; die "het programma stopte met exitcode $rc na Ctrl+Q"; }
	if grep -Eq '^panic:|fatal error:' "$WORK/gui.log"; then cat "$WORK/gui.log" >&2; die "panic of fatale fout"; fi
	log "ok: venster, bestandskiezer geopend en geannuleerd, Ctrl+Q gaf exitcode 0 (schermafdrukken: bin/wine-*.png)"
}

# NOGL_XVFB is the Xvfb without OpenGL that test_nogl starts, ended on exit.
NOGL_XVFB=""

test_nogl() {
	log "zonder OpenGL: een X-server zonder GLX (zoals een virtueel bureaublad zonder 3D-versnelling)"
	local pid wid rc=0 display="" logfile
	logfile="$(profile 'AppData/Roaming/Jeugdmonitor/jeugdmonitor.log')"
	Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp -extension GLX 3>"$WORK/nogl.display" >"$WORK/nogl.xvfb" 2>&1 &
	NOGL_XVFB=$!
	for _ in $(seq 1 100); do
		display="$(tr -dc '0-9' <"$WORK/nogl.display" 2>/dev/null || true)"
		[ -n "$display" ] && break
		sleep 0.1
	done
	[ -n "$display" ] || die "Xvfb zonder GLX startte niet"
	DISPLAY=":$display" wine_in wine 'Z:\work\app\jeugdmonitor.exe' >"$WORK/nogl.log" 2>&1 &
	pid=$!
	wid=""
	for _ in $(seq 1 120); do
		wid="$(DISPLAY=":$display" xdotool search --onlyvisible --name 'venster kan niet starten' 2>/dev/null | head -n 1 || true)"
		[ -n "$wid" ] && break
		kill -0 "$pid" 2>/dev/null || { cat "$WORK/nogl.log" >&2; die "het programma stopte zonder melding"; }
		sleep 0.5
	done
	[ -n "$wid" ] || { cat "$WORK/nogl.log" >&2; die "geen berichtvenster binnen 60 s"; }
	sleep 1
	import -display ":$display" -window root "$SHOTS/wine-zonder-opengl.png"
	not_blank "$SHOTS/wine-zonder-opengl.png" || die "het berichtvenster lijkt leeg"
	grep -q "geen bruikbare OpenGL-weergave" "$logfile" || die "het logboek $logfile mist de melding"
	grep -q "De opdrachten zonder venster werken wel, ook het PDF-rapport" "$logfile" || die "het logboek mist wat nog werkt"
	log "logboek %APPDATA%\\Jeugdmonitor\\jeugdmonitor.log: $(grep 'Technische melding' "$logfile" | tail -n 1)"
	DISPLAY=":$display" xdotool windowfocus "$wid" 2>/dev/null || true
	DISPLAY=":$display" xdotool key Return
	for _ in $(seq 1 40); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$pid" 2>/dev/null && die "het programma stopte niet na OK"
	wait "$pid" || rc=$?
	[ "$rc" -eq 1 ] || die "exitcode $rc na het ontbreken van OpenGL, verwacht 1"
	kill "$NOGL_XVFB" 2>/dev/null || true
	wait "$NOGL_XVFB" 2>/dev/null || true
	NOGL_XVFB=""
	log "ok: Nederlands berichtvenster (bin/wine-zonder-opengl.png) en logboek, na OK exitcode 1"
}

test_tests() {
	local tags pkgs pkg name rc failed=()
	tags="$(awk '/^\[Migrations\]/ { m = 1 } m && /fyneDo *= *true/ { print "migrated_fynedo"; exit }' "$ROOT/FyneApp.toml")"
	log "go vet voor Windows (GOOS=windows, cgo met mingw-w64: Fyne's OpenGL-driver heeft cgo nodig)"
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc go -C "$ROOT" vet ${tags:+-tags "$tags"} ./...
	mapfile -t pkgs < <(go -C "$ROOT" list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | sed '/^$/d')
	log "testbinaries voor Windows bouwen (${#pkgs[@]} pakketten, go test -c${tags:+ -tags $tags})"
	mkdir -p "$WORK/tests"
	for pkg in "${pkgs[@]}"; do
		name="${pkg//\//_}"
		GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
			go -C "$ROOT" test -c ${tags:+-tags "$tags"} -o "$WORK/tests/$name.test.exe" "$pkg"
	done
	chown -R "$WUID:$WUID" "$WORK/tests"
	local known
	known="$(sed '/^#/d; /^$/d; s/^/     /' "$ROOT/.ci/wine-bekend.txt")"
	log "bekende fouten op Windows, overgeslagen (.ci/wine-bekend.txt): ${known:+$'\n'}${known:-geen}"
	local skip
	for pkg in "${pkgs[@]}"; do
		name="${pkg//\//_}"
		skip="$(awk -v p="${pkg#jeugdmonitor/}" '!/^#/ && $1 == p { printf "%s%s", sep, $2; sep = "|" }' "$ROOT/.ci/wine-bekend.txt")"
		rc=0
		# in the package's folder, as go test runs them (testdata/ is relative)
		wine_in bash -c 'cd "/src/$1" && exec wine "/work/tests/$2.test.exe" -test.v -test.timeout "$3" ${4:+-test.skip "^($4)\$"}' \
			bash "${pkg#jeugdmonitor/}" "$name" "$GO_TEST_TIMEOUT" "$skip" >"$WORK/tests/$name.log" 2>&1 || rc=$?
		if [ "$rc" -eq 0 ] && grep -q '^PASS$' "$WORK/tests/$name.log"; then
			printf 'ok   %-36s (Windows, Wine) %3d tests geslaagd, %d overgeslagen\n' "$pkg" \
				"$(grep -c '^--- PASS' "$WORK/tests/$name.log")" "$(grep -c '^--- SKIP' "$WORK/tests/$name.log")"
			# every skipped test and subtest with its reason: go test -v prints the
			# reason (file.go:N: ..., its last line) after "=== RUN Name", "--- SKIP: Name" later
			awk '/^=== (RUN|CONT)/ { cur = $3; next }
				/^ *--- SKIP: / { print "     overgeslagen: " $3 ": " reason[$3]; next }
				/^ +[^ -].*_test\.go:[0-9]+: / && cur != "" { r = $0; sub(/^ +/, "", r); reason[cur] = r }' \
				"$WORK/tests/$name.log"
		else
			printf 'FAIL %s (Windows, Wine; exitcode %d)\n' "$pkg" "$rc"
			# what failed: the failing tests, their messages, a panic (not the passing tests)
			grep -E -e '--- FAIL|_test\.go:[0-9]+:|^panic|^fatal error|^goroutine [0-9]+ \[running\]' \
				"$WORK/tests/$name.log" | grep -v -e '--- PASS' -e '--- SKIP' | head -n 60
			failed+=("$pkg")
		fi
	done
	[ "${#failed[@]}" -eq 0 ] || die "tests onder Wine mislukt: ${failed[*]}"
}

# profile PATH prints the Linux path of a file under the Wine user's profile.
profile() { printf '%s/prefix/drive_c/users/gebruiker/%s' "$WORK" "$1"; }

test_msi() {
	local msi old="$WORK/oud.msi" installed
	msi="$(ls "$BIN"/jeugdmonitor-"$VERSION".msi)"
	log "MSI-inhoud (msiinfo): $(basename "$msi")"
	msiinfo suminfo "$msi" | sed -n 's/^\(Subject\|Author\|Template\|Source\): */  \1: /p'
	msiinfo export "$msi" Property | grep -E '^(ProductName|ProductVersion|UpgradeCode|Manufacturer)'
	msiinfo export "$msi" File | awk -F'\t' 'NR > 3 { printf "  bestand: %s (%s bytes)\n", $3, $4 }'
	msiinfo export "$msi" Shortcut | awk -F'\t' 'NR > 3 { printf "  snelkoppeling: %s in %s -> %s\n", $3, $2, $5 }'
	# Word Count (msiinfo: "Source") bit 8: no elevated privileges needed, so no UAC prompt
	local wordcount
	wordcount="$(msiinfo suminfo "$msi" | sed -n 's/^Source: \([0-9]*\).*/\1/p')"
	[ $((wordcount & 8)) -eq 8 ] || die "het pakket vraagt beheerdersrechten (Word Count $wordcount zonder bit 8)"
	log "ok: per gebruiker, zonder beheerdersrechten (Word Count $wordcount: bit 8 gezet)"

	# an older version first, to see the new one replace it and keep the database
	local stage
	stage="$(mktemp -d "$WORK/oud.XXXXXX")"
	cp "$ROOT/cmd/jeugdmonitor/jeugdmonitor.wxs" "$BIN/jeugdmonitor.exe" "$BIN/jeugdmonitor.com" "$BIN/jeugdmonitor.ico" "$stage/"
	(cd "$stage" && wixl -a x64 -D Version=0.0.1 -o "$old" jeugdmonitor.wxs)
	cp "$msi" "$WORK/nieuw.msi"
	chown "$WUID:$WUID" "$old" "$WORK/nieuw.msi"

	installed="$(profile 'AppData/Local/Programs/Jeugdmonitor Zwolle')"
	RC=0; wine_in wine msiexec /i 'Z:\work\oud.msi' /qn >"$WORK/out" 2>&1 || RC=$?
	[ "$RC" -eq 0 ] || die "msiexec /i oud.msi /qn: exitcode $RC"
	[ -f "$installed/jeugdmonitor.exe" ] || die "na installeren geen $installed/jeugdmonitor.exe"
	log "ok: versie 0.0.1 per gebruiker geïnstalleerd in %LOCALAPPDATA%\\Programs\\Jeugdmonitor Zwolle"
	# the user's database, made by the installed program in %APPDATA%\Jeugdmonitor
	RC=0; wine_in wine 'C:\users\gebruiker\AppData\Local\Programs\Jeugdmonitor Zwolle\jeugdmonitor.exe' \
		bereik --interventie "Ambulant jongerenwerk" --periode 2030 --waarde 77 >"$WORK/out" 2>&1 || RC=$?
	[ "$RC" -eq 0 ] || { cat "$WORK/out" >&2; die "bereik vastleggen met het geïnstalleerde programma: exitcode $RC"; }

	RC=0; wine_in wine msiexec /i 'Z:\work\nieuw.msi' /qn >"$WORK/out" 2>&1 || RC=$?
	[ "$RC" -eq 0 ] || die "msiexec /i $(basename "$msi") /qn (bijwerken): exitcode $RC"
	RC=0; wine_in wine 'C:\users\gebruiker\AppData\Local\Programs\Jeugdmonitor Zwolle\jeugdmonitor.exe' --versie \
		>"$WORK/out" 2>"$WORK/err" || RC=$?
	expect 0 "Jeugdmonitor Zwolle $VERSION"
	local products
	products="$(wine_in wine reg query 'HKCU\Software\Microsoft\Installer\Products' 2>/dev/null | grep -c 'Products\\' || true)"
	[ "$products" -eq 1 ] || die "na het bijwerken $products producten geregistreerd, verwacht 1 (de oude versie is niet vervangen)"
	log "ok: $(basename "$msi") verving versie 0.0.1 (één product geregistreerd)"
	RC=0; wine_in wine 'C:\users\gebruiker\AppData\Local\Programs\Jeugdmonitor Zwolle\jeugdmonitor.exe' \
		export --what bereik --format csv >"$WORK/out" 2>"$WORK/err" || RC=$?
	expect 0 "Ambulant jongerenwerk;2030;"
	log "ok: de database in %APPDATA%\\Jeugdmonitor bleef bij het bijwerken"
	local lnk
	lnk="$(find "$(profile 'AppData/Roaming/Microsoft/Windows/Start Menu')" -name 'Jeugdmonitor Zwolle.lnk' -print -quit)"
	[ -n "$lnk" ] || die "geen snelkoppeling 'Jeugdmonitor Zwolle' in het Startmenu van de gebruiker"
	log "ok: snelkoppeling ${lnk#"$WORK/prefix/drive_c/"}"

	RC=0; wine_in wine msiexec /x 'Z:\work\nieuw.msi' /qn >"$WORK/out" 2>&1 || RC=$?
	[ "$RC" -eq 0 ] || die "msiexec /x /qn: exitcode $RC"
	[ ! -e "$installed" ] || die "na verwijderen staat er nog: $(ls -A "$installed")"
	[ ! -e "$lnk" ] || die "na verwijderen staat de snelkoppeling er nog"
	[ -f "$(profile 'AppData/Roaming/Jeugdmonitor/jeugdmonitor.db')" ] || die "verwijderen nam de database mee"
	log "ok: verwijderd (programmamap en snelkoppeling weg), de database in %APPDATA%\\Jeugdmonitor staat er nog"
}

main() {
	local steps=("$@")
	[ "${#steps[@]}" -gt 0 ] || steps=(commands console window nogl tests msi)
	[ -f "$BIN/jeugdmonitor.exe" ] || die "bin/jeugdmonitor.exe ontbreekt (./build.sh windows)"
	VERSION="$(awk -F'"' '/^[[:space:]]*Version[[:space:]]*=/ { print $2; exit }' "$ROOT/FyneApp.toml")"
	make_root
	log "$(cat "$MARK") in $WROOT"
	WORK="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-wine.XXXXXX")"
	trap cleanup EXIT
	mkdir -p "$WORK/app"
	cp "$BIN/jeugdmonitor.exe" "$BIN/jeugdmonitor.com" "$WORK/app/"
	chown -R "$WUID:$WUID" "$WORK"
	log "Wine-prefix maken"
	wine_in wineboot --init >/dev/null 2>&1 || die "wineboot --init mislukt"
	local step
	for step in "${steps[@]}"; do
		case "$step" in
		commands | console | window | nogl | tests | msi) "test_$step" ;;
		*) die "onbekende stap: $step" ;;
		esac
	done
	log "alles geslaagd: ${steps[*]}"
}

main "$@"
