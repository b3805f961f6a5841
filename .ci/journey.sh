#!/usr/bin/env bash
# journey.sh: a user's journey through the real program, driven with the
# keyboard and the mouse (xdotool) under Xvfb, checked afterwards with the
# command line and LibreOffice. Run it through `./build.sh journey`, which
# builds bin/jeugdmonitor and installs what it needs.
#
#   .ci/journey.sh BIN
#
# Every step is one function `stap_<naam>`; STAPPEN lists them in order. To
# add a step, write a function and put its name in STAPPEN.
# Helpers for steps: toets, typ, klik, menu, wacht_op_bestand, wacht_op_cijfer,
# toont (reads the window with OCR), foto, faal.
#
# On failure the screenshots, the program's output and the files the journey
# made stay in the folder printed at the end; on success it is removed
# (JOURNEY_KEEP=1 keeps it).
set -euo pipefail

BIN="${1:?gebruik: journey.sh BIN (bin/jeugdmonitor)}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

STAPPEN=(
	stap_nieuwe_database
	stap_bereik_invoeren
	stap_ctrl_z_in_een_veld
	stap_kiezer_annuleren
	stap_exporteren_xlsx
	stap_reservekopie
	stap_terugzetten
	stap_importeren_xlsx
	stap_doelstelling_venster
	stap_twee_maten
	stap_maat_kiezen
	stap_plakken_uit_excel
	stap_correctie_begroting
	stap_formule_als_bron
	stap_vijandige_import
	stap_rapport_pdf
	stap_presentatie_pptx
	stap_grafiek_png
	stap_presenteren
	stap_afsluiten
	stap_controle_cli
	stap_controle_libreoffice
	stap_controle_reservekopie
	stap_controle_rapport
	stap_team_inrichten_en_aansluiten
	stap_teamdatabase_met_toetsenbord
	stap_invoer_blijft_bij_synchroniseren
	stap_draadcontrole
)

# The items of the Bestand menu in their order (separators do not count):
# the menu is opened with Alt and an item chosen with Down and Enter, so a
# step names the item and does not depend on pixels. Keep in step with
# ui/app.go.
BESTAND=(
	"Database openen…"
	"Nieuwe database…"
	"Importeren uit Excel, CSV of CBS…"
	"Bijwerken vanuit CBS…"
	"Exporteren naar Excel, CSV of JSON…"
	"Rapport voor de raad (PDF)…"
	"Presentatie opslaan als PowerPoint (.pptx)…"
	"Synchroniseren met het team"
	"Conflicten…"
	"Reservekopie maken…"
	"Reservekopie terugzetten…"
	"Afsluiten"
)

WERK="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-reis.XXXXXX")"
# folders with the characters that broke file names before
DBMAP="$WERK/Jeugd #1 ë €"
UITMAP="$WERK/Uitvoer 100% #2 ë"
mkdir -p "$DBMAP" "$UITMAP" "$WERK/config" "$WERK/cache" "$WERK/runtime" "$WERK/fotos"
chmod 700 "$WERK/runtime"
DB="$DBMAP/reis.db"
XLSX="$UITMAP/alles #ë €.xlsx"
KOPIE="$UITMAP/kopie 100% ë.db"
RAPPORT="$UITMAP/raad #3 ë €.pdf"
PPTX="$UITMAP/raad 100% ë.pptx"
GRAFIEK="$UITMAP/jeugdhulp #ë.png"
# the figure the journey enters, and how the CLI writes it back
INTERVENTIE="Jongerencentra"
PERIODE="2024"
BEREIK_GETYPT="1.400"
BEREIK_WAARDE="1400"
# the figure the journey imports from a workbook that LibreOffice writes
IMPORT_CSV="$WERK/import.csv"
IMPORT_XLSX="$UITMAP/import #ë.xlsx"
IMPORT_INTERVENTIE="Match"
IMPORT_WAARDE="55"
# the intervention that gets a target for 2025 in the window, and then two
# measures for 2025 (issue 12)
DOEL_INTERVENTIE="Ambulant jongerenwerk"
# the reach figures the journey adds, as the CLI's CSV export begins their
# lines (interventie;periode;soort;waarde;tot;eenheid;maat;status;bron;notitie)
NIEUWE_CIJFERS=(
	"$INTERVENTIE;$PERIODE;precies;$BEREIK_WAARDE;;jongeren;jongeren;definitief;"
	"$IMPORT_INTERVENTIE;$PERIODE;precies;$IMPORT_WAARDE;"
	"$DOEL_INTERVENTIE;2025;precies;3650;;jongeren;jongeren;definitief;"
	"$DOEL_INTERVENTIE;2025;precies;212;;activiteiten;groepsactiviteiten;definitief;"
	"Doorbraakmethode IPW;2025;precies;21;;gezinnen;gezinnen geholpen in de pilotfase;definitief;;vervolg op de pilot;"
	'Proeftuin samenspel in de wijk;2025;precies;180;;casussen;casussen besproken;definitief;;"uit ""Excel""";'
	"Proeftuin samenspel in de wijk;2025;precies;117;;partners;partners betrokken;definitief;;;"
	"$INTERVENTIE;2023;precies;1350;;jongeren;jongeren;definitief;'=1+1;'@SOM(1);"
)

# the team (#16): a PostgreSQL server of the journey's own, the first
# laptop's database that sets up the team database, the colleague's own
# database and the new database joining makes for the team, and the figure
# entered in that one
TEAMMAP="$WERK/team"
TEAM_EERSTE="$TEAMMAP/anna.db"
TEAM_EIGEN="$TEAMMAP/bram eigen.db"
TEAM_KOPIE="$TEAMMAP/bram team #1 ë.db"
TEAM_CIJFER="$INTERVENTIE;2018;precies;1234;"
pg_map="" pg_bin="" TEAM_RIJ=0

# JOURNEY_STAPPEN="stap_a stap_b" runs only those steps (to try a step)
if [ -n "${JOURNEY_STAPPEN:-}" ]; then
	read -r -a STAPPEN <<<"$JOURNEY_STAPPEN"
fi

xvfb_pid="" app_pid="" stap="" fotonr=0 geslaagd=0

log() { printf '==> reis: %s\n' "$*" >&2; }

opruimen() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	stop_postgres
	if [ "$geslaagd" -eq 1 ] && [ -z "${JOURNEY_KEEP:-}" ]; then
		rm -rf "$WERK"
	else
		printf '==> reis: schermafdrukken, uitvoer en bestanden staan in %s\n' "$WERK" >&2
	fi
}
trap opruimen EXIT

# faal stops the journey with a message naming the step.
faal() {
	foto "fout" || true
	printf 'reis: FOUT in %s: %s\n' "$stap" "$*" >&2
	if [ -f "$WERK/app.log" ]; then
		printf -- '--- uitvoer van jeugdmonitor (laatste regels) ---\n' >&2
		tail -n 30 "$WERK/app.log" >&2
	fi
	exit 1
}

# foto saves a screenshot of the whole screen, numbered in order.
foto() {
	fotonr=$((fotonr + 1))
	import -window root "$WERK/fotos/$(printf '%02d' "$fotonr")-${stap#stap_}-$1.png" 2>/dev/null
}

# leeft fails when the program is gone.
leeft() {
	kill -0 "$app_pid" 2>/dev/null || { wait "$app_pid" || true; app_pid=""; faal "het programma is gestopt"; }
}

toets() { leeft; xdotool key --clearmodifiers --delay 60 "$@"; sleep 0.4; }
typ() { leeft; xdotool type --delay 25 -- "$1"; sleep 0.3; }
klik() { leeft; xdotool mousemove "$1" "$2" click 1; sleep 0.6; }
klik_rechts() { leeft; xdotool mousemove "$1" "$2" click 3; sleep 0.6; }

# menu opens an item of the Bestand menu by its label.
menu() {
	local i
	for i in "${!BESTAND[@]}"; do
		if [ "${BESTAND[$i]}" = "$1" ]; then
			toets alt
			local n
			for ((n = 0; n <= i; n++)); do xdotool key --delay 60 Down; done
			toets Return
			sleep 0.6
			return
		fi
	done
	faal "menu-item '$1' staat niet in BESTAND"
}

# kiezer_typ types a whole path in the open file chooser (the cursor is in
# its name field) and confirms it with Enter.
kiezer_typ() {
	toets ctrl+a BackSpace
	typ "$1"
	sleep 0.5
	foto "kiezer"
	toets Return
}

# lees prints what OCR (tesseract, Dutch) reads on the screen in the
# rectangle "X,Y,W,H" (default: the whole 1280x720 window), enlarged twice
# for the interface's small letters, on one line.
lees() {
	local x y w h
	IFS=, read -r x y w h <<<"${1:-0,0,1280,720}"
	import -window root -crop "${w}x${h}+${x}+${y}" +repage -resize 200% -colorspace Gray "$WERK/lees.png" 2>/dev/null
	tesseract "$WERK/lees.png" - -l nld 2>/dev/null | tr -s '[:space:]' ' '
}

# plek prints where the screen shows a word, "X Y" (its middle), read with
# OCR (tesseract's word boxes) in the rectangle "X,Y,W,H" (default: the
# window); nothing when it is not there. The first of several, from the top.
# (awk reads to the end: leaving early killed tesseract with SIGPIPE, and
# with pipefail that ended the journey without a word.)
plek() {
	local x y w h
	IFS=, read -r x y w h <<<"${2:-0,0,1280,720}"
	import -window root -crop "${w}x${h}+${x}+${y}" +repage -resize 200% -colorspace Gray "$WERK/plek.png" 2>/dev/null
	tesseract "$WERK/plek.png" - -l nld tsv 2>/dev/null |
		awk -F'\t' -v woord="$1" -v x="$x" -v y="$y" '!f && NR > 1 && index($12, woord) == 1 {
			print int(x + ($7 + $9 / 2) / 2), int(y + ($8 + $10 / 2) / 2); f = 1 }'
}

