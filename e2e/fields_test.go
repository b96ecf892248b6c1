package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// setField puts v in the field form's input of field name and fires the
// change event the form applies on, as a learner leaving the input would.
func setField(name, v string) []chromedp.Action[chromedp.Void] {
	id := "field-" + name
	return []chromedp.Action[chromedp.Void]{
		chromedp.WaitVisible(chromedp.ID(id)),
		// chromedp.SetValue refuses an empty value: set it from the page.
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(el => {
			el.value = %q;
			el.dispatchEvent(new Event("change", {bubbles: true}));
		})(document.getElementById(%q))`, v, id)),
	}
}

// fieldBadge selects the rule badge of a rule next to a field of the form.
func fieldBadge(field, rule string) string {
	return fmt.Sprintf(`.field-form .field-row[data-field=%q] .rule[data-rule=%q]`, field, rule)
}

func TestFieldFormShowsProblemsNextToTheFieldAndUndoes(t *testing.T) {
	p := openPlayground(t)
	p.do("selecting subnet-private",
		chromedp.Click(chromedp.CSS(`.resource[data-id="subnet-private"] button`)),
		chromedp.WaitVisible(chromedp.ID("field-cidrBlock")),
	)
	if got := eval[string](p, `document.getElementById("field-cidrBlock").value`); got != "10.0.1.0/24" {
		t.Errorf("cidrBlock shows %q, want 10.0.1.0/24", got)
	}
	// A subnet outside its VPC breaks VAL-02: the problem is next to the field.
	p.do("setting a CIDR outside the VPC",
		append(setField("cidrBlock", "10.99.1.0/24"),
			chromedp.WaitVisible(chromedp.CSS(fieldBadge("cidrBlock", "VAL-02"))))...,
	)
	if msg := eval[string](p, `document.querySelector('.field-row[data-field="cidrBlock"] .field-problem').textContent`); !contains(msg, "10.99.1.0/24") {
		t.Errorf("cidrBlock's problem = %q, want it to name the CIDR", msg)
	}
	if json := eval[string](p, `document.getElementById("resource-json").value`); !contains(json, "10.99.1.0/24") {
		t.Errorf("the JSON editor does not show the field's change: %.200q", json)
	}
	// The rule ID opens its explanation.
	p.do("opening the rule's explanation",
		chromedp.Click(chromedp.CSS(fieldBadge("cidrBlock", "VAL-02"))),
		chromedp.WaitVisible(chromedp.CSS(`.field-row[data-field="cidrBlock"] .rule-explain`)),
	)
	p.do("undoing",
		chromedp.Click(chromedp.ID("undo")),
		chromedp.WaitNotPresent(chromedp.CSS(`.field-form .field-problem`)),
	)
	if got := eval[string](p, `document.getElementById("field-cidrBlock").value`); got != "10.0.1.0/24" {
		t.Errorf("after undo cidrBlock shows %q, want 10.0.1.0/24", got)
	}
	// A change that does not decode is refused next to its field.
	p.do("emptying the required availabilityZone",
		append(setField("availabilityZone", ""),
			chromedp.WaitVisible(chromedp.CSS(`.field-row[data-field="availabilityZone"] .field-error`)))...,
	)
	if msg := eval[string](p, `document.querySelector('.field-row[data-field="availabilityZone"] .field-error').textContent`); !contains(msg, "VAL-04") {
		t.Errorf("refused change = %q, want the decoder's VAL-04", msg)
	}
	if json := eval[string](p, `document.getElementById("resource-json").value`); !contains(json, "us-east-1a") {
		t.Errorf("a refused change changed the resource: %.200q", json)
	}
	// The ID is renamed by its own control, not the form.
	if n := eval[int](p, `document.querySelectorAll('.field-row[data-field="id"] input').length`); n != 0 {
		t.Errorf("the form has %d inputs for the id", n)
	}
	p.assertNoProblems()
}

func TestFieldFormSetsOptionalBooleansAndKeepsTheTraces(t *testing.T) {
	p := openPlayground(t)
	want := []string{"✔ allowed", "✖ denied", "⊘ unreachable"}
	verdicts := func() []string {
		return eval[[]string](p, `[...document.querySelectorAll(".trace-list .verdict")].map(e => e.textContent)`)
	}
	p.do("selecting the VPC",
		chromedp.Click(chromedp.CSS(`.resource[data-id="vpc-0a1b2c3d"] button`)),
		chromedp.WaitVisible(chromedp.ID("field-enableDnsSupport")),
	)
	if got := eval[string](p, `document.getElementById("field-enableDnsSupport").value`); got != "true" {
		t.Errorf("enableDnsSupport shows %q, want true", got)
	}
	// Hostnames need DNS support (DNS-01): the problem is on enableDnsHostnames.
	p.do("turning DNS support off",
		append(setField("enableDnsSupport", "false"),
			chromedp.WaitVisible(chromedp.CSS(fieldBadge("enableDnsHostnames", "DNS-01"))))...,
	)
	// Back to the default: the field is left out of the document.
	p.do("setting DNS support back to its default",
		append(setField("enableDnsSupport", "default"),
			chromedp.WaitNotPresent(chromedp.CSS(`.field-form .field-problem`)),
			chromedp.WaitVisible(chromedp.CSS(".trace-list .verdict")))...,
	)
	if json := eval[string](p, `document.getElementById("resource-json").value`); contains(json, "enableDnsSupport") {
		t.Errorf("enableDnsSupport is still in the JSON after choosing its default: %.300q", json)
	}
	if got := eval[string](p, `document.getElementById("field-enableDnsSupport").value`); got != "default" {
		t.Errorf("enableDnsSupport shows %q, want default", got)
	}
	if got := verdicts(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("saved trace verdicts = %q, want %q", got, want)
	}
	// The gateway endpoint does not need DNS hostnames: the traces keep their verdicts.
	p.do("turning DNS hostnames off",
		append(setField("enableDnsHostnames", "false"),
			chromedp.WaitVisible(chromedp.CSS(".trace-list .verdict")))...,
	)
	if json := eval[string](p, `document.getElementById("resource-json").value`); !contains(json, `"enableDnsHostnames": false`) {
		t.Errorf("the JSON does not show enableDnsHostnames false: %.300q", json)
	}
	if got := verdicts(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("saved trace verdicts = %q, want %q", got, want)
	}
	p.assertNoProblems()
}

func TestFieldFormCheckboxFollowsTheSelectedResource(t *testing.T) {
	p := openPlayground(t)
	p.do("making rtb-public main too",
		chromedp.Click(chromedp.CSS(`.resource[data-id="rtb-public"] button`)),
		chromedp.WaitVisible(chromedp.ID("field-main")),
		chromedp.Click(chromedp.ID("field-main")),
		chromedp.WaitVisible(chromedp.CSS(`.field-row[data-field="main"]:not(.absent)`)),
	)
	// A VPC has one main route table (VAL-01): the problem is on rtb-private's.
	p.do("selecting rtb-private",
		chromedp.Click(chromedp.CSS(`.resource[data-id="rtb-private"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="rtb-private"]`)),
		chromedp.WaitVisible(chromedp.CSS(fieldBadge("main", "VAL-01"))),
	)
	if !eval[bool](p, `document.getElementById("field-main").checked`) {
		t.Errorf("rtb-private's main box is not checked")
	}
	p.do("unchecking rtb-private's main",
		chromedp.Click(chromedp.ID("field-main")),
		chromedp.WaitNotPresent(chromedp.CSS(fieldBadge("main", "VAL-01"))),
	)
	p.do("back to rtb-public",
		chromedp.Click(chromedp.CSS(`.resource[data-id="rtb-public"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`.inspector[data-resource="rtb-public"]`)),
	)
	if !eval[bool](p, `document.getElementById("field-main").checked`) {
		t.Errorf("rtb-public's main box is not checked")
	}
	p.assertNoProblems()
}
