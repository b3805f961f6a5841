package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// helpScreen lists the shortcuts and explains the program in short.
type helpScreen struct {
	content fyne.CanvasObject
}

func newHelpScreen() *helpScreen {
	s := &helpScreen{}
	s.buildUI()
	return s
}

// shortcuts are the keys of the program with what they do.
var shortcuts = [][2]string{
	{"Ctrl+F", "Zoeken: cursor in het zoekveld (Interventies) of het eerste veld van het formulier"},
	{"Ctrl+N", "Nieuw: nieuwe interventie, of een leeg bereikformulier"},
	{"Ctrl+S", "Opslaan (in een formulier ook met Enter)"},
	{"Ctrl+Z", "Typen in een veld ongedaan maken; zonder open invoer: laatste opslag van bereik terugnemen (gelogd)"},
	{"Esc", "Annuleren: formulier leegmaken, terug naar het overzicht, dialoog sluiten (na wijzigingen eerst vragen)"},
	{"Tab / Shift+Tab", "Naar het volgende / vorige veld; in de tabel van Notitie naar Bereik van de volgende rij (de maat met Shift+Tab of de muis)"},
	{"↑ / ↓", "Kiezen in de interventiekiezer, de tabel en de lijst van interventies (slaat koppen over)"},
	{"Enter", "Interventiekiezer: kiezen; tabel: volgende rij; lijst van interventies: openen; elders: opslaan"},
	{"Ctrl+1 … Ctrl+9", "Naar de schermen in de volgorde van het menu links"},
	{"F5", "Presenteren: dia's kiezen, Spatie start; daarna pijltjes, Page Up/Down, Home/End, Esc"},
	{"F1", "Deze hulp"},
	{"Ctrl+Q", "Afsluiten (vraagt eerst bij niet-opgeslagen invoer)"},
}

func (s *helpScreen) buildUI() {
	var cells []fyne.CanvasObject
	for _, sc := range shortcuts {
		cells = append(cells, widget.NewLabelWithStyle(sc[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}),
			widget.NewLabel(lang.L(sc[1])))
	}
	heading := func(text string, size fyne.ThemeSizeName) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = size
		return l
	}
	paragraph := func(text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	intro := container.NewVBox(
		heading(lang.L("Help"), theme.SizeNameHeadingText),
		paragraph(lang.L("Jeugdmonitor Zwolle houdt het register van interventies uit de Routekaart Jeugdbeleid bij, met hun doelstellingen en bereik, "+
			"de cijfers van het dashboard jeugdhulp, de begrotingsdoelen, Preventie met Gezag en de besparingen van Spoor 3 Jeugd. "+
			"Elk cijfer heeft een bron; elke wijziging staat met naam en tijd in Wijzigingen.")),
		heading(lang.L("Bereik vastleggen met het toetsenbord"), theme.SizeNameSubHeadingText),
		paragraph(lang.L("Ga naar Bereik invoeren (Ctrl+3). Typ een deel van de naam of de organisatie, kies met de pijltjestoetsen en Enter. "+
			"Typ de periode (2024, 2024-H1, 2024-K3 of 2023/2024) en het aantal in Nederlandse notatie (3.612), en druk op Enter. "+
			"Een fout verschijnt bij het veld en er wordt niets opgeslagen. Ctrl+Z maakt de laatste opslag ongedaan.")),
		heading(lang.L("Doelstellingen"), theme.SizeNameSubHeadingText),
		paragraph(lang.L("Open de interventie in Interventies en kies Doelstelling toevoegen… (of Bewerken, onderaan): "+
			"geef periode, soort, waarde, eenheid en bron, en kies Doelstelling toevoegen. Een bestaande doelstelling herziet "+
			"of beëindigt u daar ook, met een reden. Pas Opslaan legt de wijzigingen vast.")),
		heading(lang.L("Kernboodschap en rapport voor de raad"), theme.SizeNameSubHeadingText),
		paragraph(lang.L("Klik in het Overzicht op een grafiek om hem te vergroten; onder de vergroting typt u de kernboodschap "+
			"(wat de raad moet onthouden) en kiest u Kernboodschap opslaan. Bestand > Rapport voor de raad (PDF) maakt het rapport "+
			"met de grafieken en hun kernboodschappen; Bestand > Presentatie opslaan als PowerPoint maakt de dia's.")),
		heading(lang.L("Samenwerken in een teamdatabase"), theme.SizeNameSubHeadingText),
		paragraph(lang.L("In Instellingen > Teamdatabase vult u het adres van de gedeelde teamdatabase in (Adres opslaan, Verbinding testen). "+
			"Eén medewerker richt een lege teamdatabase in met Teamdatabase inrichten: het hele register van zijn database gaat erheen. "+
			"De eigenaar van de teamdatabase geeft de gebruiker van een collega op de server eerst recht met Rechten geven. "+
			"Collega's kiezen Aansluiten bij een team: hun laptop krijgt een nieuwe database met het register van het team, "+
			"die het venster daarna opent; hun eigen database blijft zoals hij was en gaat niet mee. "+
			"Bestand > Synchroniseren met het team stuurt daarna uw wijzigingen en haalt die van collega's op "+
			"(het telt een wijziging per veld: een nieuw cijfer is een wijziging per ingevuld veld); "+
			"Bestand > Conflicten toont de wijzigingen die botsten met die van een collega; "+
			"zolang een conflict open is, staat het in oranje bij de interventie, het cijfer of de meting, met een knop Conflicten… om te kiezen. "+
			"Verwijdert een collega een interventie waarvoor u intussen een cijfer invoerde, dan gaat het cijfer op elke laptop mee weg; "+
			"Conflicten toont het met zijn waarden, zodat u het opnieuw kunt invoeren als de interventie terugkomt.")),
		heading(lang.L("Gegevens uitwisselen"), theme.SizeNameSubHeadingText),
		paragraph(lang.L("Bestand > Importeren leest bereik of indicatorwaarden uit Excel of CSV, en CBS StatLine-downloads. "+
			"Elke rij wordt eerst gecontroleerd; bij één fout wordt niets opgeslagen. "+
			"Bestand > Exporteren schrijft elke soort gegevens naar Excel, CSV of JSON. "+
			"Kies \"alles\" als JSON voor een volledige export: een collega zet die terug met Bestand > Reservekopie terugzetten "+
			"en heeft dan dezelfde gegevens en hetzelfde wijzigingenlogboek.")),
		heading(lang.L("Sneltoetsen"), theme.SizeNameSubHeadingText))
	s.content = container.NewVScroll(container.NewVBox(intro, container.New(layout.NewFormLayout(), cells...)))
}

// Content is the screen's canvas object.
func (s *helpScreen) Content() fyne.CanvasObject { return s.content }

// Refresh has nothing to read.
func (s *helpScreen) Refresh() {}
