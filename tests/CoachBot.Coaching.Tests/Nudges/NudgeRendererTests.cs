using CoachBot.Coaching.Nudges.Library;
using CoachBot.Coaching.Nudges.Rendering;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class NudgeRendererTests
{
    private static readonly NudgeLibrary Shipped = NudgeLibrary.LoadEmbedded();

    [Fact]
    public void EveryShippedIntentRendersForEveryStyleWithNoPlaceholderLeft()
    {
        var values = new NudgeValues("Sam", "120% of quota", DayOfWeek.Tuesday);

        // A deal-aware intent is only ever rendered with its deal's facts.
        var rendered = Shipped.Intents.SelectMany(i => CommunicationStyles.All.Select(s => NudgeRenderer.Render(i, s,
            i.Needs is { } needs ? values with { Deal = new CoachBot.Coaching.Nudges.Deals.DealFact(needs, "d1", "Acme", "Proposal", 12, 2) } : values))).ToList();

        Assert.Equal(Shipped.Intents.Count * 4, rendered.Count);
        Assert.All(rendered, r => Assert.DoesNotContain('{', r.Text));
        Assert.All(rendered, r => Assert.EndsWith(r.CallToAction, r.Text));
    }

    [Fact]
    public void PlaceholdersAreFilledFromTheRepsValues()
    {
        var intent = TestNudges.Intent("fill", FocusSkill.ObjectionHandling, edit: (_, r) =>
            new NudgeRendering("Hi {first_name}, {skill} on {weekday}, toward {goal}.", "Pick: (A) a, (B) b."));

        var rendered = NudgeRenderer.Render(intent, CommunicationStyle.Driver, new NudgeValues("Sam", "close Acme", DayOfWeek.Thursday));

        Assert.Equal("Hi Sam, objection handling on Thursday, toward your goal “close Acme”.", rendered.Body);
        Assert.Equal("Hi Sam, objection handling on Thursday, toward your goal “close Acme”.\n\nPick: (A) a, (B) b.", rendered.Text);
    }

    [Fact]
    public void MissingGoalReadsNaturally()
    {
        var intent = TestNudges.Intent("goal", edit: (_, r) => r with { Text = "A step toward {goal}." });

        var rendered = NudgeRenderer.Render(intent, CommunicationStyle.Amiable, new NudgeValues("Sam", "  ", DayOfWeek.Monday));

        Assert.Equal("A step toward your goal for this quarter.", rendered.Body);
    }

    [Fact]
    public void RepsOwnWordsLoseMarkupLineBreaksAndExcessLength()
    {
        var intent = TestNudges.Intent("clean", edit: (_, r) => r with { Text = "{first_name}: {goal}" });
        var goal = "<!channel> *win*\nbig " + new string('x', 200);

        var rendered = NudgeRenderer.Render(intent, CommunicationStyle.Amiable, new NudgeValues("Sam_<b>", goal, DayOfWeek.Monday));

        Assert.DoesNotContain('<', rendered.Body);
        Assert.DoesNotContain('*', rendered.Body);
        Assert.DoesNotContain('\n', rendered.Body);
        Assert.StartsWith("Samb: your goal “!channel win big xxx", rendered.Body);
        Assert.EndsWith("…”", rendered.Body);
    }

    [Fact]
    public void FollowUpRestatesTheIntentsActionInTheRepsStyle()
    {
        var intent = Shipped.Intents[0];

        var text = NudgeRenderer.RenderFollowUp(Shipped, intent, CommunicationStyle.Analytical, new NudgeValues("Sam", null, DayOfWeek.Monday));

        Assert.Contains(intent.Action, text);
        Assert.Contains(intent.Why, text);
        Assert.DoesNotContain('{', text);
    }

    [Fact]
    public void EachStyleGetsItsOwnWords()
    {
        var intent = Shipped.Intents[0];
        var values = new NudgeValues("Sam", null, DayOfWeek.Monday);

        var texts = CommunicationStyles.All.Select(s => NudgeRenderer.Render(intent, s, values).Text).ToList();

        Assert.Equal(4, texts.Distinct().Count());
    }
}