# klik_op clicks the word (see plek) once the screen shows it in the
# rectangle, waiting up to about 10 seconds.
klik_op() {
	local xy="" i
	for i in $(seq 1 10); do
		xy="$(plek "$1" "${2:-}")"
		[ -n "$xy" ] && break
		leeft
		sleep 1
	done
	[ -n "$xy" ] || faal "het venster toont '$1' niet om op te klikken (OCR las in ${2:-het venster}: $(lees "${2:-}" | cut -c1-300))"
	klik ${xy% *} ${xy#* }
}

# toont waits (at most about 15 seconds) until the window shows every text
# given in the rectangle "X,Y,W,H" (or "venster"), read with OCR; case does
# not count. It fails naming the first text it did not find.
toont() {
	local deel="$1" gelezen="" poging t ontbreekt=""
	shift
	[ "$deel" = "venster" ] && deel="0,0,1280,720"
	for poging in 1 2 3 4 5 6; do
		gelezen="$(lees "$deel")"
		ontbreekt=""
		for t in "$@"; do
			grep -qiF -- "$t" <<<"$gelezen" || { ontbreekt="$t"; break; }
		done
		[ -z "$ontbreekt" ] && return 0
		leeft
		sleep 1
	done
	faal "het venster toont '$ontbreekt' niet (OCR las in $deel: ${gelezen:0:400})"
}

# rol_tot turns the mouse wheel at X,Y down, a few notches at a time, until
# the rectangle "X,Y,W,H" shows the text (OCR); a busy machine drops wheel
# events, so it reads after each turn rather than counting notches.
rol_tot() {
	local i gelezen=""
	for i in $(seq 1 15); do
		gelezen="$(lees "$3")"
		grep -qiF -- "$4" <<<"$gelezen" && return 0
		leeft
		xdotool mousemove "$1" "$2" click --repeat 8 --delay 40 5
		sleep 0.4
	done
	faal "na het scrollen toont het venster '$4' niet (OCR las in $3: ${gelezen:0:400})"
}

# bereik_csv writes the reach in the database as the CLI exports it.
bereik_csv() { "$BIN" export --what bereik --format csv --db "$DB" 2>/dev/null | tr -d '\r'; }

# begint_met reports whether a line of its input begins with the text given.
begint_met() { awk -v p="$1" 'index($0, p) == 1 { f = 1 } END { exit !f }'; }

# wacht_op_cijfer waits (at most 30 seconds) until the CLI's export of the
# reach has a line beginning with the text given (the window saves in the
# background).
wacht_op_cijfer() {
	local i
	for i in $(seq 1 60); do
		bereik_csv | begint_met "$1" && return 0
		leeft
		sleep 0.5
	done
	faal "na 30 s staat er geen cijfer in de database dat begint met: $1"
}

# wacht_op_bestand waits until a file exists and is not empty (at most 15
# seconds, or the seconds given).
wacht_op_bestand() {
	local i
	for i in $(seq 1 $((4 * ${2:-15}))); do
		[ -s "$1" ] && return 0
		leeft
		sleep 0.25
	done
	faal "$1 is niet geschreven"
}

# sluit_melding closes a message with its only button, OK: Tab puts the
# focus on it, Space presses it.
sluit_melding() {
	toets Tab space
	sleep 0.3
}

# midden_klik clicks a dialog's button at (dx, dy) from the window's centre:
# Fyne centres its dialogs.
midden_klik() { klik $((640 + $1)) $((360 + $2)); }

start_xvfb() {
	local d="" i
	if [ -n "${JOURNEY_DISPLAY:-}" ]; then # a display number of one's own (to try a step)
		Xvfb ":${JOURNEY_DISPLAY#:}" -screen 0 1366x768x24 -nolisten tcp -noreset >"$WERK/xvfb.log" 2>&1 &
		# ready when its socket is there
		for i in $(seq 1 100); do
			[ -S "/tmp/.X11-unix/X${JOURNEY_DISPLAY#:}" ] && break
			sleep 0.1
		done
		echo "${JOURNEY_DISPLAY#:}" >"$WERK/display"
	else
		Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp -noreset 3>"$WERK/display" >"$WERK/xvfb.log" 2>&1 &
	fi
	xvfb_pid=$!
	for i in $(seq 1 100); do
		d="$(tr -dc '0-9' <"$WERK/display" 2>/dev/null || true)"
		[ -n "$d" ] && break
		sleep 0.1
	done
	[ -n "$d" ] || faal "Xvfb gaf geen displaynummer"
	export DISPLAY=":$d"
	# a keyboard with ë and € on keys of their own, so xdotool types them as
	# a user does (its own trick of remapping a key for one letter loses
	# them in GLFW)
	xkbcomp -xkb "$DISPLAY" "$WERK/toetsen.xkb" 2>/dev/null
	sed -i 's/^\(\s*\)key <I247> {[^}]*};/\1key <I247> { [ ediaeresis ] };\n\1key <I248> { [ EuroSign ] };/' "$WERK/toetsen.xkb"
	grep -q 'ediaeresis' "$WERK/toetsen.xkb" || faal "toetsenbord zonder ë (I247 niet gevonden in de keymap)"
	xkbcomp "$WERK/toetsen.xkb" "$DISPLAY" 2>/dev/null
	log "Xvfb op $DISPLAY"
}

# start_programma starts the program BIN on $DB (or the database given;
# zonder-db: without --db, as a user starts it) and waits for its window.
start_programma() {
	local db=(--db "${2:-$DB}")
	[ "${2:-}" = zonder-db ] && db=()
	XDG_CONFIG_HOME="$WERK/config" XDG_CACHE_HOME="$WERK/cache" XDG_RUNTIME_DIR="$WERK/runtime" \
		"$1" "${db[@]}" >>"$WERK/app.log" 2>&1 </dev/null &
	app_pid=$!
	local i wid=""
	for i in $(seq 1 60); do
		wid="$(xdotool search --onlyvisible --name 'Jeugdmonitor' 2>/dev/null | head -n 1 || true)"
		[ -n "$wid" ] && break
		leeft
		sleep 0.5
	done
	[ -n "$wid" ] || faal "geen venster binnen 30 s"
	xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 720 windowfocus "$wid" 2>/dev/null || true
	sleep 3 # the dashboard draws its charts
}

# als_postgres runs a PostgreSQL program as the user postgres when the
# journey runs as root (initdb refuses root), as data/team/pgtest does.
als_postgres() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# start_postgres starts a throwaway PostgreSQL server from Debian's package
# (initdb and pg_ctl of the newest /usr/lib/postgresql/N/bin) in a folder of
# its own, on a free port of 127.0.0.1 only, trusting local connections, with
# an empty database jeugdteam; PG_ADRES is its address for the program.
start_postgres() {
	pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
	[ -x "$pg_bin/initdb" ] || pg_bin="$(dirname "$(command -v initdb || echo /geen/initdb)")"
	[ -x "$pg_bin/initdb" ] || faal "PostgreSQL (initdb) is niet geïnstalleerd: het Debian-pakket postgresql (./build.sh journey installeert het)"
	# not under $WERK: mktemp makes that folder for root only
	pg_map="$(mktemp -d "${TMPDIR:-/tmp}/jeugdmonitor-reis-pg.XXXXXX")"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_map"
	als_postgres "$pg_bin/initdb" -D "$pg_map/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
		>"$WERK/initdb.log" 2>&1 || faal "initdb mislukte: $(cat "$WERK/initdb.log")"
	local poging poort=""
	for poging in 1 2 3 4 5; do # a port taken in the meantime: another one
		poort=$((20000 + RANDOM % 40000))
		als_postgres "$pg_bin/pg_ctl" -D "$pg_map/data" -l "$pg_map/server.log" -w -t 60 \
			-o "-p $poort -k $pg_map -c listen_addresses=127.0.0.1 -c fsync=off" start >"$WERK/pg_ctl.log" 2>&1 && break
		poort=""
	done
	[ -n "$poort" ] || faal "de PostgreSQL-server start niet: $(cat "$pg_map/server.log" 2>/dev/null)"
	"$pg_bin/createdb" -h 127.0.0.1 -p "$poort" -U postgres jeugdteam 2>"$WERK/createdb.log" ||
		faal "createdb mislukte: $(cat "$WERK/createdb.log")"
	PG_ADRES="postgres://postgres@127.0.0.1:$poort/jeugdteam"
	log "PostgreSQL op 127.0.0.1:$poort ($pg_bin)"
}

# register_regels counts the rows of an audit trail export (CSV) that the
# loading of the built-in register wrote about shared records (not settings).
register_regels() { awk -F';' '$2 == "ingebouwd register" && $4 != "instellingen"' | wc -l; }

# stop_postgres stops the journey's server, if it runs, and removes it.
stop_postgres() {
	[ -n "$pg_map" ] || return 0
	als_postgres "$pg_bin/pg_ctl" -D "$pg_map/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$pg_map"
	pg_map=""
}

# ---------------------------------------------------------------------------
# the steps

stap_nieuwe_database() {
	start_programma "$BIN"
	[ -s "$DB" ] || faal "de nieuwe database $DB is niet gemaakt"
	"$BIN" export --what bereik --format csv --db "$DB" >"$WERK/bereik-voor.csv" 2>"$WERK/export.err" ||
		faal "export van de nieuwe database mislukte: $(cat "$WERK/export.err")"
	foto "gestart"
}

stap_bereik_invoeren() {
	toets ctrl+3 # Bereik invoeren: the cursor starts in the intervention field
	typ "$INTERVENTIE"
	toets Return # chooses it; the cursor moves to the period
	typ "$PERIODE"
	toets Tab
	typ "$BEREIK_GETYPT"
	toets Return # saves
	sleep 0.5
	foto "opgeslagen"
}

# stap_ctrl_z_in_een_veld: after the save the cursor is in the intervention
# field with its name selected (the form keeps intervention and period for a
# next figure). Typing replaces the name; Ctrl+Z undoes the typing (the first
# the letters, the second brings the name back), never the save. Then a
# figure typed and not saved makes Escape ask first; Escape on the question
# goes back to the form with the figure kept.
stap_ctrl_z_in_een_veld() {
	typ "Travers"
	toets ctrl+z ctrl+z
	toont 222,65,700,45 "$INTERVENTIE"
	foto "typen-ongedaan"
	bereik_csv | begint_met "$INTERVENTIE;$PERIODE;precies;$BEREIK_WAARDE;" ||
		faal "Ctrl+Z in het veld nam de opslag terug: $INTERVENTIE $PERIODE staat niet meer in de database"
	toets Tab Tab # the period (kept), the figure (emptied by the save)
	typ "99"
	toets Escape
	toont 340,270,600,180 "Invoer weggooien?"
	foto "weggooien-vraag"
	toets Escape # Terug naar het formulier
	toont 222,145,700,45 "99"
	toets ctrl+a BackSpace # nothing unsaved left: Escape empties the form without asking
	toets Escape
	toont 222,65,700,45 "een deel van de naam"
	# the history beside the form is emptied too, not left on the intervention
	toont 760,80,520,600 "Nog geen interventie gekozen"
	lees 760,80,520,600 | grep -qiF "$INTERVENTIE" && faal "na Leegmaken toont de geschiedenis nog $INTERVENTIE"
	foto "leeg"
}

stap_kiezer_annuleren() {
	menu "Database openen…"
	foto "kiezer-open"
	toets Escape
	# Fyne's chooser has no key for Cancel: the button, bottom right (its
	# middle, whether it reads Annuleren or Cancel)
	klik 947 637
	foto "geannuleerd"
	leeft
}

stap_exporteren_xlsx() {
	menu "Exporteren naar Excel, CSV of JSON…"
	foto "exportdialoog"
	midden_klik 68 76 # Opslaan als… (alles, xlsx are the defaults)
	kiezer_typ "$XLSX"
	wacht_op_bestand "$XLSX"
	foto "geexporteerd"
	sluit_melding
}

stap_reservekopie() {
	menu "Reservekopie maken…"
	kiezer_typ "$KOPIE"
	wacht_op_bestand "$KOPIE"
	foto "gemaakt"
	sluit_melding
}

# stap_terugzetten puts the backup just made back through its chooser and
# the confirmation; the program reopens the database and goes on.
stap_terugzetten() {
	menu "Reservekopie terugzetten…"
	kiezer_typ "$KOPIE"
	sleep 2
	foto "bevestigen"
	midden_klik 64 95 # Terugzetten
	sleep 4
	foto "teruggezet"
	sluit_melding
	# the copy kept of the replaced database proves the restore ran
	ls "$DBMAP/backups" | grep -q 'voor-herstel' || faal "terugzetten bewaarde de vorige database niet in $DBMAP/backups"
}

# stap_importeren_xlsx imports a workbook that LibreOffice wrote, through
# the import wizard and its file chooser: check, then import.
stap_importeren_xlsx() {
	printf 'Interventie;Periode;Waarde;Bron\r\n%s;%s;%s;Jaarverslag 2024\r\n' \
		"$IMPORT_INTERVENTIE" "$PERIODE" "$IMPORT_WAARDE" >"$IMPORT_CSV"
	HOME="$WERK" timeout 120 soffice --headless --norestore --infilter="CSV:59,34,76,1" --convert-to xlsx \
		--outdir "$WERK" "$IMPORT_CSV" >"$WERK/soffice-import.log" 2>&1 ||
		faal "LibreOffice schreef de werkmap niet: $(cat "$WERK/soffice-import.log")"
	mv "$WERK/import.xlsx" "$IMPORT_XLSX"
	menu "Importeren uit Excel, CSV of CBS…"
	klik 242 128 # Bestand kiezen…
	kiezer_typ "$IMPORT_XLSX"
	sleep 2
	foto "voorbeeld"
	klik 225 661 # Controleren
	sleep 3
	foto "gecontroleerd"
	klik 328 661 # Importeren
	local i
	for i in $(seq 1 60); do
		"$BIN" export --what bereik --format csv --db "$DB" 2>/dev/null |
			grep -q "^$IMPORT_INTERVENTIE;$PERIODE;precies;$IMPORT_WAARDE;" && break
		leeft
		sleep 0.5
	done
	foto "geimporteerd"
	[ "$i" -lt 60 ] || faal "het geïmporteerde cijfer staat na 30 s niet in de database"
	klik 497 661 # Sluiten
}

# stap_doelstelling_venster gives an intervention a target for 2025 in
# Interventie bewerken, below its fields (#12): added to the form, stored
# with Opslaan; then the command line lists it.
stap_doelstelling_venster() {
	toets ctrl+2 # Interventies: the cursor in the search field
	typ "$DOEL_INTERVENTIE"
	toets Return # opens the first one found
	toont 222,70,1050,50 "$DOEL_INTERVENTIE"
	klik 658 49 # Bewerken, the third button above the detail
	toont 74,45,1132,40 "Interventie bewerken"
	# the cursor is in Naam; Shift+Tab goes round to the dialog's buttons
	# (Opslaan, Annuleren), Doelstelling toevoegen, and up the new target's
	# fields: Bron, Eenheid, Waarde, Soort, Periode
	local i
	for i in 1 2 3 4 5 6 7 8; do toets shift+Tab; done
	typ "2025"
	toets Tab Tab # Soort stays minimaal
	typ "3.700"
	toets Tab Tab # Eenheid stays empty: that of the measure, jongeren
	typ "Begroting 2025, programma 3"
	toets Return # Doelstelling toevoegen: checked, and kept until Opslaan
	# the targets are below the fields: scroll there, the pointer on the
	# labels (a text field with more lines would take the wheel)
	rol_tot 100 450 74,90,1132,530 "Bij Opslaan: nieuwe doelstelling 2025: minimaal 3.700"
	foto "toegevoegd"
	toets Tab Tab Tab space # from Bron past Doelstelling toevoegen and Annuleren to Opslaan
	local lijst=""
	for i in $(seq 1 40); do
		lijst="$("$BIN" doelstelling lijst --interventie "$DOEL_INTERVENTIE" --db "$DB" 2>&1 || true)"
		grep -qP "^\d+\t2025\tminimaal 3\.700 jongeren\t$DOEL_INTERVENTIE\$" <<<"$lijst" && break
		leeft
		sleep 0.5
	done
	[ "$i" -lt 40 ] || faal "doelstelling lijst toont de doelstelling voor 2025 niet: $lijst"
	"$BIN" export --what alles --format json --db "$DB" | grep -A8 '"omschrijving": "minimaal 3.700 jongeren (2025)"' |
		grep -q '"document": "Begroting 2025, programma 3"' || faal "de doelstelling voor 2025 heeft haar bron niet in de export"
	foto "opgeslagen"
	toets Escape # back to the register
}

# stap_twee_maten enters two figures for one intervention and period in
# two measures (#12): the form keeps the intervention and period after a
# save, and a new measure with its unit is another series, no overwrite.
# The first figure shows the share of the target just set for 2025.
stap_twee_maten() {
	toets ctrl+3 # Bereik invoeren, the form for one intervention
	typ "$DOEL_INTERVENTIE"
	toets Return
	typ "2025"
	toets Tab
	typ "3.650"
	toont 222,60,700,500 "Doelstelling 2025: minimaal 3.700 jongeren" "99% gerealiseerd"
	foto "doelstelling-in-beeld"
	toets Return
	local eerste="$DOEL_INTERVENTIE;2025;precies;3650;;jongeren;jongeren;"
	wacht_op_cijfer "$eerste"
	toets Tab Tab # keeps the intervention and the period
	typ "212"
	toets Tab
	typ "groepsactiviteiten" # a measure the intervention does not have yet
	toets Tab Tab # past the button of its measure (jongeren) to Eenheid
	typ "activiteiten"
	toets Return
	wacht_op_cijfer "$DOEL_INTERVENTIE;2025;precies;212;;activiteiten;groepsactiviteiten;"
	bereik_csv | begint_met "$eerste" || faal "het tweede cijfer verving het eerste (3.650 jongeren in 2025)"
	toont 915,60,365,400 "groepsactiviteiten" "212 activiteiten" "3.650 jongeren"
	foto "twee-maten"
}

# stap_maat_kiezen shows that intervention in the reach chart and then its
# second measure (#15), both with the tile's menu: Interventie kiezen… and
# Maat kiezen…, each a dialog with a choice. The tile's title names the
# measure (OCR), and the command line's chart, which follows the choice kept
# in the database, draws the 212 activiteiten of 2025.
stap_maat_kiezen() {
	toets ctrl+1 # the dashboard
	sleep 2
	# the reach chart is the tile right of "Bewegingen Spoor 3": scroll
	# until that title is in the upper part of the dashboard
	local xy="" i
	for i in $(seq 1 20); do
		xy="$(plek Bewegingen 222,60,560,360)"
		[ -n "$xy" ] && break
		leeft
		xdotool mousemove 750 400 click --repeat 4 --delay 40 5
		sleep 0.6
	done
	[ -n "$xy" ] || faal "de tegel Bewegingen Spoor 3 (links van de bereikgrafiek) kwam niet in beeld"
	local y=${xy#* }
	foto "tegel"
	klik_rechts 1000 $((y + 130)) # the tile's menu: Vergroten, Interventie kiezen…, Maat kiezen…, …
	toets Down Down Return
	toont 340,180,600,360 "Interventie voor de grafiek"
	klik_op "Automatisch" 340,180,600,360 # the choice: opens its list
	klik_op "$(cut -d' ' -f1 <<<"$DOEL_INTERVENTIE")" 340,180,940,540
	# the tile's title is read after the dialog closes: the dimmed dialog
	# covers its left part, and OCR then read nothing there
	klik_op "Sluiten" 340,180,600,360
	toont 760,$((y - 20)),520,40 "$DOEL_INTERVENTIE"
	klik_rechts 1000 $((y + 130))
	foto "menu"
	toets Down Down Down Return # Maat kiezen…
	toont 340,160,600,400 "Maat voor de grafiek" "Standaard: jongeren"
	klik_op "Standaard:" 340,160,600,400
	klik_op "groepsactiviteiten" 340,160,940,560
	foto "gekozen"
	klik_op "Sluiten" 340,160,600,400
	toont 760,$((y - 20)),520,40 "$DOEL_INTERVENTIE (groepsactiviteiten)"
	local svg="$WERK/maat.svg"
	"$BIN" chart --name bereik-interventie --format svg -o "$svg" --db "$DB" >"$WERK/chart.log" 2>&1 ||
		faal "chart mislukte: $(cat "$WERK/chart.log")"
	grep -q "$DOEL_INTERVENTIE (groepsactiviteiten)<" "$svg" && grep -q ">Bereik (activiteiten)<" "$svg" && grep -q ">212<" "$svg" ||
		faal "chart volgt de gekozen maat niet: $(grep -o '<text[^>]*>[^<]*' "$svg" | sed 's/.*>//' | head -12 | tr '\n' '|')"
	foto "grafiek"
	xdotool mousemove 750 400 click --repeat 60 --delay 20 4 # back to the top, where later steps click
	sleep 0.5
}

# stap_plakken_uit_excel pastes a block copied from a spreadsheet (tabs
# between cells, CRLF after rows, a quoted cell with quotes in it) into the
# bulk grid, from the Bereik cell of its first row: three rows of figure
# and note, then Ctrl+S stores them in one go (#12).
stap_plakken_uit_excel() {
	toets ctrl+3
	klik 500 49 # the tab "Meerdere interventies (tabel)": the cursor in Periode
	typ "2025"
	toets Return # to the Bereik cell of the first row
	# the clipboard's owner serves the paste; it is ended afterwards
	printf '21\tvervolg op de pilot\r\n180\t"uit ""Excel"""\r\n117\t\r\n' >"$WERK/plakblok.txt"
	xclip -quiet -selection clipboard -i "$WERK/plakblok.txt" >/dev/null 2>&1 &
	local xclip_pid=$!
	sleep 0.5
	toets ctrl+v
	toont 222,625,860,40 "Geplakt in 3 rijen"
	foto "geplakt"
	kill "$xclip_pid" 2>/dev/null || true
	toets ctrl+s
	wacht_op_cijfer "Doorbraakmethode IPW;2025;precies;21;;gezinnen;"
	wacht_op_cijfer "Proeftuin samenspel in de wijk;2025;precies;180;;casussen;"
	wacht_op_cijfer "Proeftuin samenspel in de wijk;2025;precies;117;;partners;"
	toont 222,625,860,40 "Opgeslagen: 3 cijfers voor 2025"
	foto "opgeslagen"
	klik 300 49 # back to the tab "Eén interventie"
}

# stap_correctie_begroting corrects a budget line where it is shown
# (Begroting en doelen) (#12): the new amount is refused under the old
# source, and stored with a new one; the export has the new amount and
# source, and Wijzigingen says it in a sentence with the old and the new
# amount.
stap_correctie_begroting() {
	toets ctrl+5 # Begroting en doelen: goal 1.3.1 is chosen
	toont 520,35,760,40 "1.3.1 Eigen kracht"
	# no field of this page has the cursor: Shift+Tab goes round to the
	# window's last button, the remove button of the goal's last budget
	# line (verwachte besparing 2023, € 290.000), and then to its pencil
	toets shift+Tab shift+Tab space
	toont 320,150,640,420 "Begrotingsregel aanpassen" "verwachte besparing" "290.000"
	toets Tab Tab ctrl+a # from Jaar past Soort to Bedrag
	typ "€ 295.000"
	toets Return # a new amount under the old source is refused at Bron
	toont 320,100,640,520 "het cijfer is veranderd, de bron niet"
	foto "bron-gevraagd"
	# back from Bedrag past Soort, Jaar and round the buttons (Opslaan,
	# Annuleren) to Vindplaats and Bron (Toelichting has more lines and
	# keeps Tab, so the way up is shorter)
	toets shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab shift+Tab ctrl+a
	typ "Jaarrekening 2023"
	toets Tab ctrl+a
	typ "p. 12, tabel 3"
	foto "correctie"
	toets Return
	local i regel=""
	for i in $(seq 1 40); do
		regel="$("$BIN" export --what begroting --format csv --db "$DB" 2>/dev/null | grep '^1\.3\.1;[^;]*;verwachte besparing;2023;' || true)"
		grep -q ';2023;295000;' <<<"$regel" && break
		leeft
		sleep 0.5
	done
	grep -q ';2023;295000;' <<<"$regel" || faal "de begrotingsregel is niet € 295.000 geworden: ${regel:0:200}"
	grep -q 'Jaarrekening 2023, p. 12, tabel 3' <<<"$regel" || faal "de nieuwe bron staat niet bij de begrotingsregel: ${regel:0:400}"
	"$BIN" export --what wijzigingen --format csv --db "$DB" | grep -q ';begrotingsregels;[0-9]*;bedrag_cent;29000000;29500000' ||
		faal "het logboek heeft de wijziging van het bedrag niet"
	toets ctrl+8 # Wijzigingen, newest first
	klik 640 244 # the first line: its full text below the list
	toont 222,225,1058,40 "verwachte besparing" "290.000" "295.000"
	toont 222,480,1058,200 "Jaarrekening 2023"
	foto "wijzigingen"
}

# stap_formule_als_bron enters a figure whose source and note look like
# spreadsheet formulas (#13): the CSV export neutralises them with a
# quote, and LibreOffice opens that export with the texts as text.
stap_formule_als_bron() {
	toets ctrl+3
	typ "$INTERVENTIE"
	toets Return
	typ "2023"
	toets Tab
	typ "1.350"
	# Maat, the button of its measure, Eenheid, the two statuses, Bron
	toets Tab Tab Tab Tab Tab Tab
	typ "=1+1"
	toets Tab
	typ "@SOM(1)"
	foto "formule"
	toets Return
	wacht_op_cijfer "$INTERVENTIE;2023;precies;1350;;jongeren;jongeren;definitief;'=1+1;'@SOM(1);"
	bereik_csv >"$WERK/formule.csv"
	local uit="$WERK/formule-lo"
	HOME="$WERK" timeout 120 soffice --headless --norestore --infilter="CSV:59,34,76,1" \
		--convert-to "csv:Text - txt - csv (StarCalc):59,34,76" --outdir "$uit" "$WERK/formule.csv" \
		>"$WERK/soffice-formule.log" 2>&1 || faal "LibreOffice las de CSV-export niet: $(cat "$WERK/soffice-formule.log")"
	local regel
	regel="$(grep "^$INTERVENTIE;2023;" "$uit/formule.csv" || true)"
	grep -q ";'=1+1;'@SOM(1);" <<<"$regel" ||
		faal "LibreOffice toont de bron en notitie niet als tekst: $regel"
	toets Escape # the form is saved: Escape empties it
}

# stap_vijandige_import offers the import wizard two hostile CSV files
# (#13): a quote that does not close would swallow the rows after it, and a
# cell holds a NUL. The wizard refuses each with a Dutch message naming the
# file, line and column, forgets the good workbook opened before it (no
# preview or check of that one under the refused file's message), and the
# database's full export is the same afterwards.
stap_vijandige_import() {
	"$BIN" export --what alles --format json --db "$DB" >"$WERK/alles-voor.json" || faal "export voor de import mislukte"
	printf 'Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;"x\r\nJongerencentra;2024;56;b\r\nMake it!;2024;7;b\r\n' >"$WERK/aanhalingsteken.csv"
	printf 'Interventie;Periode;Waarde;Bron\r\nMatch;2024;12;a\r\nJongerencentra;2024;56;b\000c\r\n' >"$WERK/nul.csv"
	menu "Importeren uit Excel, CSV of CBS…"
	klik 242 128 # Bestand kiezen…
	kiezer_typ "$IMPORT_XLSX"
	toont 170,585,940,60 "Kopregel op rij 1"
	klik 242 128
	kiezer_typ "$WERK/aanhalingsteken.csv"
	toont 170,585,940,60 "aanhalingsteken.csv is niet geopend: regel 2, kolom D" "wordt niet gesloten"
	toont 310,110,680,40 "aanhalingsteken.csv"
	foto "aanhalingsteken"
	klik 225 661 # Controleren: not possible
	klik 242 128
	kiezer_typ "$WERK/nul.csv"
	toont 170,585,940,60 "nul.csv is niet geopend: regel 3, kolom D" "stuurteken"
	foto "nul"
	klik 225 661
	klik 497 661 # Sluiten
	"$BIN" export --what alles --format json --db "$DB" >"$WERK/alles-na.json" || faal "export na de import mislukte"
	cmp -s "$WERK/alles-voor.json" "$WERK/alles-na.json" ||
		faal "de geweigerde bestanden veranderden de database (zie alles-voor.json en alles-na.json)"
}

# The report, the presentation and a chart are written whole under their
# final name (a temporary file beside it until then), so a file that is
# there is complete; the message naming it comes right after.
stap_rapport_pdf() {
	menu "Rapport voor de raad (PDF)…"
	foto "rapportdialoog"
	toont 340,150,600,420 "Opslaan als" # the dialog is there (a busy machine opens it late)
	midden_klik 68 105 # Opslaan als… (alle grafieken is the default; below the check for charts without figures)
	kiezer_typ "$RAPPORT"
	wacht_op_bestand "$RAPPORT" 60
	sleep 1
	foto "geschreven"
	sluit_melding
}

stap_presentatie_pptx() {
	menu "Presentatie opslaan als PowerPoint (.pptx)…"
	toont 340,150,600,420 "Presentatie als PowerPoint" "Opslaan als"
	midden_klik 68 105
	kiezer_typ "$PPTX"
	wacht_op_bestand "$PPTX" 90
	sleep 1
	foto "geschreven"
	sluit_melding
}

stap_grafiek_png() {
	toets ctrl+1 # the dashboard
	sleep 2
	# a right click in the middle of the first chart (top left) opens its
	# menu with the keyboard focus: Vergroten, Opslaan als PNG…, …
	klik_rechts 490 380
	toets Down Down
	foto "tegelmenu"
	toets Return
	kiezer_typ "$GRAFIEK"
	wacht_op_bestand "$GRAFIEK" 30
	sleep 1
	foto "geschreven"
	sluit_melding
}

stap_presenteren() {
	# a click in the navigation on Help, a page without a field, leaves the
	# focus in the navigation list, which used to swallow F5
	klik 51 439
	foto "help"
	toets F5 # the presentation chooser, even so
	sleep 1.5
	foto "kiezer"
	toets space # starts the presentation
	sleep 2
	local wid
	wid="$(xdotool search --onlyvisible --name '^Presentatie$' 2>/dev/null | head -n 1 || true)"
	[ -n "$wid" ] || faal "F5 en Spatie startten geen presentatie"
	foto "presentatie"
	xdotool windowfocus "$wid" 2>/dev/null || true
	toets Escape
	sleep 1
	if xdotool search --onlyvisible --name '^Presentatie$' >/dev/null 2>&1; then
		faal "Escape sloot de presentatie niet"
	fi
	foto "terug"
}

# afsluiten quits the program with Ctrl+Q and checks that it stopped
# cleanly, without a panic.
afsluiten() {
	local wid
	wid="$(xdotool search --onlyvisible --name 'Jeugdmonitor' | head -n 1)"
	xdotool windowfocus "$wid" 2>/dev/null || true
	toets ctrl+q
	local i
	for i in $(seq 1 40); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$app_pid" 2>/dev/null && faal "Ctrl+Q sloot het programma niet binnen 10 s"
	local rc=0
	wait "$app_pid" || rc=$?
	app_pid=""
	[ "$rc" -eq 0 ] || faal "het programma stopte met exitcode $rc"
	if grep -Eq '^panic:|fatal error:|SIGSEGV' "$WERK/app.log"; then
		faal "het programma meldde een panic"
	fi
}

stap_afsluiten() { afsluiten; }

stap_controle_cli() {
	bereik_csv >"$WERK/bereik-na.csv" || faal "export via de opdrachtregel mislukte"
	# the built-in register brings reach figures of its own: compare with
	# the export made right after the database was created
	diff <(tr -d '\r' <"$WERK/bereik-voor.csv" | sort) <(sort "$WERK/bereik-na.csv") >"$WERK/bereik.diff" || true
	local erbij weg c
	erbij="$(grep -c '^>' "$WERK/bereik.diff" || true)"
	weg="$(grep -c '^<' "$WERK/bereik.diff" || true)"
	[ "$erbij" -eq "${#NIEUWE_CIJFERS[@]}" ] && [ "$weg" -eq 0 ] ||
		faal "de database veranderde in $erbij nieuwe en $weg verdwenen regels, verwacht precies de ${#NIEUWE_CIJFERS[@]} cijfers die de reis invoerde, plakte en importeerde (zie $WERK/bereik.diff)"
	for c in "${NIEUWE_CIJFERS[@]}"; do
		sed -n 's/^> //p' "$WERK/bereik.diff" | begint_met "$c" ||
			faal "het cijfer '$c' staat niet bij de nieuwe regels: $(cat "$WERK/bereik.diff")"
	done
	# the audit trail of all those changes is whole, checked against the
	# anchor the program keeps in its configuration
	XDG_CONFIG_HOME="$WERK/config" "$BIN" check --db "$DB" >"$WERK/check-reis.log" 2>&1 ||
		faal "check vindt de database na de reis niet in orde: $(cat "$WERK/check-reis.log")"
	grep -q '^Integriteit: *in orde' "$WERK/check-reis.log" && ! grep -q '^Let op' "$WERK/check-reis.log" ||
		faal "check controleerde het logboek niet helemaal: $(cat "$WERK/check-reis.log")"
	log "ok: precies de ${#NIEUWE_CIJFERS[@]} cijfers van de reis staan erbij ($(grep '^>' "$WERK/bereik.diff" | cut -d';' -f1-4 | tr '\n' ' '))"
}

stap_controle_libreoffice() {
	local uit="$WERK/libreoffice"
	mkdir -p "$uit"
	HOME="$WERK" timeout 120 soffice --headless --norestore --convert-to csv --outdir "$uit" "$XLSX" \
		>"$WERK/soffice.log" 2>&1 || faal "LibreOffice opende $XLSX niet: $(cat "$WERK/soffice.log")"
	local csv
	csv="$(find "$uit" -name '*.csv' -print -quit)"
	[ -s "$csv" ] || faal "LibreOffice maakte geen CSV van $XLSX"
	log "ok: LibreOffice opent de export ($(wc -l <"$csv") regels op het eerste blad)"
}

stap_controle_reservekopie() {
	"$BIN" check --db "$KOPIE" >"$WERK/check.log" 2>&1 || faal "de reservekopie is niet gaaf: $(cat "$WERK/check.log")"
	"$BIN" export --what bereik --format csv --db "$KOPIE" | grep -q "^$INTERVENTIE;$PERIODE;precies;$BEREIK_WAARDE;" ||
		faal "het ingevoerde cijfer staat niet in de reservekopie"
	log "ok: de reservekopie is gaaf en bevat het cijfer"
}

# stap_controle_rapport opens what the window wrote in the real clients:
# poppler reads the PDF report, LibreOffice Impress converts the PowerPoint
# file (one page per slide), and the chart is a 1920x1080 PNG.
stap_controle_rapport() {
	local tekst pagina
	tekst="$(pdftotext "$RAPPORT" - 2>&1)" || faal "poppler leest $RAPPORT niet: $tekst"
	# the title may wrap over two lines on the title page
	grep -q "Rapport voor de gemeenteraad: Alle grafieken van het dashboard" <<<"$(tr -s '\n' ' ' <<<"$tekst")" ||
		faal "het rapport mist zijn titel"
	grep -q "Bronnen" <<<"$tekst" || faal "het rapport mist de lijst van bronnen"
	pagina="$(pdfinfo "$RAPPORT" | awk '/^Pages:/ { print $2 }')"
	[ "$pagina" -ge 3 ] || faal "het rapport heeft $pagina pagina's"
	log "ok: poppler leest het rapport ($pagina pagina's)"

	local uit="$WERK/impress" dias pdf
	mkdir -p "$uit"
	local delen
	delen="$(unzip -Z1 "$PPTX")" || faal "$PPTX is geen zip-archief"
	dias="$(grep -c '^ppt/slides/slide[0-9]*\.xml$' <<<"$delen")"
	grep -q '^ppt/notesSlides/notesSlide2\.xml$' <<<"$delen" || faal "$PPTX heeft geen notities"
	HOME="$WERK" timeout 180 soffice --headless --norestore --convert-to pdf --outdir "$uit" "$PPTX" \
		>"$WERK/impress.log" 2>&1 || faal "LibreOffice Impress opende $PPTX niet: $(cat "$WERK/impress.log")"
	pdf="$(find "$uit" -name '*.pdf' -print -quit)"
	[ -s "$pdf" ] || faal "LibreOffice Impress maakte geen PDF van $PPTX"
	pagina="$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')"
	[ "$pagina" -eq "$dias" ] || faal "LibreOffice toont $pagina pagina's voor $dias dia's"
	tekst="$(pdftotext "$pdf" -)"
	grep -q "Presentatie voor de gemeenteraad" <<<"$tekst" || faal "de titeldia ontbreekt in LibreOffice"
	grep -q "^Bron: " <<<"$tekst" || faal "geen bronregel op de dia's in LibreOffice"
	log "ok: LibreOffice Impress toont de presentatie ($dias dia's)"

	file "$GRAFIEK" | grep -q 'PNG image data, 1920 x 1080' || faal "$GRAFIEK is geen PNG van 1920x1080: $(file "$GRAFIEK")"
	[ "$(identify -format '%wx%h' "$GRAFIEK")" = "1920x1080" ] || faal "identify leest $GRAFIEK niet als 1920x1080"
	log "ok: de grafiek is een PNG van 1920x1080"
}

# team_adres types the team database's address in Instellingen >
# Teamdatabase and presses Tab COUNT times from it: Adres opslaan, Verbinding
# testen, then the buttons that can be chosen (Teamdatabase inrichten…,
# Aansluiten bij een team…). The field is found on the row of Adres opslaan
# (OCR): the page scrolls to show a message under the buttons. TEAM_RIJ is
# then the height of that row.
team_adres() {
	toets ctrl+9
	sleep 1
	local xy="" i
	for i in $(seq 1 10); do
		xy="$(plek opslaan 1140,80,140,600)"
		[ -n "$xy" ] && break
		leeft
		sleep 1
	done
	[ -n "$xy" ] || faal "Instellingen toont Adres opslaan niet (OCR las: $(lees 1140,80,140,600))"
	TEAM_RIJ="${xy#* }"
	klik 690 "$TEAM_RIJ"
	toets ctrl+a BackSpace
	typ "$PG_ADRES"
	toont "222,$((TEAM_RIJ - 20)),940,45" "127.0.0.1"
	for ((i = 0; i < $1; i++)); do toets Tab; done
}

# team_synchroniseren chooses Bestand > Synchroniseren met het team and
# waits for the outcome in the status line.
team_synchroniseren() {
	menu "Synchroniseren met het team"
	toont 0,685,640,30 "Gesynchroniseerd"
	foto "gesynchroniseerd-$1"
}

# stap_team_inrichten_en_aansluiten (#16): on its own PostgreSQL server, the
# first laptop tests the connection (the outcome in a message and in view)
# and sets up the team database from its database in the window
# (Instellingen > Teamdatabase > Teamdatabase inrichten…), after which
# Aansluiten bij een team… is not offered there, with the reason; a colleague, whose
# own database stays as it is, joins with Aansluiten bij een team…, which
# refuses an existing file in its chooser and makes a new database that the
# window then opens. A figure entered there reaches the first laptop when
# both synchronise; the command line reads it in both databases.
stap_team_inrichten_en_aansluiten() {
	start_postgres
	mkdir -p "$TEAMMAP"
	: >"$WERK/app.log"
	start_programma "$BIN" "$TEAM_EERSTE"
	team_adres 2 # to Verbinding testen: its outcome in a message, and under the button in view
	toets space
	toont 330,220,620,300 "Verbinding geslaagd" "nog geen teamregister"
	foto "verbinding-getest"
	toets Return # OK
	# the line why under the buttons, then the outcome under it (OCR reads its green letters on their own)
	toont 222,360,1050,40 "richt het eerst in met Teamdatabase inrichten"
	toont 222,395,1050,110 "Verbonden met PostgreSQL"
	team_adres 3 # to Teamdatabase inrichten…
	toets space
	toont 330,220,620,300 "Het hele register van deze database" "bewaard"
	foto "inrichten-vraag"
	toets Return # Inrichten
	toont 330,250,620,220 "Teamdatabase ingericht met"
	foto "ingericht"
	toets Return # OK
	# in the team now: joining from it is not offered, and the page says why
	toont 222,360,1050,120 "hoort al bij een team"
	team_adres 0
	klik 1070 $((TEAM_RIJ + 41)) # Aansluiten bij een team…, the last button of the row under the field: not to be chosen
	sleep 1
	foto "aansluiten-uit"
	lees 330,200,620,320 | grep -qiF "Bestand kiezen" && faal "Aansluiten bij een team opent vanuit een database die al bij het team hoort"
	# the owner gives a colleague's user on the server the right to read and send
	"$pg_bin/psql" "$PG_ADRES" -qc "CREATE ROLE collega LOGIN" >"$WERK/psql.log" 2>&1 ||
		faal "de rol collega maken mislukte: $(cat "$WERK/psql.log")"
	team_adres 4 # past the buttons that can be chosen (Adres verwijderen…) to Rechten geven…
	toets space
	toont 330,200,620,320 "Rechten geven" "waarmee de collega"
	typ "collega"
	foto "rechten-vraag"
	toets Return
	toont 330,250,620,220 "mag nu het teamregister lezen en eigen wijzigingen versturen"
	foto "rechten-gegeven"
	toets Return # OK
	[ "$("$pg_bin/psql" "$PG_ADRES" -tAc "SELECT has_column_privilege('collega', 'team_wijzigingen', 'nieuwe_waarde', 'INSERT')")" = t ] ||
		faal "Rechten geven gaf de collega geen recht om wijzigingen te versturen"
	afsluiten
	"$BIN" sync --db "$TEAM_EERSTE" >"$WERK/team-sync.log" 2>&1 ||
		faal "sync na inrichten mislukte: $(cat "$WERK/team-sync.log")"

	# the colleague's laptop: its own database, made when the program starts on it
	start_programma "$BIN" "$TEAM_EIGEN"
	team_adres 4 # past Teamdatabase inrichten… to Aansluiten bij een team…
	toets space
	toont 330,200,620,320 "nieuwe database met het register van het team" "blijft zoals hij is"
	foto "aansluiten-vraag"
	toets Return # Bestand kiezen…
	sleep 1
	kiezer_typ "$TEAM_EERSTE" # taken: refused, not overwritten
	toont 330,250,620,220 "bestaat al"
	foto "bestaand-geweigerd"
	toets Return # OK: back in the chooser
	kiezer_typ "$TEAM_KOPIE"
	toont 330,250,620,220 "Aangesloten bij het team"
	foto "aangesloten"
	toets Return
	toont 222,80,1050,30 "bram team" # Instellingen: Geopend: the new database

	# a figure entered in the team copy, and synchronised
	toets ctrl+3
	typ "$INTERVENTIE"
	toets Return
	typ "2018"
	toets Tab
	typ "1.234"
	toets Return
	local i
	for i in $(seq 1 60); do
		"$BIN" export --what bereik --format csv --db "$TEAM_KOPIE" 2>/dev/null | tr -d '\r' | begint_met "$TEAM_CIJFER" && break
		leeft
		sleep 0.5
	done
	[ "$i" -lt 60 ] || faal "het cijfer staat na 30 s niet in $TEAM_KOPIE"
	team_synchroniseren collega
	afsluiten

	# started again without --db, the window opens the team copy, the
	# database it opened last (not the colleague's own)
	start_programma "$BIN" zonder-db
	local titel=""
	for i in $(seq 1 40); do
		titel="$(xdotool getwindowname "$(xdotool search --onlyvisible --name 'Jeugdmonitor' | head -n 1)" 2>/dev/null || true)"
		case "$titel" in *"$(basename "$TEAM_KOPIE")"*) break ;; esac
		leeft
		sleep 0.5
	done
	case "$titel" in *"$(basename "$TEAM_KOPIE")"*) ;; *) faal "na een herstart zonder --db is geopend: '$titel' (verwacht $TEAM_KOPIE)" ;; esac
	foto "herstart-teamkopie"
	afsluiten

	start_programma "$BIN" "$TEAM_EERSTE"
	team_synchroniseren eerste
	afsluiten

	local db
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE"; do
		"$BIN" export --what bereik --format csv --db "$db" 2>/dev/null | tr -d '\r' | begint_met "$TEAM_CIJFER" ||
			faal "het cijfer $TEAM_CIJFER staat niet in $db"
		"$BIN" sync --db "$db" >"$WERK/team-sync.log" 2>&1 || faal "sync van $db mislukte: $(cat "$WERK/team-sync.log")"
		grep -q 'Gesynchroniseerd: 0 wijzigingen verstuurd, 0 ontvangen' "$WERK/team-sync.log" ||
			faal "$db liep niet gelijk met het team: $(cat "$WERK/team-sync.log")"
		"$BIN" conflicten --db "$db" >"$WERK/team-conflicten.log" 2>&1 && grep -qx 'Geen conflicten.' "$WERK/team-conflicten.log" ||
			faal "conflicten in $db: $(cat "$WERK/team-conflicten.log")"
	done
	# the colleague's audit trail has the first laptop's from before the team
	# was set up: the built-in register's loading, row for row, with its author
	local eerste kopie
	eerste="$("$BIN" export --what wijzigingen --format csv --db "$TEAM_EERSTE" 2>/dev/null | register_regels)"
	kopie="$("$BIN" export --what wijzigingen --format csv --db "$TEAM_KOPIE" 2>/dev/null | register_regels)"
	[ "$kopie" -gt 0 ] && [ "$kopie" = "$eerste" ] ||
		faal "het logboek van de collega heeft $kopie regels van het ingebouwde register, dat van de eerste laptop $eerste"
	"$BIN" export --what bereik --format csv --db "$TEAM_EIGEN" 2>/dev/null | tr -d '\r' | begint_met "$TEAM_CIJFER" &&
		faal "het cijfer van het team staat in de eigen database van de collega, die zoals hij was moest blijven"
	"$BIN" sync --db "$TEAM_EIGEN" >"$WERK/team-sync.log" 2>&1 && faal "de eigen database van de collega synchroniseert na aansluiten met het team"
	grep -q 'geen teamdatabase bekend voor deze database' "$WERK/team-sync.log" ||
		faal "de eigen database van de collega kreeg een teamdatabase: $(cat "$WERK/team-sync.log")"
	team_conflict_kiezen
	team_meeverwijderd
	team_open_interventie
	stop_postgres
	log "ok: teamdatabase ingericht en aangesloten in het venster; $TEAM_CIJFER staat na synchroniseren in beide databases"
}

