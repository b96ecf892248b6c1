package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Importer opens scenario JSON or aws ec2 describe-* output chosen with the
// file picker (drops on the page go through the same path).
type Importer struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int
	// Notices shows the outcome: a message and whether it failed.
	Notices Notifier
}

// Render draws the import button and its hidden file input.
func (im *Importer) Render() app.UI {
	return app.Label().Class("import button-like").Title("Open a scenario JSON file, or aws ec2 / aws elbv2 describe-* output").Body(
		app.Text("Import…"),
		app.Input().ID("import-files").Type("file").Multiple(true).Accept(".json,application/json").Class("visually-hidden").
			OnChange(func(ctx app.Context, e app.Event) {
				readFiles(ctx, ctx.JSSrc().Get("files"), im.Store, im.Notices)
				ctx.JSSrc().Set("value", "")
			}),
	)
}

// readFiles reads a FileList with web/playground.js's plReadFiles, waits for
// its promise ([{name, text}]) and imports.
func readFiles(ctx app.Context, fileList app.Value, s *Store, n Notifier) {
	report := n.Notify
	if !app.Window().Get("plReadFiles").Truthy() {
		report(ctx, "Not imported: the page's file reader (web/playground.js) is not loaded", true)
		return
	}
	var ok, fail app.Func
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		files := map[string][]byte{}
		if len(args) > 0 {
			list := args[0]
			for i := 0; i < list.Length(); i++ {
				f := list.Index(i)
				files[f.Get("name").String()] = []byte(f.Get("text").String())
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			notes, err := s.ImportFiles(files)
			switch {
			case err != nil:
				report(ctx, "Not imported: "+err.Error(), true)
			case len(notes) > 0:
				msg := fmt.Sprintf("Imported; %d things could not be mapped:", len(notes))
				for _, n := range notes {
					msg += "\n" + n.String()
				}
				report(ctx, msg, false)
			default:
				report(ctx, "Imported.", false)
			}
		})
		ok.Release()
		fail.Release()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "the files could not be read"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ctx.Dispatch(func(ctx app.Context) { report(ctx, "Not imported: "+msg, true) })
		ok.Release()
		fail.Release()
		return nil
	})
	app.Window().Call("plReadFiles", fileList).Call("then", ok, fail)
}
