package ui

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

var updateNL = flag.Bool("update-nl", false, "write the strings of the interface into assets/translations/nl.json")

// nlPath is the Dutch catalogue of the interface's strings.
const nlPath = "../assets/translations/nl.json"

// interfaceStrings collects every string the interface (this package and
// its sub-packages) passes to lang.L as a constant, and the strings of the tables that are translated when shown.
func interfaceStrings(t *testing.T) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	var files []string
	for _, pattern := range []string{"*.go", "*/*.go"} { // this package and its sub-packages (uitwisseling, overzicht, chart)
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
				return true
			}
			if s, ok := constantString(call.Args[0]); ok {
				found[s] = true
			}
			return true
		})
	}
	for _, p := range pages {
		found[p.title] = true
	}
	for _, s := range shortcuts {
		found[s[1]] = true
	}
	for _, c := range metingColumns {
		found[c.title] = true
	}
	return found
}

// constantString evaluates a string literal or a sum of string literals.
func constantString(e ast.Expr) (string, bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(x.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", false
		}
		a, ok1 := constantString(x.X)
		b, ok2 := constantString(x.Y)
		return a + b, ok1 && ok2
	}
	return "", false
}

// TestDutchCatalogueIsComplete makes sure every string of the interface is in
// nl.json, so that a translation is a copy of that file. Run with -update-nl
// to add new strings (existing entries are kept).
func TestDutchCatalogueIsComplete(t *testing.T) {
	body, err := os.ReadFile(nlPath)
	if err != nil {
		t.Fatal(err)
	}
	catalogue := map[string]any{}
	if err := json.Unmarshal(body, &catalogue); err != nil {
		t.Fatalf("nl.json: %v", err)
	}
	var missing []string
	for s := range interfaceStrings(t) {
		if _, ok := catalogue[s]; !ok {
			missing = append(missing, s)
			catalogue[s] = s
		}
	}
	sort.Strings(missing)
	if *updateNL && len(missing) > 0 {
		out, err := json.MarshalIndent(catalogue, "", "    ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(nlPath, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, s := range missing {
		t.Errorf("not in nl.json: %q", s)
	}
}