# stap_teamdatabase_met_toetsenbord: with backups in the list, Instellingen
# shows the team database at once, and Tab from the database's buttons
# reaches its address. For a user who signs in with a password, Escape
# closes the question for it from its field and from its check box
# Onthouden (ticked), and nothing is remembered; remembered with Onthouden,
# Onthouden wachtwoord wissen wipes it at once. A connection refused says
# why in the status line, cut off there; Hele melding… shows it whole.
stap_teamdatabase_met_toetsenbord() {
	start_postgres
	local map="$WERK/toetsenbord" hba="$pg_map/data/pg_hba.conf" i
	local db="$map/anna.db" anna="${PG_ADRES/postgres@/anna@}" wachtwoorden="$WERK/config/jeugdmonitor/teamwachtwoorden.json"
	{ printf 'host all anna 127.0.0.1/32 scram-sha-256\n'; cat "$hba"; } >"$WERK/pg_hba.conf"
	cat "$WERK/pg_hba.conf" >"$hba" # the file stays the server's
	{ "$pg_bin/psql" "$PG_ADRES" -qc "CREATE ROLE anna LOGIN PASSWORD 'Zwolle-42'" &&
		als_postgres "$pg_bin/pg_ctl" -D "$pg_map/data" reload; } >"$WERK/psql.log" 2>&1 ||
		faal "de gebruiker anna met wachtwoord is niet gemaakt: $(cat "$WERK/psql.log")"
	mkdir -p "$map/backups"
	"$BIN" nieuw --db "$db" >"$WERK/toetsenbord.log" 2>&1 || faal "nieuwe database: $(cat "$WERK/toetsenbord.log")"
	for i in 1 2 3 4 5 6; do
		"$BIN" backup --db "$db" -o "$map/backups/anna-2026110${i}-090000-voor-import.db" >>"$WERK/toetsenbord.log" 2>&1 ||
			faal "reservekopie $i: $(tail -n 3 "$WERK/toetsenbord.log")"
	done
	: >"$WERK/app.log"
	start_programma "$BIN" "$db"
	toets ctrl+9
	toont venster "Teamdatabase" "Adres opslaan" "Verbinding testen" "Aansluiten bij een team"
	foto "instellingen"
	toets Tab Tab Tab Tab Tab # the navigation, the database's three buttons, the address
	typ "$anna"
	toont 222,190,1050,200 "anna@127.0.0.1"
	toets Tab Tab space # Adres opslaan, Verbinding testen
	toont 330,200,620,320 "Wachtwoord voor de teamdatabase" "vraagt een wachtwoord voor gebruiker anna"
	typ "Zwolle-42"
	foto "wachtwoord-vraag"
	toets Escape # in the field
	toont 222,190,1050,250 "Geen wachtwoord opgegeven"
	lees 330,200,620,320 | grep -qiF "Wachtwoord voor de teamdatabase" && faal "Escape in het wachtwoord sloot de vraag niet"
	foto "escape-in-het-veld"
	klik_op Verbinding 222,190,1050,250
	toont 330,200,620,320 "Wachtwoord voor de teamdatabase"
	typ "Zwolle-42"
	toets Tab Tab space # past the button that shows the password, to Onthouden: ticked
	foto "onthouden-aangevinkt"
	toets Escape
	sleep 1
	lees 330,200,620,320 | grep -qiF "Wachtwoord voor de teamdatabase" && faal "Escape op Onthouden sloot de vraag niet"
	[ ! -e "$wachtwoorden" ] || ! grep -q anna "$wachtwoorden" || faal "na Escape is het wachtwoord toch onthouden: $wachtwoorden"

	# remembered with Onthouden: Onthouden wachtwoord wissen can be chosen at
	# once (the address is not even saved), and wipes it
	klik_op Verbinding 222,190,1050,250
	toont 330,200,620,320 "Wachtwoord voor de teamdatabase"
	typ "Zwolle-42"
	toets Tab Tab space Return # Onthouden ticked, and connect
	toont 330,220,620,300 "Verbinding geslaagd"
	toets Return # OK
	grep -q anna "$wachtwoorden" 2>/dev/null || faal "Onthouden bewaarde het wachtwoord niet in $wachtwoorden"
	foto "onthouden"
	klik_op Onthouden 222,190,1050,250 # Onthouden wachtwoord wissen
	toont 222,400,1050,40 "wachtwoord is vergeten" # green: OCR reads it on its own
	! grep -q anna "$wachtwoorden" || faal "Onthouden wachtwoord wissen (direct na Onthouden) wiste het wachtwoord niet"
	foto "gewist"

	# a server that is not there: the reason in the status line, whole in Hele melding…
	local xy
	xy="$(plek opslaan 1140,80,140,600)"
	[ -n "$xy" ] || faal "Instellingen toont Adres opslaan niet"
	klik 690 "${xy#* }"
	toets ctrl+a BackSpace
	typ "postgres://anna@127.0.0.1:1/jeugdteam"
	toets Tab Tab space
	toont 330,200,620,320 "Geen verbinding met de teamdatabase" "klopt de poort"
	toets Return # OK
	toont 0,680,640,40 "Geen verbinding met de teamdatabase" "Hele melding"
	foto "statusregel-afgekort"
	klik_op Hele 0,680,640,40
	toont 330,200,620,320 "Melding" "weigert de verbinding" "klopt de poort"
	foto "hele-melding"
	toets Escape
	sleep 1
	lees 330,270,620,180 | grep -qF "Sluiten" && faal "Escape sloot de hele melding niet"
	afsluiten
	stop_postgres
	log "ok: Teamdatabase in beeld en met Tab bereikt; Escape sloot de vraag om het wachtwoord zonder iets te onthouden; de hele melding van de server te lezen"
}

