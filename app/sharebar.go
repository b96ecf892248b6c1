package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ShareButton copies a link that reopens the current scenario and shows it
// for copying by hand.
type ShareButton struct {
	app.Compo

	// Store is the playground's store.
	Store *Store
	// Revision is the store's revision.
	Revision int

	link, err string
	copied    bool
}

// linkIcon is a chain link drawn in SVG: an emoji needs a font many
// machines lack.
const linkIcon = `<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><path d="M6.5 9.5l3-3"/><path d="M7 4.5l1.2-1.2a2.6 2.6 0 0 1 3.7 3.7L10.7 8.2"/><path d="M9 11.5l-1.2 1.2a2.6 2.6 0 0 1-3.7-3.7L5.3 7.8"/></svg>`

// OnUpdate forgets a link made for an older document.
func (b *ShareButton) OnUpdate(ctx app.Context) { b.link, b.err, b.copied = "", "", false }

// Render draws the button and the link.
func (b *ShareButton) Render() app.UI {
	return app.Div().Class("share").Body(
		app.Button().ID("share").Title("Copy a link that opens this scenario").Body(app.Raw(linkIcon), app.Text(" Share")).
			OnClick(func(ctx app.Context, e app.Event) {
				base := app.Window().Get("location").Get("origin").String() + "/"
				link, err := b.Store.ShareLink(base)
				if err != nil {
					b.link, b.err = "", err.Error()
					return
				}
				b.link, b.err, b.copied = link, "", false
				b.copy(ctx, link)
			}),
		app.If(b.link != "", func() app.UI {
			msg := "Copy this link:"
			if b.copied {
				msg = "Link copied:"
			}
			return app.Span().Class("share-link").Body(
				app.Span().ID("share-status").Text(msg),
				app.Input().ID("share-link").Type("text").ReadOnly(true).Value(b.link),
			)
		}),
		app.If(b.err != "", func() app.UI { return app.Span().Class("draft-error").Attr("role", "alert").Text(b.err) }),
	)
}

// copy puts link on the clipboard (web/playground.js's plCopy) and says so
// when it worked; when it did not, the link stays on show for copying by
// hand.
func (b *ShareButton) copy(ctx app.Context, link string) {
	if !app.IsClient || !app.Window().Get("plCopy").Truthy() {
		return
	}
	awaitPromise(ctx, app.Window().Call("plCopy", link),
		func(app.Context, app.Value) { b.copied = true },
		func(app.Context, string) {})
}
