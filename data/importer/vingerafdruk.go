package importer

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"jeugdmonitor/data/bestand"
	"jeugdmonitor/data/foutmelding"
)

// vingerafdruk identifies the content of a file: its SHA-256.
type vingerafdruk [sha256.Size]byte

// ErrGewijzigd is returned by Uitvoeren when the file is no longer what was
// checked: nothing was written, and the file must be checked again.
var ErrGewijzigd = errors.New("het bestand is veranderd sinds het werd gecontroleerd; er is niets opgeslagen. Controleer het opnieuw")

// afdrukVan reads a file through and returns its fingerprint.
func afdrukVan(pad string) (vingerafdruk, error) {
	if err := bestand.Gewoon(pad); err != nil {
		return vingerafdruk{}, err
	}
	f, err := os.Open(pad)
	if err != nil {
		return vingerafdruk{}, fmt.Errorf("%s openen: %s", filepath.Base(pad), foutmelding.Reden(err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return vingerafdruk{}, fmt.Errorf("%s lezen: %s", filepath.Base(pad), foutmelding.Reden(err))
	}
	return vingerafdruk(h.Sum(nil)), nil
}

// lees runs read, which reads the import's file, and returns the
// fingerprint of the content it read: the file is fingerprinted before and
// after, and one that changed meanwhile is refused.
func (im *Import) lees(read func() error) (vingerafdruk, error) {
	voor, err := afdrukVan(im.Pad)
	if err != nil {
		return voor, err
	}
	if err := read(); err != nil {
		return voor, err
	}
	na, err := afdrukVan(im.Pad)
	if err == nil && na != voor {
		err = fmt.Errorf("%s veranderde terwijl het werd gelezen; er is niets opgeslagen. Controleer het opnieuw", filepath.Base(im.Pad))
	}
	return voor, err
}

// zoalsGecontroleerd refuses content other than what the last Controleer
// read (and the user saw the report of); without an earlier check any
// content is fine, as Uitvoeren checks it first itself.
func (im *Import) zoalsGecontroleerd(a vingerafdruk) error {
	if im.gecontroleerd != nil && *im.gecontroleerd != a {
		return ErrGewijzigd
	}
	return nil
}
