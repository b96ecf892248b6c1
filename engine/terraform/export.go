// Package terraform writes a scenario as a Terraform configuration for the
// hashicorp/aws provider: the VPCs with their subnets, gateways, route
// tables, filters, instances and endpoints; the providers' load balancers and
// endpoint services; Route 53 zones and Resolver; peerings and transit
// gateways; and the S3 buckets, DynamoDB tables and SNS topics. What AWS has
// no resource for (on-premises sites, the simulated clock, lifecycle states)
// is written as comments at the top of the file.
//
// The HCL is built with hclwrite: every user string goes through its token
// builders, so a title or an ID holding quotes, "${" or line breaks can
// neither break the file nor inject into it. References between resources
// are traversals (aws_vpc.vpc_0a1b2c3d.id). The output is deterministic, in
// the scenario's document order, and formatted as `terraform fmt` would.
package terraform

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"privatelink-playground/engine"
)

// Export returns the HCL of a Terraform configuration that builds the
// scenario in AWS: a terraform block requiring hashicorp/aws, a provider in
// the scenario's home Region, an input variable for the instances' AMI, and
// one resource per scenario resource (plus the associations, rules and
// attachments Terraform models as resources of their own). Resource names
// derive from the scenario IDs; each taggable resource carries its scenario
// ID as its Name tag.
//
// Export does not validate the scenario: a reference to an ID the scenario
// does not declare is written as the ID itself, in a string, and listed in
// the header. It fails only for a nil scenario (or, defensively, if the HCL
// it built would not parse); it never panics.
func Export(s *engine.Scenario) (out []byte, err error) {
	if s == nil {
		return nil, errors.New("terraform: no scenario")
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("terraform: export failed: %v", r)
		}
	}()
	x := newExporter(s)
	x.declareAll()
	x.writeAll()
	var src []byte
	src = append(src, x.header()...)
	src = append(src, x.preamble()...)
	src = append(src, x.file.Bytes()...)
	src = hclwrite.Format(src)
	if _, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos); diags.HasErrors() {
		return nil, fmt.Errorf("terraform: the exported HCL does not parse: %s", diags.Error())
	}
	return src, nil
}

// exporter holds the state of one Export.
type exporter struct {
	s      *engine.Scenario
	home   string // the scenario's home Region
	n      *names
	self   map[any]ref // scenario element (by pointer) → its own resource
	file   *hclwrite.File
	notes  []string // what could not be expressed, in order
	noted  map[string]bool
	region string // Region of the resources being written, "" for home
	// sgGraph maps each security group ID to the other groups its rules
	// name (built on first use).
	sgGraph map[string][]string
}

func newExporter(s *engine.Scenario) *exporter {
	home := s.Region
	if home == "" {
		home = engine.DefaultRegion
	}
	return &exporter{
		s: s, home: home, n: newNames(), self: map[any]ref{},
		file: hclwrite.NewEmptyFile(), noted: map[string]bool{},
	}
}

// declareAll names every resource a scenario field can refer to, in
// document order, before anything is written: references may point forward.
func (x *exporter) declareAll() {
	x.declareNetwork()
	x.declareProviders()
	x.declareDNS()
	x.declareTransit()
	x.declareStores()
}

// writeAll writes the resources in document order.
func (x *exporter) writeAll() {
	x.noteAccounts()
	for i := range x.s.VPCs {
		x.writeVPC(&x.s.VPCs[i])
	}
	for i := range x.s.LoadBalancers {
		x.writeLoadBalancer(&x.s.LoadBalancers[i])
	}
	for i := range x.s.EndpointServices {
		x.writeEndpointService(&x.s.EndpointServices[i])
	}
	x.writeDNS()
	x.noteNetworks()
	x.writeTransit()
	x.writeStores()
	x.writeNotifications()
	x.noteSimulation()
}

// note records something the configuration cannot express, for the header.
func (x *exporter) note(format string, args ...any) {
	n := fmt.Sprintf(format, args...)
	if !x.noted[n] {
		x.noted[n] = true
		x.notes = append(x.notes, n)
	}
}

// declare names the resource of a scenario element (a pointer into the
// scenario) that fields refer to by kind and ID.
func (x *exporter) declare(elem any, k kind, id, typ string) ref {
	r := x.n.declare(k, id, typ)
	x.self[elem] = r
	return r
}

// declareAs is declare with a name derived from base rather than the ID.
func (x *exporter) declareAs(elem any, k kind, id, typ, base string) ref {
	r := x.n.declareAs(k, id, typ, base)
	x.self[elem] = r
	return r
}