# team_conflict_kiezen changes the team's figure on both laptops before
# either synchronises; the colleague's Conflicten (Bestand menu) names both
# values and which one holds now, and keeping the first laptop's settles it
# on both; Ook afgehandelde tonen then shows the settled ones with the
# choice and who made it, without buttons.
team_conflict_kiezen() {
	local db waarde
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE"; do
		waarde=1.300
		[ "$db" = "$TEAM_KOPIE" ] && waarde=1.400
		"$BIN" bereik --interventie "$INTERVENTIE" --periode 2018 --waarde "$waarde" --bron "telling $waarde" --db "$db" \
			>"$WERK/team-bereik.log" 2>&1 || faal "bereik $waarde in $db mislukte: $(cat "$WERK/team-bereik.log")"
	done
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE"; do
		"$BIN" sync --db "$db" >"$WERK/team-sync.log" 2>&1 || faal "sync van $db mislukte: $(cat "$WERK/team-sync.log")"
	done
	start_programma "$BIN" "$TEAM_KOPIE"
	conflict_gemarkeerd ja
	# the history's Conflicten… button opens the view
	klik_op Conflicten 760,80,520,600
	toont 100,100,1100,520 "Eerste houden" "1300" "Tweede houden" "1400" "geldt nu"
	foto "conflicten"
	local i
	for i in 1 2 3; do # the figure and its source: a conflict each
		lees 100,100,1100,520 | grep -qF "Geen open conflicten" && break
		klik_op Eerste 100,100,1100,520
		sleep 1
	done
	toont 100,100,1100,520 "Geen open conflicten"
	foto "conflicten-opgelost"
	# what was settled, by whom, stays to be seen, and cannot be chosen again
	klik_op Ook 100,100,1100,520 # Ook afgehandelde tonen
	toont 100,100,1100,520 "Afgehandeld door" "eerste gehouden" "1300" "1400"
	lees 100,100,1100,520 | grep -qiF "Eerste houden" && faal "een afgehandeld conflict biedt de keuze opnieuw aan"
	foto "conflicten-afgehandeld"
	toets Escape
	conflict_gemarkeerd nee
	toets Escape # the intervention typed in Bereik invoeren: thrown away
	midden_klik 110 37 # Weggooien (white on red: OCR does not read it)
	afsluiten
	for db in "$TEAM_KOPIE" "$TEAM_EERSTE"; do
		"$BIN" sync --db "$db" >"$WERK/team-sync.log" 2>&1 || faal "sync van $db mislukte: $(cat "$WERK/team-sync.log")"
	done
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE"; do
		"$BIN" export --what bereik --format csv --db "$db" 2>/dev/null | tr -d '\r' | begint_met "$INTERVENTIE;2018;precies;1300;" ||
			faal "na de keuze in Conflicten staat 1.300 niet in $db"
	done
}

