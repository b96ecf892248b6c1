package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// urlSyncDelayMS is how long after a change the address bar is written: a
// share link compresses the whole document, which an edit need not wait
// for, and edits in quick succession write it once.
const urlSyncDelayMS = 100

// URLSync keeps the address bar's fragment naming the current document,
// with history.replaceState (no new history entry per edit).
type URLSync struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	pending bool // a write is scheduled
}

// OnMount writes the fragment of the document as opened.
func (u *URLSync) OnMount(ctx app.Context) { u.sync() }

// OnUpdate writes the fragment shortly after a change, in a task of its own.
func (u *URLSync) OnUpdate(ctx app.Context) {
	if !app.IsClient || u.pending {
		return
	}
	u.pending = true
	var later app.Func
	later = app.FuncOf(func(this app.Value, args []app.Value) any {
		later.Release()
		u.pending = false
		u.sync()
		return nil
	})
	app.Window().Call("setTimeout", later, urlSyncDelayMS)
}

func (u *URLSync) sync() {
	if !app.IsClient {
		return
	}
	frag, err := u.Store.ShareFragment()
	if err != nil {
		return // too large to share: the address keeps its last link
	}
	if app.Window().Get("location").Get("hash").String() == "#"+frag {
		return
	}
	app.Window().Get("history").Call("replaceState", nil, "", "#"+frag)
}

// Render draws nothing.
func (u *URLSync) Render() app.UI { return app.Span().Hidden(true) }
