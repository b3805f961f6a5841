#!/usr/bin/env bash
# build.sh: the one build entry point of Jeugdmonitor Zwolle.
#
#   ./build.sh run [args...]   build bin/jeugdmonitor and start it with args
#   ./build.sh test            gofmt -l, go vet ./..., go test ./...
#   ./build.sh windows         cross-build bin/jeugdmonitor.exe (icon + version resource) and
#                              its console companion bin/jeugdmonitor.com
#   ./build.sh msi             windows, then the installer bin/jeugdmonitor-VERSION.msi (wixl)
#                              and the portable bin/jeugdmonitor-VERSION-windows.zip
#   ./build.sh wine [steps]    msi, then test it all under Wine 10 in a Debian 13 root
#                              (.ci/wine.sh: commands, console, window, tests, msi; as root)
#   ./build.sh smoke [shot]    start the GUI under Xvfb, screenshot it, quit it with Ctrl+Q
#   ./build.sh journey         a user's journey with the real program under Xvfb (.ci/journey.sh)
#   ./build.sh fuzz [time]     run every go test -fuzz target for a short time (default 10s each)
#   ./build.sh race            go test -race -short ./... (the tests under the race detector)
#   ./build.sh build           only build bin/jeugdmonitor
#   ./build.sh deps            only install the Debian packages the targets need
#
# Works from any directory, as root or as a normal user with sudo, without
# standard input (CI=true makes every step strictly non-interactive).
#
# Environment: JEUGDMONITOR_SMOKE_DB  database file for smoke (default: a new temp file)
#              GO_TEST_TIMEOUT        -timeout for go test (default 10m)
#              GO_RACE_TIMEOUT        -timeout for go test -race (default 25m)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="$ROOT/bin"
PKG="./cmd/jeugdmonitor"          # the main package, relative to ROOT
APP_TOML="$ROOT/FyneApp.toml"

# fyne.io/tools v1.7.4 is built against fyne.io/fyne/v2 v2.8.1, the version go.mod pins.
FYNE_TOOLS_VERSION="v1.7.4"

# Debian packages per purpose. Each list is installed only when something in it is missing.
LINUX_DEPS=(gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev)
# poppler-utils: pdftotext/pdfinfo read the PDF report; libreoffice-calc opens exported
# workbooks and writes workbooks to import; libreoffice-impress opens the .pptx presentation;
# util-linux's setpriv runs a test as 'nobody'; postgresql gives the team tests a throwaway
# server of their own (data/team/pgtest: initdb and pg_ctl on a local port, as user postgres).
TEST_DEPS=(poppler-utils libreoffice-calc libreoffice-impress util-linux postgresql)
WINDOWS_DEPS=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 file)
MSI_DEPS=(wixl msitools zip imagemagick)
# debootstrap makes the Debian 13 root Wine runs in; pdftotext reads the report made there
WINE_DEPS=(debootstrap util-linux poppler-utils)
SMOKE_DEPS=(xvfb xdotool imagemagick libgl1-mesa-dri)
# x11-xkb-utils: xkbcomp gives the journey's keyboard ë and €; libreoffice-impress, poppler-utils,
# unzip and file check the report, the .pptx and the chart the journey writes; xclip puts a block
# copied from a spreadsheet on the clipboard; tesseract-ocr(-nld) reads the window's messages
# postgresql gives the team step a server of its own
JOURNEY_DEPS=(x11-xkb-utils postgresql libreoffice-calc libreoffice-impress poppler-utils unzip file xclip tesseract-ocr tesseract-ocr-nld)

CI="${CI:-false}"
GO_TEST_TIMEOUT="${GO_TEST_TIMEOUT:-10m}"
# the race detector makes chart drawing several times slower: the CLI package
# (ten charts at twice the projector size for a .pptx) neared 10 minutes there
GO_RACE_TIMEOUT="${GO_RACE_TIMEOUT:-25m}"

# ---------------------------------------------------------------------------
# helpers

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: FOUT: %s\n' "$*" >&2; exit 1; }

is_ci() { [ "$CI" = "true" ] || [ "$CI" = "1" ]; }