# team_meeverwijderd: the first laptop removes an intervention in the
# window (Interventies, its detail, Verwijderen…) while the colleague
# enters a figure for it and synchronises; after Synchroniseren,
# Conflicten shows the figure that went with the intervention, with its
# value and one button, Verwijderd laten, which settles it; once both
# synchronised neither has the figure, nor an open conflict.
team_meeverwijderd() {
	local weg="Steunouders" db i
	"$BIN" bereik --interventie "$weg" --periode 2031 --waarde 77 --eenheid gezinnen --bron "telling collega" --db "$TEAM_KOPIE" \
		>"$WERK/team-bereik.log" 2>&1 || faal "bereik voor $weg in $TEAM_KOPIE mislukte: $(cat "$WERK/team-bereik.log")"
	"$BIN" sync --db "$TEAM_KOPIE" >"$WERK/team-sync.log" 2>&1 || faal "sync van $TEAM_KOPIE mislukte: $(cat "$WERK/team-sync.log")"
	start_programma "$BIN" "$TEAM_EERSTE"
	toets ctrl+2
	typ "$weg"
	toets Return # opens the first one found
	toont 222,70,1050,50 "$weg"
	klik 1123 49 # Verwijderen…, the last button above the detail (white on grey: OCR does not read it)
	toont 330,220,620,300 "Interventie verwijderen" "$weg wordt verwijderd"
	foto "interventie-verwijderen"
	klik 704 446 # the dialog's Verwijderen (white on blue: OCR does not read it)
	sleep 1
	team_synchroniseren meeverwijderd # new conflicts open Conflicten
	toont 100,100,1100,520 "mee verwijderd" "$weg" "77" "Verwijderd laten"
	lees 100,100,1100,520 | grep -qiF "Eerste houden" && faal "een cijfer dat met de interventie wegging biedt Eerste houden aan"
	foto "conflict-meeverwijderd"
	for i in 1 2 3; do # the figure and its measure, if the colleague added one: a conflict each
		lees 100,100,1100,520 | grep -qF "Geen open conflicten" && break
		klik_op Verwijderd 100,100,1100,520 # Verwijderd laten
		sleep 2 # settling reads the conflicts again: on a busy machine that takes a while
	done
	toont 100,100,1100,520 "Geen open conflicten"
	foto "meeverwijderd-opgelost"
	toets Escape
	afsluiten
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE" "$TEAM_EERSTE"; do
		"$BIN" sync --db "$db" >"$WERK/team-sync.log" 2>&1 || faal "sync van $db mislukte: $(cat "$WERK/team-sync.log")"
	done
	for db in "$TEAM_EERSTE" "$TEAM_KOPIE"; do
		"$BIN" export --what bereik --format csv --db "$db" 2>/dev/null | tr -d '\r' | begint_met "$weg;" &&
			faal "het cijfer van $weg staat nog in $db, na het verwijderen van de interventie"
		"$BIN" conflicten --db "$db" >"$WERK/team-conflicten.log" 2>&1 && grep -qx 'Geen conflicten.' "$WERK/team-conflicten.log" ||
			faal "conflicten in $db na Verwijderd laten: $(cat "$WERK/team-conflicten.log")"
	done
}

