package lessons

import (
	"reflect"
	"strings"
	"testing"

	"privatelink-playground/engine"
)

// TestChallengesUnsolvedAsShipped: no lesson ships solved.
func TestChallengesUnsolvedAsShipped(t *testing.T) {
	for _, l := range All() {
		res := l.Challenge.Check(mustScenario(t, l.ID, l.Scenario))
		if res.Solved {
			t.Errorf("%s: the challenge is solved as shipped", l.ID)
		}
		failed := 0
		for _, c := range res.Checks {
			if c.What == "" {
				t.Errorf("%s: a check says nothing", l.ID)
			}
			if !c.OK {
				failed++
				if c.Why == "" {
					t.Errorf("%s: check %q fails without saying why", l.ID, c.What)
				}
			}
		}
		if failed == 0 {
			t.Errorf("%s: unsolved but no check fails", l.ID)
		}
	}
}

// TestChallengesSolvedBySolutions: each testdata/solutions/ID.json solves its
// lesson's challenge, and its saved traces still validate.
func TestChallengesSolvedBySolutions(t *testing.T) {
	for _, l := range All() {
		s := solution(t, l.ID)
		res := l.Challenge.Check(s)
		if !res.Solved {
			for _, c := range res.Checks {
				if !c.OK {
					t.Errorf("%s: solution fails %q: %s", l.ID, c.What, c.Why)
				}
			}
			t.Errorf("%s: the solution does not solve the challenge", l.ID)
		}
	}
}

// TestChallengeCheckIsDeterministic: the same scenario gives the same result.
func TestChallengeCheckIsDeterministic(t *testing.T) {
	for _, l := range All() {
		s := mustScenario(t, l.ID, l.Scenario)
		a, b := l.Challenge.Check(s), l.Challenge.Check(s)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two checks differ", l.ID)
		}
	}
}

// TestChallengeCheckNeverPanics: nil, empty and invalid scenarios, and a
// nil challenge, give a failed check, not a panic.
func TestChallengeCheckNeverPanics(t *testing.T) {
	l := Default()
	broken, _ := engine.Decode(l.Scenario)
	broken.VPCs[0].Subnets[0].CIDRBlock = "10.9.0.0/24" // outside the VPC (VAL-02)
	for name, s := range map[string]*engine.Scenario{
		"nil":     nil,
		"empty":   {Version: 1},
		"invalid": broken,
	} {
		res := l.Challenge.Check(s)
		if res.Solved || len(res.Checks) == 0 || res.Checks[0].OK {
			t.Errorf("%s: %+v", name, res)
		}
	}
	var nilChallenge *Challenge
	if res := nilChallenge.Check(broken); res.Solved {
		t.Errorf("nil challenge solved")
	}
	res := l.Challenge.Check(broken)
	if !strings.Contains(res.Checks[0].Why, "VAL-02") {
		t.Errorf("invalid scenario: why = %q, want the VAL-02 problem", res.Checks[0].Why)
	}
}