usage() {
	awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"
}

# find_go makes sure a Go toolchain is on PATH (CI machines may only have /usr/local/go).
find_go() {
	if ! command -v go >/dev/null 2>&1; then
		if [ -x /usr/local/go/bin/go ]; then
			export PATH="/usr/local/go/bin:$PATH"
		else
			die "Go is niet gevonden (verwacht: go op PATH of /usr/local/go/bin/go)"
		fi
	fi
}

# toml_get SECTION KEY prints the value of KEY in [SECTION] of FyneApp.toml (quotes removed).
toml_get() {
	awk -v sec="$1" -v key="$2" '
		/^[[:space:]]*\[/ { s = $0; gsub(/[][[:space:]]/, "", s); cur = s; next }
		cur == sec {
			line = $0
			sub(/^[[:space:]]+/, "", line)
			n = index(line, "=")
			if (n == 0) next
			k = substr(line, 1, n - 1); gsub(/[[:space:]]+$/, "", k)
			if (k != key) next
			v = substr(line, n + 1)
			sub(/^[[:space:]]+/, "", v)
			if (v ~ /^"/) { v = substr(v, 2); sub(/".*$/, "", v) } else { sub(/[[:space:]]*#.*$/, "", v); sub(/[[:space:]]+$/, "", v) }
			print v
			exit
		}' "$APP_TOML"
}

app_version() {
	local v=""
	[ -f "$APP_TOML" ] && v="$(toml_get Details Version)"
	printf '%s' "${v:-0.0.0}"
}

# go_tags prints the build tags every build of this program uses. FyneApp.toml's
# [Migrations] fyneDo = true means the code is migrated to fyne.Do; the fyne CLI
# then builds with the tag migrated_fynedo, and so must a plain go build.
go_tags() {
	if [ -f "$APP_TOML" ] && [ "$(toml_get Migrations fyneDo)" = "true" ]; then
		printf 'migrated_fynedo'
	fi
}

# ---------------------------------------------------------------------------
# Debian packages

APT_UPDATED=0
SUDO=()

setup_sudo() {
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=()
	elif command -v sudo >/dev/null 2>&1; then
		# without a terminal (or in CI) sudo must not wait for a password
		if is_ci || [ ! -t 0 ]; then SUDO=(sudo -n); else SUDO=(sudo); fi
	else
		die "pakketten ontbreken en dit is geen root; installeer sudo of draai als root"
	fi
}

apt_get() {
	"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get -o DPkg::Lock::Timeout=600 "$@"
}

# ensure_deps PKG... installs only the packages that dpkg does not know as installed.
ensure_deps() {
	local missing=() p
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$p")
		fi
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	command -v apt-get >/dev/null 2>&1 || die "ontbrekende pakketten (${missing[*]}) en geen apt-get op deze machine"
	setup_sudo
	log "Debian-pakketten installeren: ${missing[*]}"
	if [ "$APT_UPDATED" -eq 0 ]; then
		local i
		for i in 1 2 3; do
			apt_get update -q </dev/null && break
			[ "$i" -eq 3 ] && die "apt-get update mislukt${SUDO:+ (via ${SUDO[*]}: zonder terminal of met CI=true moet sudo werken zonder wachtwoord)}"
			log "apt-get update mislukt, opnieuw over 10 s ($i/3)"; sleep 10
		done
		APT_UPDATED=1
	fi
	apt_get install -y -q --no-install-recommends "${missing[@]}" </dev/null
}

# ---------------------------------------------------------------------------
# builds

# build_linux builds bin/jeugdmonitor for this machine.
build_linux() {
	find_go
	ensure_deps "${LINUX_DEPS[@]}"
	mkdir -p "$BIN"
	local version tags
	version="$(app_version)"
	tags="$(go_tags)"
	log "go build $PKG -> bin/jeugdmonitor (versie $version${tags:+, tags $tags})"
	go -C "$ROOT" build ${tags:+-tags "$tags"} \
		-ldflags "-X main.version=$version" \
		-o "$BIN/jeugdmonitor" "$PKG"
}

cmd_run() {
	build_linux
	log "start bin/jeugdmonitor $*"
	exec "$BIN/jeugdmonitor" "$@"
}

cmd_test() {
	find_go
	ensure_deps "${LINUX_DEPS[@]}" "${TEST_DEPS[@]}"
	local tags files unformatted
	tags="$(go_tags)"

	log "gofmt -l"
	mapfile -t files < <(find "$ROOT" \( -name .git -o -name bin -o -name testdata -o -name node_modules \) -prune \
		-o -type f -name '*.go' -print | sort)
	if [ "${#files[@]}" -gt 0 ]; then
		unformatted="$(gofmt -l "${files[@]}")"
		if [ -n "$unformatted" ]; then
			printf '%s\n' "$unformatted" | sed "s|^$ROOT/|  |" >&2
			die "bovenstaande bestanden zijn niet gegofmt (draai: gofmt -w <bestand>)"
		fi
	fi

	log "go vet ./...${tags:+ (tags $tags)}"
	go -C "$ROOT" vet ${tags:+-tags "$tags"} ./...

	log "go test ./... (timeout $GO_TEST_TIMEOUT${tags:+, tags $tags})"
	go -C "$ROOT" test ${tags:+-tags "$tags"} -timeout "$GO_TEST_TIMEOUT" ./...
}

# cmd_race runs the tests under the race detector, short (the kill test with
# 20 kills instead of 200), so that background work racing with the screens
# or the store is caught.
cmd_race() {
	find_go
	ensure_deps "${LINUX_DEPS[@]}" "${TEST_DEPS[@]}"
	local tags
	tags="$(go_tags)"
	log "go test -race -short ./... (timeout $GO_RACE_TIMEOUT${tags:+, tags $tags})"
	go -C "$ROOT" test -race -short ${tags:+-tags "$tags"} -timeout "$GO_RACE_TIMEOUT" ./...
}

# cmd_fuzz runs every fuzz target of the module for a bounded time each.
cmd_fuzz() {
	find_go
	ensure_deps "${LINUX_DEPS[@]}"
	local fuzztime="${1:-10s}" tags file pkg name out
	tags="$(go_tags)"
	while IFS=: read -r file name; do
		pkg="./$(dirname "${file#"$ROOT"/}")"
		log "go test -fuzz $name $pkg (-fuzztime $fuzztime)"
		out="$(mktemp)"
		if go -C "$ROOT" test ${tags:+-tags "$tags"} -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg" 2>&1 | tee "$out"; then
			rm -f "$out"
			continue
		fi
		# Go 1.26's fuzz coordinator can report a bare "context deadline exceeded" when
		# -fuzztime ends while a worker is mid-run (go.dev/issue/75804, fixed in Go 1.27).
		# That finds nothing: no failing input is written. Anything else is a real failure.
		if grep -q 'context deadline exceeded' "$out" && ! grep -q 'Failing input written' "$out"; then
			log "$name: alleen de bekende deadline-melding van Go's fuzzer, geen gevonden invoer; de corpus opnieuw afspelen"
			rm -f "$out"
			go -C "$ROOT" test ${tags:+-tags "$tags"} -run "^${name}\$" "$pkg"
			continue
		fi
		rm -f "$out"
		die "fuzzdoel $name in $pkg vond een fout (zie hierboven; de invoer staat in testdata/fuzz/$name)"
	done < <(grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' "$ROOT/data" "$ROOT/ui" "$ROOT/cmd" |
		sed 's/:func /:/' | sort)
}

# fyne_tool prints the path of the pinned fyne CLI, installing it on first use.
fyne_tool() {
	local dir="${XDG_CACHE_HOME:-$HOME/.cache}/jeugdmonitor/tools/fyne-$FYNE_TOOLS_VERSION"
	if [ ! -x "$dir/fyne" ]; then
		log "fyne CLI installeren: fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
		mkdir -p "$dir"
		# GOOS/GOARCH/CC of a cross build must not leak into the tool's own build
		env -u GOOS -u GOARCH -u CC -u GOFLAGS GOBIN="$dir" \
			go install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION" >&2
	fi
	printf '%s' "$dir/fyne"
}

cmd_windows() {
	find_go
	ensure_deps "${LINUX_DEPS[@]}" "${WINDOWS_DEPS[@]}"
	[ -f "$APP_TOML" ] || die "FyneApp.toml ontbreekt in $ROOT"
	[ -f "$ROOT/$PKG/main.go" ] || die "$PKG/main.go ontbreekt"
	local icon version build name fyne exe stage
	icon="$(toml_get Details Icon)"
	version="$(app_version)"
	build="$(toml_get Details Build)"
	name="$(toml_get Details Name)"
	if [ -z "$icon" ] || [ ! -f "$ROOT/$icon" ]; then die "icoon uit FyneApp.toml niet gevonden: '$icon'"; fi
	fyne="$(fyne_tool)"

	# fyne package writes FyneApp.toml (build number +1), fyne.syso, an .ico, a manifest,
	# fyne_metadata_init.go and the .exe into the folder it packages. Do that in a copy
	# of the tree so the working tree (and anyone building in it) is never touched.
	stage="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-windows.XXXXXX")"
	CLEANUP_DIR="$stage"
	trap 'rm -rf "$CLEANUP_DIR"' EXIT
	tar -C "$ROOT" --exclude=./.git --exclude=./bin -cf - . | tar -C "$stage" -xf -
	cp "$APP_TOML" "$stage/$PKG/FyneApp.toml"   # fyne package reads it from --src

	# fyne package without an existing --exe builds twice (without, then with the
	# resource), and its first build consumes the -ldflags it takes from GOFLAGS, so
	# the final .exe would lack -X main.version (fyne.io/tools v1.7.4). With an
	# existing --exe it builds once, after writing the resource, over that file.
	: >"$stage/$PKG/jeugdmonitor.exe"

	log "fyne package --os windows (versie $version, build ${build:-1}) -> bin/jeugdmonitor.exe"
	(
		cd "$stage/$PKG"
		export CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
		# the fyne CLI adds -H=windowsgui itself and takes extra linker flags from GOFLAGS
		export GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-X=main.version=$version"
		# no_emoji leaves out Fyne's colour emoji font (4,2 MB), which the program's texts
		# do not use, to keep the .exe under 35 MB; an emoji typed in a field shows as a box.
		# nopgxregisterdefaulttypes leaves out pgx's generic variants of every PostgreSQL type
		# (1,45 MB; the team sync passes its arrays as pgtype.Array, see data/team).
		# nethttpomithttp2 leaves out net/http's HTTP/2 (0,39 MB): the only web requests,
		# Bijwerken vanuit CBS (data/cbs/odata) and Fyne's http URIs, are plain GETs that
		# then go over HTTP/1.1, which every server speaks.
		"$fyne" package --verbose --os windows --release --tags no_emoji,nopgxregisterdefaulttypes,nethttpomithttp2 --src "$stage/$PKG" \
			--exe "$stage/$PKG/jeugdmonitor.exe" \
			--icon "$stage/$icon" --app-version "$version" --app-build "${build:-1}"
	) 2>&1 | tee "$stage/fyne-package.log" >&2
	grep '^Running .* build ' "$stage/fyne-package.log" | tail -n 1 | grep -q -- "-X=main.version=$version" ||
		die "de Windows-build kreeg -X main.version=$version niet mee (zie de regel 'Running ... build' hierboven)"
	exe="$(find "$stage/$PKG" -maxdepth 1 -name '*.exe' -size +0 -print -quit)"
	[ -n "$exe" ] || die "fyne package gaf geen .exe (verwacht '${name:-jeugdmonitor}.exe')"
	mkdir -p "$BIN"
	mv -f "$exe" "$BIN/jeugdmonitor.exe"
	verify_exe "$BIN/jeugdmonitor.exe"
	rm -rf "$stage"
	trap - EXIT

	# cmd and PowerShell wait for a console program, not for a GUI one: typed as
	# "jeugdmonitor check", Windows takes jeugdmonitor.com first (PATHEXT), which
	# runs the .exe beside it, waits and passes its exit code on
	log "go build ./cmd/jeugdmonitor-console -> bin/jeugdmonitor.com"
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go -C "$ROOT" build -trimpath -ldflags "-s -w" \
		-o "$BIN/jeugdmonitor.com" ./cmd/jeugdmonitor-console
	file -b "$BIN/jeugdmonitor.com" | grep -q '^PE32+ executable (console) x86-64' ||
		die "bin/jeugdmonitor.com is geen console-programma voor x86-64: $(file -b "$BIN/jeugdmonitor.com")"
	local size
	size="$(stat -c %s "$BIN/jeugdmonitor.exe")"
	log "bin/jeugdmonitor.exe: $size bytes ($(awk -v s="$size" 'BEGIN { printf "%.2f", s / 1e6 }' | tr . ,) MB; grens 35 MB)"
	[ "$size" -le 35000000 ] || die "bin/jeugdmonitor.exe is groter dan 35 MB (35.000.000 bytes)"
}

# cmd_msi builds the per-user installer and the portable zip from the Windows build.
cmd_msi() {
	cmd_windows
	ensure_deps "${MSI_DEPS[@]}"
	local version stage msi zip
	version="$(app_version)"
	msi="$BIN/jeugdmonitor-$version.msi"
	zip="$BIN/jeugdmonitor-$version-windows.zip"
	stage="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-msi.XXXXXX")"
	CLEANUP_DIR="$stage"
	trap 'rm -rf "$CLEANUP_DIR"' EXIT
	# wixl finds the files named in the .wxs beside it; the icon of the Start-menu
	# shortcut and of Apps & features is the program's icon in the usual sizes
	convert "$ROOT/$(toml_get Details Icon)" -define icon:auto-resize=256,64,48,32,16 "$BIN/jeugdmonitor.ico"
	cp "$ROOT/$PKG/jeugdmonitor.wxs" "$BIN/jeugdmonitor.exe" "$BIN/jeugdmonitor.com" "$BIN/jeugdmonitor.ico" "$stage/"
	log "wixl -> bin/$(basename "$msi") (versie $version, per gebruiker)"
	(cd "$stage" && wixl -a x64 -D Version="$version" -o "$stage/out.msi" jeugdmonitor.wxs)
	mv -f "$stage/out.msi" "$msi"
	msiinfo export "$msi" Property | tr -d '\r' | grep -qx "ProductVersion	$version" || die "$msi draagt versie $version niet"
	log "zip -> bin/$(basename "$zip") (draagbaar: uitpakken en jeugdmonitor.exe starten)"
	mkdir -p "$stage/zip/Jeugdmonitor Zwolle"
	cp "$BIN/jeugdmonitor.exe" "$BIN/jeugdmonitor.com" "$stage/zip/Jeugdmonitor Zwolle/"
	rm -f "$zip"
	(cd "$stage/zip" && zip -q -X -r "$zip" "Jeugdmonitor Zwolle")
	log "ok: $(basename "$msi") ($(du -h "$msi" | cut -f1)), $(basename "$zip") ($(du -h "$zip" | cut -f1))"
	rm -rf "$stage"
	trap - EXIT
}

# verify_exe checks that a file is a 64-bit Windows GUI program with an icon and version resource.
verify_exe() {
	local exe="$1" desc dump
	desc="$(file -b "$exe")"
	case "$desc" in
	PE32+*"(GUI)"*x86-64*) ;;
	*) die "$exe is geen PE32+ GUI-programma voor x86-64: $desc" ;;
	esac
	dump="$(x86_64-w64-mingw32-objdump -p "$exe")"
	grep -q 'Subsystem.*(Windows GUI)' <<<"$dump" || die "$exe: subsystem is niet Windows GUI"
	# the resource types at the top of the .rsrc directory ("NNN   Entry: ID: 0x000003, ...")
	local types
	types="$(awk '/The .rsrc Resource Directory section/ { on = 1; next }
		on && /^[0-9a-f]+   Entry: ID: / { sub(/,.*/, ""); sub(/.*ID: /, ""); printf "%s ", $0 }' <<<"$dump")"
	# 3 = RT_ICON, 0xe = RT_GROUP_ICON, 0x10 = RT_VERSION
	[[ " $types" == *" 0x000003 "* ]] || die "$exe: geen icoon-resource (typen: ${types:-geen})"
	[[ " $types" == *" 0x00000e "* ]] || die "$exe: geen icoongroep-resource (typen: $types)"
	[[ " $types" == *" 0x000010 "* ]] || die "$exe: geen versie-resource (typen: $types)"
	log "ok: $(basename "$exe"): $desc, $(du -h "$exe" | cut -f1), icoon en versie-resource aanwezig"
}