# team_open_interventie: an intervention open in the first laptop's
# register stays open through Synchroniseren, with the figure the colleague
# entered for it; once the colleague removed it in the window, the next
# Synchroniseren returns to the list and says so, and Wijzigingen names the
# removed figure by the intervention's name, not by its number.
team_open_interventie() {
	local open="Doorbraakmethode IPW" db
	"$BIN" bereik --interventie "$open" --periode 2030 --waarde 4.321 --eenheid gezinnen --bron "telling collega" --db "$TEAM_KOPIE" \
		>"$WERK/team-bereik.log" 2>&1 || faal "bereik voor $open in $TEAM_KOPIE mislukte: $(cat "$WERK/team-bereik.log")"
	"$BIN" sync --db "$TEAM_KOPIE" >"$WERK/team-sync.log" 2>&1 || faal "sync van $TEAM_KOPIE mislukte: $(cat "$WERK/team-sync.log")"
	start_programma "$BIN" "$TEAM_EERSTE"
	toets ctrl+2
	typ "$open"
	toets Return # opens the first one found
	toont 222,70,1050,50 "$open"
	"$BIN" export --what bereik --format csv --db "$TEAM_EERSTE" 2>/dev/null | tr -d '\r' | begint_met "$open;2030;" &&
		faal "het cijfer van de collega staat al voor het synchroniseren in $TEAM_EERSTE"
	foto "open-voor-synchroniseren"
	team_synchroniseren open-interventie
	toont 222,70,1050,50 "$open" # still open, read again: the colleague's figure under Bereik per periode
	rol_tot 700 400 222,70,1058,600 "4.321"
	foto "open-na-synchroniseren"
	afsluiten

	start_programma "$BIN" "$TEAM_KOPIE"
	toets ctrl+2
	typ "$open"
	toets Return
	toont 222,70,1050,50 "$open"
	klik 1123 49 # Verwijderen…
	toont 330,220,620,300 "Interventie verwijderen" "$open wordt verwijderd"
	klik 704 446 # the dialog's Verwijderen
	sleep 1
	team_synchroniseren collega-verwijdert
	afsluiten

	start_programma "$BIN" "$TEAM_EERSTE"
	toets ctrl+2
	typ "$open"
	toets Return
	toont 222,70,1050,50 "$open"
	team_synchroniseren verwijderd-terwijl-open
	toont 330,200,620,320 "Interventie verwijderd" "$open is" "lijst van interventies"
	foto "verwijderd-terwijl-open"
	toets Return # OK
	toont 222,28,1058,44 "interventies" # the list: "n van m interventies"
	toets ctrl+8 # Wijzigingen, newest first
	toont venster "$open, 2030"
	lees | grep -qiF "interventie nr." && faal "Wijzigingen noemt een gegeven van de verwijderde interventie bij haar nummer"
	foto "wijzigingen-verwijderd"
	afsluiten
	for db in "$TEAM_KOPIE" "$TEAM_EERSTE"; do
		"$BIN" sync --db "$db" >"$WERK/team-sync.log" 2>&1 || faal "sync van $db mislukte: $(cat "$WERK/team-sync.log")"
	done
}