// TestChallengeWithUndecodableLessonFails: a lesson whose own scenario
// does not decode fails its check instead of panicking.
func TestChallengeWithUndecodableLessonFails(t *testing.T) {
	l := Default()
	s, err := engine.Decode(l.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	c := &Challenge{Goal: "g", Traces: l.Challenge.Traces}
	c.bind([]byte("{"), nil)
	res := c.Check(s)
	if res.Solved || len(res.Checks) != 1 || res.Checks[0].OK || !strings.Contains(res.Checks[0].What, "decode") {
		t.Errorf("got %+v, want one failed check naming the decoding", res)
	}
}

// TestChallengeNamesMissingSource: a trace goal whose source the learner
// deleted fails with the engine's reason instead of tracing.
func TestChallengeNamesMissingSource(t *testing.T) {
	l := Default()
	s := mustScenario(t, l.ID, l.Scenario)
	s.VPCs[0].Instances = s.VPCs[0].Instances[:1] // i-public is gone
	res := l.Challenge.Check(s)
	if res.Solved || res.Checks[0].OK || !strings.Contains(res.Checks[0].Why, "i-public") {
		t.Errorf("got %+v", res.Checks[0])
	}
}

// TestForbidBucketPolicyChange: deleting the bucket policy would let
// i-public in, but the challenge forbids it.
func TestForbidBucketPolicyChange(t *testing.T) {
	l := Default()
	s := mustScenario(t, l.ID, l.Scenario)
	s.Buckets[0].Policy = nil
	res := l.Challenge.Check(s)
	if res.Solved {
		t.Fatal("solved by deleting the bucket policy")
	}
	for _, c := range res.Checks {
		if strings.Contains(c.What, "bucket and table policies") && c.OK {
			t.Errorf("bucketPolicyChange passed: %+v", c)
		}
	}
}

// TestForbidEndpointStateChange: setting an endpoint Available by hand does
// not count as acceptance (SVC-05).
func TestForbidEndpointStateChange(t *testing.T) {
	l := mustLesson(t, "endpoint-service-acceptance")
	s := solution(t, l.ID)
	s.VPCs[0].Endpoints[0].State = engine.StateAvailable
	if l.Challenge.Check(s).Solved {
		t.Error("solved with a state set by hand")
	}
}

// TestForbidWildcardPrincipal: allowing everyone is not the answer (SVC-04).
func TestForbidWildcardPrincipal(t *testing.T) {
	l := mustLesson(t, "endpoint-service-acceptance")
	s := mustScenario(t, l.ID, l.Scenario)
	s.EndpointServices[0].AllowedPrincipals = []string{"*"}
	res := l.Challenge.Check(s)
	if res.Solved {
		t.Error("solved by allowing every principal")
	}
}

// TestForbidOpenEndpointIngress: opening the endpoint to 0.0.0.0/0 reaches
// the goal but is refused (IF-03).
func TestForbidOpenEndpointIngress(t *testing.T) {
	l := mustLesson(t, "interface-endpoint-private-dns")
	s := mustScenario(t, l.ID, l.Scenario)
	for i, g := range s.VPCs[0].SecurityGroups {
		if g.ID == "sg-0endpoint" {
			s.VPCs[0].SecurityGroups[i].Ingress[0].CIDRIP = "0.0.0.0/0"
		}
	}
	res := l.Challenge.Check(s)
	if res.Solved {
		t.Fatal("solved by opening the endpoint to the internet")
	}
	if !res.Checks[0].OK {
		t.Errorf("the trace goal should pass with the open group: %+v", res.Checks[0])
	}
}

// TestForbidUnencryptedTopic: dropping the topic's encryption is not the
// answer (NTF-02).
func TestForbidUnencryptedTopic(t *testing.T) {
	l := mustLesson(t, "connection-notifications")
	s := mustScenario(t, l.ID, l.Scenario)
	for i := range s.SNSTopics {
		s.SNSTopics[i].KMSKey = ""
	}
	res := l.Challenge.Check(s)
	if res.Solved {
		t.Fatal("solved by removing the topic's encryption")
	}
	events := 0
	for _, c := range res.Checks {
		if strings.HasPrefix(c.What, "The actions log") && c.OK {
			events++
		}
	}
	if events != 3 {
		t.Errorf("the event goals should pass without encryption, %d of 3 did", events)
	}
}

// TestForbidNATGateway: the NAT path is refused even when the verdict is
// right.
func TestForbidNATGateway(t *testing.T) {
	l := mustLesson(t, "quotas-and-pitfalls")
	s := mustScenario(t, l.ID, l.Scenario)
	tr := engine.Trace{Hops: []engine.Hop{{Kind: engine.HopNAT, At: "nat-0hub"}}, Request: engine.TraceRequest{From: "i-0spoke", To: "x"}}
	if ok, why := forbidden["natGateway"].check(s, nil, []engine.Trace{tr}); ok || !strings.Contains(why, "nat-0hub") {
		t.Errorf("natGateway: %v %q", ok, why)
	}
	tr.Hops[0] = engine.Hop{Kind: engine.HopGateway, At: "igw-0hub"}
	if ok, _ := forbidden["internetGateway"].check(s, nil, []engine.Trace{tr}); ok {
		t.Error("internetGateway passed a trace through igw-0hub")
	}
}

// TestForbidVocabularyIsDescribed: every item has a description.
func TestForbidVocabularyIsDescribed(t *testing.T) {
	for _, f := range ForbidItems() {
		if d, ok := DescribeForbid(f); !ok || d == "" {
			t.Errorf("%s has no description", f)
		}
	}
	if _, ok := DescribeForbid("nope"); ok {
		t.Error("unknown item described")
	}
}

func TestCheckCompiledAgreesWithCheck(t *testing.T) {
	for _, l := range All() {
		if l.Challenge == nil {
			continue
		}
		s, err := engine.Decode(l.Scenario)
		if err != nil {
			t.Fatal(err)
		}
		w, err := engine.Compile(s)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := l.Challenge.CheckCompiled(s, w), l.Challenge.Check(s); !reflect.DeepEqual(got, want) {
			t.Errorf("lesson %s: CheckCompiled %+v, Check %+v", l.ID, got, want)
		}
	}
}