# ---------------------------------------------------------------------------
# smoke test: a real window under Xvfb

# globals, so that the EXIT trap still sees them when a step fails
xvfb_pid=""
app_pid=""
CLEANUP_DIR=""

# stop_pid PID ends a process this script started: TERM, then KILL after 3 s.
stop_pid() {
	local pid="$1" i
	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null || return 0
	for i in $(seq 1 30); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

smoke_cleanup() {
	stop_pid "$app_pid"
	stop_pid "$xvfb_pid"
	app_pid="" xvfb_pid=""
	if [ -n "$CLEANUP_DIR" ]; then rm -rf "$CLEANUP_DIR"; fi
}

# start_xvfb DIR starts an Xvfb on a free display (files in DIR), sets
# xvfb_pid and exports DISPLAY.
start_xvfb() {
	local dir="$1" display="" i
	# Xvfb picks a free display itself and reports its number on fd 3
	Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp -noreset 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
	xvfb_pid=$!
	for i in $(seq 1 100); do
		display="$(tr -dc '0-9' <"$dir/display" 2>/dev/null || true)"
		[ -n "$display" ] && break
		kill -0 "$xvfb_pid" 2>/dev/null || { cat "$dir/xvfb.log" >&2; die "Xvfb is niet gestart"; }
		sleep 0.1
	done
	[ -n "$display" ] || die "Xvfb gaf geen displaynummer binnen 10 s"
	export DISPLAY=":$display"
	log "Xvfb draait op $DISPLAY (1366x768x24)"
}

# cmd_wine builds the installer and tests the Windows build under Wine
# (.ci/wine.sh, steps as arguments), on an Xvfb of its own.
cmd_wine() {
	[ "$(id -u)" -eq 0 ] || die "./build.sh wine draait als root (debootstrap, chroot, mount)"
	cmd_msi
	ensure_deps "${SMOKE_DEPS[@]}" "${WINE_DEPS[@]}"
	local tmp
	tmp="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-winex.XXXXXX")"
	CLEANUP_DIR="$tmp"
	trap smoke_cleanup EXIT
	start_xvfb "$tmp"
	"$ROOT/.ci/wine.sh" "$@"
	smoke_cleanup
	trap - EXIT
}