# conflict_gemarkeerd checks (ja) that the register marks the team's
# intervention with an open conflict and that the history of Bereik
# invoeren marks its 2018 figure and offers Conflicten…, or (nee) that
# neither does once the conflicts are settled. It ends on Bereik invoeren.
conflict_gemarkeerd() {
	toets ctrl+2
	toets ctrl+a BackSpace
	typ "$INTERVENTIE"
	sleep 1
	foto "register-conflict-$1"
	local register historie
	register="$(lees 222,120,1058,200)"
	grep -qiF "$INTERVENTIE" <<<"$register" || faal "het register toont $INTERVENTIE niet (OCR las: ${register:0:300})"
	toets ctrl+3
	toets ctrl+a BackSpace
	typ "$INTERVENTIE"
	toets Return
	sleep 1.5
	foto "historie-conflict-$1"
	historie="$(lees 760,80,520,600)"
	grep -qiF "Geschiedenis" <<<"$historie" || faal "de geschiedenis van $INTERVENTIE staat er niet (OCR las: ${historie:0:300})"
	if [ "$1" = ja ]; then
		grep -qiF "open conflict" <<<"$register" || faal "het register markeert $INTERVENTIE niet met het open conflict (OCR las: ${register:0:300})"
		grep -qiF "Open conflict bij bereik 2018" <<<"$historie" && grep -qiF "open conflict: bereik" <<<"$historie" ||
			faal "de geschiedenis markeert het cijfer van 2018 niet (OCR las: ${historie:0:400})"
	else
		grep -qiF "conflict" <<<"$register" && faal "het register markeert $INTERVENTIE na het oplossen nog (OCR las: ${register:0:300})"
		grep -qiF "conflict" <<<"$historie" && faal "de geschiedenis markeert na het oplossen nog een conflict (OCR las: ${historie:0:400})"
	fi
	return 0
}