// resource appends a resource block and returns its body, with the Region
// argument first when the resource lives outside the home Region.
func (x *exporter) resource(r ref) *hclwrite.Body {
	if len(x.file.Body().Blocks()) > 0 {
		x.file.Body().AppendNewline()
	}
	b := x.file.Body().AppendNewBlock("resource", []string{r.typ, r.name}).Body()
	if x.region != "" && x.region != x.home {
		b.SetAttributeRaw("region", str(x.region))
	}
	return b
}

// block appends a nested block, such as a route or an ingress rule.
func block(b *hclwrite.Body, typ string) *hclwrite.Body {
	return b.AppendNewBlock(typ, nil).Body()
}

// set writes one argument.
func set(b *hclwrite.Body, name string, value hclwrite.Tokens) { b.SetAttributeRaw(name, value) }

// setStr writes a string argument unless the value is empty.
func setStr(b *hclwrite.Body, name, value string) {
	if value != "" {
		set(b, name, str(value))
	}
}

// refTo is a reference to attribute attr of the resource declared for id
// in namespace k; for an ID the scenario does not declare, the ID itself in
// a string, with a note.
func (x *exporter) refTo(k kind, id, attr string) hclwrite.Tokens {
	if r, ok := x.n.lookup(k, id); ok {
		return traversal(r, attr)
	}
	x.note("%s %q is not in the scenario: written as a string", k, id)
	return str(id)
}

// refsTo is a list of references (see refTo).
func (x *exporter) refsTo(k kind, ids []string, attr string) hclwrite.Tokens {
	elems := make([]hclwrite.Tokens, len(ids))
	for i, id := range ids {
		elems[i] = x.refTo(k, id, attr)
	}
	return tuple(elems)
}

// header is the comment block at the top: the scenario's title and
// description, and what the configuration does not express.
func (x *exporter) header() []byte {
	var lines []string
	lines = append(lines, "Terraform configuration exported by the PrivateLink Playground.")
	if x.s.Title != "" {
		lines = append(lines, "")
		lines = append(lines, commentLines(x.s.Title)...)
	}
	if x.s.Description != "" {
		lines = append(lines, "")
		lines = append(lines, commentLines(x.s.Description)...)
	}
	if len(x.notes) > 0 {
		lines = append(lines, "", "Not expressed as resources (the playground simulates them, or AWS creates them elsewhere):")
		for _, n := range x.notes {
			for i, l := range commentLines(n) {
				if i == 0 {
					lines = append(lines, "- "+l)
				} else {
					lines = append(lines, "  "+l)
				}
			}
		}
	}
	var b strings.Builder
	for _, l := range lines {
		// A note's first line starts with "- ", its other lines and the
		// wrapped parts of all its lines are indented under it.
		first, indent := "", ""
		if rest, ok := strings.CutPrefix(l, "- "); ok {
			first, indent, l = "- ", "  ", rest
		} else if rest, ok := strings.CutPrefix(l, "  "); ok {
			first, indent, l = "  ", "  ", rest
		}
		for i, w := range wrap(l, commentWidth-len(indent)) {
			switch {
			case w == "" && i == 0 && first == "":
				b.WriteString("#\n")
			case i == 0:
				b.WriteString(strings.TrimRight("# "+first+w, " ") + "\n")
			default:
				b.WriteString("# " + indent + w + "\n")
			}
		}
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// preamble is the terraform and provider blocks, and the input variables.
func (x *exporter) preamble() []byte {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	tf := block(body, "terraform")
	req := block(tf, "required_providers")
	set(req, "aws", hclwrite.TokensForObject([]hclwrite.ObjectAttrTokens{
		{Name: hclwrite.TokensForIdentifier("source"), Value: str("hashicorp/aws")},
		{Name: hclwrite.TokensForIdentifier("version"), Value: str(">= 6.0")},
	}))
	body.AppendNewline()
	set(body.AppendNewBlock("provider", []string{"aws"}).Body(), "region", str(x.home))
	if x.hasInstances() {
		body.AppendNewline()
		ami := body.AppendNewBlock("variable", []string{"ami"}).Body()
		set(ami, "description", str("AMI of the instances (the scenario does not model images)"))
		set(ami, "type", hclwrite.TokensForIdentifier("string"))
		body.AppendNewline()
		it := body.AppendNewBlock("variable", []string{"instance_type"}).Body()
		set(it, "description", str("Instance type of the instances"))
		set(it, "type", hclwrite.TokensForIdentifier("string"))
		set(it, "default", str("t3.micro"))
	}
	body.AppendNewline()
	return f.Bytes()
}

func (x *exporter) hasInstances() bool {
	for i := range x.s.VPCs {
		if len(x.s.VPCs[i].Instances) > 0 {
			return true
		}
	}
	return false
}