cmd_smoke() {
	local shot="${1:-$BIN/smoke.png}"
	case "$shot" in /*) ;; *) shot="$PWD/$shot" ;; esac
	ensure_deps "${SMOKE_DEPS[@]}"
	build_linux

	local tmp wid="" i
	tmp="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-smoke.XXXXXX")"
	CLEANUP_DIR="$tmp"
	trap smoke_cleanup EXIT

	start_xvfb "$tmp"

	# a private, empty config dir, so the test neither reads nor writes the
	# user's own settings; without JEUGDMONITOR_SMOKE_DB the program opens its
	# own database there, as `./build.sh run` does on a fresh machine
	mkdir -p "$tmp/config" "$tmp/cache" "$tmp/runtime"
	chmod 700 "$tmp/runtime"
	local args=() db="$tmp/config/Jeugdmonitor/jeugdmonitor.db"
	if [ -n "${JEUGDMONITOR_SMOKE_DB:-}" ]; then
		db="$JEUGDMONITOR_SMOKE_DB"
		args=(--db "$db")
	fi
	log "start bin/jeugdmonitor ${args[*]:-(eigen database: $db)}"
	XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime" \
		"$BIN/jeugdmonitor" "${args[@]}" >"$tmp/app.log" 2>&1 </dev/null &
	app_pid=$!

	smoke_fail() {
		printf -- '--- uitvoer van jeugdmonitor ---\n' >&2
		tail -n 40 "$tmp/app.log" >&2 || true
		die "smoke: $*"
	}

	for i in $(seq 1 60); do
		wid="$(xdotool search --onlyvisible --name 'Jeugdmonitor' 2>/dev/null | head -n 1 || true)"
		[ -n "$wid" ] && break
		kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || true; app_pid=""; smoke_fail "het programma stopte voordat er een venster was"; }
		sleep 0.5
	done
	[ -n "$wid" ] || smoke_fail "geen zichtbaar venster met 'Jeugdmonitor' in de titel binnen 30 s"
	log "venster gevonden: '$(xdotool getwindowname "$wid")' ($(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p'))"

	# keep the pointer off the window (no hover highlight), then let the first frames render
	xdotool mousemove 1365 767 2>/dev/null || true
	sleep 3
	mkdir -p "$(dirname "$shot")"
	import -window root "$shot"
	import -window "$wid" "$tmp/window.png"
	local colours sd
	colours="$(convert "$tmp/window.png" -format '%k' info:)"
	sd="$(convert "$tmp/window.png" -format '%[fx:standard_deviation]' info:)"
	log "schermafdruk: $shot (venster: $colours kleuren, standaardafwijking $sd)"
	if [ "$colours" -lt 16 ] || awk -v s="$sd" 'BEGIN { exit !(s < 0.02) }'; then
		smoke_fail "het venster lijkt leeg ($colours kleuren, standaardafwijking $sd); zie $shot"
	fi

	log "afsluiten met Ctrl+Q"
	xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid" || true
	xdotool key --clearmodifiers ctrl+q
	for i in $(seq 1 40); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.25
	done
	if kill -0 "$app_pid" 2>/dev/null; then
		smoke_fail "het programma sloot niet binnen 10 s na Ctrl+Q"
	fi
	local rc=0
	wait "$app_pid" || rc=$?
	app_pid=""
	[ "$rc" -eq 0 ] || smoke_fail "het programma stopte met exitcode $rc"
	if grep -Eq '^panic:|fatal error:|SIGSEGV' "$tmp/app.log"; then
		smoke_fail "het programma meldde een panic of fatale fout"
	fi
	"$BIN/jeugdmonitor" check --db "$db" >"$tmp/check.log" 2>&1 ||
		{ cat "$tmp/check.log" >&2; smoke_fail "de database $db is niet gemaakt of niet gaaf"; }
	log "smoke ok: venster getoond, schermafdruk niet leeg, netjes afgesloten (exitcode 0)"
	smoke_cleanup
	trap - EXIT
}

# cmd_journey drives the real program through a user's journey with the
# keyboard and the mouse (.ci/journey.sh: one function per step) and checks
# the files and the database afterwards; on failure it prints the folder with
# the screenshots.
cmd_journey() {
	ensure_deps "${SMOKE_DEPS[@]}" "${JOURNEY_DEPS[@]}"
	build_linux
	"$ROOT/.ci/journey.sh" "$BIN/jeugdmonitor"
}

# ---------------------------------------------------------------------------

main() {
	local cmd="${1:-help}"
	[ $# -gt 0 ] && shift
	case "$cmd" in
	run) cmd_run "$@" ;;
	test) cmd_test ;;
	windows) cmd_windows ;;
	msi) cmd_msi ;;
	wine) cmd_wine "$@" ;;
	smoke) cmd_smoke "$@" ;;
	journey) cmd_journey ;;
	fuzz) cmd_fuzz "$@" ;;
	race) cmd_race ;;
	build) build_linux ;;
	deps) ensure_deps "${LINUX_DEPS[@]}" "${TEST_DEPS[@]}" "${WINDOWS_DEPS[@]}" "${MSI_DEPS[@]}" "${SMOKE_DEPS[@]}" "${WINE_DEPS[@]}" "${JOURNEY_DEPS[@]}" ;;
	help | -h | --help) usage ;;
	*) usage >&2; die "onbekend commando: $cmd" ;;
	esac
}

main "$@"