# invoer_collega records a colleague's figure in the first laptop's database (the
# arguments of `bereik`) and synchronises it to the team database.
invoer_collega() {
	"$BIN" bereik --db "$INVOER_EERSTE" --bron "jaarverslag collega" "$@" >>"$WERK/invoer.log" 2>&1 &&
		"$BIN" sync --db "$INVOER_EERSTE" >>"$WERK/invoer.log" 2>&1 ||
		faal "het cijfer van de collega is niet in de teamdatabase gekomen: $(tail -n 5 "$WERK/invoer.log")"
}

# stap_invoer_blijft_bij_synchroniseren: a figure typed in Bereik invoeren
# and not saved survives Bestand > Synchroniseren met het team, while a
# colleague's figure for the same intervention and period comes in: the
# form keeps the typed figure (and the cursor) and says the stored one
# changed; Enter then saves the typed figure, and after the next
# synchronisation the form no longer offers to take that save back (nor
# does Ctrl+Z try). The same in the tab with the
# table: the tab stays chosen, the typed cell keeps its figure, the message
# names the colleague's figure, and Ctrl+S stores the typed ones (the
# second typed after Tab from the first row's note: it lands in the next
# row's Bereik, and that row's measure stays as it was).
stap_invoer_blijft_bij_synchroniseren() {
	start_postgres
	mkdir -p "$WERK/invoer"
	INVOER_EERSTE="$WERK/invoer/anna.db"
	local DB="$WERK/invoer/bram.db" # the database the window and wacht_op_cijfer use
	{ "$BIN" nieuw --db "$INVOER_EERSTE" && "$BIN" team init --team "$PG_ADRES" --db "$INVOER_EERSTE" &&
		"$BIN" team koppel --team "$PG_ADRES" --db "$DB"; } >"$WERK/invoer.log" 2>&1 ||
		faal "het team van deze stap is niet gemaakt: $(tail -n 5 "$WERK/invoer.log")"
	: >"$WERK/app.log"
	start_programma "$BIN" "$DB"

	toets ctrl+3
	typ "$INTERVENTIE"
	toets Return
	typ "2019"
	toets Tab
	typ "777" # not saved
	invoer_collega --interventie "$INTERVENTIE" --periode 2019 --waarde 700
	team_synchroniseren formulier
	# the note on the colleague's figure; the typed 777 is read back from the
	# database after saving (OCR reads the cursor beside it as part of it)
	toont 222,60,700,560 "Intussen" "nu 700"
	toets Return # the cursor stayed in Bereik: saves the typed figure
	wacht_op_cijfer "$INTERVENTIE;2019;precies;777;"
	# synchronised after saving: the form no longer offers to take the
	# save back (it went to the team), and Ctrl+Z leaves the figure as it is
	toont 222,505,700,60 "maakt dit ongedaan" # green: OCR reads it on its own
	team_synchroniseren na-opslaan
	sleep 1
	lees 222,505,700,60 | grep -qiF "maakt dit ongedaan" && faal "na synchroniseren biedt het formulier nog aan de opslag ongedaan te maken"
	toets ctrl+z
	sleep 1
	foto "ctrl-z-na-synchroniseren"
	lees 330,200,620,320 | grep -qiF "kan niet meer" && faal "Ctrl+Z na synchroniseren meldt dat ongedaan maken niet meer kan"
	wacht_op_cijfer "$INTERVENTIE;2019;precies;777;"

	klik_op "Meerdere" 222,35,700,35
	typ "2019" # the cursor starts in the period
	toets Return # to the first row's Bereik
	toont 222,250,300,50 "Doorbraakmethode"
	typ "33" # not saved
	toets Tab
	typ "reisnotitie"
	toets Tab # from the note to the next row's Bereik, not its measure
	typ "44"
	invoer_collega --interventie "Doorbraakmethode IPW" --periode 2019 --waarde 20 --maat "gezinnen geholpen in de pilotfase"
	team_synchroniseren tabel
	# still the table's tab, the typed figure named beside the colleague's
	toont 222,580,1060,90 "Alles opslaan" "u typte 33"
	toets ctrl+s
	wacht_op_cijfer "Doorbraakmethode IPW;2019;precies;33;"
	wacht_op_cijfer "Proeftuin samenspel in de wijk;2019;precies;44;;casussen;casussen besproken;"
	afsluiten
	stop_postgres
	log "ok: getypte cijfers bleven staan bij synchroniseren (formulier en tabel) en zijn daarna opgeslagen"
}

# stap_draadcontrole starts a build without the tag migrated_fynedo, in which
# Fyne checks that widgets change only on its UI goroutine and prints a
# warning otherwise; it presents and quits while the dashboard draws.
stap_draadcontrole() {
	local bin="$WERK/jeugdmonitor-draadcontrole"
	go -C "$ROOT" build -o "$bin" ./cmd/jeugdmonitor || faal "de controlebuild mislukte"
	: >"$WERK/app.log"
	start_programma "$bin"
	toets F5
	toets Escape
	toets ctrl+1 ctrl+q # the dashboard draws again while the program closes
	local i
	for i in $(seq 1 40); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$app_pid" 2>/dev/null && faal "Ctrl+Q sloot de controlebuild niet"
	app_pid=""
	if grep -q 'Error in Fyne call thread' "$WERK/app.log"; then
		faal "Fyne meldde een widget die buiten fyne.Do werd veranderd (zie de uitvoer)"
	fi
	log "ok: geen waarschuwing van Fyne over de UI-goroutine"
}

# ---------------------------------------------------------------------------

# An item added to the Bestand menu moves every item below it one Down
# further: BESTAND must have as many items as the menu in ui/app.go (its
# items, and Afsluiten made before it).
stap=stap_menu_bestand
n_menu="$(awk '/file := fyne.NewMenu\(/ { blok = 1 } blok && /item\(/ { n++ } blok && /quit\)$/ { print n + 1; exit }' "$ROOT/ui/app.go")"
[ "$n_menu" = "${#BESTAND[@]}" ] ||
	faal "het menu Bestand in ui/app.go heeft ${n_menu:-?} items, BESTAND in deze reis ${#BESTAND[@]}: werk BESTAND bij"

start_xvfb
for stap in "${STAPPEN[@]}"; do
	log "$stap"
	"$stap"
done
geslaagd=1
log "reis geslaagd: ${#STAPPEN[@]} stappen"
